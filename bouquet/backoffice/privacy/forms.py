"""Forms of the agents' pages for the data of people without an account."""

from django import forms
from django.utils.translation import gettext_lazy

from bouquet.core.forms import AccessibleForm


class SearchForm(AccessibleForm):
    q = forms.CharField(
        label=gettext_lazy("Prénom, pseudonyme ou contact"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Tel que la personne l'avait donné ; une partie suffit."),
    )


class EraseForm(AccessibleForm):
    confirmation = forms.CharField(
        label=gettext_lazy("Pour confirmer, recopiez le nom sous lequel la personne est enregistrée"),
        max_length=200,
    )

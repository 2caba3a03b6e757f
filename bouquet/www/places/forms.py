"""The address search form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.www.forms import AccessibleForm


class PlaceSearchForm(AccessibleForm):
    q = forms.CharField(
        label=_("Adresse, rue ou lieu"),
        min_length=2,
        max_length=200,
        help_text=_("Par exemple : « place du Marché » ou « 12 rue des Vanniers »."),
    )
    demarche = forms.SlugField(required=False, widget=forms.HiddenInput)

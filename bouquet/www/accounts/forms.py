"""Forms of the account pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import DayField
from bouquet.places.models import District
from bouquet.www.forms import AccessibleForm


class ProfileForm(AccessibleForm):
    display_name = forms.CharField(
        label=_("Nom affiché"),
        max_length=60,
        required=False,
        help_text=_(
            "Il apparaît à côté de vos contributions. Un prénom suffit ; votre e-mail n'est jamais montré."
        ),
    )
    district = forms.ModelChoiceField(
        label=_("Votre quartier"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("Je préfère ne pas le dire"),
    )


class TokenForm(AccessibleForm):
    name = forms.CharField(
        label=_("Nom du jeton"),
        max_length=80,
        help_text=_("Pour vous souvenir de son usage, par exemple « tableur »."),
    )


class EraseForm(AccessibleForm):
    confirmation = forms.CharField(
        label=_("Votre adresse e-mail, pour confirmer"),
        max_length=254,
        help_text=_("La suppression est définitive : on ne peut pas retrouver un compte supprimé."),
    )


class IdentityForm(AccessibleForm):
    """A person's details, as written on their mail from the town hall, to match the list of inhabitants."""

    given_name = forms.CharField(
        label=_("Prénom"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        help_text=_("Votre premier prénom suffit."),
    )
    family_name = forms.CharField(
        label=_("Nom de famille"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    birthdate = DayField(label=_("Date de naissance"), widget=forms.TextInput(attrs={"autocomplete": "bday"}))
    address = forms.CharField(
        label=_("Adresse"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        help_text=_("Numéro et rue, comme sur vos courriers (par exemple 12 rue des Lilas)."),
    )

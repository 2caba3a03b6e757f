"""Forms of the account pages."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import DayField
from bouquet.places.models import District
from bouquet.www.forms import AccessibleForm
from bouquet.www.human_check import HumanCheck


class SignupForm(HumanCheck, AllauthSignupForm):
    """allauth's sign-up (ACCOUNT_FORMS), with the site's robot checks (not allauth's honeypot, whose inline style
    the Content-Security-Policy blocks, which would leave it visible)."""


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


class InvitedAccountForm(AccessibleForm):
    """The account of someone who accepts an invitation and has none yet (their e-mail is the invited one)."""

    display_name = forms.CharField(
        label=_("Nom affiché"),
        max_length=60,
        help_text=_("Il apparaît à côté de vos décisions et de vos contributions."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label=_("Mot de passe"),
        help_text=_("10 caractères au moins."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Le même mot de passe, encore une fois"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", _("Les deux mots de passe diffèrent."))
        return data


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

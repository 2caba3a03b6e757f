"""Forms of the account pages."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

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

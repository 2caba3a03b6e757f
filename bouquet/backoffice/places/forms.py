"""Forms of the districts and identity pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm
from bouquet.places.models import Article

LOGO_TYPES = "image/png,image/jpeg,image/webp"


class DistrictForm(AccessibleForm):
    name = forms.CharField(label=_("Nom"), max_length=120)
    description = forms.CharField(
        label=_("Présentation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class IdentityForm(AccessibleForm):
    name = forms.CharField(
        label=_("Nom de la collectivité"),
        max_length=120,
        help_text=_("Par exemple : Ville de Val-de-Loirette."),
    )
    article = forms.ChoiceField(
        label=_("Article"),
        choices=[(value, label) for value, label in Article.choices if value],
        help_text=_("Celui qu'on dit devant le nom : « la » Ville de Val-de-Loirette."),
        # French words, whatever the language of the page.
        widget=forms.Select(attrs={"lang": "fr"}),
    )
    short_name = forms.CharField(
        label=_("Nom court"), max_length=60, help_text=_("Par exemple : Val-de-Loirette.")
    )
    primary_color = forms.CharField(
        label=_("Couleur principale"),
        max_length=7,
        help_text=_(
            "Sous la forme #1f5f8b. Le texte blanc écrit dessus doit rester lisible (contraste d'au moins 4,5 pour 1)."
        ),
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG ou WebP, 1 Mo au plus."),
        widget=forms.FileInput(attrs={"accept": LOGO_TYPES}),
    )
    remove_logo = forms.BooleanField(label=_("Retirer le logo actuel"), required=False)

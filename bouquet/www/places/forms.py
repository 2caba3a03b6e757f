"""The address search form, and the forms of the memory of places."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.core.errors import InvalidInput
from bouquet.core.forms import add_domain_errors, submission_key_field
from bouquet.places.geo import parse_coordinates
from bouquet.places.models import (
    ALT_MAX,
    MEMORY_STORY_MAX,
    MEMORY_TITLE_MAX,
    PLACE_DESCRIPTION_MAX,
    PLACE_NAME_MAX,
    REASON_MAX,
    ArchiveKind,
    District,
    PlaceKind,
)
from bouquet.www.forms import AccessibleForm


class PlaceSearchForm(AccessibleForm):
    q = forms.CharField(
        label=_("Adresse, rue ou lieu"),
        min_length=2,
        max_length=200,
        help_text=_("Par exemple : « place du Marché » ou « 12 rue des Vanniers »."),
    )
    demarche = forms.SlugField(required=False, widget=forms.HiddenInput)


class PlaceListForm(AccessibleForm):
    q = forms.CharField(label=_("Nom du lieu"), required=False, max_length=100)
    quartier = forms.ModelChoiceField(
        label=_("Quartier"), queryset=District.objects.order_by("name"), required=False, empty_label=_("Tous")
    )


class PlaceForm(AccessibleForm):
    name = forms.CharField(
        label=_("Nom du lieu"),
        max_length=PLACE_NAME_MAX,
        help_text=_("Le nom qu'on lui donne dans le quartier, par exemple « le lavoir de la Fontaine »."),
    )
    kind = forms.ChoiceField(label=_("Type de lieu"), choices=PlaceKind.choices, initial=PlaceKind.OTHER)
    description = forms.CharField(
        label=_("Présentation"),
        required=False,
        max_length=PLACE_DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ce qu'est ce lieu aujourd'hui, en quelques phrases."),
    )
    latitude = forms.CharField(
        label=_("Latitude"),
        max_length=20,
        help_text=_("Par exemple : 47,0125. Cherchez une adresse pour la trouver."),
    )
    longitude = forms.CharField(label=_("Longitude"), max_length=20, help_text=_("Par exemple : 1,0312."))
    cle = submission_key_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            data["point"] = parse_coordinates(data.get("latitude"), data.get("longitude"))
        except InvalidInput as error:
            add_domain_errors(self, error)
        return data


class MemoryForm(AccessibleForm):
    title = forms.CharField(
        label=_("Titre du souvenir"),
        max_length=MEMORY_TITLE_MAX,
        help_text=_("Par exemple : « Le bal du 14 juillet » ou « Le marché aux bestiaux »."),
    )
    when_text = forms.CharField(
        label=_("Quand ?"),
        max_length=60,
        help_text=_("Une date ou une période : « 1982 », « vers 1975 », « années 90 », « printemps 2003 »…"),
    )
    story = forms.CharField(
        label=_("Votre souvenir"), max_length=MEMORY_STORY_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    photo = forms.FileField(
        label=_("Une photo (facultatif)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG ou WebP, 5 Mo au plus. Ses informations cachées (appareil, lieu) sont effacées."
        ),
    )
    photo_alt = forms.CharField(
        label=_("Description de la photo"),
        required=False,
        max_length=ALT_MAX,
        help_text=_(
            "Obligatoire avec une photo : ce qu'elle montre, pour les personnes qui ne la voient pas."
        ),
    )
    cle = submission_key_field()


class ArchiveItemForm(AccessibleForm):
    kind = forms.ChoiceField(label=_("Type de document"), choices=ArchiveKind.choices)
    title = forms.CharField(label=_("Titre"), max_length=MEMORY_TITLE_MAX)
    when_text = forms.CharField(
        label=_("Date ou période"),
        max_length=60,
        help_text=_("Par exemple : « 1812 », « années 1930 », « mai 1968 »."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=MEMORY_STORY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    image = forms.FileField(
        label=_("Image (facultatif)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG ou WebP, 5 Mo au plus."),
    )
    image_alt = forms.CharField(label=_("Description de l'image"), required=False, max_length=ALT_MAX)
    link = forms.URLField(label=_("Lien vers le document"), required=False, assume_scheme="https")
    source = forms.CharField(
        label=_("Source"), max_length=200, help_text=_("Par exemple : Archives municipales, 1 Fi 245.")
    )
    licence = forms.CharField(
        label=_("Licence"), max_length=120, help_text=_("Par exemple : Licence Ouverte 2.0, domaine public.")
    )


class MemoryReportForm(AccessibleForm):
    reason = forms.CharField(
        label=_("Pourquoi ce souvenir pose-t-il problème ?"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : propos injurieux, données personnelles, publicité."),
    )

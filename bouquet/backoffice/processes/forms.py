"""Forms of the agents' process pages."""

import datetime as dt

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bouquet.core.forms import AccessibleForm
from bouquet.core.images import MAX_IMAGE_BYTES
from bouquet.places.choices import PlaceChoiceField
from bouquet.places.models import District, Place
from bouquet.processes.models import Component, PhaseKind, Process, default_components
from bouquet.processes.services import PhaseSpec, ProcessInput

IMAGE_TYPES = "image/jpeg,image/png,image/webp"


class ProcessForm(AccessibleForm):
    title = forms.CharField(label=_("Titre"), max_length=200)
    summary = forms.CharField(
        label=_("Résumé"),
        max_length=300,
        help_text=_("Une ou deux phrases, montrées dans la liste des démarches."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    district = forms.ModelChoiceField(
        label=_("Quartier concerné"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=_("Tout le territoire"),
    )
    lieu = PlaceChoiceField(
        label=_("Lieu concerné"),
        queryset=Place.objects.published().order_by("name"),
        required=False,
        empty_label=_("Aucun lieu précis"),
        help_text=_(
            "Une place, un parc, un bâtiment déjà nommé : la page de la démarche montre ce dont il se souvient, "
            "et la démarche rejoint l'histoire du lieu."
        ),
    )
    components = forms.MultipleChoiceField(
        label=_("Composants utilisés"),
        choices=Component.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Un composant décoché n'a plus de pages pour cette démarche."),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=format_lazy(
            _("JPEG, PNG ou WebP, {size} Mo au plus. Ses métadonnées (appareil, lieu) sont retirées."),
            size=MAX_IMAGE_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES}),
    )
    image_alt = forms.CharField(
        label=_("Description de l'image"),
        max_length=200,
        required=False,
        help_text=_("Ce que montre l'image, pour les personnes qui ne la voient pas."),
    )

    def __init__(self, *args: object, process: Process | None = None, **kwargs: object) -> None:
        if process is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": process.title,
                    "summary": process.summary,
                    "description": process.description,
                    "district": process.district_id,
                    "lieu": process.place_id,
                    "components": list(process.components),
                    "image_alt": process.image_alt,
                },
            )
        else:
            kwargs.setdefault("initial", {"components": default_components()})
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["image"].widget = forms.FileInput(attrs={"accept": IMAGE_TYPES})
        if process is not None and process.image:
            self.fields["remove_image"] = forms.BooleanField(
                label=_("Retirer l'image actuelle"), required=False
            )

    def to_input(self) -> ProcessInput:
        data = self.cleaned_data
        return ProcessInput(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            district=data["district"],
            place=data["lieu"],
            image_alt=data["image_alt"],
            components=[Component(value) for value in data["components"]],
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class PhaseForm(AccessibleForm):
    kind = forms.ChoiceField(label=_("Type de phase"), choices=PhaseKind.choices)
    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        required=False,
        help_text=_("Laisser vide pour reprendre le nom du type de phase."),
    )
    starts_on = forms.DateField(
        label=_("Début"), widget=DateInput(), help_text=_("Premier jour de la phase.")
    )
    ends_on = forms.DateField(label=_("Fin"), widget=DateInput(), help_text=_("Dernier jour de la phase."))
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def to_spec(self) -> PhaseSpec:
        data = self.cleaned_data
        starts_on: dt.date = data["starts_on"]
        ends_on: dt.date = data["ends_on"]
        return PhaseSpec(
            kind=PhaseKind(data["kind"]),
            starts_on=starts_on,
            ends_on=ends_on,
            title=data["title"],
            description=data["description"],
        )

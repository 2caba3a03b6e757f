"""Forms of the facilitators' workshop pages."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.core.forms import AccessibleForm, DayField
from bouquet.outreach.models import Format, MeetingKind, Workshop
from bouquet.outreach.services import WorkshopInput
from bouquet.places.models import District
from bouquet.processes.models import Process


class WorkshopForm(AccessibleForm):
    process = forms.ModelChoiceField(
        label=gettext_lazy("Démarche"), queryset=Process.objects.all(), empty_label=None
    )
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=MeetingKind.choices)
    title = forms.CharField(label=gettext_lazy("Thème"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Présentation"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=Format.choices)
    day = DayField(label=gettext_lazy("Jour"))
    starts = forms.TimeField(
        label=gettext_lazy("Heure de début"), help_text=gettext_lazy("Par exemple 18:30.")
    )
    ends = forms.TimeField(label=gettext_lazy("Heure de fin"))
    place_name = forms.CharField(label=gettext_lazy("Lieu"), max_length=200)
    address = forms.CharField(label=gettext_lazy("Adresse"), max_length=300, required=False)
    district = forms.ModelChoiceField(
        label=gettext_lazy("Quartier"), queryset=District.objects.order_by("name"), required=False
    )
    latitude = forms.FloatField(label=gettext_lazy("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=gettext_lazy("Longitude"), required=False, min_value=-180, max_value=180
    )
    step_free = forms.BooleanField(label=gettext_lazy("Lieu accessible en fauteuil roulant"), required=False)
    hearing_loop = forms.BooleanField(label=gettext_lazy("Boucle magnétique"), required=False)
    accessibility = forms.CharField(
        label=gettext_lazy("Accessibilité du lieu, en détail"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Accès, transports, garde d'enfants, interprète…"),
    )
    registration_open = forms.BooleanField(label=gettext_lazy("Inscription demandée"), required=False)
    capacity = forms.IntegerField(
        label=gettext_lazy("Nombre de places"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("Laissez vide pour ne pas limiter ; au-delà, une liste d'attente."),
    )

    def __init__(self, *args: Any, processes: list[Process], workshop: Workshop | None = None, **kwargs: Any):
        if workshop is not None:
            start, end = timezone.localtime(workshop.starts_at), timezone.localtime(workshop.ends_at)
            kwargs.setdefault(
                "initial",
                {
                    "process": workshop.process_id,
                    "kind": workshop.kind,
                    "title": workshop.title,
                    "description": workshop.description,
                    "format": workshop.format,
                    "day": start.strftime("%d/%m/%Y"),
                    "starts": start.strftime("%H:%M"),
                    "ends": end.strftime("%H:%M"),
                    "place_name": workshop.place_name,
                    "address": workshop.address,
                    "district": workshop.district_id,
                    "latitude": workshop.latitude,
                    "longitude": workshop.longitude,
                    "step_free": workshop.step_free,
                    "hearing_loop": workshop.hearing_loop,
                    "accessibility": workshop.accessibility,
                    "registration_open": workshop.registration_open,
                    "capacity": workshop.capacity,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["process"].widget.choices = [(p.pk, p.title) for p in processes]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Donnez la latitude et la longitude, ou aucune des deux."))
        return data

    def to_input(self) -> WorkshopInput:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        day: dt.date = data["day"]
        place = (data["latitude"], data["longitude"]) if data.get("latitude") is not None else None
        return WorkshopInput(
            process=data["process"],
            kind=data["kind"],
            title=data["title"],
            description=data.get("description") or "",
            format=data["format"],
            starts_at=dt.datetime.combine(day, data["starts"], tzinfo=zone),
            ends_at=dt.datetime.combine(day, data["ends"], tzinfo=zone),
            place_name=data["place_name"],
            address=data.get("address") or "",
            place=place,
            district=data.get("district"),
            step_free=bool(data.get("step_free")),
            hearing_loop=bool(data.get("hearing_loop")),
            accessibility=data.get("accessibility") or "",
            registration_open=bool(data.get("registration_open")),
            capacity=data.get("capacity"),
        )


class ReportForm(AccessibleForm):
    attendance = forms.IntegerField(label=gettext_lazy("Nombre de participants"), required=False, min_value=0)
    named_attendees = forms.CharField(
        label=gettext_lazy("Participants qui acceptent d'être nommés"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Un nom par ligne, seulement pour les personnes qui l'ont accepté."),
    )
    minutes = forms.CharField(
        label=gettext_lazy("Compte rendu"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    outcomes = forms.CharField(
        label=gettext_lazy("Ce qui en est sorti"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PhotoForm(AccessibleForm):
    image = forms.FileField(
        label=gettext_lazy("Photo"),
        help_text=gettext_lazy("JPEG, PNG ou WebP ; ses métadonnées (appareil, lieu) sont retirées."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt = forms.CharField(label=gettext_lazy("Description de la photo"), max_length=200)

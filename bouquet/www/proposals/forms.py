"""Forms of the proposals pages; they only parse input, the services validate and decide."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bouquet.core.errors import InvalidInput
from bouquet.core.french import format_number
from bouquet.places.choices import PlaceChoiceField
from bouquet.places.geo import parse_coordinates
from bouquet.places.models import District, Place
from bouquet.places.selectors import place_refusal
from bouquet.processes.models import Process
from bouquet.proposals.models import (
    ADDRESS_MAX,
    BODY_MAX,
    COMMENT_MAX,
    MESSAGE_MAX,
    REASON_MAX,
    TITLE_MAX,
    Origin,
    Status,
    Theme,
)
from bouquet.proposals.services import ProposalInput
from bouquet.www.forms import AccessibleForm, submission_key_field
from bouquet.www.human_check import HumanCheck


class ProposalForm(HumanCheck, AccessibleForm):
    title = forms.CharField(
        label=_("Titre"),
        max_length=TITLE_MAX,
        help_text=_("Une phrase courte qui dit ce que vous proposez."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    body = forms.CharField(
        label=_("Description"),
        max_length=BODY_MAX,
        # Interpolated when shown, in the reader's language and digits (not once, in French, at import).
        help_text=lazy(
            lambda: (
                gettext("Expliquez le besoin, pour qui, et ce qui changerait (%(n)s caractères au plus).")
                % {"n": format_number(BODY_MAX)}
            ),
            str,
        )(),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    district = forms.ModelChoiceField(
        label=_("Quartier"),
        queryset=District.objects.all(),
        required=False,
        empty_label=_("Tout le territoire"),
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"), queryset=Theme.objects.all(), required=False, empty_label=_("Aucun thème précis")
    )
    address = forms.CharField(
        label=_("Adresse ou lieu (facultatif)"),
        max_length=ADDRESS_MAX,
        required=False,
        help_text=_("Par exemple : « devant l'école Jules-Ferry » ou « 12 rue des Vanniers »."),
    )
    lieu = PlaceChoiceField(
        label=_("Lieu concerné (facultatif)"),
        queryset=Place.objects.published().order_by("name"),
        required=False,
        empty_label=_("Aucun lieu précis"),
        help_text=_(
            "Une place, une rue, un bâtiment ou un parc déjà nommé : sa mémoire s'affiche avant de proposer."
        ),
    )
    latitude = forms.CharField(label=_("Latitude (facultatif)"), required=False, max_length=32)
    longitude = forms.CharField(label=_("Longitude (facultatif)"), required=False, max_length=32)

    cle = submission_key_field()

    def clean(self) -> dict[str, Any]:
        """Check the place as a pair; the rest is the service's job."""
        data = super().clean() or {}
        try:
            data["place"] = parse_coordinates(data.get("latitude"), data.get("longitude"))
        except InvalidInput as error:
            for field, message in error.field_errors.items():
                self.add_error(field, str(message))
            return data
        if data["place"] is not None:
            # Refused here as well as by the service, so that the similar-proposals step never comes first.
            refusal = place_refusal(latitude=data["place"][0], longitude=data["place"][1])
            if refusal:
                self.add_error("latitude", refusal)
        return data

    def to_input(self) -> ProposalInput:
        """What the service needs."""
        data = self.cleaned_data
        return ProposalInput(
            title=data["title"],
            body=data["body"],
            district=data.get("district"),
            theme=data.get("theme"),
            place=data.get("place"),
            address=data.get("address", ""),
            named_place=data.get("lieu"),
            submission_key=data.get("cle"),
        )


class RecordedProposalForm(ProposalForm):
    """Facilitators say where a proposal they type in was gathered."""

    origin = forms.ChoiceField(label=_("Recueillie"), choices=Origin.choices, initial=Origin.ONLINE)


class FilterForm(AccessibleForm):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    district = forms.ModelChoiceField(
        label=_("Quartier"), queryset=District.objects.all(), required=False, empty_label=_("Tous")
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"), queryset=Theme.objects.all(), required=False, empty_label=_("Tous")
    )
    status = forms.ChoiceField(
        label=_("Statut"), choices=[("", _("Tous sauf retirées")), *Status.choices], required=False
    )
    sort = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[
            ("recent", _("Les plus récentes")),
            ("supports", _("Les plus soutenues")),
            ("random", _("Ordre aléatoire")),
            ("relevance", _("Pertinence (avec une recherche)")),
        ],
    )


class CommentForm(HumanCheck, AccessibleForm):
    body = forms.CharField(
        label=_("Votre commentaire"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    cle = submission_key_field()


class ReportForm(AccessibleForm):
    reason = forms.CharField(
        label=_("Pourquoi ce contenu pose-t-il problème ?"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : propos injurieux, données personnelles, publicité."),
    )


class ModerationForm(AccessibleForm):
    reason = forms.CharField(label=_("Motif de la décision"), max_length=REASON_MAX)


class ModerationFilterForm(AccessibleForm):
    demarche = forms.ModelChoiceField(
        label=_("Démarche"),
        queryset=Process.objects.none(),
        required=False,
        empty_label=_("Toutes celles que je modère"),
        to_field_name="slug",
    )

    def __init__(self, *args: Any, processes: QuerySet[Process], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["demarche"].queryset = processes  # type: ignore[attr-defined]


class AnswerForm(AccessibleForm):
    status = forms.ChoiceField(
        label=_("Statut"),
        choices=[(value, label) for value, label in Status.choices if value != Status.WITHDRAWN],
    )
    answer = forms.CharField(
        label=_("Réponse publique"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CoauthorRequestForm(AccessibleForm):
    message = forms.CharField(
        label=_("Un mot pour les auteurs (facultatif)"),
        max_length=MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Par exemple : ce que vous aimeriez ajouter, ou pourquoi cette idée vous tient à cœur."),
    )

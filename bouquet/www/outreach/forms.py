"""Forms of the outreach pages: the street quick entry, claiming one's contributions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from bouquet.core.forms import AccessibleForm
from bouquet.outreach.models import Workshop
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.proposals.models import BODY_MAX, TITLE_MAX

CONSENT_SENTENCE = gettext_lazy(
    "La personne accepte que sa contribution soit publiée sur la plateforme (sans son nom) et que son contact, "
    "si elle en donne un, serve seulement à lui dire ce qu'elle devient."
)


class StreetForm(AccessibleForm):
    """One contribution typed in the street or during a workshop, by a facilitator, for someone else."""

    process = forms.ModelChoiceField(
        label=gettext_lazy("Démarche"), queryset=Process.objects.filter(is_published=True), empty_label=None
    )
    workshop = forms.ModelChoiceField(
        label=gettext_lazy("Atelier"),
        queryset=Workshop.objects.all(),
        required=False,
        empty_label=gettext_lazy("Aucun : dans la rue, au marché…"),
    )
    name = forms.CharField(
        label=gettext_lazy("Prénom ou pseudonyme de la personne"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "words"}),
    )
    district = forms.ModelChoiceField(
        label=gettext_lazy("Son quartier"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("Ne sait pas ou ne dit pas"),
    )
    contact = forms.CharField(
        label=gettext_lazy("Son contact (facultatif)"),
        help_text=gettext_lazy("E-mail ou téléphone, pour lui dire ce que devient sa proposition."),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "email"}),
    )
    title = forms.CharField(
        label=gettext_lazy("Titre de la proposition"),
        max_length=TITLE_MAX,
        required=False,
        help_text=gettext_lazy(
            "Laissez vide pour ajouter sa voix à une proposition proche choisie plus bas."
        ),
    )
    body = forms.CharField(
        label=gettext_lazy("Ce que la personne propose"),
        max_length=BODY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    join = forms.IntegerField(required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(label=CONSENT_SENTENCE, required=False)
    cle = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, processes: list[Process], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The list offers the processes this person facilitates; another one sent anyway is refused by the
        # service with its reason (403), not as an unknown choice.
        self.fields["process"].widget.choices = [(p.pk, p.title) for p in processes]
        field = self.fields["workshop"]
        assert isinstance(field, forms.ModelChoiceField)  # nosec B101  # narrows the type for mypy; the line above made it so
        field.queryset = Workshop.objects.filter(process__in=processes).order_by("-starts_at")


class ClaimForm(AccessibleForm):
    contact = forms.CharField(
        label=gettext_lazy("Le contact que vous aviez donné"),
        help_text=gettext_lazy(
            "L'adresse e-mail de votre compte, donnée à l'animateur ou sur le formulaire papier."
        ),
        max_length=200,
    )

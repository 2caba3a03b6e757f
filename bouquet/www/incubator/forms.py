"""Forms of the lab's pages: they parse what people typed; the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bouquet.bouquets.engine import SDGS
from bouquet.core.forms import AccessibleForm, DayField
from bouquet.incubator.models import MemberRole, ResourceKind, Skill, SpaceEntryKind, Stage
from bouquet.places.models import District
from bouquet.proposals.models import Theme

BENEFICIARY_ROWS = 4


def sdg_choices() -> list[tuple[int, str]]:
    from django.utils.translation import gettext

    return [(g.number, f"{g.number}. {gettext(g.name)}") for g in SDGS]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False, max_length=100)
    stage = forms.ChoiceField(
        label=_("Étape"), required=False, choices=[("", _("Toutes"))] + list(Stage.choices)
    )
    district = forms.ModelChoiceField(
        label=_("Quartier"), required=False, queryset=District.objects.all(), empty_label=_("Tous")
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"), required=False, queryset=Theme.objects.all(), empty_label=_("Tous")
    )
    sdg = forms.TypedChoiceField(
        label=_("Objectif de développement durable"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sdg"].choices = [("", _("Tous"))] + sdg_choices()  # type: ignore[attr-defined]


class InitiativeForm(AccessibleForm):
    title = forms.CharField(label=_("Titre"), max_length=160)
    need = forms.CharField(
        label=_("Le besoin auquel elle répond"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ce qui manque aujourd'hui, dit simplement."),
    )
    for_whom = forms.CharField(
        label=_("Pour qui"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Les personnes concernées."),
    )
    district = forms.ModelChoiceField(
        label=_("Quartier"), required=False, queryset=District.objects.all(), empty_label=_("Toute la ville")
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"), required=False, queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    latitude = forms.FloatField(
        label=_("Latitude du lieu"), required=False, help_text=_("Facultatif : un point sur la carte.")
    )
    longitude = forms.FloatField(label=_("Longitude du lieu"), required=False)


class StartForm(InitiativeForm):
    """Starting one: the same fields, and beneficiaries without accounts for social workers and facilitators."""

    def __init__(self, *args: Any, with_beneficiaries: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_beneficiaries = with_beneficiaries
        if with_beneficiaries:
            for row in range(1, BENEFICIARY_ROWS + 1):
                self.fields[f"beneficiary_{row}"] = forms.CharField(
                    label=_("Bénéficiaire %(n)d : prénom ou nom d'usage") % {"n": row},
                    required=False,
                    max_length=80,
                )
                self.fields[f"consent_{row}"] = forms.BooleanField(
                    label=_("Cette personne a donné son accord pour être inscrite"), required=False
                )

    def beneficiary_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        if not self.with_beneficiaries:
            return []
        return [(self[f"beneficiary_{r}"], self[f"consent_{r}"]) for r in range(1, BENEFICIARY_ROWS + 1)]

    def main_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in ("title", "need", "for_whom", "district", "themes", "latitude", "longitude")
        ]


class SdgForm(AccessibleForm):
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Objectifs de développement durable"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sdgs"].choices = sdg_choices()  # type: ignore[attr-defined]


class InviteForm(AccessibleForm):
    email = forms.EmailField(
        label=_("Adresse e-mail de son compte"),
        help_text=_(
            "La personne doit avoir un compte sur la plateforme ; elle reçoit l'invitation dans son espace."
        ),
    )
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[
            (MemberRole.MEMBER.value, MemberRole.MEMBER.label),
            (MemberRole.LEAD.value, MemberRole.LEAD.label),
        ],
    )
    message = forms.CharField(label=_("Un mot pour elle (facultatif)"), required=False, max_length=300)


class BeneficiaryForm(AccessibleForm):
    name = forms.CharField(label=_("Prénom ou nom d'usage"), max_length=80)
    consent = forms.BooleanField(
        label=_("Cette personne a donné son accord pour être inscrite"), required=False
    )


class EntryForm(AccessibleForm):
    kind = forms.ChoiceField(label=_("Nature"), choices=SpaceEntryKind.choices)
    title = forms.CharField(label=_("Titre"), max_length=160)
    body = forms.CharField(label=_("Texte"), widget=forms.Textarea(attrs={"rows": 4}))
    held_on = DayField(label=_("Date"), required=False)


class TaskForm(AccessibleForm):
    title = forms.CharField(label=_("Tâche"), max_length=160)
    owner = forms.TypedChoiceField(label=_("Qui s'en charge"), required=False, coerce=int, empty_value=None)
    due_on = DayField(label=_("Pour le"), required=False)

    def __init__(self, *args: Any, members: list[tuple[int, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("Personne pour l'instant"))] + list(members or [])  # type: ignore[attr-defined]


class DocumentForm(AccessibleForm):
    name = forms.CharField(label=_("Nom du document"), max_length=150, required=False)
    file = forms.FileField(
        label=_("Fichier"),
        help_text=_(
            "PDF, image (JPEG, PNG, WebP), texte, OpenDocument ou Office ; 10 Mo au plus. Les photos perdent leurs métadonnées."
        ),
    )


class ResourceForm(AccessibleForm):
    kind = forms.ChoiceField(label=_("Nature"), choices=ResourceKind.choices)
    title = forms.CharField(label=_("Intitulé"), max_length=160)
    description = forms.CharField(
        label=_("Précisions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Compétences"),
        required=False,
        queryset=Skill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    hours_per_month = forms.IntegerField(
        label=_("Heures par mois"), required=False, min_value=0, max_value=200
    )


class ExchangeForm(AccessibleForm):
    helper = forms.TypedChoiceField(label=_("Initiative qui a aidé"), coerce=int)
    need = forms.TypedChoiceField(label=_("Pour quel besoin"), required=False, coerce=int, empty_value=None)
    what = forms.CharField(label=_("Avec quoi"), max_length=200)
    happened_on = DayField(label=_("Le"), required=False)
    need_met = forms.BooleanField(label=_("Le besoin est satisfait"), required=False)

    def __init__(
        self, *args: Any, helpers: list[tuple[int, str]], needs: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["helper"].choices = helpers  # type: ignore[attr-defined]
        self.fields["need"].choices = [("", _("Aucun en particulier"))] + needs  # type: ignore[attr-defined]


class EnergyForm(AccessibleForm):
    skills = forms.ModelMultipleChoiceField(
        label=_("Compétences"),
        required=False,
        queryset=Skill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    free_text = forms.CharField(
        label=_("En quelques mots"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ce que vous aimez faire, ce que vous savez faire."),
    )
    hours_per_month = forms.IntegerField(
        label=_("Heures par mois"), required=False, min_value=0, max_value=200
    )
    material = forms.CharField(label=_("Matériel que vous prêtez"), required=False, max_length=300)
    rooms = forms.CharField(label=_("Salle ou lieu que vous prêtez"), required=False, max_length=300)
    districts = forms.ModelMultipleChoiceField(
        label=_("Quartiers"),
        required=False,
        queryset=District.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"), required=False, queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )


class MentorSessionForm(AccessibleForm):
    held_on = DayField(label=_("Date de la séance"))
    summary = forms.CharField(label=_("Ce qui a été fait"), widget=forms.Textarea(attrs={"rows": 4}))
    next_steps = forms.CharField(
        label=_("Prochaines étapes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

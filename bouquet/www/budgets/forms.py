"""Forms of the budget pages; each one only parses input for a service."""

from collections.abc import Iterable
from typing import Any, ClassVar, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.models import User
from bouquet.bouquets.models import AllocationKind
from bouquet.budgets.counting.catalogue import DEFAULT_RULE, Rule
from bouquet.budgets.counting.tiebreak import DEFAULT_SEED
from bouquet.budgets.models import (
    BallotKind,
    Budget,
    BudgetProject,
    Eligibility,
    Feasibility,
)
from bouquet.budgets.services.setup import BudgetInput, ProjectInput, VoteDates, vote_phase_is_over
from bouquet.budgets.services.voting import PaperVoter
from bouquet.budgets.wording import RULE_CHOICES, RULE_WORDING, TIE_ORDER_CHOICES, RuleWording
from bouquet.core.forms import DayField
from bouquet.places.models import District
from bouquet.processes.models import Phase
from bouquet.proposals.models import Proposal, Theme
from bouquet.www.forms import AccessibleForm

SDG_CHOICES = [(n, str(n)) for n in range(1, 18)]
MAX_UPLOAD = 20 * 1024 * 1024


class BudgetForm(AccessibleForm):
    """The guided budget form: the vote's dates come from the process's vote phase (or create one), the recommended
    rule is chosen beforehand, each rule says what it does with an example, technical options wait under
    « Options avancées »."""

    title = forms.CharField(label=gettext_lazy("Titre"), max_length=200)
    description = forms.CharField(label=gettext_lazy("Présentation"), widget=forms.Textarea, required=False)
    amount = forms.IntegerField(
        label=gettext_lazy("Enveloppe totale (en euros)"),
        min_value=1,
        help_text=gettext_lazy("Un nombre entier d'euros, par exemple 150000."),
    )
    ballot_kind = forms.ChoiceField(label=gettext_lazy("Type de bulletin"), choices=BallotKind.choices)
    min_projects = forms.IntegerField(label=gettext_lazy("Nombre minimum de projets"), min_value=0, initial=1)
    max_projects = forms.IntegerField(
        label=gettext_lazy("Nombre maximum de projets"),
        min_value=1,
        required=False,
        help_text=gettext_lazy("Vide : pas de limite."),
    )
    points_total = forms.IntegerField(
        label=gettext_lazy("Points à répartir"),
        min_value=1,
        required=False,
        help_text=gettext_lazy("Seulement pour un bulletin à points."),
    )
    max_points_per_project = forms.IntegerField(
        label=gettext_lazy("Points au plus par projet"),
        min_value=1,
        required=False,
        help_text=gettext_lazy("Seulement pour un bulletin à points."),
    )
    eligibility = forms.ChoiceField(label=gettext_lazy("Qui peut voter"), choices=Eligibility.choices)
    minimum_age = forms.IntegerField(
        label=gettext_lazy("Âge minimum"),
        min_value=0,
        max_value=120,
        required=False,
        help_text=gettext_lazy("Vérifié au vote d'après une identité vérifiée (date de naissance)."),
    )
    is_secret = forms.BooleanField(
        label=gettext_lazy("Vote secret (seul le reçu remis au votant permet de modifier son bulletin)"),
        required=False,
    )
    requires_verification = forms.BooleanField(
        label=gettext_lazy("Identité vérifiée obligatoire pour voter en ligne"),
        help_text=gettext_lazy(
            "FranceConnect, liste des habitants ou pièce présentée à l'accueil : une personne, une voix, "
            "même entre vote en ligne et bulletin papier."
        ),
        required=False,
    )
    rule = forms.ChoiceField(
        label=gettext_lazy("Comment choisir les projets lauréats"),
        choices=RULE_CHOICES,
        initial=DEFAULT_RULE.value,
        widget=forms.RadioSelect,
    )
    # Options avancées: what only a specialist changes.
    threshold = forms.IntegerField(
        label=gettext_lazy("Nombre minimum de voix"),
        min_value=1,
        required=False,
        help_text=gettext_lazy("Seulement pour la règle qui demande un nombre minimum de voix."),
    )
    tie_break = forms.ChoiceField(
        label=gettext_lazy("En cas d'égalité entre deux projets, passe d'abord"), choices=TIE_ORDER_CHOICES
    )
    tie_break_seed = forms.CharField(
        label=gettext_lazy("Mot de départ du tirage au sort"),
        max_length=64,
        initial=DEFAULT_SEED,
        help_text=gettext_lazy(
            "Publié avec les résultats : chacun peut refaire le même tirage au sort et vérifier le départage."
        ),
    )

    ADVANCED: ClassVar[tuple[str, ...]] = ("threshold", "tie_break", "tie_break_seed")
    VOTE_DATES: ClassVar[tuple[str, ...]] = ("vote_starts_on", "vote_ends_on")

    def __init__(self, *args: Any, vote_phase: Phase | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vote_phase = vote_phase
        # No vote to come: the form asks for the dates of one, first, and the budget creates it.
        self.needs_vote_phase = vote_phase is None or vote_phase_is_over(vote_phase)
        if self.needs_vote_phase:
            self.fields["vote_starts_on"] = forms.DateField(
                label=_("Début du vote"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            )
            self.fields["vote_ends_on"] = forms.DateField(
                label=_("Fin du vote (dernier jour inclus)"),
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            )
        self.districts = list(District.objects.order_by("name"))
        for district in self.districts:
            self.fields[f"envelope_{district.pk}"] = forms.IntegerField(
                label=_("Enveloppe réservée au quartier %(name)s (en euros)") % {"name": district.name},
                min_value=1,
                required=False,
            )

    def rule_options(self) -> list[tuple[Any, RuleWording]]:
        """Each radio button of the rule with its words (label, sentence, example), in the table's order."""
        return [(choice, RULE_WORDING[Rule(choice.data["value"])]) for choice in self["rule"]]

    def envelope_fields(self) -> list[Any]:
        """The bound fields of the district envelopes."""
        return [self[f"envelope_{district.pk}"] for district in self.districts]

    @property
    def advanced_has_errors(self) -> bool:
        """Whether an advanced option was refused (its section then opens by itself)."""
        return any(name in self.errors for name in self.ADVANCED)

    def new_vote_phase(self) -> VoteDates | None:
        """The vote phase to create with the budget, when the form asked for one."""
        if not self.needs_vote_phase:
            return None
        return VoteDates(
            starts_on=self.cleaned_data["vote_starts_on"], ends_on=self.cleaned_data["vote_ends_on"]
        )

    def to_input(self) -> BudgetInput:
        data = self.cleaned_data
        envelopes = {d: data[f"envelope_{d.pk}"] for d in self.districts if data.get(f"envelope_{d.pk}")}
        return BudgetInput(
            title=data["title"],
            description=data["description"],
            amount=data["amount"],
            ballot_kind=data["ballot_kind"],
            min_projects=data["min_projects"] or 0,
            max_projects=data["max_projects"],
            points_total=data["points_total"],
            max_points_per_project=data["max_points_per_project"],
            eligibility=data["eligibility"],
            minimum_age=data["minimum_age"],
            rule=data["rule"],
            threshold=data["threshold"],
            tie_break=data["tie_break"],
            tie_break_seed=data["tie_break_seed"],
            is_secret=data["is_secret"],
            requires_verification=data["requires_verification"],
            envelopes=envelopes,
        )


class ProjectForm(AccessibleForm):
    proposal = forms.ModelChoiceField(
        label=gettext_lazy("À partir de la proposition"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=gettext_lazy("Facultatif : le titre, le texte, le quartier et le thème en sont repris."),
    )
    title = forms.CharField(label=gettext_lazy("Titre"), max_length=200, required=False)
    description = forms.CharField(label=gettext_lazy("Description"), widget=forms.Textarea, required=False)
    cost = forms.IntegerField(label=gettext_lazy("Coût estimé (en euros)"), min_value=1)
    min_cost = forms.IntegerField(label=gettext_lazy("Coût minimum (en euros)"), min_value=1, required=False)
    district = forms.ModelChoiceField(
        label=gettext_lazy("Quartier"),
        queryset=District.objects.order_by("name"),
        required=False,
        help_text=gettext_lazy("Laissez vide pour un projet qui concerne tout le territoire."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Thèmes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Objectifs de développement durable"),
        choices=SDG_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, budget: Budget, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["proposal"]).queryset = Proposal.objects.live().filter(
            process=budget.process_id
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("proposal") and not (data.get("title") or "").strip():
            self.add_error("title", _("Donnez un titre, ou choisissez une proposition."))
        return data

    def to_input(self) -> ProjectInput:
        data = self.cleaned_data
        return ProjectInput(
            title=data["title"],
            description=data["description"],
            cost=data["cost"],
            min_cost=data["min_cost"],
            district=data["district"],
            themes=data["themes"],
            sdgs=data["sdgs"],
        )


class ProjectEditForm(ProjectForm):
    """The same fields as a new project, without the proposal it would be made from."""

    def __init__(self, *args: Any, budget: Budget, **kwargs: Any) -> None:
        super().__init__(*args, budget=budget, **kwargs)
        del self.fields["proposal"]
        self.fields["title"].required = True

    def clean(self) -> dict[str, Any]:
        return forms.Form.clean(self) or {}

    @classmethod
    def initial_for(cls, project: BudgetProject) -> dict[str, Any]:
        """The project's current values, to start the form from."""
        return {
            "title": project.title,
            "description": project.description,
            "cost": project.cost,
            "min_cost": project.min_cost,
            "district": project.district_id,
            "themes": [t.pk for t in project.themes.all()],
            "sdgs": list(project.sdgs),
        }


class BouquetProjectForm(AccessibleForm):
    budget = forms.ModelChoiceField(label=gettext_lazy("Budget"), queryset=Budget.objects.none())
    title = forms.CharField(
        label=gettext_lazy("Titre du projet"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Laissez vide pour reprendre le nom du bouquet."),
    )
    cost = forms.IntegerField(label=gettext_lazy("Coût estimé (en euros)"), min_value=1)
    min_cost = forms.IntegerField(label=gettext_lazy("Coût minimum (en euros)"), min_value=1, required=False)

    def __init__(self, *args: Any, budgets: Iterable[Budget], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["budget"]).queryset = Budget.objects.filter(
            pk__in=[b.pk for b in budgets]
        )


class FeasibilityForm(AccessibleForm):
    feasibility = forms.ChoiceField(label=gettext_lazy("Avis"), choices=Feasibility.choices)
    note = forms.CharField(
        label=gettext_lazy("Explication pour les habitants"), widget=forms.Textarea, required=False
    )


class PaperVoterForm(AccessibleForm):
    """Who handed in a paper ballot, as the agent checked them at the desk with a document: no account needed."""

    given_name = forms.CharField(
        label=gettext_lazy("Prénom (le premier, comme sur la pièce)"), max_length=100
    )
    family_name = forms.CharField(label=gettext_lazy("Nom de famille (comme sur la pièce)"), max_length=100)
    birthdate = DayField(label=gettext_lazy("Date de naissance"))
    address = forms.CharField(
        label=gettext_lazy("Adresse vérifiée"),
        max_length=300,
        help_text=gettext_lazy(
            "Celle de la pièce ou d'un justificatif de domicile ; elle n'est pas enregistrée."
        ),
    )
    email = forms.EmailField(
        label=gettext_lazy("Adresse e-mail, si la personne a un compte"),
        required=False,
        help_text=gettext_lazy("Facultatif : son compte ne pourra plus voter en ligne dans ce budget."),
    )

    def clean_email(self) -> User | None:
        """The person's account, when the agent typed its address (it must then exist)."""
        email = self.cleaned_data.get("email")
        if not email:
            return None
        voter = User.objects.filter(email__iexact=email, erased_at__isnull=True).first()
        if voter is None:
            raise forms.ValidationError(_("Aucun compte n'a cette adresse ; laissez le champ vide."))
        return voter

    def person(self) -> PaperVoter:
        """The details the agent checked, for the service."""
        data = self.cleaned_data
        return PaperVoter(
            given_name=data["given_name"],
            family_name=data["family_name"],
            birthdate=data["birthdate"],
            address=data["address"],
        )


class ImportForm(AccessibleForm):
    file = forms.FileField(label=gettext_lazy("Fichier pabulib (.pb)"))
    title = forms.CharField(
        label=gettext_lazy("Titre du budget"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Laissez vide pour reprendre le titre inscrit dans le fichier."),
    )
    rule = forms.ChoiceField(
        label=gettext_lazy("Règle"),
        choices=[("", gettext_lazy("Celle du fichier")), *RULE_CHOICES],
        required=False,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
        return upload


class AllocationForm(AccessibleForm):
    kind = forms.ChoiceField(label=gettext_lazy("Nature"), choices=AllocationKind.choices)
    amount = forms.IntegerField(label=gettext_lazy("Quantité (euros ou heures)"), min_value=1)
    unit = forms.CharField(
        label=gettext_lazy("Unité"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("Laissez vide pour des euros (argent) ou des heures (temps de travail)."),
    )
    note = forms.CharField(label=gettext_lazy("Précision"), max_length=300, required=False)


def parse_choices(
    budget: Budget, projects: Iterable[BudgetProject], data: QueryDict
) -> tuple[dict[int, int], dict[str, str]]:
    """Read a ballot from a form: ticked projects, or points or ranks typed per project."""
    projects = list(projects)
    if BallotKind(budget.ballot_kind).ticks_projects:
        ticked = set(data.getlist("projet"))
        return {p.pk: 1 for p in projects if str(p.pk) in ticked}, {}
    prefix = "points" if budget.ballot_kind == BallotKind.CUMULATIVE else "rang"
    choices: dict[int, int] = {}
    errors: dict[str, str] = {}
    for project in projects:
        raw = (data.get(f"{prefix}-{project.pk}") or "").strip()
        if not raw:
            continue
        try:
            value = int(raw)
        except ValueError:
            errors[f"projet-{project.pk}"] = _("Écrivez un nombre entier.")
            continue
        if value < 0:
            errors[f"projet-{project.pk}"] = _("Une valeur négative n'est pas possible.")
            continue
        if value:
            choices[project.pk] = value
    return choices, errors

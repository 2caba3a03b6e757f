"""Writes that set a budget up: the budget and its envelopes, its projects, the authority's feasibility answers."""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bouquet.accounts.models import User
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.budgets.counting.catalogue import DEFAULT_RULE, RULES, Rule
from bouquet.budgets.counting.tiebreak import DEFAULT_SEED, TieOrder
from bouquet.budgets.models import (
    SDG_MAX,
    SDG_MIN,
    BallotKind,
    Budget,
    BudgetEnvelope,
    BudgetProject,
    Eligibility,
    Feasibility,
)
from bouquet.budgets.rules import require_manager, vote_has_started
from bouquet.core.errors import Conflict, DomainError, InvalidInput
from bouquet.core.french import format_date
from bouquet.places.models import District
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.services import PhaseSpec, add_phase
from bouquet.proposals.models import Proposal, Theme

TITLE_MAX = 200
# Above this, an amount is a typing slip (a participatory budget of a billion euros does not exist).
AMOUNT_MAX = 1_000_000_000


@dataclass(frozen=True)
class BudgetInput:
    """What an agent chose for a budget, before validation."""

    title: str
    amount: int
    description: str = ""
    currency: str = "EUR"
    ballot_kind: str = BallotKind.KNAPSACK
    min_projects: int = 1
    max_projects: int | None = None
    points_total: int | None = None
    max_points_per_project: int | None = None
    eligibility: str = Eligibility.SIGNED_IN
    minimum_age: int | None = None
    rule: str = DEFAULT_RULE
    tie_break: str = TieOrder.VOTES
    tie_break_seed: str = DEFAULT_SEED
    threshold: int | None = None
    is_secret: bool = False
    requires_verification: bool = False
    envelopes: Mapping[District, int] = field(default_factory=dict)


@dataclass(frozen=True)
class VoteDates:
    """The dates of the vote phase an agent creates together with a budget, when the process has none to come."""

    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class ProjectInput:
    """What an agent wrote for a project, before validation."""

    title: str
    cost: int
    description: str = ""
    min_cost: int | None = None
    district: District | None = None
    themes: Iterable[Theme] = ()
    sdgs: Iterable[int] = ()


def require_before_vote(budget: Budget, message: str | None = None) -> None:
    """Refuse a change to the projects once the vote has started (every voter must see the same ballot)."""
    if vote_has_started(budget):
        raise Conflict(message or _("Le vote a commencé : le projet ne peut plus changer."))


def vote_phase_of(process: Process) -> Phase | None:
    """The process's vote phase (the last one when there are several)."""
    return Phase.objects.filter(process=process, kind=PhaseKind.VOTE).order_by("-starts_on", "-id").first()


def vote_phase_is_over(phase: Phase, *, today: dt.date | None = None) -> bool:
    """Whether a vote phase has ended: a new budget needs a vote still to come (or running)."""
    return phase.ends_on < (today or timezone.localdate())


def _validate_vote_dates(dates: VoteDates, errors: dict[str, str]) -> None:
    if dates.starts_on < timezone.localdate():
        errors["vote_starts_on"] = _("Le vote ne peut pas commencer dans le passé.")
    if dates.ends_on < dates.starts_on:
        errors["vote_ends_on"] = _("Le vote doit se terminer après son début (ou le même jour).")


def _validate_budget(data: BudgetInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Ce champ est obligatoire.")
    elif len(data.title.strip()) > TITLE_MAX:
        errors["title"] = _("%(n)d caractères au plus.") % {"n": TITLE_MAX}
    if data.amount <= 0:
        errors["amount"] = _("L'enveloppe doit être un montant positif.")
    elif data.amount > AMOUNT_MAX:
        errors["amount"] = _("Plus d'un milliard d'euros : vérifiez le montant (en euros, sans centimes).")
    if data.ballot_kind not in BallotKind.values:
        errors["ballot_kind"] = _("Type de bulletin inconnu.")
    if data.eligibility not in Eligibility.values:
        errors["eligibility"] = _("Choix inconnu.")
    if data.rule not in Rule:
        errors["rule"] = _("Règle inconnue.")
    elif RULES[Rule(data.rule)].needs_threshold and not data.threshold:
        errors["threshold"] = _("La règle à seuil demande un seuil de voix.")
    if data.tie_break not in TieOrder:
        errors["tie_break"] = _("Ordre de départage inconnu.")
    if data.min_projects < 0:
        errors["min_projects"] = _("Doit être positif.")
    if data.max_projects is not None and data.max_projects < max(data.min_projects, 1):
        errors["max_projects"] = _("Le maximum doit être au moins égal au minimum (et à 1).")
    if data.ballot_kind == BallotKind.CUMULATIVE:
        if not data.points_total or data.points_total < 1:
            errors["points_total"] = _("Indiquez le nombre de points que chaque personne répartit.")
        elif data.max_points_per_project is not None and not (
            1 <= data.max_points_per_project <= data.points_total
        ):
            errors["max_points_per_project"] = _("Entre 1 et le nombre de points à répartir.")
    if data.minimum_age is not None and not 0 <= data.minimum_age <= 120:
        errors["minimum_age"] = _("Un âge entre 0 et 120 ans.")
    envelopes = dict(data.envelopes)
    if any(amount <= 0 for amount in envelopes.values()):
        errors["envelopes"] = _("Chaque enveloppe de quartier doit être un montant positif.")
    elif sum(envelopes.values()) > data.amount:
        errors["envelopes"] = _(
            "Les enveloppes des quartiers (%(sum)s €) dépassent l'enveloppe totale (%(total)s €)."
        ) % {"sum": sum(envelopes.values()), "total": data.amount}
    return errors


@transaction.atomic
def create_budget(
    *,
    agent: User,
    process: Process,
    data: BudgetInput,
    phase: Phase | None = None,
    new_vote_phase: VoteDates | None = None,
    imported: bool = False,
) -> Budget:
    """Open a participatory budget on a process's vote phase, with its envelopes per district.

    When the process has no vote phase to come, ``new_vote_phase`` creates one (through the processes app) in the
    same transaction: the budget and its phase are made together or not at all."""
    require_manager(agent)
    errors = _validate_budget(data)
    if new_vote_phase is not None:
        _validate_vote_dates(new_vote_phase, errors)
    else:
        phase = phase or vote_phase_of(process)
        if phase is None or phase.process_id != process.pk or phase.kind != PhaseKind.VOTE:
            errors["phase"] = _(
                "La démarche n'a pas de phase de vote : indiquez les dates du vote pour en créer une."
            )
        elif not imported and vote_phase_is_over(phase):
            raise Conflict(
                _(
                    "La phase de vote de cette démarche s'est terminée le %(date)s : indiquez les dates d'un "
                    "nouveau vote."
                )
                % {"date": format_date(phase.ends_on)},
                field_errors={"phase": _("Phase de vote terminée.")},
            )
    if errors:
        raise InvalidInput(
            _("Le budget n'a pas été créé : corrigez les champs signalés."), field_errors=errors
        )
    if new_vote_phase is not None:
        spec = PhaseSpec(
            kind=PhaseKind.VOTE, starts_on=new_vote_phase.starts_on, ends_on=new_vote_phase.ends_on
        )
        try:
            phase = add_phase(agent=agent, process=process, spec=spec)
        except DomainError as error:
            # The calendar's refusal (an overlap...) shown beside the vote's dates of this form.
            fields = {f"vote_{name}": message for name, message in error.field_errors.items()}
            raise type(error)(error.message, field_errors=fields) from error
    assert phase is not None  # nosec B101 - type narrowing: a vote phase of this process, or one just created
    budget = Budget.objects.create(
        process=process,
        phase=phase,
        title=data.title.strip(),
        description=data.description.strip(),
        amount=data.amount,
        currency=data.currency or "EUR",
        ballot_kind=data.ballot_kind,
        min_projects=data.min_projects,
        max_projects=data.max_projects,
        points_total=data.points_total if data.ballot_kind == BallotKind.CUMULATIVE else None,
        max_points_per_project=(
            data.max_points_per_project if data.ballot_kind == BallotKind.CUMULATIVE else None
        ),
        eligibility=data.eligibility,
        minimum_age=data.minimum_age,
        rule=data.rule,
        tie_break=data.tie_break,
        tie_break_seed=data.tie_break_seed or DEFAULT_SEED,
        threshold=data.threshold,
        is_secret=data.is_secret,
        requires_verification=data.requires_verification,
        is_imported=imported,
        created_by=agent,
    )
    BudgetEnvelope.objects.bulk_create(
        BudgetEnvelope(budget=budget, district=district, amount=amount)
        for district, amount in data.envelopes.items()
    )
    return budget


def _next_code(budget: Budget) -> str:
    numbers = [
        int(c)
        for c in BudgetProject.objects.filter(budget=budget).values_list("code", flat=True)
        if c.isdigit()
    ]
    return str(max(numbers, default=0) + 1)


def _validate_project(data: ProjectInput) -> tuple[ProjectInput, list[int]]:
    errors: dict[str, str] = {}
    title = data.title.strip()
    if len(title) < 3:
        errors["title"] = _("Écrivez au moins 3 caractères.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("%(n)d caractères au plus.") % {"n": TITLE_MAX}
    if data.cost <= 0:
        errors["cost"] = _("Le coût doit être un montant positif.")
    if data.min_cost is not None and not 0 < data.min_cost <= data.cost:
        errors["min_cost"] = _("Le coût minimum doit être positif et ne pas dépasser le coût estimé.")
    sdgs = sorted(set(data.sdgs))
    if any(not SDG_MIN <= n <= SDG_MAX for n in sdgs):
        errors["sdgs"] = _("Les objectifs de développement durable sont numérotés de 1 à 17.")
    if errors:
        raise InvalidInput(
            _("Le projet n'a pas été enregistré : corrigez les champs signalés."), field_errors=errors
        )
    return data, sdgs


@transaction.atomic
def create_project(
    *,
    agent: User,
    budget: Budget,
    data: ProjectInput,
    proposals: Iterable[Proposal] = (),
    bouquet: Bouquet | None = None,
    code: str | None = None,
) -> BudgetProject:
    """Put a project to the vote, before the vote starts."""
    require_manager(agent)
    locked = (
        Budget.objects.select_for_update().select_related("phase").get(pk=budget.pk)
    )  # one code at a time
    require_before_vote(locked, _("Le vote a commencé : la liste des projets ne peut plus changer."))
    clean, sdgs = _validate_project(data)
    chosen = list(proposals)
    if any(p.process_id != locked.process_id for p in chosen):
        raise InvalidInput(
            _("Un projet ne peut réunir que des propositions de la même démarche."),
            field_errors={"proposals": _("Proposition d'une autre démarche.")},
        )
    if code is not None and BudgetProject.objects.filter(budget=locked, code=code).exists():
        raise Conflict(_("Ce numéro de projet existe déjà dans ce budget."))
    project = BudgetProject.objects.create(
        budget=locked,
        code=code or _next_code(locked),
        title=clean.title.strip(),
        description=clean.description.strip(),
        cost=clean.cost,
        min_cost=clean.min_cost,
        district=clean.district,
        sdgs=sdgs,
        bouquet=bouquet,
    )
    themes = list(clean.themes)
    if themes:
        project.themes.add(*themes)
    if chosen:
        project.proposals.add(*chosen)
    return project


def _live(proposals: Iterable[Proposal]) -> list[Proposal]:
    return [p for p in proposals if p.is_live]


def create_project_from_proposal(
    *,
    agent: User,
    budget: Budget,
    proposal: Proposal,
    cost: int,
    min_cost: int | None = None,
    title: str = "",
    description: str = "",
) -> BudgetProject:
    """Make one proposal a project of the budget (its title, text, district and theme by default)."""
    data = ProjectInput(
        title=title or proposal.title,
        description=description or proposal.body,
        cost=cost,
        min_cost=min_cost,
        district=proposal.district,
        themes=[proposal.theme] if proposal.theme else [],
    )
    return create_project(agent=agent, budget=budget, data=data, proposals=[proposal])


def create_project_from_bouquet(
    *,
    agent: User,
    budget: Budget,
    bouquet: Bouquet,
    cost: int,
    min_cost: int | None = None,
    title: str = "",
    description: str = "",
) -> BudgetProject:
    """Make a whole bouquet one project: it takes the bouquet's proposals, themes, common district and SDGs."""
    if bouquet.process_id != budget.process_id:
        raise InvalidInput(
            _("Ce bouquet appartient à une autre démarche que le budget."),
            field_errors={"bouquet": _("Bouquet d'une autre démarche.")},
        )
    members = _live(
        placement.proposal
        for placement in Placement.objects.filter(bouquet=bouquet)
        .select_related("proposal")
        .order_by("proposal_id")
    )
    if not members:
        raise InvalidInput(_("Ce bouquet ne contient aucune proposition publiée."))
    districts = {p.district_id for p in members}
    district = members[0].district if len(districts) == 1 else None
    themes = {p.theme_id: p.theme for p in members if p.theme is not None}
    text = description or ngettext(
        "Ce projet reprend %(n)d proposition d'habitants : %(titles)s.",
        "Ce projet réunit %(n)d propositions d'habitants : %(titles)s.",
        len(members),
    ) % {
        "n": len(members),
        "titles": " ; ".join(p.title for p in members[:12]) + (" ; …" if len(members) > 12 else ""),
    }
    data = ProjectInput(
        title=title or bouquet.label,
        description=text,
        cost=cost,
        min_cost=min_cost,
        district=district,
        themes=list(themes.values()),
        sdgs=[int(n) for n in bouquet.confirmed_sdgs or []],
    )
    return create_project(agent=agent, budget=budget, data=data, proposals=members, bouquet=bouquet)


@transaction.atomic
def edit_project(*, agent: User, project: BudgetProject, data: ProjectInput) -> BudgetProject:
    """Correct a project's title, text, cost, district, themes or goals, until the vote starts.

    The proposals it gathers, its bouquet and its code do not change: the code is how results and files
    name it."""
    require_manager(agent)
    locked = (
        BudgetProject.objects.select_related("budget__phase")
        .select_for_update(of=("self",))
        .get(pk=project.pk)
    )
    require_before_vote(locked.budget)
    clean, sdgs = _validate_project(data)
    locked.title = clean.title.strip()
    locked.description = clean.description.strip()
    locked.cost = clean.cost
    locked.min_cost = clean.min_cost
    locked.district = clean.district
    locked.sdgs = sdgs
    locked.save(update_fields=["title", "description", "cost", "min_cost", "district", "sdgs", "updated_at"])
    locked.themes.set(list(clean.themes))
    return locked


@transaction.atomic
def answer_feasibility(*, agent: User, project: BudgetProject, feasibility: str, note: str) -> BudgetProject:
    """Record the authority's study of a project; a project found not feasible leaves the ballot."""
    require_manager(agent)
    locked = (
        BudgetProject.objects.select_related("budget__phase")
        .select_for_update(of=("self",))
        .get(pk=project.pk)
    )
    require_before_vote(locked.budget, _("Le vote a commencé : l'avis de faisabilité ne peut plus changer."))
    if feasibility not in Feasibility.values:
        raise InvalidInput(_("Avis inconnu."), field_errors={"feasibility": _("Avis inconnu.")})
    text = note.strip()
    if feasibility == Feasibility.NOT_FEASIBLE and not text:
        raise InvalidInput(
            _("Expliquez aux habitants pourquoi le projet n'est pas réalisable."),
            field_errors={"note": _("Ce champ est obligatoire pour un projet non réalisable.")},
        )
    locked.feasibility = feasibility
    locked.feasibility_note = text
    locked.save(update_fields=["feasibility", "feasibility_note", "updated_at"])
    return locked

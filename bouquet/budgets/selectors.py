"""Reads on budgets, each shaped for one screen or export."""

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _

from bouquet.bouquets.models import Allocation, AllocationKind, Bouquet, Placement
from bouquet.budgets.counting.pabulib import parse_pb_string
from bouquet.budgets.explain import Explanation, ProjectExplanation, explain
from bouquet.budgets.models import (
    TERRITORY_KEY,
    Ballot,
    BallotKind,
    BallotLine,
    Budget,
    BudgetEnvelope,
    BudgetProject,
    BudgetResult,
    Participation,
    SealedBallot,
)
from bouquet.budgets.rules import vote_has_started
from bouquet.core.charts import BarChart, Series, Unit
from bouquet.core.spreadsheet import neutralise
from bouquet.processes.models import Process


@dataclass(frozen=True)
class Part:
    """A part of the budget decided on its own: the territory-wide part, or one district's envelope."""

    key: str
    label: str
    amount: int
    district_id: int | None = None


def envelopes_of(budget: Budget) -> QuerySet[BudgetEnvelope]:
    """The budget's district envelopes, by district name."""
    return BudgetEnvelope.objects.filter(budget=budget).select_related("district").order_by("district__name")


def budget_parts(budget: Budget) -> list[Part]:
    """The territory-wide part (what the district envelopes leave) then one part per district envelope."""
    envelopes = list(envelopes_of(budget))
    if not envelopes:
        return [Part(key=TERRITORY_KEY, label=_("tout le territoire"), amount=budget.amount)]
    territory = budget.amount - sum(e.amount for e in envelopes)
    parts = [Part(key=TERRITORY_KEY, label=_("projets pour tout le territoire"), amount=territory)]
    parts += [
        Part(
            key=e.district.slug,
            label=_("quartier %(name)s") % {"name": e.district.name},
            amount=e.amount,
            district_id=e.district_id,
        )
        for e in envelopes
    ]
    return parts


def has_envelopes(parts: Sequence[Part]) -> bool:
    """Whether the budget is split into district envelopes (then voters choose only their district's projects)."""
    return any(part.district_id is not None for part in parts)


def part_of(project: BudgetProject, parts: list[Part]) -> Part:
    """The part of the budget a project draws on: its district's envelope, or the territory-wide part."""
    for part in parts:
        if part.district_id is not None and part.district_id == project.district_id:
            return part
    return parts[0]


def budgets_for_process(*, process: Process) -> QuerySet[Budget]:
    """A process's budgets, newest first, with their project counts."""
    return (
        Budget.objects.filter(process=process)
        .select_related("phase", "process")
        .annotate(project_count=Count("projects", distinct=True))
        .order_by("-created_at", "-id")
    )


def budgets_accepting_projects(*, process: Process) -> list[Budget]:
    """A process's budgets whose vote has not started, to which projects may still be added."""
    return [budget for budget in budgets_for_process(process=process) if not vote_has_started(budget)]


def budget_for_page(*, pk: int) -> Budget:
    """One budget with what its page shows."""
    return Budget.objects.select_related("process", "phase").get(pk=pk, process__is_published=True)


def ballot_projects(budget: Budget) -> QuerySet[BudgetProject]:
    """The projects on the ballot (not those found not feasible), in a stable order."""
    return (
        BudgetProject.objects.filter(budget=budget)
        .on_ballot()
        .select_related("district")
        .prefetch_related("themes")
        .order_by("district__name", "title", "id")
    )


def projects_for_page(budget: Budget) -> QuerySet[BudgetProject]:
    """Every project of a budget with its proposals counted."""
    return (
        BudgetProject.objects.filter(budget=budget)
        .select_related("district", "bouquet")
        .prefetch_related("themes")
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("title", "id")
    )


def project_for_page(*, budget: Budget, pk: int) -> BudgetProject:
    """One project with the proposals it gathers."""
    return (
        BudgetProject.objects.select_related("district", "bouquet", "budget")
        .prefetch_related("themes", Prefetch("proposals", queryset=_proposals()))
        .get(budget=budget, pk=pk)
    )


def _proposals() -> Any:
    from bouquet.proposals.models import Proposal

    return Proposal.objects.live().select_related("district").order_by("-support_count", "id")


def participation_of(*, voter: Any, budget: Budget) -> Participation | None:
    """The person's participation in a budget, if they voted."""
    if not getattr(voter, "is_authenticated", False):
        return None
    return Participation.objects.filter(budget=budget, voter=voter).first()


def current_choices(participation: Participation | None) -> dict[int, int]:
    """The choices of the ballot a person cast (budgets that are not secret): project id -> 1, points or rank."""
    if participation is None or participation.ballot_ref is None:
        return {}
    lines = BallotLine.objects.filter(ballot_id=participation.ballot_ref).values_list(
        "project_id", "points", "rank"
    )
    return {pk: rank if rank is not None else points for pk, points, rank in lines}


def ballots_for_export(budget: Budget) -> list[tuple[Ballot, list[BallotLine]]]:
    """Every anonymous ballot with its lines, ordered by random id (so the order reveals nothing)."""
    ballots = (
        Ballot.objects.filter(budget=budget)
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=BallotLine.objects.select_related("project").order_by("rank", "project__code"),
            )
        )
        .order_by("id")
    )
    return [(ballot, list(ballot.lines.all())) for ballot in ballots]


def turnout(budget: Budget) -> dict[str, int]:
    """How many people voted, online and on paper, and how many ballots there are (secret ones still sealed
    included)."""
    by_channel = dict(
        Participation.objects.filter(budget=budget).values_list("channel").annotate(n=Count("id")).order_by()
    )
    sealed = SealedBallot.objects.filter(budget=budget).count()
    return {
        "online": by_channel.get("online", 0),
        "paper": by_channel.get("paper", 0),
        "ballots": Ballot.objects.filter(budget=budget).count() + sealed,
        "sealed": sealed,
    }


def results_of(budget: Budget) -> list[BudgetResult]:
    """The stored results of a budget, territory part first."""
    results = list(BudgetResult.objects.filter(budget=budget).select_related("district"))
    return sorted(results, key=lambda r: (r.part != TERRITORY_KEY, r.part))


def results_published(budget: Budget) -> bool:
    """Whether an agent has computed (and so published) the budget's results."""
    return BudgetResult.objects.filter(budget=budget).exists()


def result_of_part(*, budget: Budget, part: str) -> BudgetResult:
    """The published result of one part of the budget (the territory-wide one when `part` is empty)."""
    return BudgetResult.objects.select_related("budget").get(budget=budget, part=part or TERRITORY_KEY)


def ballots_csv(*, result: BudgetResult) -> str:
    """The anonymous ballots of one part as CSV, one line per ballot and project, read from its published file;
    no cell runs as a spreadsheet formula."""
    election = parse_pb_string(result.pb_file)
    names = {p.id: p.name for p in election.projects}
    ranked = result.budget.ballot_kind == BallotKind.RANKED
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["bulletin", "projet", "titre", "points", "rang"])
    for ballot in election.ballots:
        points = ballot.points_by_project()
        for rank, code in enumerate(ballot.projects, start=1):
            # Titles come from inhabitants' proposals, ids from imported files: none may run as a formula.
            writer.writerow(
                [
                    neutralise(cell)
                    for cell in (
                        ballot.voter_id,
                        code,
                        names.get(code, ""),
                        points[code],
                        rank if ranked else "",
                    )
                ]
            )
    return buffer.getvalue()


def _bar_chart(totals: dict[str, int], *, title: str, label_heading: str) -> BarChart:
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return BarChart(
        title=title,
        labels=[label for label, _amount in ordered],
        series=[Series(_("Montant"), [amount for _label, amount in ordered])],
        unit=Unit.MONEY,
        label_heading=label_heading,
        show_share=True,
    )


def spending_breakdown(winners: list[BudgetProject]) -> dict[str, BarChart]:
    """Money granted to the winning projects per district and per theme (a project counts in each of its themes)."""
    by_district: dict[str, int] = defaultdict(int)
    by_theme: dict[str, int] = defaultdict(int)
    for project in winners:
        by_district[project.district.name if project.district else _("Tout le territoire")] += project.cost
        themes = [t.name for t in project.themes.all()] or [_("Sans thème")]
        for name in themes:
            by_theme[name] += project.cost
    return {
        "district": _bar_chart(
            by_district, title=_("Budget accordé par quartier"), label_heading=_("Quartier")
        ),
        "theme": _bar_chart(
            by_theme,
            title=_("Budget accordé par thème (un projet compte dans chacun de ses thèmes)"),
            label_heading=_("Thème"),
        ),
    }


@dataclass(frozen=True)
class ResultRow:
    """One project of a part's result: its votes and why it was funded or not."""

    code: str
    project: BudgetProject | None  # None for a code the budget no longer has
    why: ProjectExplanation
    votes: int


@dataclass(frozen=True)
class ResultPart:
    """The result of one part of the budget, explained: funded projects first, in the order the rule chose them."""

    result: BudgetResult
    explanation: Explanation
    rows: list[ResultRow]


@dataclass(frozen=True)
class ResultsPage:
    """What the results page shows: every part explained, the winners, the money they take and where it goes."""

    parts: list[ResultPart]
    winners: list[BudgetProject]
    spent: int
    charts: dict[str, BarChart]
    ballots: int


def _explained(result: BudgetResult, projects: dict[str, BudgetProject]) -> ResultPart:
    election = parse_pb_string(result.pb_file)
    votes = election.approval_counts()
    explanation = explain(result.outcome, {p.id: p.name for p in election.projects})
    winners = explanation.winners

    def order(code: str) -> tuple[bool, int, int]:
        rank = winners.index(code) if code in winners else len(winners)
        return (not explanation.projects[code].funded, rank, -votes.get(code, 0))

    rows = [
        ResultRow(
            code=code, project=projects.get(code), why=explanation.projects[code], votes=votes.get(code, 0)
        )
        for code in sorted(explanation.projects, key=order)
    ]
    return ResultPart(result=result, explanation=explanation, rows=rows)


def results_for_page(*, budget: Budget) -> ResultsPage:
    """The published results, read from the published files and explained project by project in plain French."""
    results = results_of(budget)
    projects = {p.code: p for p in projects_for_page(budget)}
    winners = [projects[code] for result in results for code in result.winners if code in projects]
    return ResultsPage(
        parts=[_explained(result, projects) for result in results],
        winners=winners,
        spent=sum(p.cost for p in winners),
        charts=spending_breakdown(winners),
        ballots=max((r.ballot_count for r in results), default=0),
    )


@dataclass(frozen=True)
class SobrietyReport:
    """How far the means of a process go thanks to bouquets."""

    euros: int
    covered: int
    through_bouquets: int
    one_by_one: int
    overlaps_avoided: int
    funded_bouquets: int
    means: list[dict[str, Any]]

    @property
    def per_thousand_euros(self) -> float | None:
        """Proposals answered for every thousand euros."""
        return round(1000 * self.covered / self.euros, 2) if self.euros else None

    @property
    def euros_per_proposal(self) -> int | None:
        """What answering one proposal cost on average, in whole euros (the figure a person reads)."""
        return round(self.euros / self.covered) if self.covered else None


def sobriety_report(*, process: Process) -> SobrietyReport:
    """Proposals answered per euro, through bouquets versus one by one, and the duplicate projects avoided.

    A proposal is answered when its bouquet received money, or when a winning budget project includes it.
    """
    money_bouquets = dict(
        Allocation.objects.filter(bouquet__process=process, kind=AllocationKind.MONEY)
        .values_list("bouquet")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    winners: list[BudgetProject] = []
    for result in BudgetResult.objects.filter(budget__process=process):
        codes = set(result.winners)
        winners += list(
            BudgetProject.objects.filter(budget_id=result.budget_id, code__in=codes).prefetch_related(
                "proposals"
            )
        )
    funded_bouquets = set(money_bouquets) | {p.bouquet_id for p in winners if p.bouquet_id}
    members: dict[int, set[int]] = defaultdict(set)
    for bouquet_id, proposal_id in Placement.objects.filter(bouquet_id__in=funded_bouquets).values_list(
        "bouquet_id", "proposal_id"
    ):
        members[bouquet_id].add(proposal_id)
    through_bouquets: set[int] = set().union(*members.values()) if members else set()
    one_by_one: set[int] = set()
    for project in winners:
        ids = {p.pk for p in project.proposals.all()}
        if project.bouquet_id:
            through_bouquets |= ids
        else:
            one_by_one |= ids
    one_by_one -= through_bouquets
    euros = sum(money_bouquets.values()) + sum(p.cost for p in winners)
    overlaps = sum(max(len(ids) - 1, 0) for ids in members.values())
    means: list[dict[str, Any]] = [
        dict(row)
        for row in Allocation.objects.filter(bouquet__process=process)
        .values("bouquet_id", "kind", "unit")
        .annotate(total=Sum("amount"))
        .order_by("bouquet_id", "kind")
    ]
    labels = dict(
        Bouquet.objects.filter(pk__in={row["bouquet_id"] for row in means}).values_list("pk", "label")
    )
    for row in means:
        row["bouquet"] = labels.get(row["bouquet_id"], "")
        row["kind_label"] = AllocationKind(row["kind"]).label
    return SobrietyReport(
        euros=euros,
        covered=len(through_bouquets | one_by_one),
        through_bouquets=len(through_bouquets),
        one_by_one=len(one_by_one),
        overlaps_avoided=overlaps,
        funded_bouquets=len(funded_bouquets),
        means=means,
    )

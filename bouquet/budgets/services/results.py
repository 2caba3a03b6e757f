"""Results: turn the stored ballots into pabulib elections, run the budget's rule, store and recount them.

The result of each part of the budget is computed from the very text of the ``.pb`` file that is published
(written, then parsed back), so that anyone running the same rule on the downloaded file finds the same winners.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.budgets import events
from bouquet.budgets.counting.catalogue import RULES, as_rule, run_rule
from bouquet.budgets.counting.models import APPROVAL, CUMULATIVE, ORDINAL, Election, Outcome, Project
from bouquet.budgets.counting.models import Ballot as RuleBallot
from bouquet.budgets.counting.pabulib import parse_pb_string, write_pb
from bouquet.budgets.counting.tiebreak import TieBreak
from bouquet.budgets.counting.trace import TraceError, outcome_to_json, winners_from_trace
from bouquet.budgets.models import TERRITORY_KEY, BallotKind, Budget, BudgetResult
from bouquet.budgets.rules import require_manager, results_can_be_computed
from bouquet.budgets.selectors import Part, ballot_projects, ballots_for_export, budget_parts, part_of
from bouquet.budgets.services.secret import mix_sealed_ballots
from bouquet.core.errors import Conflict
from bouquet.core.french import format_date

VOTE_TYPES = {
    BallotKind.APPROVAL: APPROVAL,
    BallotKind.KNAPSACK: APPROVAL,
    BallotKind.CUMULATIVE: CUMULATIVE,
    BallotKind.RANKED: ORDINAL,
}


def _date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _meta(budget: Budget, part: Part) -> dict[str, str]:
    meta = {
        key: value
        for key, value in (budget.source_meta or {}).items()
        if key not in {"num_projects", "num_votes", "budget", "vote_type"}
    }
    if not budget.is_imported:
        meta.update(
            {
                "description": budget.title,
                "country": "France",
                "unit": str(settings.BOUQUET_AUTHORITY.get("name", "")),
                "subunit": part.label,
                "instance": str(budget.phase.starts_on.year),
                "date_begin": _date(budget.phase.starts_on),
                "date_end": _date(budget.phase.ends_on),
                "language": "fr",
                "currency": budget.currency,
            }
        )
        pabulib_name = RULES[as_rule(budget.rule)].pabulib
        if pabulib_name is not None:  # pabulib has no name for some rules: `bouquet_rule` below says which
            meta["rule"] = pabulib_name
        if budget.ballot_kind in (BallotKind.APPROVAL, BallotKind.KNAPSACK, BallotKind.RANKED):
            meta["min_length"] = str(budget.min_projects)
            if budget.max_projects is not None:
                meta["max_length"] = str(budget.max_projects)
        if budget.ballot_kind == BallotKind.KNAPSACK:
            meta["max_sum_cost"] = str(part.amount)
        if budget.ballot_kind == BallotKind.CUMULATIVE:
            meta["max_sum_points"] = str(budget.points_total or 0)
            if budget.max_points_per_project is not None:
                meta["max_points"] = str(budget.max_points_per_project)
        if budget.threshold:
            meta["min_project_score_threshold"] = str(budget.threshold)
    meta["bouquet_rule"] = budget.rule
    meta["bouquet_tie_break"] = budget.tie_break
    meta["bouquet_tie_break_seed"] = budget.tie_break_seed
    if part.key != TERRITORY_KEY:
        meta["district"] = part.label
    return meta


def election_for_part(budget: Budget, part: Part) -> Election:
    """The pabulib election of one part of the budget: its projects and the anonymous ballots that chose some."""
    parts = budget_parts(budget)
    projects = [p for p in ballot_projects(budget) if part_of(p, parts).key == part.key]
    in_part = {p.pk for p in projects}
    rule_projects = [
        Project(
            id=p.code,
            cost=Fraction(p.cost),
            name=p.title,
            categories=tuple([t.name for t in p.themes.all()] or p.categories),
            min_cost=Fraction(p.min_cost) if p.min_cost is not None else None,
        )
        for p in sorted(projects, key=lambda p: (len(p.code), p.code))
    ]
    ballots: list[RuleBallot] = []
    for index, (ballot, lines) in enumerate(ballots_for_export(budget), start=1):
        mine = [line for line in lines if line.project_id in in_part]
        if not mine:
            continue
        if budget.ballot_kind == BallotKind.RANKED:
            mine.sort(key=lambda line: (line.rank or 0, line.project.code))
        points = (
            tuple(Fraction(line.points) for line in mine)
            if budget.ballot_kind == BallotKind.CUMULATIVE
            else None
        )
        ballots.append(
            RuleBallot(
                voter_id=ballot.source_id or str(index),
                projects=tuple(line.project.code for line in mine),
                points=points,
            )
        )
    columns = ["project_id", "cost", "name", "category"]
    if any(p.min_cost is not None for p in rule_projects):
        columns.append("min_cost")
    return Election(
        budget=Fraction(part.amount),
        projects=rule_projects,
        ballots=ballots,
        vote_type=VOTE_TYPES[BallotKind(budget.ballot_kind)],
        meta=_meta(budget, part),
        project_columns=columns,
        vote_columns=["voter_id", "vote", "points"]
        if budget.ballot_kind == BallotKind.CUMULATIVE
        else ["voter_id", "vote"],
    )


def published_file(budget: Budget, part: Part) -> str:
    """The text of the ``.pb`` file of one part of the budget, as the database holds it now."""
    return write_pb(election_for_part(budget, part))


def tie_break_of(budget: Budget) -> TieBreak:
    """The budget's published tie-breaking order."""
    return TieBreak(budget.tie_break, budget.tie_break_seed)


def run_on_file(text: str, *, rule: str, tie_break: TieBreak, threshold: int | None = None) -> Outcome:
    """Run a rule on the text of a ``.pb`` file (what anyone can do with the published file)."""
    return run_rule(parse_pb_string(text), rule, tie_break, threshold=threshold)


@dataclass(frozen=True)
class _Computed:
    part: Part
    text: str
    ballot_count: int
    outcome: Outcome


def _compute_parts(budget: Budget) -> list[_Computed]:
    """Run the budget's rule on the published file of each of its parts (reads only)."""
    computed = []
    for part in budget_parts(budget):
        text = published_file(budget, part)
        election = parse_pb_string(text)
        outcome = run_rule(election, budget.rule, tie_break_of(budget), threshold=budget.threshold)
        computed.append(_Computed(part, text, len(election.ballots), outcome))
    return computed


def _store_results(*, agent: User | None, budget: Budget, computed: list[_Computed]) -> list[BudgetResult]:
    results = []
    for item in computed:
        data = outcome_to_json(item.outcome)
        result, _created = BudgetResult.objects.update_or_create(
            budget=budget,
            part=item.part.key,
            defaults={
                "district_id": item.part.district_id,
                "amount": item.part.amount,
                "rule": item.outcome.rule,
                "tie_break": item.outcome.tie_break,
                "winners": item.outcome.winners,
                "spent": str(data["spent"]),
                "outcome": data,
                "ballot_count": item.ballot_count,
                "pb_file": item.text,
                "pb_sha256": hashlib.sha256(item.text.encode()).hexdigest(),
                "computed_by": agent,
            },
        )
        results.append(result)
    BudgetResult.objects.filter(budget=budget).exclude(part__in=[c.part.key for c in computed]).delete()
    return results


@transaction.atomic
def compute_results(*, agent: User | None, budget: Budget, force: bool = False) -> list[BudgetResult]:
    """Compute and store the result of every part of the budget with its rule, from the published files."""
    if agent is not None:
        require_manager(agent)
    if not force and not results_can_be_computed(budget):
        raise Conflict(
            _("Les résultats seront calculés après la fin du vote, le %(date)s.")
            % {"date": format_date(budget.phase.ends_on)}
        )
    Budget.objects.select_for_update().get(pk=budget.pk)  # one computation at a time
    mix_sealed_ballots(budget=budget)  # results wait for the last secret ballot
    results = _store_results(agent=agent, budget=budget, computed=_compute_parts(budget))
    events.results_published(budget, agent=agent)
    return results


def compute_imported_results(*, agent: User | None, budget: Budget) -> list[BudgetResult]:
    """The result of a budget replayed from a file, computed outside any transaction (its ballots no longer
    change) and stored in a short one: counting 200,000 ballots must not hold SQLite's write lock."""
    if not budget.is_imported:
        raise Conflict(_("Seuls les budgets importés d'un fichier se calculent ainsi."))
    computed = _compute_parts(budget)
    with transaction.atomic():
        Budget.objects.select_for_update().get(pk=budget.pk)
        return _store_results(agent=agent, budget=budget, computed=computed)


@dataclass(frozen=True)
class Recount:
    """What a recount found for one part of the budget."""

    result: BudgetResult
    recomputed: list[str]
    file_matches_database: bool
    trace_matches: bool

    @property
    def winners_match(self) -> bool:
        """Whether running the rule on the published file gives the published winners."""
        return self.recomputed == list(self.result.winners)

    @property
    def ok(self) -> bool:
        """Whether everything agrees."""
        return self.winners_match and self.file_matches_database and self.trace_matches


def recount(result: BudgetResult) -> Recount:
    """Recompute a published result from its published file, and check the file against the stored ballots."""
    budget = result.budget
    outcome = run_on_file(
        result.pb_file, rule=result.rule, tie_break=tie_break_of(budget), threshold=budget.threshold
    )
    part = next((p for p in budget_parts(budget) if p.key == result.part), None)
    matches_db = part is not None and published_file(budget, part) == result.pb_file
    try:
        trace_ok = winners_from_trace(
            result.outcome.get("trace", []), result.outcome.get("budget", 0)
        ) == list(result.winners)
    except (TraceError, KeyError, ValueError):
        trace_ok = False
    return Recount(
        result=result, recomputed=outcome.winners, file_matches_database=matches_db, trace_matches=trace_ok
    )

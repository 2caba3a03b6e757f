"""Replay a real election from a pabulib file: a budget, its projects and its anonymous ballots, then its result."""

import datetime as dt
from fractions import Fraction

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.budgets.counting.catalogue import DEFAULT_RULE, RULES, Rule, rule_from_pabulib
from bouquet.budgets.counting.models import APPROVAL, CHOOSE_1, CUMULATIVE, ORDINAL, Election
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb_bytes
from bouquet.budgets.models import Ballot, BallotKind, BallotLine, Budget, BudgetProject
from bouquet.budgets.rules import require_manager
from bouquet.budgets.services.results import compute_results
from bouquet.budgets.services.setup import BudgetInput, create_budget, vote_phase_of
from bouquet.core.errors import InvalidInput
from bouquet.processes.models import Process
from bouquet.proposals.models import Theme

TITLE_MAX = 200


def _refuse(message: str, line: int | None = None) -> InvalidInput:
    text = _("Le fichier n'a pas été importé : %(reason)s.") % {"reason": message}
    if line is not None:
        text = _("Le fichier n'a pas été importé (ligne %(line)d) : %(reason)s.") % {
            "line": line,
            "reason": message,
        }
    return InvalidInput(text, field_errors={"file": text})


def _whole(value: Fraction, what: str) -> int:
    if value.denominator != 1 or value < 0:
        raise _refuse(
            _("%(what)s n'est pas un nombre entier d'euros (%(value)s)") % {"what": what, "value": value}
        )
    return int(value)


def _meta_int(meta: dict[str, str], key: str) -> int | None:
    try:
        value = meta.get(key, "").strip()
        return int(Fraction(value)) if value else None
    except (ValueError, ZeroDivisionError):
        return None


def _settings(election: Election, title: str, rule: str | None) -> BudgetInput:
    meta = election.meta
    vote_type = election.vote_type
    if vote_type not in (APPROVAL, CHOOSE_1, CUMULATIVE, ORDINAL):
        raise _refuse(_("le type de vote « %(type)s » n'est pas pris en charge") % {"type": vote_type})
    chosen_rule = Rule(rule) if rule else rule_from_pabulib(meta.get("rule", "")) or DEFAULT_RULE
    threshold = _meta_int(meta, "min_project_score_threshold")
    if RULES[chosen_rule].needs_threshold and not threshold:
        chosen_rule = Rule.GREEDY_COST  # the file names no threshold: plain greedy by votes
    longest = max((len(b.projects) for b in election.ballots), default=1)
    kind = BallotKind.APPROVAL
    min_projects = max(min(_meta_int(meta, "min_length") or 1, longest), 1)
    max_projects = _meta_int(meta, "max_length")
    points_total = max_points = None
    if vote_type == CHOOSE_1:
        min_projects, max_projects = 1, 1
    elif vote_type == APPROVAL and meta.get("max_sum_cost"):
        kind = BallotKind.KNAPSACK
    elif vote_type == CUMULATIVE:
        kind = BallotKind.CUMULATIVE
        heaviest = max((sum(b.points or ()) for b in election.ballots), default=Fraction(1))
        points_total = _meta_int(meta, "max_sum_points") or int(heaviest)
        max_points = _meta_int(meta, "max_points")
    elif vote_type == ORDINAL:
        kind = BallotKind.RANKED
    if max_projects is not None and max_projects < min_projects:
        max_projects = None
    default_title = " · ".join(
        part
        for part in (
            meta.get("description"),
            meta.get("subunit") or meta.get("district"),
            meta.get("instance"),
        )
        if part
    )
    return BudgetInput(
        title=(title or default_title or _("Budget importé"))[:TITLE_MAX],
        description=_("Élection rejouée à partir d'un fichier pabulib publié."),
        amount=_whole(election.budget, _("le budget")),
        currency=(meta.get("currency") or "EUR")[:3],
        ballot_kind=kind,
        min_projects=min_projects,
        max_projects=max_projects,
        points_total=points_total,
        max_points_per_project=max_points,
        rule=chosen_rule,
        threshold=threshold if RULES[chosen_rule].needs_threshold else None,
    )


def _cast_on(meta: dict[str, str], fallback: dt.date) -> dt.date:
    try:
        return dt.datetime.strptime(meta.get("date_end", "").strip(), "%d.%m.%Y").date()  # noqa: DTZ007 - a date
    except ValueError:
        return fallback


@transaction.atomic
def import_pabulib(
    *,
    agent: User,
    process: Process,
    data: bytes,
    title: str = "",
    rule: str | None = None,
    compute: bool = True,
) -> Budget:
    """Create a budget from a pabulib file (projects, anonymous ballots) and compute its result; all or nothing."""
    require_manager(agent, _("Seuls les agents de la collectivité importent des fichiers."))
    try:
        election = parse_pb_bytes(data)
    except PabulibError as error:
        raise _refuse(str(error).split(" : ", 1)[-1] if error.line else str(error), error.line) from error
    if rule is not None and rule not in Rule:
        raise InvalidInput(_("Règle inconnue."), field_errors={"rule": _("Règle inconnue.")})
    phase = vote_phase_of(process)
    budget = create_budget(
        agent=agent, process=process, data=_settings(election, title, rule), phase=phase, imported=True
    )
    Budget.objects.filter(pk=budget.pk).update(source_meta=dict(election.meta))
    budget.refresh_from_db()
    themes = {t.name.casefold(): t for t in Theme.objects.all()}
    projects: dict[str, BudgetProject] = {}
    links = []
    for project in election.projects:
        name = (project.name or _("Projet %(id)s") % {"id": project.id})[:TITLE_MAX]
        matched = [themes[c.casefold()] for c in project.categories if c.casefold() in themes]
        min_cost = _whole(project.min_cost, _("le coût minimum")) if project.min_cost is not None else None
        projects[project.id] = BudgetProject(
            budget=budget,
            code=project.id[:40],
            title=name,
            cost=_whole(project.cost, _("le coût du projet %(id)s") % {"id": project.id}),
            min_cost=min_cost if min_cost is None or min_cost <= project.cost else None,
            categories=list(project.categories),
        )
        links.append((project.id, matched))
    BudgetProject.objects.bulk_create(projects.values())
    through = BudgetProject.themes.through
    through.objects.bulk_create(
        through(budgetproject_id=projects[pid].pk, theme_id=theme.pk)
        for pid, matched in links
        for theme in matched
    )
    cast_on = _cast_on(election.meta, budget.phase.ends_on)
    ballots = [Ballot(budget=budget, cast_on=cast_on, source_id=b.voter_id[:64]) for b in election.ballots]
    Ballot.objects.bulk_create(ballots, batch_size=2000)
    lines = []
    for ballot, source in zip(ballots, election.ballots, strict=True):
        points = source.points_by_project()
        for rank, pid in enumerate(source.projects, start=1):
            lines.append(
                BallotLine(
                    ballot=ballot,
                    project=projects[pid],
                    points=int(points[pid]) if budget.ballot_kind == BallotKind.CUMULATIVE else 1,
                    rank=rank if budget.ballot_kind == BallotKind.RANKED else None,
                )
            )
    BallotLine.objects.bulk_create(lines, batch_size=5000)
    if compute:
        compute_results(agent=agent, budget=budget)
    return budget

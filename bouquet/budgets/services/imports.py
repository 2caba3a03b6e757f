"""Replay a real election from a pabulib file: a budget, its projects and its anonymous ballots, then its result.

The file is read as pabutools reads it: its oddities come back as warnings for the agent (``ImportedElection``);
only what cannot be read or stored is refused, in French, with its line when it has one."""

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.budgets.counting.catalogue import DEFAULT_RULE, RULES, Rule, rule_from_pabulib
from bouquet.budgets.counting.models import (
    APPROVAL,
    CHOOSE_1,
    CUMULATIVE,
    ORDINAL,
    AbsurdNumber,
    Election,
    exact_number,
)
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb_bytes
from bouquet.budgets.models import Ballot, BallotKind, BallotLine, Budget, BudgetProject
from bouquet.budgets.rules import require_manager
from bouquet.budgets.services.results import compute_results
from bouquet.budgets.services.setup import BudgetInput, create_budget, vote_phase_of
from bouquet.core.errors import InvalidInput
from bouquet.processes.models import Process
from bouquet.proposals.models import Theme

TITLE_MAX = 200
CODE_MAX = 40  # BudgetProject.code
POINTS_MAX = 2**31 - 1  # PositiveIntegerField: points, points to share, threshold
SMALL_MAX = 2**15 - 1  # PositiveSmallIntegerField: ranks, numbers of projects


@dataclass(frozen=True)
class ImportedElection:
    """A budget replayed from a file, and what was odd in the file but read anyway (in French, for the agent)."""

    budget: Budget
    warnings: list[str]


def _refuse(message: str, line: int | None = None) -> InvalidInput:
    text = _("Le fichier n'a pas été importé : %(reason)s.") % {"reason": message}
    if line is not None:
        text = _("Le fichier n'a pas été importé (ligne %(line)d) : %(reason)s.") % {
            "line": line,
            "reason": message,
        }
    return InvalidInput(text, field_errors={"file": text})


def _whole(value: Fraction, what: str, top: int = 2**63 - 1) -> int:
    if value.denominator != 1 or value < 0:
        raise _refuse(
            _("%(what)s n'est pas un nombre entier positif (%(value)s)") % {"what": what, "value": value}
        )
    if value > top:
        raise _refuse(_("%(what)s est démesuré (%(value)s)") % {"what": what, "value": value})
    return int(value)


def _meta_int(meta: dict[str, str], key: str, top: int = POINTS_MAX) -> int | None:
    """An optional whole number of META; refused when absurd, ignored when it is no number (as before)."""
    value = meta.get(key, "").strip()
    if not value:
        return None
    try:
        number = exact_number(value)
    except AbsurdNumber:
        raise _refuse(_("la valeur « %(key)s » de META est démesurée") % {"key": key}) from None
    except (ValueError, ZeroDivisionError):
        return None
    if abs(number) > top:
        raise _refuse(_("la valeur « %(key)s » de META est démesurée") % {"key": key})
    return int(number)


def _settings(election: Election, title: str, rule: str | None, warnings: list[str]) -> BudgetInput:
    meta = election.meta
    vote_type = election.vote_type
    if vote_type not in (APPROVAL, CHOOSE_1, CUMULATIVE, ORDINAL):
        raise _refuse(_("le type de vote « %(type)s » n'est pas pris en charge") % {"type": vote_type})
    declared = meta.get("rule", "").strip()
    chosen_rule = Rule(rule) if rule else rule_from_pabulib(declared) or DEFAULT_RULE
    if not rule and declared and rule_from_pabulib(declared) is None:
        # The file says how the city counted, in words Bouquet does not know: say which rule counts instead.
        warnings.append(
            _("La règle « %(declared)s » du fichier est inconnue : le budget est compté avec « %(rule)s ».")
            % {"declared": declared[:60], "rule": chosen_rule.value}
        )
    threshold = _meta_int(meta, "min_project_score_threshold")
    if RULES[chosen_rule].needs_threshold and not threshold:
        chosen_rule = Rule.GREEDY_COST  # the file names no threshold: plain greedy by votes
        warnings.append(_("Le fichier ne donne pas de seuil de voix : le budget est compté sans seuil."))
    longest = max((len(b.projects) for b in election.ballots), default=1)
    kind = BallotKind.APPROVAL
    min_projects = max(min(_meta_int(meta, "min_length") or 1, longest), 1)
    max_projects = _meta_int(meta, "max_length", top=2**63)
    if max_projects is not None and max_projects >= len(election.projects):
        max_projects = None  # no more than every project: no limit (as pabutools reads it)
    points_total = max_points = None
    if vote_type == CHOOSE_1:
        min_projects, max_projects = 1, 1
    elif vote_type == APPROVAL and meta.get("max_sum_cost"):
        kind = BallotKind.KNAPSACK
    elif vote_type == CUMULATIVE:
        kind = BallotKind.CUMULATIVE
        heaviest = max((sum(b.points or ()) for b in election.ballots), default=Fraction(1))
        points_total = _meta_int(meta, "max_sum_points") or _whole(
            Fraction(int(heaviest)), _("le total de points d'un vote"), POINTS_MAX
        )
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


def _code(project_id: str) -> str:
    if len(project_id) > CODE_MAX:
        raise _refuse(
            _("l'identifiant de projet « %(id)s… » dépasse %(max)d caractères")
            % {"id": project_id[:CODE_MAX], "max": CODE_MAX}
        )
    return project_id


@transaction.atomic
def import_pabulib(
    *,
    agent: User,
    process: Process,
    data: bytes,
    title: str = "",
    rule: str | None = None,
    compute: bool = True,
) -> ImportedElection:
    """Create a budget from a pabulib file (projects, anonymous ballots) and compute its result; all or nothing.
    What is odd in the file but readable comes back as warnings."""
    require_manager(agent, _("Seuls les agents de la collectivité importent des fichiers."))
    try:
        election = parse_pb_bytes(data)
    except PabulibError as error:
        raise _refuse(str(error).split(" : ", 1)[-1] if error.line else str(error), error.line) from error
    if rule is not None and rule not in Rule:
        raise InvalidInput(_("Règle inconnue."), field_errors={"rule": _("Règle inconnue.")})
    warnings = [str(warning) for warning in election.warnings]
    phase = vote_phase_of(process)
    budget = create_budget(
        agent=agent,
        process=process,
        data=_settings(election, title, rule, warnings),
        phase=phase,
        imported=True,
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
            code=_code(project.id),
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
    cumulative = budget.ballot_kind == BallotKind.CUMULATIVE
    ranked = budget.ballot_kind == BallotKind.RANKED
    lines = []
    for ballot, source in zip(ballots, election.ballots, strict=True):
        points = source.points_by_project()
        if ranked and len(source.projects) > SMALL_MAX:
            raise _refuse(_("un vote classe plus de %(max)d projets") % {"max": SMALL_MAX})
        for rank, pid in enumerate(source.projects, start=1):
            lines.append(
                BallotLine(
                    ballot=ballot,
                    project=projects[pid],
                    points=_whole(points[pid], _("un nombre de points"), POINTS_MAX) if cumulative else 1,
                    rank=rank if ranked else None,
                )
            )
    BallotLine.objects.bulk_create(lines, batch_size=5000)
    if compute:
        compute_results(agent=agent, budget=budget)
    return ImportedElection(budget=budget, warnings=warnings)

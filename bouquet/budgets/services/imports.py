"""Replay a real election from a pabulib file: a budget, its projects and its anonymous ballots, then its result.

The file is read as pabutools reads it: its oddities come back as warnings for the agent (``ImportedElection``);
only what cannot be read or stored is refused, in French, with its line when it has one."""

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
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
from bouquet.budgets.counting.models import (
    Ballot as RuleBallot,
)
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb_bytes
from bouquet.budgets.models import Ballot, BallotKind, BallotLine, Budget, BudgetImport, BudgetProject
from bouquet.budgets.rules import require_manager
from bouquet.budgets.services.results import compute_imported_results, compute_results
from bouquet.budgets.services.setup import BudgetInput, create_budget, vote_phase_of
from bouquet.core.errors import DomainError, InvalidInput
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


@dataclass(frozen=True)
class PreparedImport:
    """A pabulib file read and checked, nothing written yet: what the budget will be, and the file's oddities."""

    election: Election
    settings: BudgetInput
    warnings: list[str]


def prepare_import(*, data: bytes, title: str = "", rule: str | None = None) -> PreparedImport:
    """Read a pabulib file and check everything that could refuse it (numbers, identifiers, ranks), writing
    nothing: an import that starts in the background no longer fails for the file half-way."""
    try:
        election = parse_pb_bytes(data)
    except PabulibError as error:
        raise _refuse(str(error).split(" : ", 1)[-1] if error.line else str(error), error.line) from error
    if rule is not None and rule not in Rule:
        raise InvalidInput(_("Règle inconnue."), field_errors={"rule": _("Règle inconnue.")})
    warnings = [str(warning) for warning in election.warnings]
    settings = _settings(election, title, rule, warnings)
    for project in election.projects:
        _code(project.id)
        _whole(project.cost, _("le coût du projet %(id)s") % {"id": project.id})
        if project.min_cost is not None:
            _whole(project.min_cost, _("le coût minimum"))
    cumulative = settings.ballot_kind == BallotKind.CUMULATIVE
    ranked = settings.ballot_kind == BallotKind.RANKED
    for source in election.ballots:
        if ranked and len(source.projects) > SMALL_MAX:
            raise _refuse(_("un vote classe plus de %(max)d projets") % {"max": SMALL_MAX})
        if cumulative:
            for points in source.points_by_project().values():
                _whole(points, _("un nombre de points"), POINTS_MAX)
    return PreparedImport(election=election, settings=settings, warnings=warnings)


def _create_budget(
    *, agent: User, process: Process, prepared: PreparedImport
) -> tuple[Budget, dict[str, BudgetProject]]:
    """The budget and its projects (themes matched by name), keyed by the file's project ids."""
    election = prepared.election
    budget = create_budget(
        agent=agent, process=process, data=prepared.settings, phase=vote_phase_of(process), imported=True
    )
    Budget.objects.filter(pk=budget.pk).update(source_meta=dict(election.meta))
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
    return Budget.objects.select_related("phase").get(pk=budget.pk), projects


def _write_ballots(
    *, budget: Budget, projects: dict[str, BudgetProject], sources: Sequence[RuleBallot], cast_on: dt.date
) -> None:
    """Write some of the file's anonymous ballots and their lines (checked by `prepare_import`)."""
    ballots = [Ballot(budget=budget, cast_on=cast_on, source_id=b.voter_id[:64]) for b in sources]
    Ballot.objects.bulk_create(ballots, batch_size=2000)
    cumulative = budget.ballot_kind == BallotKind.CUMULATIVE
    ranked = budget.ballot_kind == BallotKind.RANKED
    lines = []
    for ballot, source in zip(ballots, sources, strict=True):
        points = source.points_by_project() if cumulative else {}
        for rank, pid in enumerate(source.projects, start=1):
            lines.append(
                BallotLine(
                    ballot=ballot,
                    project=projects[pid],
                    points=int(points[pid]) if cumulative else 1,
                    rank=rank if ranked else None,
                )
            )
    BallotLine.objects.bulk_create(lines, batch_size=5000)


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
    """Create a budget from a pabulib file (projects, anonymous ballots) and compute its result; all or nothing,
    in one transaction (the command line, the demo; pages use ``queue_import`` and ``run_import``). What is
    odd in the file but readable comes back as warnings."""
    require_manager(agent, _("Seuls les agents de la collectivité importent des fichiers."))
    prepared = prepare_import(data=data, title=title, rule=rule)
    budget, projects = _create_budget(agent=agent, process=process, prepared=prepared)
    cast_on = _cast_on(prepared.election.meta, budget.phase.ends_on)
    _write_ballots(budget=budget, projects=projects, sources=prepared.election.ballots, cast_on=cast_on)
    if compute:
        compute_results(agent=agent, budget=budget)
    return ImportedElection(budget=budget, warnings=prepared.warnings)


# ---- in the background, in batches ------------------------------------------------------------------------

BATCH_BALLOTS = 2000  # ballots written per transaction: SQLite's write lock is held a fraction of a second
# A pause after each batch: SQLite's busy handler polls for the lock with growing sleeps (up to 100 ms), so a writer
# that is waiting gets its turn here instead of being overtaken by the next batch again and again.
PAUSE_BETWEEN_BATCHES_S = 0.15


@transaction.atomic
def queue_import(
    *, agent: User, process: Process, data: bytes, title: str = "", rule: str | None = None
) -> BudgetImport:
    """Check a pabulib file now (what cannot be read is refused at once, with its line) and keep it for the
    worker, which writes its budget in short batches (``run_import``)."""
    require_manager(agent, _("Seuls les agents de la collectivité importent des fichiers."))
    prepared = prepare_import(data=data, title=title, rule=rule)
    if vote_phase_of(process) is None:
        raise InvalidInput(
            _("La démarche n'a pas de phase de vote : ajoutez-en une avant d'importer un budget.")
        )
    return BudgetImport.objects.create(
        process=process,
        requested_by=agent,
        title=title,
        rule=rule or "",
        data=data,
        ballot_total=len(prepared.election.ballots),
        warnings=prepared.warnings,
    )


def _advance(job: BudgetImport, **fields: object) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    BudgetImport.objects.filter(pk=job.pk).update(**fields)


def run_import(*, import_id: int) -> BudgetImport:
    """Write a queued import's budget, projects and ballots, then its result: many short transactions, never
    one long one, so that the site keeps answering while 200,000 ballots go in; the progress is stored as it
    goes. If anything fails, what was written is removed and the import says why."""
    job = BudgetImport.objects.select_related("process", "requested_by").get(pk=import_id)
    if job.state != BudgetImport.State.QUEUED:
        return job
    _advance(job, state=BudgetImport.State.RUNNING, started_at=timezone.now(), progress=1)
    budget: Budget | None = None
    try:
        agent = job.requested_by
        if agent is None:
            raise InvalidInput(_("La personne qui a demandé l'import n'a plus de compte."))
        prepared = prepare_import(data=bytes(job.data), title=job.title, rule=job.rule or None)
        with transaction.atomic():
            budget, projects = _create_budget(agent=agent, process=job.process, prepared=prepared)
            _advance(job, budget=budget, progress=5)
        cast_on = _cast_on(prepared.election.meta, budget.phase.ends_on)
        sources = prepared.election.ballots
        for start in range(0, len(sources), BATCH_BALLOTS):
            batch = sources[start : start + BATCH_BALLOTS]
            with transaction.atomic():
                _write_ballots(budget=budget, projects=projects, sources=batch, cast_on=cast_on)
                done = start + len(batch)
                _advance(job, ballots_done=done, progress=5 + 85 * done // max(len(sources), 1))
            time.sleep(PAUSE_BETWEEN_BATCHES_S)
        compute_imported_results(agent=agent, budget=budget)
    except Exception as error:
        if budget is not None:
            Budget.objects.filter(pk=budget.pk).delete()
        message = str(error.message) if isinstance(error, DomainError) else _("erreur inattendue")
        _advance(
            job,
            state=BudgetImport.State.FAILED,
            error=message,
            budget=None,
            ballots_done=0,
            finished_at=timezone.now(),
        )
        if not isinstance(error, DomainError):
            raise
        return job
    _advance(job, state=BudgetImport.State.DONE, progress=100, data=b"", finished_at=timezone.now())
    return job

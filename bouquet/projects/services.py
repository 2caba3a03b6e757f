"""Writes on projects: create, import, date, report progress, and re-consult the people who took part."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.bouquets.models import Bouquet
from bouquet.budgets.models import Ballot, BallotLine, BudgetProject, Participation
from bouquet.core import french
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.images import clean_image
from bouquet.notifications import services as notifications
from bouquet.processes.models import Process
from bouquet.projects import months, reading, selectors
from bouquet.projects.models import (
    Answer,
    GapThresholds,
    Milestone,
    Origin,
    Project,
    Recipient,
    Reconsultation,
    ReconsultationAnswer,
    ReconsultationRequest,
    Result,
    ResultStatus,
    Status,
    Update,
    UpdateKind,
)
from bouquet.projects.notifications import PROJECT_UPDATE, RECONSULTATION
from bouquet.projects.rules import manages_projects, may_answer
from bouquet.proposals.models import Proposal, Support

IMPORT_BATCH = 1000


def _require_agent(user: User | None) -> None:
    if user is not None and not manages_projects(user):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité gèrent les projets."))


@transaction.atomic
def update_thresholds(
    *,
    agent: User,
    slip_months: int,
    vote_to_opening_months: int,
    silence_months: int,
    request_after_months: int,
) -> GapThresholds:
    """Save what the authority calls drifting."""
    _require_agent(agent)
    limits, _created = GapThresholds.objects.get_or_create(pk=1)
    limits.slip_months = slip_months
    limits.vote_to_opening_months = vote_to_opening_months
    limits.silence_months = silence_months
    limits.request_after_months = request_after_months
    limits.save()
    return limits


@dataclass
class ProjectInput:
    title: str
    description: str = ""
    cost: int | None = None
    department: str = ""
    theme_label: str = ""
    district_label: str = ""
    address: str = ""
    sdgs: list[int] = field(default_factory=list)
    status: str = Status.NOT_STARTED
    conceived: dt.date | None = None
    decided: dt.date | None = None
    studies: dt.date | None = None
    works: dt.date | None = None
    planned_delivery: dt.date | None = None
    delivered: dt.date | None = None


def _month(day: dt.date | None) -> int | None:
    return None if day is None else months.month_of(day)


def _check_dates(conceived: int | None, delivered: int | None) -> None:
    if conceived is not None and delivered is not None and delivered < conceived:
        message = _("L'ouverture ne peut pas précéder la conception ou le vote du projet.")
        raise InvalidInput(message, field_errors={"delivered": message})


@transaction.atomic
def create_project(
    *,
    agent: User | None,
    process: Process,
    data: ProjectInput,
    proposal: Proposal | None = None,
    budget_project: BudgetProject | None = None,
    bouquet: Bouquet | None = None,
    initiative_id: int | None = None,
) -> Project:
    """A project, from where it came (an accepted proposal, a budget winner, a bouquet, an initiative) or from
    the authority itself; what it came from fills what the agent left empty."""
    _require_agent(agent)
    if not data.title.strip():
        message = _("Donnez un titre au projet.")
        raise InvalidInput(message, field_errors={"title": message})
    origin = Origin.AGENT
    theme = district = None
    conceived = _month(data.conceived)
    if proposal is not None:
        origin, theme, district = Origin.PROPOSAL, proposal.theme, proposal.district
        conceived = (
            conceived
            if conceived is not None
            else months.month_of(timezone.localtime(proposal.created_at).date())
        )
    if bouquet is not None:
        origin = Origin.BOUQUET
        data.sdgs = data.sdgs or list(bouquet.confirmed_sdgs)
    if budget_project is not None:
        origin = Origin.BUDGET
        district = district or budget_project.district
        data.sdgs = data.sdgs or list(budget_project.sdgs)
        data.cost = data.cost if data.cost is not None else budget_project.cost
        theme = theme or budget_project.themes.first()
        vote = budget_project.budget.phase
        if conceived is None and vote is not None:
            conceived = months.month_of(vote.ends_on)
    if initiative_id is not None:
        origin = Origin.INITIATIVE
    delivered = _month(data.delivered)
    _check_dates(conceived, delivered)
    planned = _month(data.planned_delivery)
    project = Project.objects.create(
        process=process,
        title=data.title.strip(),
        description=data.description.strip(),
        origin=origin,
        proposal=proposal,
        budget_project=budget_project,
        bouquet=bouquet,
        initiative_id=initiative_id,
        cost=data.cost,
        department=data.department.strip(),
        theme=theme,
        theme_label=data.theme_label or (theme.name if theme else ""),
        district=district,
        district_label=data.district_label or (district.name if district else ""),
        address=data.address,
        sdgs=sorted(set(data.sdgs)),
        status=data.status,
        vote_year=months.year_of(conceived) if conceived is not None else None,
        conceived_month=conceived,
        decided_month=_month(data.decided) if data.decided else conceived,
        studies_month=_month(data.studies),
        works_month=_month(data.works),
        planned_delivery_month=planned,
        first_planned_delivery_month=planned,
        delivered_month=delivered,
        last_activity_month=selectors.this_month(),
    )
    return project


@transaction.atomic
def set_project_dates(
    *,
    agent: User,
    project: Project,
    status: str,
    planned_delivery: dt.date | None,
    delivered: dt.date | None,
    studies: dt.date | None = None,
    works: dt.date | None = None,
) -> Project:
    """Record where a project stands; the first planned delivery is kept, so that a postponement shows."""
    _require_agent(agent)
    delivered_month = _month(delivered)
    _check_dates(project.conceived_month, delivered_month)
    project.status = status
    project.planned_delivery_month = _month(planned_delivery)
    if project.first_planned_delivery_month is None:
        project.first_planned_delivery_month = project.planned_delivery_month
    project.delivered_month = delivered_month
    project.studies_month = _month(studies) if studies else project.studies_month
    project.works_month = _month(works) if works else project.works_month
    project.last_activity_month = selectors.this_month()
    project.save()
    return project


@transaction.atomic
def add_result(
    *, agent: User, project: Project, title: str, weight: int = 1, progress: int = 0,
    status: str = ResultStatus.PLANNED, parent: Result | None = None,
) -> Result:  # fmt: skip
    """A result of the project, under another one or at the top."""
    _require_agent(agent)
    if parent is not None and parent.project_id != project.pk:
        raise InvalidInput(_("Ce résultat appartient à un autre projet."))
    if not 0 <= progress <= 100:
        message = _("L'avancement se donne en pourcentage, de 0 à 100.")
        raise InvalidInput(message, field_errors={"progress": message})
    if status == ResultStatus.DONE:
        progress = 100
    result = Result.objects.create(
        project=project, parent=parent, title=title.strip(), weight=weight, progress=progress, status=status
    )
    Project.objects.filter(pk=project.pk).update(last_activity_month=selectors.this_month())
    return result


@transaction.atomic
def add_milestone(
    *, agent: User, project: Project, title: str, planned_on: dt.date, done_on: dt.date | None = None
) -> Milestone:
    """A step with its planned day (and the day it happened, when it did)."""
    _require_agent(agent)
    milestone = Milestone.objects.create(
        project=project, title=title.strip(), planned_on=planned_on, done_on=done_on
    )
    if done_on is not None:
        Project.objects.filter(pk=project.pk).update(last_activity_month=selectors.this_month())
    return milestone


@transaction.atomic
def post_update(
    *,
    agent: User | None,
    project: Project,
    title: str,
    body: str = "",
    happened_on: dt.date | None = None,
    photo: File[bytes] | None = None,
    photo_alt: str = "",
    kind: str = UpdateKind.NEWS,
) -> Update:
    """A news item on the project's public timeline (with a photo re-encoded without its metadata)."""
    _require_agent(agent)
    errors = {}
    if not title.strip():
        errors["title"] = _("Donnez un titre à la nouvelle.")
    if photo is not None and not photo_alt.strip():
        errors["photo_alt"] = _("Décrivez la photo en quelques mots pour les personnes qui ne la voient pas.")
    day = happened_on or timezone.localdate()
    if day > timezone.localdate():
        errors["happened_on"] = _("Une nouvelle ne peut pas être datée dans le futur.")
    if errors:
        raise InvalidInput(next(iter(errors.values())), field_errors=errors)
    picture = clean_image(photo, field="photo") if photo is not None else None
    update = Update(
        project=project,
        author=agent,
        kind=kind,
        title=title.strip(),
        body=body.strip(),
        photo_alt=photo_alt.strip() if picture else "",
        happened_on=day,
    )
    if picture is not None:
        update.photo.save(picture.name or "photo", picture, save=False)
    update.save()
    transaction.on_commit(
        lambda: notifications.announce(
            PROJECT_UPDATE.code, project, actor=agent, context={"title": update.title}
        )
    )
    Project.objects.filter(pk=project.pk).update(
        last_activity_month=max(selectors.this_month(), months.month_of(day))
    )
    return update


# --- Import -----------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    bad: list[reading.BadRow] = field(default_factory=list)


def _last_activity(row: reading.ProjectRow, today: int) -> int:
    past = [m for m in row.dates.values() if m is not None and m <= today]
    return max(past) if past else today


@transaction.atomic
def import_projects(
    *,
    agent: User | None,
    process: Process,
    table: Sequence[Sequence[str]],
    mapping: reading.ProjectMapping,
) -> ImportReport:
    """Import a table of projects: each good row becomes (or updates, by its reference) a project; bad rows are
    listed with their reasons and nothing of them is saved. A project's first planned delivery stays as first
    imported, so that a later file shows postponements."""
    _require_agent(agent)
    try:
        good, bad = reading.read_rows(table, mapping)
    except ValueError as error:
        raise InvalidInput(str(error)) from error
    report = save_project_rows(process=process, rows=good)
    report.bad = sorted([*bad, *report.bad], key=lambda bad_row: bad_row.line)
    return report


def save_project_rows(*, process: Process, rows: Sequence[reading.ProjectRow]) -> ImportReport:
    """Write rows already read whole: each becomes (or updates, by its reference) a project of ``process``; a
    reference met twice in the file is refused the second time. Called inside the import's transaction."""
    report = ImportReport()
    today = selectors.this_month()
    existing = {p.code: p for p in Project.objects.filter(process=process).exclude(code="")}
    seen: set[str] = set()
    to_create: list[Project] = []
    to_update: list[Project] = []
    fields: list[str] = []
    for row in rows:
        if row.code and row.code in seen:
            reason = _("la référence « %(code)s » revient plus haut dans le fichier") % {"code": row.code}
            report.bad.append(reading.BadRow(row.line, [reason], row.source))
            continue
        seen.add(row.code)
        project = existing.get(row.code) if row.code else None
        values = {
            "title": row.title,
            "description": row.description,
            "origin": Origin.IMPORT,
            "cost": row.cost,
            "department": row.department,
            "theme_label": row.theme,
            "district_label": row.district,
            "address": row.address,
            "sdgs": row.sdgs,
            "status": row.status,
            "vote_year": row.vote_year,
            "conceived_month": row.dates.get("conceived"),
            "decided_month": row.dates.get("decided"),
            "studies_month": row.dates.get("studies"),
            "procedure_month": row.dates.get("procedure"),
            "works_month": row.dates.get("works"),
            "planned_delivery_month": row.dates.get("planned_delivery"),
            "delivered_month": row.dates.get("delivered"),
            "last_activity_month": _last_activity(row, today),
            "source_row": row.source,
        }
        fields = list(values)
        if project is None:
            to_create.append(
                Project(
                    process=process,
                    code=row.code,
                    first_planned_delivery_month=row.dates.get("planned_delivery"),
                    **values,
                )
            )
        else:
            for name, value in values.items():
                setattr(project, name, value)
            if project.first_planned_delivery_month is None:
                project.first_planned_delivery_month = project.planned_delivery_month
            to_update.append(project)
    Project.objects.bulk_create(to_create, batch_size=IMPORT_BATCH)
    if to_update:
        Project.objects.bulk_update(
            to_update, [*fields, "first_planned_delivery_month"], batch_size=IMPORT_BATCH
        )
    report.created, report.updated = len(to_create), len(to_update)
    return report


# --- Re-consultation (« revoyure ») ---------------------------------------------------------------------------


@dataclass
class Reach:
    """Who a re-consultation reaches, and why: each person once, with every way they took part."""

    reasons: dict[int, set[str]] = field(default_factory=dict)
    whole_budget: bool = False

    def add(self, ids: Iterable[int | None], reason: str) -> None:
        for pk in ids:
            if pk is not None:
                self.reasons.setdefault(pk, set()).add(reason)


def people_who_took_part(project: Project) -> Reach:
    """The people who proposed, supported or voted for the project. Voters come from participation records
    only, never from secret ballots: in a secret budget every voter of the budget is reached (nobody can know
    who chose this project); in an open budget, those whose ballot chose it."""
    reach = Reach()
    proposals = Proposal.objects.none()
    if project.proposal_id:
        proposals = proposals | Proposal.objects.filter(pk=project.proposal_id)
    if project.budget_project_id:
        proposals = proposals | Proposal.objects.filter(budget_projects=project.budget_project_id)
    if project.bouquet_id:
        proposals = proposals | Proposal.objects.filter(placement__bouquet_id=project.bouquet_id)
    proposal_ids = list(proposals.live().values_list("pk", flat=True).distinct())
    if proposal_ids:
        reach.add(
            Proposal.objects.filter(pk__in=proposal_ids).values_list("author_id", flat=True), "proposed"
        )
        reach.add(
            Proposal.coauthors.through.objects.filter(proposal_id__in=proposal_ids).values_list(
                "user_id", flat=True
            ),
            "proposed",
        )
        reach.add(
            Support.objects.filter(proposal_id__in=proposal_ids).values_list("citizen_id", flat=True),
            "supported",
        )
    if project.budget_project_id:
        budget = BudgetProject.objects.select_related("budget").get(pk=project.budget_project_id).budget
        participations = Participation.objects.filter(budget=budget, voter__isnull=False)
        if budget.is_secret:
            reach.whole_budget = True
        else:
            chose = Ballot.objects.filter(
                pk__in=BallotLine.objects.filter(project_id=project.budget_project_id).values("ballot_id")
            ).values("pk")
            participations = participations.filter(ballot_ref__in=chose)
        reach.add(participations.values_list("voter_id", flat=True), "voted")
    active = set(User.objects.filter(pk__in=reach.reasons, is_active=True).values_list("pk", flat=True))
    reach.reasons = {pk: why for pk, why in reach.reasons.items() if pk in active}
    return reach


def open_reconsultation(
    *, agent: User, project: Project, question: str, closes_on: dt.date
) -> Reconsultation:
    """Ask the people who took part whether the project still answers their need; each is asked once (by
    notification and e-mail), however many ways they took part and however often this is called."""
    _require_agent(agent)
    errors = {}
    if not question.strip():
        errors["question"] = _("Écrivez ce que vous demandez aux participants.")
    if closes_on <= timezone.localdate():
        errors["closes_on"] = _("La date de fin des réponses doit être dans le futur.")
    if errors:
        raise InvalidInput(next(iter(errors.values())), field_errors=errors)
    reach = people_who_took_part(project)
    try:
        with transaction.atomic():
            Project.objects.select_for_update().get(pk=project.pk)
            reconsultation = Reconsultation.objects.create(
                project=project,
                opened_by=agent,
                question=question.strip(),
                closes_on=closes_on,
                reach={
                    "proposed": sum("proposed" in why for why in reach.reasons.values()),
                    "supported": sum("supported" in why for why in reach.reasons.values()),
                    "voted": sum("voted" in why for why in reach.reasons.values()),
                    "people": len(reach.reasons),
                    "whole_budget": reach.whole_budget,
                },
            )
            Recipient.objects.bulk_create(
                [
                    Recipient(reconsultation=reconsultation, person_id=pk, reasons=sorted(why))
                    for pk, why in reach.reasons.items()
                ],
                ignore_conflicts=True,
            )
            Project.objects.filter(pk=project.pk).update(last_activity_month=selectors.this_month())
            people = list(User.objects.filter(pk__in=reach.reasons))
            transaction.on_commit(lambda: _announce_reconsultation(reconsultation, people, agent))
    except IntegrityError as error:
        raise Conflict(_("Une revoyure est déjà ouverte sur ce projet.")) from error
    return reconsultation


def _announce_reconsultation(reconsultation: Reconsultation, people: list[User], agent: User) -> int:
    """Tell each person asked (notification, and e-mail as each chose)."""
    return notifications.announce(
        RECONSULTATION.code,
        reconsultation,
        actor=agent,
        recipients=people,
        context={
            "project": reconsultation.project.title,
            "closes_on": french.format_date(reconsultation.closes_on),
        },
    )


@transaction.atomic
def answer_reconsultation(
    *, person: User, reconsultation: Reconsultation, answer: str, comment: str = ""
) -> ReconsultationAnswer:
    """One person's answer (a second one replaces the first); the re-consultation row is locked so that answers
    and the closing queue, and a person's concurrent answers leave one row."""
    reconsultation = Reconsultation.objects.select_for_update().get(pk=reconsultation.pk)
    if not may_answer(person, reconsultation):
        raise ActionNotAllowed(_("Cette revoyure ne vous est pas adressée, ou elle est close."))
    if reconsultation.closes_on < timezone.localdate():
        raise Conflict(_("Les réponses à cette revoyure sont closes."))
    if answer not in Answer.values:
        message = _("Choisissez une réponse.")
        raise InvalidInput(message, field_errors={"answer": message})
    saved, _created = ReconsultationAnswer.objects.update_or_create(
        reconsultation=reconsultation,
        person=person,
        defaults={"answer": answer, "comment": comment.strip()[:2000]},
    )
    return saved


def summary_text(counts: dict[str, int]) -> str:
    """The answers in one French sentence for the timeline."""
    return (
        _(
            "%(answered)d personnes ont répondu sur %(asked)d interrogées : %(still_right)d le jugent toujours "
            "d'actualité, %(to_adapt)d à adapter, %(to_drop)d à abandonner."
        )
        % counts
    )


@transaction.atomic
def close_reconsultation(*, agent: User, reconsultation: Reconsultation) -> Update:
    """Close the answers and put their summary on the project's timeline."""
    _require_agent(agent)
    locked = Reconsultation.objects.select_for_update().get(pk=reconsultation.pk)
    if locked.closed_at is not None:
        raise Conflict(_("Cette revoyure est déjà close."))
    counts = selectors.answer_counts(locked)
    update = post_update(
        agent=agent,
        project=locked.project,
        title=_("Revoyure : ce qu'en disent les participants"),
        body=summary_text(counts),
        kind=UpdateKind.RECONSULTATION,
    )
    locked.closed_at = timezone.now()
    locked.summary_update = update
    locked.save(update_fields=["closed_at", "summary_update", "updated_at"])
    return update


def may_request(person: User, project: Project) -> bool:
    """An inhabitant may ask for a re-consultation when the project has had no news for long enough."""
    limits = selectors.thresholds()
    return (
        project.delivered_month is None
        and project.status not in selectors.FINISHED
        and project.last_activity_month <= selectors.this_month() - limits.request_after_months
    )


@transaction.atomic
def request_reconsultation(*, person: User, project: Project, message: str = "") -> ReconsultationRequest:
    """An inhabitant asks the authority to re-consult a project that has not moved (once per person)."""
    if not may_request(person, project):
        raise Conflict(
            _("Ce projet a donné des nouvelles récemment : une revoyure ne peut pas encore être demandée.")
        )
    request, _created = ReconsultationRequest.objects.get_or_create(
        project=project, person=person, defaults={"message": message.strip()[:1000]}
    )
    return request


def archive_process(*, title: str) -> Process:
    """A closed, published process that holds imported projects (made once, found again by its title)."""
    from django.utils.text import slugify

    slug = ("archive-" + slugify(title))[:190]
    process, _created = Process.objects.get_or_create(
        slug=slug,
        defaults={
            "title": title[:200],
            "summary": _("Projets importés pour suivre l'écart entre leur vote et leur réalisation.")[:300],
            "description": _(
                "Archive de projets importés d'un fichier public, suivis par la veille de l'écart."
            ),
            "components": [],
            "closed_at": timezone.now(),
        },
    )
    return process

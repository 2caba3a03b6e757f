"""Reads of projects, the gap dashboard and re-consultations, each shaped for one screen or endpoint."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.utils import timezone

from bouquet.core.personal import Rows, rows
from bouquet.projects import gap, months
from bouquet.projects.models import (
    GapThresholds,
    Milestone,
    Project,
    Recipient,
    Reconsultation,
    ReconsultationAnswer,
    ReconsultationRequest,
    Status,
    Update,
)

FINISHED = (Status.DELIVERED, Status.ABANDONED)


def this_month() -> int:
    """The current month, as stored."""
    return months.month_of(timezone.localdate())


def thresholds() -> GapThresholds:
    """The authority's thresholds (the defaults until an agent saves them)."""
    found = GapThresholds.objects.filter(pk=1).first()
    return found or GapThresholds(pk=1)


def drift_conditions(limits: GapThresholds, today: int) -> dict[str, Q]:
    """Each way a project drifts, as a condition: its planned delivery passed by more than the tolerated slip,
    or moved back by more than that; too long since the vote; too long without news. Only projects neither
    delivered nor abandoned drift."""
    return {
        "late": Q(planned_delivery_month__lt=today - limits.slip_months),
        "postponed": Q(planned_delivery_month__gt=F("first_planned_delivery_month") + limits.slip_months),
        "too_long": Q(conceived_month__lt=today - limits.vote_to_opening_months),
        "silent": Q(last_activity_month__lt=today - limits.silence_months),
    }


def drifting_condition(limits: GapThresholds, today: int) -> Q:
    """The one definition of a drifting project, in SQL."""
    conditions = list(drift_conditions(limits, today).values())
    either = conditions[0]
    for condition in conditions[1:]:
        either |= condition
    return Q(delivered_month__isnull=True) & ~Q(status__in=FINISHED) & either


def drift_reasons(project: Project, limits: GapThresholds, today: int) -> list[str]:
    """The codes of the ways one project drifts (same conditions as ``drifting_condition``, for its page)."""
    if project.delivered_month is not None or project.status in FINISHED:
        return []
    found = []
    if (
        project.planned_delivery_month is not None
        and project.planned_delivery_month < today - limits.slip_months
    ):
        found.append("late")
    if (
        project.planned_delivery_month is not None
        and project.first_planned_delivery_month is not None
        and project.planned_delivery_month > project.first_planned_delivery_month + limits.slip_months
    ):
        found.append("postponed")
    if (
        project.conceived_month is not None
        and project.conceived_month < today - limits.vote_to_opening_months
    ):
        found.append("too_long")
    if project.last_activity_month < today - limits.silence_months:
        found.append("silent")
    return found


@dataclass(frozen=True)
class ProjectFilters:
    """The filters shared by the project list, the dashboard and the API."""

    theme: str = ""
    district: str = ""
    year: int | None = None
    status: str = ""
    drifting: bool | None = None
    process: int | None = None

    def as_query(self) -> dict[str, str]:
        values = {
            "theme": self.theme,
            "district": self.district,
            "year": "" if self.year is None else str(self.year),
            "status": self.status,
            "drifting": "" if self.drifting is None else ("oui" if self.drifting else "non"),
        }
        return {k: v for k, v in values.items() if v}


def filtered(filters: ProjectFilters, *, public: bool = True) -> QuerySet[Project, Any]:
    """Projects matching the filters, annotated with ``drifting``."""
    limits, today = thresholds(), this_month()
    projects = (Project.objects.public() if public else Project.objects.all()).annotate(
        drifting=ExpressionWrapper(drifting_condition(limits, today), output_field=BooleanField())
    )
    if filters.theme:
        projects = projects.filter(theme_label=filters.theme)
    if filters.district:
        projects = projects.filter(district_label=filters.district)
    if filters.year is not None:
        projects = projects.filter(vote_year=filters.year)
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.process is not None:
        projects = projects.filter(process_id=filters.process)
    if filters.drifting is not None:
        condition = drifting_condition(limits, today)
        projects = projects.filter(condition if filters.drifting else ~condition)
    return projects


def projects_for_list(filters: ProjectFilters, *, public: bool = True) -> QuerySet[Project, Any]:
    """Projects for a list: drifting ones first, then the most recent votes."""
    return filtered(filters, public=public).order_by("-drifting", "-vote_year", "title", "id")  # type: ignore[misc]


# What the gap figures read of a project (``gap.summarise`` takes rows of these, in this order).
GAP_FIELDS = (
    "theme_label",
    "district_label",
    "conceived_month",
    "planned_delivery_month",
    "delivered_month",
    "status",
    "drifting",
)


def gap_figures(filters: ProjectFilters, *, public: bool = True) -> gap.GapFigures:
    """The dashboard's figures over the filtered projects, in one query and one pass: the database groups the
    projects that read the same (theme, district, months, status, drift) and counts them, so Python goes over a
    few thousand groups rather than every project (their number is bounded by themes x districts x months, not by
    the number of projects)."""
    fields = GAP_FIELDS
    rows = (
        filtered(filters, public=public)
        .order_by()  # no ORDER BY: sorting the groups is not needed
        .values_list(*fields)
        .annotate(n=Count("id"))
        .values_list(*fields, "n")
    )
    # Read at once, not through ``iterator()``: on PostgreSQL that declares a server-side cursor, which cost
    # more than the query itself (120 ms against 40 ms for 9,000 groups of 50,000 projects, bench/gap.py).
    return gap.summarise_counted(iter(rows), today=this_month(), abandoned=Status.ABANDONED)


def filter_choices(*, public: bool = True) -> dict[str, list[str]]:
    """The themes, districts and years the filters offer: one DISTINCT query over the three columns together (a
    few hundred combinations; one pass over the projects instead of three)."""
    projects = (Project.objects.public() if public else Project.objects.all()).order_by()
    themes: set[str] = set()
    districts: set[str] = set()
    years: set[int] = set()
    for theme, district, year in projects.values_list(
        "theme_label", "district_label", "vote_year"
    ).distinct():
        if theme:
            themes.add(theme)
        if district:
            districts.add(district)
        if year:
            years.add(year)
    return {
        "themes": sorted(themes),
        "districts": sorted(districts, key=gap.natural_order),
        "years": [str(y) for y in sorted(years, reverse=True)],
    }


def project_for_page(*, pk: int, public: bool = True) -> Project:
    """One project with its results, milestones, updates and re-consultations."""
    projects = Project.objects.public() if public else Project.objects.all()
    return (
        projects.select_related("process", "theme", "district", "proposal", "bouquet", "budget_project")
        .prefetch_related(
            "results",
            Prefetch("milestones", queryset=Milestone.objects.order_by("planned_on", "id")),
            Prefetch(
                "updates", queryset=Update.objects.select_related("author").order_by("-happened_on", "-id")
            ),
            Prefetch("reconsultations", queryset=Reconsultation.objects.order_by("-created_at")),
        )
        .get(pk=pk)
    )


def open_reconsultation_of(project: Project) -> Reconsultation | None:
    return next((r for r in project.reconsultations.all() if r.closed_at is None), None)


def answer_counts(reconsultation: Reconsultation) -> dict[str, int]:
    """How many answered each choice, and how many were asked."""
    counts = Counter(
        dict(
            ReconsultationAnswer.objects.filter(reconsultation=reconsultation)
            .values_list("answer")
            .annotate(n=Count("id"))
            .values_list("answer", "n")
        )
    )
    return {
        "still_right": counts["still_right"],
        "to_adapt": counts["to_adapt"],
        "to_drop": counts["to_drop"],
        "answered": sum(counts.values()),
        "asked": reconsultation.recipients.count(),
    }


def reconsultations_for_dashboard(*, public: bool = True) -> list[tuple[Reconsultation, dict[str, int]]]:
    """Re-consultations, newest first, with their answers counted (a handful: one query each)."""
    found = Reconsultation.objects.select_related("project").order_by("-created_at")
    if public:
        found = found.filter(project__is_published=True)
    return [(r, answer_counts(r)) for r in found[:20]]


def requests_for_dashboard() -> QuerySet[Project]:
    """Projects inhabitants asked to re-consult, with how many asked."""
    return (
        Project.objects.annotate(request_count=Count("reconsultation_requests"))
        .filter(request_count__gt=0)
        .order_by("-request_count", "id")
    )


def personal_data(*, person: Any) -> dict[str, Rows]:
    """What the follow-up of projects holds about a person (their export, docs/decisions/0013): the
    re-consultations they were asked, their answers and their requests for one."""
    return {
        "reconsultations_recues": rows(
            Recipient.objects.filter(person=person).order_by("id"),
            ["reconsultation__project__title", "reconsultation__question", "reasons"],
        ),
        "reponses_aux_reconsultations": rows(
            ReconsultationAnswer.objects.filter(person=person).order_by("id"),
            ["reconsultation__project__title", "answer", "comment", "created_at"],
        ),
        "demandes_de_reconsultation": rows(
            ReconsultationRequest.objects.filter(person=person).order_by("id"),
            ["project__title", "message", "created_at"],
        ),
        "nouvelles_de_projets_ecrites": rows(
            Update.objects.filter(author=person).order_by("id"), ["project__title", "title", "created_at"]
        ),
    }

"""Projects and the gap watch: what became of what people proposed and voted, and how long it took."""

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from bouquet.api.v1.pagination import BoundedPages
from bouquet.api.v1.params import Year
from bouquet.projects import gap, progress, selectors
from bouquet.projects.models import Project, Status

router = Router(tags=["projects"])


class ProjectOut(Schema):
    id: int
    code: str
    title: str
    status: str
    origin: str
    theme: str
    district: str
    vote_year: int | None
    cost: int | None
    department: str
    sdgs: list[int]
    drifting: bool
    conceived: str | None
    planned_delivery: str | None
    delivered: str | None
    vote_to_opening_months: int | None
    url: str

    @staticmethod
    def resolve_theme(obj: Project) -> str:
        return obj.theme_label

    @staticmethod
    def resolve_district(obj: Project) -> str:
        return obj.district_label

    @staticmethod
    def resolve_drifting(obj: Project) -> bool:
        return bool(getattr(obj, "drifting", False))

    @staticmethod
    def resolve_conceived(obj: Project) -> str | None:
        return obj.month("conceived")

    @staticmethod
    def resolve_planned_delivery(obj: Project) -> str | None:
        return obj.month("planned_delivery")

    @staticmethod
    def resolve_delivered(obj: Project) -> str | None:
        return obj.month("delivered")

    @staticmethod
    def resolve_url(obj: Project) -> str:
        return obj.get_absolute_url()


class DatesOut(Schema):
    conceived: str | None
    decided: str | None
    studies: str | None
    procedure: str | None
    works: str | None
    planned_delivery: str | None
    first_planned_delivery: str | None
    delivered: str | None
    last_activity: str | None


class MilestoneOut(Schema):
    title: str
    planned_on: dt.date
    done_on: dt.date | None


class ResultOut(Schema):
    id: int
    parent_id: int | None
    title: str
    status: str
    weight: int
    progress: int


class UpdateOut(Schema):
    kind: str
    title: str
    body: str
    happened_on: dt.date
    photo_url: str | None
    photo_alt: str


class ProjectDetailOut(Schema):
    id: int
    code: str
    title: str
    status: str
    origin: str
    theme: str
    district: str
    vote_year: int | None
    cost: int | None
    department: str
    sdgs: list[int]
    drifting: bool
    conceived: str | None
    planned_delivery: str | None
    delivered: str | None
    vote_to_opening_months: int | None
    url: str
    description: str
    address: str
    place_id: int | None
    drift_reasons: list[str]
    dates: DatesOut
    progress: int
    results: list[ResultOut]
    milestones: list[MilestoneOut]
    timeline: list[UpdateOut]


def _filters(
    theme: str | None, district: str | None, year: int | None, status: str | None, drifting: bool | None
) -> selectors.ProjectFilters:
    if status and status not in Status.values:
        raise HttpError(
            422, _("Avancement inconnu : choisissez parmi %(codes)s.") % {"codes": ", ".join(Status.values)}
        )
    return selectors.ProjectFilters(
        theme=theme or "", district=district or "", year=year, status=status or "", drifting=drifting
    )


@router.get("/projects", response=list[ProjectOut], summary="Projects, drifting ones first")
@paginate(BoundedPages, page_size=50)
def list_projects(
    request: HttpRequest,
    theme: str | None = None,
    district: str | None = None,
    year: Year | None = None,
    status: str | None = None,
    drifting: bool | None = None,
) -> object:
    """Published projects; filter by theme, district, year of vote, status (not_started, studies, procedure,
    works, delivering, delivered, abandoned) and drifting."""
    return selectors.projects_for_list(_filters(theme, district, year, status, drifting))


@router.get(
    "/projects/{project_id}",
    response=ProjectDetailOut,
    summary="One project: dates, milestones, progress, timeline",
)
def get_project(request: HttpRequest, project_id: int) -> dict[str, Any]:
    try:
        project = selectors.project_for_page(pk=project_id)
    except Project.DoesNotExist as error:
        raise Http404 from error
    limits, today = selectors.thresholds(), selectors.this_month()
    reasons = selectors.drift_reasons(project, limits, today)
    results = list(project.results.all())
    nodes = [progress.Node(r.id, r.parent_id, r.weight, r.progress) for r in results]
    rolled = progress.by_id(nodes)
    return {
        **{
            name: getattr(project, name)
            for name in (
                "id",
                "code",
                "title",
                "status",
                "origin",
                "vote_year",
                "cost",
                "department",
                "sdgs",
                "description",
                "address",
                "place_id",
            )
        },
        "theme": project.theme_label,
        "district": project.district_label,
        "drifting": bool(reasons),
        "drift_reasons": reasons,
        "conceived": project.month("conceived"),
        "planned_delivery": project.month("planned_delivery"),
        "delivered": project.month("delivered"),
        "vote_to_opening_months": project.vote_to_opening_months,
        "url": project.get_absolute_url(),
        "dates": {
            name: project.month(name)
            for name in (
                "conceived",
                "decided",
                "studies",
                "procedure",
                "works",
                "planned_delivery",
                "first_planned_delivery",
                "delivered",
                "last_activity",
            )
        },  # fmt: skip
        "progress": progress.project_progress(nodes),
        "results": [
            {
                "id": r.id,
                "parent_id": r.parent_id,
                "title": r.title,
                "status": r.status,
                "weight": r.weight,
                "progress": rolled[r.id],
            }
            for r in results
        ],
        "milestones": list(project.milestones.all()),
        "timeline": [
            {
                "kind": u.kind,
                "title": u.title,
                "body": u.body,
                "happened_on": u.happened_on,
                "photo_url": u.photo.url if u.photo else None,
                "photo_alt": u.photo_alt,
            }
            for u in project.updates.all()
        ],
    }


class QuartilesOut(Schema):
    n: int
    median: float | None
    q1: float | None
    q3: float | None


class GroupOut(QuartilesOut):
    label: str


class WaitingOut(Schema):
    years: int
    eligible: int
    waiting: int
    share: float | None


class GapOut(Schema):
    total: int
    delivered: int
    abandoned: int
    drifting: int
    vote_to_opening_months: QuartilesOut
    by_theme: list[GroupOut]
    by_district: list[GroupOut]
    by_year_of_vote: list[GroupOut]
    still_waiting_after_years: list[WaitingOut]
    slip_months: QuartilesOut
    delivered_late: int
    thresholds: dict[str, int]


def gap_payload(figures: gap.GapFigures) -> dict[str, Any]:
    """The dashboard's figures as JSON (the page shows the same)."""

    def groups(found: dict[Any, gap.Quartiles]) -> list[dict[str, Any]]:
        return [{"label": str(key), **_quartiles(q)} for key, q in found.items()]

    limits = selectors.thresholds()
    return {
        "total": figures.total,
        "delivered": figures.delivered,
        "abandoned": figures.abandoned,
        "drifting": figures.drifting,
        "vote_to_opening_months": _quartiles(figures.vote_to_opening),
        "by_theme": groups(figures.by_theme),
        "by_district": groups(figures.by_district),
        "by_year_of_vote": groups(figures.by_year),
        "still_waiting_after_years": [
            {"years": w.years, "eligible": w.eligible, "waiting": w.waiting, "share": w.share}
            for w in figures.still_waiting
        ],
        "slip_months": _quartiles(figures.slip),
        "delivered_late": figures.late,
        "thresholds": {
            "slip_months": limits.slip_months,
            "vote_to_opening_months": limits.vote_to_opening_months,
            "silence_months": limits.silence_months,
        },
    }


def _quartiles(q: gap.Quartiles) -> dict[str, Any]:
    return {"n": q.n, "median": q.median, "q1": q.q1, "q3": q.q3}


@router.get("/gap", response=GapOut, summary="The gap between vote and opening: the dashboard's figures")
def get_gap(
    request: HttpRequest,
    theme: str | None = None,
    district: str | None = None,
    year: Year | None = None,
    status: str | None = None,
    drifting: bool | None = None,
) -> dict[str, Any]:
    """Months from vote to opening over delivered projects (median and quartiles, overall and by theme, district
    and year of vote), share still waiting after N years, slip between planned and actual delivery; the same
    filters as ``/projects``."""
    return gap_payload(selectors.gap_figures(_filters(theme, district, year, status, drifting)))

"""Published workshops and public meetings: when, where, in what format, how many came, the minutes, and how many
contributions were gathered there. Only the people who agreed to be named are named."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from bouquet.api.v1.pagination import BoundedPages
from bouquet.outreach import selectors
from bouquet.outreach.models import Workshop

router = Router(tags=["workshops"])


class WorkshopOut(Schema):
    id: int
    process_slug: str
    kind: str
    title: str
    format: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place_name: str
    address: str
    latitude: float | None
    longitude: float | None
    district_id: int | None
    step_free: bool
    hearing_loop: bool
    accessibility: str
    capacity: int | None
    attendance: int | None
    contribution_count: int
    url: str

    @staticmethod
    def resolve_process_slug(obj: Workshop) -> str:
        return obj.process.slug

    @staticmethod
    def resolve_url(obj: Workshop) -> str:
        return obj.get_absolute_url()


class WorkshopDetailOut(WorkshopOut):
    description: str
    minutes: str
    outcomes: str
    # Only the people who agreed to be named at the workshop; nobody else is ever named.
    named_attendees: list[str]
    proposal_ids: list[int]

    @staticmethod
    def resolve_proposal_ids(obj: Workshop) -> list[int]:
        return [c.proposal_id for c in selectors.workshop_contributions(obj)]


@router.get("/workshops", response=list[WorkshopOut], summary="Published workshops and public meetings")
@paginate(BoundedPages, page_size=20)
def list_workshops(request: HttpRequest, process: str | None = None) -> object:
    """Published workshops, by date (``process``: the slug of one process)."""
    workshops = selectors.published_workshops()
    return workshops.filter(process__slug=process) if process else workshops


@router.get("/workshops/{workshop_id}", response=WorkshopDetailOut, summary="One workshop with its report")
def get_workshop(request: HttpRequest, workshop_id: int) -> object:
    """A published workshop, its minutes and outcomes, and the proposals gathered there."""
    workshop = selectors.published_workshops().filter(pk=workshop_id).first()
    if workshop is None:
        raise Http404
    return workshop

"""Processes and their phases."""

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from bouquet.api.v1.pagination import BoundedPages
from bouquet.places.models import District, Moderation
from bouquet.processes.models import Process
from bouquet.processes.selectors import current_phase, processes_for_list

router = Router(tags=["processes"])


class PhaseOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    starts_on: dt.date
    ends_on: dt.date
    allowed_actions: list[str]

    @staticmethod
    def resolve_title(obj: object) -> str:
        return obj.display_title  # type: ignore[attr-defined, no-any-return]

    @staticmethod
    def resolve_allowed_actions(obj: object) -> list[str]:
        from bouquet.processes.models import ALLOWED_ACTIONS, PhaseKind

        return sorted(str(action) for action in ALLOWED_ACTIONS[PhaseKind(obj.kind)])  # type: ignore[attr-defined]


class ProcessOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    district_id: int | None
    place_id: int | None
    place_name: str | None
    proposal_count: int
    current_phase: PhaseOut | None
    url: str

    @staticmethod
    def resolve_place_id(obj: Process) -> int | None:
        """The published place the process is about (a place taken off the map is not named)."""
        return (
            obj.place.pk if obj.place is not None and obj.place.moderation == Moderation.PUBLISHED else None
        )

    @staticmethod
    def resolve_place_name(obj: Process) -> str | None:
        return (
            obj.place.name if obj.place is not None and obj.place.moderation == Moderation.PUBLISHED else None
        )

    @staticmethod
    def resolve_current_phase(obj: Process) -> object:
        return current_phase(obj)

    @staticmethod
    def resolve_url(obj: Process) -> str:
        return obj.get_absolute_url()


class ProcessDetailOut(ProcessOut):
    description: str
    phases: list[PhaseOut]

    @staticmethod
    def resolve_phases(obj: Process) -> list[object]:
        return list(obj.phases.all())


class DistrictOut(Schema):
    id: int
    slug: str
    name: str
    latitude: float | None
    longitude: float | None


@router.get("/processes", response=list[ProcessOut], summary="Published processes")
@paginate(BoundedPages, page_size=20)
def list_processes(request: HttpRequest) -> object:
    """Published processes, most recent first."""
    return processes_for_list()


@router.get("/processes/{slug}", response=ProcessDetailOut, summary="One process with its phases")
def get_process(request: HttpRequest, slug: str) -> object:
    """A process, its phases and the phase running today."""
    return get_object_or_404(processes_for_list(), slug=slug)


@router.get("/districts", response=list[DistrictOut], summary="Districts of the territory")
def list_districts(request: HttpRequest) -> object:
    """All districts (a short list: no pagination needed)."""
    return District.objects.order_by("name")

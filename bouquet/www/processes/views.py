"""Pages of processes: the home page (what is happening now) and one process with its timeline."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bouquet.conversations.selectors import published_conversations
from bouquet.outreach.selectors import published_workshops
from bouquet.places.models import Moderation
from bouquet.places.selectors import place_excerpt
from bouquet.processes.models import Action, Component, Phase, PhaseKind, Process
from bouquet.processes.selectors import current_phase, process_for_page, processes_for_list
from bouquet.projects.models import Project
from bouquet.proposals.rules import can_submit, submissions_open

# How many of a process's projects its page lists (the others are in the list of projects).
PROJECTS_SHOWN = 12


@dataclass(frozen=True)
class ProcessNow:
    """A process as the home page and its own page tell it: the phase running, the next one, what one can do."""

    process: Process
    phase: Phase | None
    next_phase: Phase | None
    last_phase: Phase | None
    can_submit: bool
    submissions_open: bool
    # The components the authority switched on: a switched-off one offers nothing to do.
    uses_proposals: bool = True
    uses_budget: bool = True

    @property
    def kind(self) -> str:
        return self.phase.kind if self.phase else ""

    @property
    def supports_open(self) -> bool:
        return bool(self.uses_proposals and self.phase and self.phase.allows(Action.SUPPORT))

    @property
    def vote_open(self) -> bool:
        return bool(self.uses_budget and self.phase and self.phase.allows(Action.VOTE))


def process_now(request: HttpRequest, process: Process) -> ProcessNow:
    """Where a process stands today, from its prefetched phases (no query per process)."""
    today = timezone.localdate()
    phases = list(process.phases.all())
    return ProcessNow(
        process=process,
        phase=current_phase(process, on=today),
        next_phase=next((p for p in phases if p.starts_on > today), None),
        last_phase=phases[-1] if phases else None,
        can_submit=can_submit(request.user, process),
        submissions_open=submissions_open(process),
        uses_proposals=process.uses(Component.PROPOSALS),
        uses_budget=process.uses(Component.BUDGET),
    )


def process_list(request: HttpRequest) -> HttpResponse:
    """Home page: what is happening now and what one can do, then what comes next and what is over."""
    processes = [process_now(request, process) for process in processes_for_list()]
    return render(
        request,
        "processes/process_list.html",
        {
            "running": [p for p in processes if p.phase],
            "coming": [p for p in processes if not p.phase and p.next_phase],
            "over": [p for p in processes if not p.phase and not p.next_phase],
            "kinds": PhaseKind,
        },
    )


def process_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A process: description, phase timeline, and a status box saying what one can do today."""
    try:
        process = process_for_page(slug=slug)
    except Process.DoesNotExist as exc:
        raise Http404 from exc
    now = process_now(request, process)
    return render(
        request,
        "processes/process_detail.html",
        {
            "process": process,
            "now": now,
            "phase": now.phase,
            "today": timezone.localdate(),
            "can_submit": now.can_submit,
            "submissions_open": now.submissions_open,
            "supports_open": now.supports_open,
            "kinds": PhaseKind,
            "uses_proposals": process.uses(Component.PROPOSALS),
            "uses_bouquets": process.uses(Component.BOUQUETS),
            "uses_budget": process.uses(Component.BUDGET),
            **around(process),
        },
    )


def around(process: Process) -> dict[str, Any]:
    """What other apps built inside or around a process, for its page: the place it is about and what that place
    remembers, its conversations, its workshops and its projects (one query each, a few for the place)."""
    context: dict[str, Any] = {"remembering_place": None}
    if process.place is not None and process.place.moderation == Moderation.PUBLISHED:
        excerpt = place_excerpt(place=process.place, leave_out=process.get_absolute_url())
        context.update(remembering_place=process.place, remembered=excerpt.memories, recent=excerpt.recent)
    workshops = list(published_workshops(process=process))
    now = timezone.now()
    projects = list(
        Project.objects.public().filter(process=process).only("id", "title", "status").order_by("title", "id")
    )
    context.update(
        conversations=list(published_conversations(process=process).order_by("-created_at", "-id")),
        upcoming_workshops=[w for w in workshops if w.ends_at >= now],
        past_workshops=[w for w in reversed(workshops) if w.ends_at < now],
        projects=projects[:PROJECTS_SHOWN],
        more_projects=max(0, len(projects) - PROJECTS_SHOWN),
    )
    return context

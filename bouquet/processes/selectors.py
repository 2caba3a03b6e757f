"""Reads on processes."""

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from bouquet.processes.models import Action, Phase, Process


def current_phase(process: Process, *, on: dt.date | None = None) -> Phase | None:
    """The phase running today, using prefetched phases when present."""
    day = on or timezone.localdate()
    running = [phase for phase in process.phases.all() if phase.starts_on <= day <= phase.ends_on]
    # When phases overlap, the one that started last is the current one.
    return max(running, key=lambda p: (p.starts_on, p.pk), default=None)


def process_allows(process: Process, action: Action, *, on: dt.date | None = None) -> bool:
    """Whether the running phase of a process allows an action."""
    phase = current_phase(process, on=on)
    return phase is not None and phase.allows(action)


def processes_for_list() -> QuerySet[Process]:
    """Published processes with their phases and proposal counts, for the home page and the list."""
    return (
        Process.objects.published()
        .select_related("district")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "id")))
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("-created_at")
    )


def process_for_page(*, slug: str) -> Process:
    """One published process with its phases, for its page."""
    return processes_for_list().get(slug=slug)

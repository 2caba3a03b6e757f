"""Reads on processes."""

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bouquet.processes.models import Action, Phase, Process, ProcessStatus
from bouquet.processes.timeline import Span, gaps, overlaps


def current_phase(process: Process, *, on: dt.date | None = None) -> Phase | None:
    """The phase running today, using prefetched phases when present."""
    day = on or timezone.localdate()
    running = [phase for phase in process.phases.all() if phase.starts_on <= day <= phase.ends_on]
    # When phases overlap, the one that started last is the current one.
    return max(running, key=lambda p: (p.starts_on, p.pk), default=None)


def process_allows(process: Process, action: Action, *, on: dt.date | None = None) -> bool:
    """Whether the running phase of a process allows an action (nothing once the process is closed)."""
    if process.closed_at is not None:
        return False
    phase = current_phase(process, on=on)
    return phase is not None and phase.allows(action)


def processes_for_list() -> QuerySet[Process]:
    """Published processes with their phases and proposal counts, for the home page and the list."""
    return (
        Process.objects.published()
        .select_related("district", "place")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "id")))
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("-created_at")
    )


def process_for_page(*, slug: str) -> Process:
    """One published process with its phases and the place it is about, for its page."""
    return processes_for_list().get(slug=slug)


def processes_for_back_office() -> list[Process]:
    """Every process, drafts and closed ones included, with its phases and what needs attention, newest first."""
    processes: list[Process] = list(
        Process.objects.select_related("district")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "id")))
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("-created_at")
    )
    today = timezone.localdate()
    for process in processes:
        process.attention = attention_points(process, today=today)  # type: ignore[attr-defined]
        process.running_phase = current_phase(process, on=today)  # type: ignore[attr-defined]
    return processes


def process_for_back_office(*, pk: int) -> Process:
    """One process, published or not, with its phases in date order, for the agents' page."""
    return (
        Process.objects.select_related("district", "place")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "id")))
        .get(pk=pk)
    )


def attention_points(process: Process, *, today: dt.date | None = None) -> list[str]:
    """What an agent should look at in a process, in words (uses its prefetched phases)."""
    day = today or timezone.localdate()
    phases = list(process.phases.all())
    points: list[str] = []
    if process.status == ProcessStatus.CLOSED:
        return points
    if not phases:
        points.append(_("Aucune phase : ajoutez-en avant de publier."))
    if process.status == ProcessStatus.DRAFT:
        points.append(_("En préparation : le public ne la voit pas encore."))
    spans = [Span(p.starts_on, p.ends_on) for p in phases]
    if overlaps(spans):
        points.append(_("Des phases se chevauchent."))
    gap_count = len(gaps(spans))
    if gap_count:
        points.append(
            ngettext(
                "Un intervalle sans phase dans le calendrier.",
                "%(count)d intervalles sans phase dans le calendrier.",
                gap_count,
            )
            % {"count": gap_count}
        )
    if phases and process.status == ProcessStatus.OPEN:
        if phases[-1].ends_on < day:
            points.append(_("Toutes les phases sont terminées : la démarche peut être clôturée."))
        elif current_phase(process, on=day) is None and phases[0].starts_on <= day:
            points.append(_("Aucune phase en cours aujourd'hui."))
    return points

"""A process's calendar as the agents' page shows it: phases and the holes between them, in date order, and the
bars of a small drawing (the list says everything; the drawing only gives the proportions at a glance)."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.functional import Promise

from bouquet.processes.models import Phase, PhaseKind
from bouquet.processes.timeline import Span, gaps, overlaps


@dataclass(frozen=True)
class Entry:
    """A phase, or a gap (``phase`` is None) between two phases."""

    starts_on: dt.date
    ends_on: dt.date
    phase: Phase | None = None
    allows: Sequence[Promise] = ()

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def is_gap(self) -> bool:
        return self.phase is None


@dataclass(frozen=True)
class Bar:
    x: float  # percent of the width
    width: float
    is_vote: bool
    label: str


@dataclass(frozen=True)
class Calendar:
    entries: list[Entry]
    bars: list[Bar]
    today_x: float | None  # where today falls in the drawing, when it does
    overlapping: list[tuple[Phase, Phase]]


def calendar(phases: Sequence[Phase], *, today: dt.date) -> Calendar:
    """Phases in date order with the gaps between them, and the drawing's bars."""
    ordered = sorted(phases, key=lambda p: (p.starts_on, p.pk or 0))
    by_span: dict[Span, list[Phase]] = {}
    for phase in ordered:
        by_span.setdefault(Span(phase.starts_on, phase.ends_on), []).append(phase)
    entries = [Entry(p.starts_on, p.ends_on, p, p.allowed_words) for p in ordered]
    entries += [Entry(hole.starts_on, hole.ends_on) for hole in gaps(by_span)]
    entries.sort(key=lambda e: (e.starts_on, e.is_gap))
    overlapping = [
        (first, second)
        for a, b in overlaps(by_span)
        for first in by_span[a]
        for second in by_span[b]
        if first is not second
    ]
    for group in by_span.values():  # phases on exactly the same days overlap too
        overlapping += [(first, second) for i, first in enumerate(group) for second in group[i + 1 :]]
    if not ordered:
        return Calendar(entries, [], None, overlapping)
    start = ordered[0].starts_on
    end = max(p.ends_on for p in ordered)
    total = (end - start).days + 1

    def x(day: dt.date) -> float:
        return round(100 * (day - start).days / total, 2)

    bars = [
        Bar(
            x(p.starts_on),
            round(100 * ((p.ends_on - p.starts_on).days + 1) / total, 2),
            p.kind == PhaseKind.VOTE,
            p.display_title,
        )
        for p in ordered
    ]
    today_x = x(today) if start <= today <= end else None
    return Calendar(entries, bars, today_x, overlapping)

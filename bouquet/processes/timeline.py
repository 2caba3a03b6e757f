"""A process's calendar as plain date spans: where phases overlap and where the calendar has holes.

Pure functions (no Django), used by the services to refuse an overlap and by the pages to warn about a gap."""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple


class Span(NamedTuple):
    """Days from ``starts_on`` to ``ends_on``, both included."""

    starts_on: dt.date
    ends_on: dt.date


def _in_order(spans: Iterable[Span]) -> list[Span]:
    return sorted(spans)


def overlaps(spans: Iterable[Span]) -> list[tuple[Span, Span]]:
    """Pairs of spans that share at least one day, each pair in date order."""
    ordered = _in_order(spans)
    found: list[tuple[Span, Span]] = []
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.starts_on > first.ends_on:
                break
            found.append((first, second))
    return found


def gaps(spans: Iterable[Span]) -> list[Span]:
    """The days no span covers, between the first start and the last end."""
    ordered = _in_order(spans)
    holes: list[Span] = []
    if not ordered:
        return holes
    covered_until = ordered[0].ends_on
    for span in ordered[1:]:
        if span.starts_on > covered_until + dt.timedelta(days=1):
            holes.append(Span(covered_until + dt.timedelta(days=1), span.starts_on - dt.timedelta(days=1)))
        covered_until = max(covered_until, span.ends_on)
    return holes

"""A place's timeline, and the door through which apps above places add their items to it.

Places sits at the bottom of the domain apps: it cannot import proposals, projects or outreach. Each of those
registers, from its ``AppConfig.ready()``, a function that lists its own items about a place::

    from bouquet.places.timeline import TimelineItem, register_source

    def proposals_on_place(place: Place, *, limit: int) -> list[TimelineItem]: ...

    register_source(proposals_on_place)

``bouquet.places.selectors.place_timeline`` merges the place's memories and archive items with every registered
source's items, newest first. A source must answer in a fixed number of queries (whatever ``limit`` is), return
at most ``limit`` items, and only what anyone may read (published, in a published process).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bouquet.places.models import Place


@dataclass(frozen=True)
class TimelineItem:
    """One dated thing on a place's timeline.

    ``starts_on``/``ends_on`` are the days it covers (the same day for a date); ``when_text`` is how people said
    it (« vers 1975 »), empty when the date speaks for itself. ``kind`` is a short code (« memory »,
    « archive », « proposal », « decision », « project », « workshop »…) and ``kind_label`` its French word."""

    starts_on: datetime.date
    kind: str
    kind_label: str
    title: str
    url: str
    summary: str = ""
    ends_on: datetime.date | None = None
    when_text: str = ""
    image_url: str = ""
    image_alt: str = ""
    # Who wrote it, in words (« Marie D. », « la collectivité »), when that matters.
    by: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def last_day(self) -> datetime.date:
        """The last day it covers."""
        return self.ends_on or self.starts_on

    @property
    def is_period(self) -> bool:
        """Whether it covers more than one day."""
        return self.ends_on is not None and self.ends_on != self.starts_on


class TimelineSource(Protocol):
    def __call__(self, place: "Place", *, limit: int) -> list[TimelineItem]: ...


_SOURCES: list[Callable[..., list[TimelineItem]]] = []


def register_source(source: TimelineSource) -> None:
    """Add a source of timeline items (idempotent: registering the same function twice keeps one)."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def unregister_source(source: TimelineSource) -> None:
    """Take a source back (for tests)."""
    if source in _SOURCES:
        _SOURCES.remove(source)


def registered_sources() -> list[Callable[..., list[TimelineItem]]]:
    """The sources registered so far, in order of registration."""
    return list(_SOURCES)


def merge(groups: list[list[TimelineItem]], *, limit: int) -> list[TimelineItem]:
    """Every group's items, newest first (by start, then end, then title), at most ``limit``."""
    every = [item for group in groups for item in group]
    every.sort(key=lambda item: (item.starts_on, item.last_day, item.title), reverse=True)
    return every[:limit]

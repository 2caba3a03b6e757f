"""The figures of the gap watch over plain rows, in one pass. Pure (no Django).

Months are the stored integers of ``months``; a row is what the selector reads in its one query."""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat


@dataclass(frozen=True, slots=True)
class Quartiles:
    """How many values, and their median and quartiles (None when there are none)."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None


def quantile(ordered: Sequence[int], fraction: float) -> float:
    """Linear interpolation between the closest ranks (the « inclusive » method: the minimum at 0, the maximum at 1)."""
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def quartiles(values: Iterable[int]) -> Quartiles:
    """Count, median, first and third quartiles of some numbers of months."""
    ordered = sorted(values)
    if not ordered:
        return Quartiles(0, None, None, None)
    return Quartiles(len(ordered), quantile(ordered, 0.5), quantile(ordered, 0.25), quantile(ordered, 0.75))


# One project as the dashboard reads it, a plain tuple (50,000 of them are read per dashboard): theme, district,
# conceived, planned delivery, delivered (months), status, drifting.
GapRow = tuple[str, str, int | None, int | None, int | None, str, bool]
# The same with how many projects share it (the database groups identical rows: far fewer than projects).
CountedGapRow = tuple[str, str, int | None, int | None, int | None, str, bool, int]


@dataclass(frozen=True, slots=True)
class StillWaiting:
    """After ``years`` years: of the projects voted at least that long ago (abandoned ones apart), how many were
    not delivered within that time."""

    years: int
    eligible: int
    waiting: int

    @property
    def share(self) -> float | None:
        return self.waiting / self.eligible if self.eligible else None


@dataclass(slots=True)
class GapFigures:
    """Everything the dashboard and ``/api/v1/gap`` show."""

    total: int = 0
    delivered: int = 0
    abandoned: int = 0
    drifting: int = 0
    vote_to_opening: Quartiles = field(default_factory=lambda: Quartiles(0, None, None, None))
    by_theme: dict[str, Quartiles] = field(default_factory=dict)
    by_district: dict[str, Quartiles] = field(default_factory=dict)
    by_year: dict[int, Quartiles] = field(default_factory=dict)
    still_waiting: list[StillWaiting] = field(default_factory=list)
    slip: Quartiles = field(default_factory=lambda: Quartiles(0, None, None, None))
    late: int = 0  # delivered after the planned month


def summarise(
    rows: Iterable[GapRow],
    *,
    today: int,
    abandoned: str = "abandoned",
    waiting_years: Sequence[int] = (1, 2, 3, 4, 5),
) -> GapFigures:
    """The dashboard's figures: months from vote to opening over delivered projects (all, by theme, by district,
    by year of vote), the share still waiting after N years, and the slip between planned and actual delivery."""
    return summarise_counted(
        ((*row, 1) for row in rows), today=today, abandoned=abandoned, waiting_years=waiting_years
    )


def summarise_counted(
    rows: Iterable[CountedGapRow],
    *,
    today: int,
    abandoned: str = "abandoned",
    waiting_years: Sequence[int] = (1, 2, 3, 4, 5),
) -> GapFigures:
    """``summarise`` over rows that each stand for ``n`` identical projects (their last field)."""
    figures = GapFigures()
    durations: list[int] = []
    theme: dict[str, list[int]] = {}
    district: dict[str, list[int]] = {}
    year: dict[int, list[int]] = {}
    slips: list[int] = []
    eligible = dict.fromkeys(waiting_years, 0)
    waiting = dict.fromkeys(waiting_years, 0)
    for theme_label, district_label, conceived, planned, delivered, status, drifting, n in rows:
        figures.total += n
        if drifting:
            figures.drifting += n
        is_abandoned = status == abandoned
        if is_abandoned:
            figures.abandoned += n
        if delivered is not None:
            figures.delivered += n
            if planned is not None:
                slip = delivered - planned
                slips.extend(repeat(slip, n))
                if slip > 0:
                    figures.late += n
        if conceived is None:
            continue
        if delivered is not None:
            months = delivered - conceived
            durations.extend(repeat(months, n))
            theme.setdefault(theme_label, []).extend(repeat(months, n))
            district.setdefault(district_label, []).extend(repeat(months, n))
            year.setdefault(conceived // 12, []).extend(repeat(months, n))
        if is_abandoned:
            continue
        for span in waiting_years:
            if conceived + 12 * span <= today:
                eligible[span] += n
                if delivered is None or delivered - conceived > 12 * span:
                    waiting[span] += n
    figures.vote_to_opening = quartiles(durations)
    figures.by_theme = {key: quartiles(theme[key]) for key in sorted(theme)}
    figures.by_district = {key: quartiles(district[key]) for key in sorted(district, key=natural_order)}
    figures.by_year = {key: quartiles(year[key]) for key in sorted(year)}
    figures.still_waiting = [StillWaiting(span, eligible[span], waiting[span]) for span in waiting_years]
    figures.slip = quartiles(slips)
    return figures


def natural_order(label: str) -> tuple[int, str]:
    digits = "".join(c for c in label if c.isdigit())
    return (int(digits) if digits else 10_000, label)

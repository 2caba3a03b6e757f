"""Small statistics on plain numbers (no Django): quartiles, rates per thousand inhabitants."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Quartiles:
    count: int
    first: float
    median: float
    third: float


def quantile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile of sorted values, interpolated linearly between the two nearest (as spreadsheets do)."""
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def quartiles(values: Sequence[float]) -> Quartiles | None:
    """First quartile, median and third quartile of the values (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return Quartiles(len(ordered), quantile(ordered, 0.25), quantile(ordered, 0.5), quantile(ordered, 0.75))


def per_thousand(count: int, population: int | None) -> float | None:
    """Count per 1,000 inhabitants (None when the population is unknown or zero)."""
    if not population:
        return None
    return round(1000 * count / population, 2)

"""Maximum total utility (utilitarian welfare), solved exactly without an ILP solver."""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm
from typing import Any

import numpy as np

from bouquet.budgets.counting.greedy import Utility
from bouquet.budgets.counting.profile import GroupedProfile

# Largest dynamic-programming table (items x capacity cells) attempted before branch and bound.
DP_CELLS_LIMIT = 40_000_000
_INT64_SAFE = 2**62


def project_utility(profile: GroupedProfile, utility: Utility, j: int) -> Fraction:
    """Total satisfaction of the voters if project j is funded."""
    votes = Fraction(profile.votes[j])
    return votes * profile.costs[j] if utility == "cost" else votes


def max_welfare(profile: GroupedProfile, utility: Utility) -> tuple[list[int], list[dict[str, Any]]]:
    """Return an optimal set in tie-break order, and one trace event with the optimum.

    Among optimal sets, projects nobody supports are never funded, free supported projects always are,
    and the set funding the best-ranked project possible (then the next, etc.) is chosen.
    """
    free = [j for j in range(len(profile.ids)) if profile.costs[j] == 0 and profile.votes[j] > 0]
    items = [
        j
        for j in range(len(profile.ids))
        if profile.costs[j] > 0 and profile.votes[j] > 0 and profile.costs[j] <= profile.budget
    ]
    items.sort(key=lambda j: profile.ranks[j])
    values = [project_utility(profile, utility, j) for j in items]
    chosen = _knapsack([profile.costs[j] for j in items], values, profile.budget)
    selected = sorted(free, key=lambda j: profile.ranks[j]) + [items[i] for i in chosen]
    welfare = sum((project_utility(profile, utility, j) for j in selected), Fraction(0))
    event = {"event": "max_welfare", "welfare": welfare, "projects": [profile.ids[j] for j in selected]}
    return selected, [event]


def _knapsack(costs: list[Fraction], values: list[Fraction], budget: Fraction) -> list[int]:
    """Exact 0/1 knapsack preferring, among optimal sets, to take earlier items (lexicographic)."""
    if not costs:
        return []
    scale = lcm(budget.denominator, *(c.denominator for c in costs))
    weights = [int(c * scale) for c in costs]
    cap = int(budget * scale)
    step = gcd(cap, *weights)
    if step > 1:
        weights = [w // step for w in weights]
        cap //= step
    vscale = lcm(*(v.denominator for v in values))
    ivalues = [int(v * vscale) for v in values]
    if sum(ivalues) < _INT64_SAFE and len(costs) * (cap + 1) <= DP_CELLS_LIMIT:
        return _knapsack_dp(weights, ivalues, cap)
    return _knapsack_bb(weights, ivalues, cap)


def _knapsack_dp(weights: list[int], values: list[int], cap: int) -> list[int]:
    """Suffix dynamic programming over capacities with numpy (exact int64), then lexicographic rebuild."""
    n = len(weights)
    # take[i][c]: with capacity c and items i..n-1 left, taking item i is still optimal (1 byte a cell).
    take = np.zeros((n, cap + 1), dtype=np.bool_)
    best = np.zeros(cap + 1, dtype=np.int64)
    for i in range(n - 1, -1, -1):
        w = weights[i]
        if w > cap:
            continue
        candidate = best[: cap + 1 - w] + values[i]
        take[i, w:] = candidate >= best[w:]
        best[w:] = np.maximum(best[w:], candidate)
    chosen: list[int] = []
    c = cap
    for i in range(n):
        if weights[i] <= c and take[i, c]:
            chosen.append(i)
            c -= weights[i]
    return chosen


def _knapsack_bb(weights: list[int], values: list[int], cap: int) -> list[int]:
    """Branch and bound with the fractional (LP) bound, for capacities too large for the table."""
    n = len(weights)
    optimum = _bb_value(weights, values, cap, list(range(n)))
    chosen: list[int] = []
    c = cap
    acc = 0
    # Fix items in preference order: take item i whenever an optimal set still exists with it.
    for i in range(n):
        rest = list(range(i + 1, n))
        if weights[i] <= c and acc + values[i] + _bb_value(weights, values, c - weights[i], rest) == optimum:
            chosen.append(i)
            c -= weights[i]
            acc += values[i]
    return chosen


def _bb_value(weights: list[int], values: list[int], cap: int, pool: list[int]) -> int:
    """Optimal knapsack value over `pool` (depth-first search, items by decreasing density)."""
    order = sorted(pool, key=lambda i: Fraction(values[i], weights[i]), reverse=True)
    w = [weights[i] for i in order]
    v = [values[i] for i in order]
    n = len(order)
    best = 0

    def bound(k: int, room: int, value: int) -> Fraction:
        """Fractional relaxation of the remaining items."""
        total = Fraction(value)
        for i in range(k, n):
            if w[i] <= room:
                room -= w[i]
                total += v[i]
            else:
                return total + Fraction(v[i] * room, w[i])
        return total

    def search(k: int, room: int, value: int) -> None:
        """Explore taking / skipping item k."""
        nonlocal best
        if value > best:
            best = value
        if k == n or bound(k, room, value) <= best:
            return
        if w[k] <= room:
            search(k + 1, room - w[k], value + v[k])
        search(k + 1, room, value)

    search(0, cap, 0)
    return best

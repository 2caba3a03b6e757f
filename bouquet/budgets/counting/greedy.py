"""Greedy rules: by votes (what cities run), by votes per euro, and the city variants found in pabulib."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal

from bouquet.budgets.counting.profile import GroupedProfile

Utility = Literal["cost", "card"]


def greedy_order(profile: GroupedProfile, utility: Utility, exclude: set[int]) -> list[int]:
    """Order projects as pabutools' additive greedy does: best satisfaction per cost, then tie-break rank.

    With cost utilities the satisfaction per cost of a project is its number of votes (greedy by votes);
    with cardinality utilities it is votes per unit of money. Zero-cost supported projects come first
    with cardinality utilities (infinite density) but last with cost utilities (their total satisfaction
    is 0), exactly like pabutools.
    """

    def key(j: int) -> tuple[int, Fraction, int]:
        """Sort key: (infinite density first, -density, tie-break rank)."""
        votes = profile.votes[j]
        cost = profile.costs[j]
        total = Fraction(votes) * cost if utility == "cost" else Fraction(votes)
        if total > 0 and cost == 0:
            return (0, Fraction(0), profile.ranks[j])
        density = total / cost if total > 0 else Fraction(0)
        return (1, -density, profile.ranks[j])

    return sorted((j for j in range(len(profile.ids)) if j not in exclude), key=key)


def greedy(
    profile: GroupedProfile,
    utility: Utility = "cost",
    initial: list[int] | None = None,
    threshold: int | None = None,
    no_skip: bool = False,
    phase: str = "greedy",
) -> tuple[list[int], list[dict[str, Any]]]:
    """Fund projects in greedy order while they fit; return (selected indices, trace events).

    `threshold`: projects with fewer votes are not eligible (`greedy-threshold` in pabulib META).
    `no_skip`: stop at the first project that does not fit (`greedy-no-skip`).
    """
    chosen = list(initial or [])
    remaining = profile.budget - sum((profile.costs[j] for j in chosen), Fraction(0))
    events: list[dict[str, Any]] = []
    last_funded = profile.ids[chosen[-1]] if chosen else None
    stopped_by: str | None = None
    for j in greedy_order(profile, utility, set(chosen)):
        pid = profile.ids[j]
        cost = profile.costs[j]
        event: dict[str, Any] = {
            "event": "greedy",
            "phase": phase,
            "project": pid,
            "votes": profile.votes[j],
            "cost": cost,
            "remaining_before": remaining,
            "after": last_funded,
        }
        if stopped_by is not None:
            event["decision"] = "not_reached"
            event["stopped_by"] = stopped_by
        elif threshold is not None and profile.votes[j] < threshold:
            event["decision"] = "below_threshold"
            event["threshold"] = threshold
        elif cost <= remaining:
            event["decision"] = "selected"
            chosen.append(j)
            remaining -= cost
            last_funded = pid
        else:
            event["decision"] = "stopped" if no_skip else "skipped"
            event["missing"] = cost - remaining
            if no_skip:
                stopped_by = pid
        events.append(event)
    return chosen, events

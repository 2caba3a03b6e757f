"""Sequential Phragmén for participatory budgeting (pabutools' `sequential_phragmen` semantics)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from bouquet.budgets.counting.profile import GroupedProfile


def sequential_phragmen(profile: GroupedProfile) -> tuple[list[int], list[dict[str, Any]]]:
    """Voters earn money continuously; a project is bought once its supporters can pay for it.

    Each round picks the project whose purchase gives its supporters the smallest common load
    (supporters' current loads + cost) / supporters; the rule stops as soon as one of the projects
    reaching that smallest load does not fit in the remaining budget. Projects costing more than
    the whole budget are never considered; projects nobody supports have an infinite load.
    """
    m = len(profile.ids)
    weights = profile.group_weights
    ballots = profile.group_ballots
    remaining = {j for j in range(m) if profile.costs[j] <= profile.budget}
    group_load: dict[int, Fraction] = {}
    supporters_load = [Fraction(0)] * m
    spent = Fraction(0)
    chosen: list[int] = []
    events: list[dict[str, Any]] = []
    while remaining:
        best: Fraction | None = None
        tied: list[int] = []
        for j in remaining:
            votes = profile.votes[j]
            # None stands for an infinite load (nobody supports the project).
            load = (supporters_load[j] + profile.costs[j]) / votes if votes else None
            if not tied:
                best, tied = load, [j]
            elif load == best:
                tied.append(j)
            elif load is not None and (best is None or load < best):
                best, tied = load, [j]
        too_expensive = [j for j in tied if spent + profile.costs[j] > profile.budget]
        if too_expensive:
            j = min(too_expensive, key=lambda p: profile.ranks[p])
            events.append(
                {
                    "event": "phragmen_stop",
                    "project": profile.ids[j],
                    "cost": profile.costs[j],
                    "max_load": best,
                    "remaining_before": profile.budget - spent,
                    "missing": spent + profile.costs[j] - profile.budget,
                }
            )
            break
        j = min(tied, key=lambda p: profile.ranks[p])
        remaining.discard(j)
        chosen.append(j)
        spent += profile.costs[j]
        events.append(
            {
                "event": "phragmen_round",
                "round": len(chosen),
                "project": profile.ids[j],
                "cost": profile.costs[j],
                "supporters": profile.votes[j],
                "max_load": best,
                "tied_with": [profile.ids[p] for p in tied if p != j],
            }
        )
        if best is None:
            continue
        for g in profile.supporters[j]:
            delta = best - group_load.get(g, Fraction(0))
            group_load[g] = best
            if delta:
                w = weights[g] * delta
                for p in ballots[g]:
                    supporters_load[p] += w
    return chosen, events

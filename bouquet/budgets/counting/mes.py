"""Method of Equal Shares, exact and fast, with the completions used in practice (greedy, Add1)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from fractions import Fraction
from math import gcd, lcm
from typing import Any, Literal

from bouquet.budgets.counting.greedy import Utility
from bouquet.budgets.counting.profile import GroupedProfile

# Which projects must be unaffordable for Add1 to stop: pabutools' `exhaustion_by_budget_increase` looks at
# every project of the instance ("instance"); `method_of_equal_shares(voter_budget_increment=1)` only at
# the projects MES could fund ("candidates").
ExhaustiveOver = Literal["instance", "candidates"]


@dataclass(slots=True)
class MesRun:
    """One run of MES for a given budget per voter."""

    per_voter: Fraction
    winners: list[int]
    candidates: set[int]
    events: list[dict[str, Any]] = field(default_factory=list)


def _rho(utility: Utility, num: int, rich: int, cost_scaled: int, scale: int) -> Fraction:
    """Price per unit of utility: payment per rich supporter (num/rich, in 1/scale units) over the utility."""
    # Cost utility: a supporter's utility is the project's cost, so rho is dimensionless.
    if utility == "cost":
        return Fraction(num, rich * cost_scaled)
    return Fraction(num, rich * scale)


def run_mes(
    profile: GroupedProfile,
    utility: Utility,
    per_voter: Fraction,
    exclude: set[int] | None = None,
    record: bool = False,
) -> MesRun:
    """Run MES once with `per_voter` money per voter; exact integer arithmetic on a shared denominator.

    Voters are tracked by groups of identical ballots, and groups with the same remaining budget are
    kept together in "budget classes": funding a project moves whole classes at once, and only the
    smaller side of a split class has its per-project counts updated.
    """
    exclude = exclude or set()
    m = len(profile.ids)
    weights = profile.group_weights
    ballots = profile.group_ballots
    pre: list[int] = []
    candidates: set[int] = set()
    for j in range(m):
        if j in exclude or profile.votes[j] == 0:
            continue
        if profile.costs[j] == 0:
            # A free project gives cost utility 0 (nobody "supports" it, as in pabutools) but cardinality
            # utility 1: pabutools then funds it before the first round.
            if utility == "card":
                pre.append(j)
        else:
            candidates.add(j)
    pre.sort(key=lambda j: profile.ranks[j])
    events: list[dict[str, Any]] = []
    if record:
        events.append({"event": "mes_start", "per_voter": per_voter, "voters": profile.n_voters})
        events.extend(
            {"event": "mes_free", "project": profile.ids[j], "supporters": profile.votes[j]} for j in pre
        )
    winners = list(pre)
    if not candidates:
        return MesRun(per_voter, winners, candidates, events)

    # Money is counted in units of 1/scale so that every budget is an integer; scale grows when needed.
    scale = lcm(per_voter.denominator, *(profile.costs[j].denominator for j in candidates))
    cost_scaled = [int(c * scale) if j in candidates else 0 for j, c in enumerate(profile.costs)]
    active = [j in candidates for j in range(m)]
    in_play = [False] * len(weights)
    for j in candidates:
        for g in profile.supporters[j]:
            in_play[g] = True
    # Every voter group starts in budget class 0; groups supporting no candidate never matter.
    group_class = [0] * len(weights)
    class_value = [int(per_voter * scale)]
    class_members: list[set[int]] = [{g for g, used in enumerate(in_play) if used}]
    hist: list[dict[int, int]] = [{0: profile.votes[j]} if active[j] else {} for j in range(m)]

    def evaluate(j: int) -> tuple[int, int] | None:
        """Return (num, rich) with payment num/rich per rich supporter, or None if unaffordable."""
        items = sorted((class_value[c], w) for c, w in hist[j].items())
        need = cost_scaled[j]
        paid = 0
        rich = profile.votes[j]
        for value, w in items:
            # The supporters from here on can all pay the equal share (need - paid) / rich.
            if need - paid <= value * rich:
                return need - paid, rich
            paid += value * w
            rich -= w
        return None

    heap: list[tuple[Fraction, int, int]] = []
    for j in candidates:
        res = evaluate(j)
        if res is None:
            active[j] = False
            continue
        heap.append((_rho(utility, res[0], res[1], cost_scaled[j], scale), profile.ranks[j], j))
    heapq.heapify(heap)
    round_no = 0
    while heap:
        _, rank, j = heapq.heappop(heap)
        res = evaluate(j)
        if res is None:
            active[j] = False
            continue
        rho = _rho(utility, res[0], res[1], cost_scaled[j], scale)
        # Lazy evaluation: rho only grows as budgets shrink, so stale keys are lower bounds.
        if heap and (rho, rank) > heap[0][:2]:
            heapq.heappush(heap, (rho, rank, j))
            continue
        num, rich = res
        factor = rich // gcd(num, rich)
        if factor > 1:
            scale *= factor
            class_value = [v * factor for v in class_value]
            cost_scaled = [c * factor for c in cost_scaled]
        share = num * factor // rich
        active[j] = False
        winners.append(j)
        round_no += 1
        touched: dict[int, list[int]] = {}
        for g in profile.supporters[j]:
            touched.setdefault(group_class[g], []).append(g)
        payments: list[dict[str, Any]] = []
        for cid, moved in touched.items():
            value = class_value[cid]
            if value == 0:
                continue
            paid = min(value, share)
            if record:
                payments.append(
                    {
                        "amount": Fraction(paid, scale),
                        "voters": [v for g in moved for v in profile.group_voters[g]],
                    }
                )
            new_value = value - paid
            members = class_members[cid]
            if len(moved) == len(members):
                class_value[cid] = new_value
                continue
            new_cid = len(class_value)
            if 2 * len(moved) <= len(members):
                to_move: set[int] = set(moved)
                members.difference_update(to_move)
                class_value.append(new_value)
            else:
                to_move = members.difference(moved)
                class_members[cid] = set(moved)
                class_value.append(value)
                class_value[cid] = new_value
            class_members.append(to_move)
            for g in to_move:
                group_class[g] = new_cid
                w = weights[g]
                for p in ballots[g]:
                    if active[p]:
                        h = hist[p]
                        left = h[cid] - w
                        if left:
                            h[cid] = left
                        else:
                            del h[cid]
                        h[new_cid] = h.get(new_cid, 0) + w
        if record:
            events.append(
                {
                    "event": "mes_round",
                    "round": round_no,
                    "project": profile.ids[j],
                    "cost": profile.costs[j],
                    "supporters": profile.votes[j],
                    "rho": rho,
                    "share": Fraction(share, scale),
                    "payments": payments,
                }
            )
    if record:
        selected = set(winners)
        for j in sorted(candidates - selected, key=lambda p: profile.ranks[p]):
            available = Fraction(
                sum(class_value[group_class[g]] * weights[g] for g in profile.supporters[j]), scale
            )
            events.append(
                {
                    "event": "mes_unfunded",
                    "project": profile.ids[j],
                    "cost": profile.costs[j],
                    "supporters": profile.votes[j],
                    "available": available,
                    "missing": profile.costs[j] - available,
                }
            )
        for j in range(m):
            if j not in exclude and profile.votes[j] == 0:
                events.append(
                    {"event": "mes_no_supporter", "project": profile.ids[j], "cost": profile.costs[j]}
                )
    return MesRun(per_voter, winners, candidates, events)


def total_cost(profile: GroupedProfile, chosen: list[int]) -> Fraction:
    """Sum of the costs of the chosen projects."""
    return sum((profile.costs[j] for j in chosen), Fraction(0))


def is_exhaustive(profile: GroupedProfile, chosen: list[int], among: set[int] | None = None) -> bool:
    """True when no further project (of `among`, default all) fits in the real budget."""
    spent = total_cost(profile, chosen)
    taken = set(chosen)
    pool = range(len(profile.ids)) if among is None else among
    return all(j in taken or spent + profile.costs[j] > profile.budget for j in pool)


def equal_shares(
    profile: GroupedProfile,
    utility: Utility,
    record: bool = True,
) -> MesRun:
    """Plain MES: each voter gets budget / n."""
    if profile.n_voters == 0:
        return MesRun(Fraction(0), [], set(), [])
    return run_mes(profile, utility, profile.budget / profile.n_voters, record=record)


def equal_shares_add1(
    profile: GroupedProfile,
    utility: Utility,
    exhaustive_over: ExhaustiveOver = "instance",
    record: bool = True,
) -> tuple[MesRun, list[dict[str, Any]]]:
    """Add1 completion: raise every voter's share by 1 until the outcome is exhaustive or overspends.

    Matches pabutools' `exhaustion_by_budget_increase(..., method_of_equal_shares, budget_step=n)` (the
    budget grows by n, one unit per voter, bounded by budget * (n + 1)); with
    `exhaustive_over="candidates"` it matches `method_of_equal_shares(voter_budget_increment=1)`.
    Returns the retained run and one trace event per step tried.
    """
    n = profile.n_voters
    steps: list[dict[str, Any]] = []
    if n == 0:
        return MesRun(Fraction(0), [], set(), []), steps
    budget = profile.budget
    base = budget / n
    bound_steps: int | None = None
    if exhaustive_over == "instance":
        # pabutools stops once budget + k * n exceeds budget * (n + 1), i.e. after k = budget steps.
        bound_steps = int(budget * n // n)
    previous: MesRun | None = None
    k = 0
    while bound_steps is None or k <= bound_steps:
        run = run_mes(profile, utility, base + k)
        spent = total_cost(profile, run.winners)
        feasible = spent <= budget
        among = None if exhaustive_over == "instance" else run.candidates
        exhaustive = feasible and is_exhaustive(profile, run.winners, among)
        steps.append(
            {
                "event": "add1_step",
                "step": k,
                "per_voter": base + k,
                "spent": spent,
                "feasible": feasible,
                "exhaustive": exhaustive,
            }
        )
        if not feasible:
            break
        previous = run
        if exhaustive:
            break
        total_candidates = total_cost(profile, sorted(run.candidates))
        if (
            bound_steps is not None
            and len(set(run.winners) & run.candidates) == len(run.candidates)
            and base + k >= total_candidates
            and k < bound_steps
        ):
            # Every voter can now pay for every project alone: all later runs fund the same set and are
            # neither infeasible nor exhaustive, so pabutools keeps going up to the bound. Jump there.
            k = bound_steps
            continue
        k += 1
    if previous is None:
        return MesRun(base, [], set(), []), steps
    if record:
        previous = run_mes(profile, utility, previous.per_voter, record=True)
    return previous, steps

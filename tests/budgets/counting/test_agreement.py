"""Bouquet's rules agree exactly with pabutools (same instance, options and tie-breaking)."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bouquet.budgets.counting.catalogue import RULES, run_rule
from bouquet.budgets.counting.models import Election
from bouquet.budgets.counting.pabulib import parse_pb
from bouquet.budgets.counting.profile import GroupedProfile
from bouquet.budgets.counting.reference import load_pabutools, run_pabutools, to_pabutools
from bouquet.budgets.counting.tiebreak import TieBreak, TieOrder
from tests.budgets.counting.helpers import ANIOLKI, TOULOUSE_1, make_election

pabutools = pytest.importorskip("pabutools")

# Rules whose pabutools counterpart returns winners in selection order (others sort them).
ORDERED = {"greedy_cost", "greedy_card", "mes_cost", "mes_card", "mes_cost_util", "mes_card_util"}
COMPARED = [r for r in RULES if r not in ("greedy_noskip", "greedy_threshold")]
ADD1 = [r for r in COMPARED if "add1" in r]


def welfare(election: Election, winners: list[str], rule: str) -> Fraction:
    """Total utility of a set of projects (cost or cardinality utilities)."""
    votes = election.approval_counts()
    costs = election.costs()
    return sum(
        (Fraction(votes[p]) * (costs[p] if rule.endswith("cost") else 1) for p in winners), Fraction(0)
    )


def brute_force_welfare(election: Election, rule: str) -> Fraction:
    """Best total utility over every feasible set (small instances only)."""
    ids = [p.id for p in election.projects]
    costs = election.costs()
    best = Fraction(0)
    for size in range(len(ids) + 1):
        for subset in combinations(ids, size):
            if sum((costs[p] for p in subset), Fraction(0)) <= election.budget:
                best = max(best, welfare(election, list(subset), rule))
    return best


def assert_same(election: Election, rule: str, order: str, parsed: Any = None, **kwargs: Any) -> None:
    """Compare one rule between Bouquet and pabutools."""
    tie = TieBreak(order)
    ours = run_rule(election, rule, tie, **kwargs).winners
    if rule.startswith("maxwelfare"):
        assert sum(election.project(p).cost for p in ours) <= election.budget
        if len(election.projects) <= 8:
            assert welfare(election, ours, rule) == brute_force_welfare(election, rule)
        try:
            ref = run_pabutools(election, rule, tie, parsed=parsed)
        except IndexError:
            # pabutools 1.2.3's primal-dual knapsack crashes when every item is worthless; brute force above.
            return
        # pabutools returns one optimum, we return the tie-break-preferred one: compare the welfare.
        assert welfare(election, ours, rule) == welfare(election, ref, rule)
        return
    ref = run_pabutools(election, rule, tie, parsed=parsed, **kwargs_for_reference(kwargs))
    assert sorted(ours) == sorted(ref), (rule, order)
    if rule in ORDERED:
        free = {p.id for p in election.projects if p.cost == 0}
        assert [p for p in ours if p not in free] == [p for p in ref if p not in free], (rule, order)


def kwargs_for_reference(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Options of run_rule that run_pabutools understands too."""
    return {k: v for k, v in kwargs.items() if k in ("threshold", "add1_exhaustive_over")}


@pytest.fixture(scope="module")
def toulouse_1() -> tuple[Election, Any]:
    """Toulouse 2022, district 1 (972 voters), parsed by both libraries."""
    pt = load_pabutools()
    return parse_pb(TOULOUSE_1), pt["election"].parse_pabulib(str(TOULOUSE_1))


@pytest.fixture(scope="module")
def aniolki() -> tuple[Election, Any]:
    """Gdańsk 2020, Aniołki (cumulative ballots), parsed by both libraries."""
    pt = load_pabutools()
    return parse_pb(ANIOLKI), pt["election"].parse_pabulib(str(ANIOLKI))


@pytest.mark.parametrize("order", [TieOrder.VOTES, TieOrder.ID_STRING])
@pytest.mark.parametrize("rule", [r for r in COMPARED if r not in ADD1])
def test_toulouse_1(toulouse_1: tuple[Election, Any], rule: str, order: str) -> None:
    """Every non-Add1 rule on Toulouse district 1."""
    election, parsed = toulouse_1
    assert_same(election, rule, order, parsed)


@pytest.mark.parametrize(("rule", "order"), [("mes_card_add1u", TieOrder.ID_STRING)])
def test_toulouse_1_add1(toulouse_1: tuple[Election, Any], rule: str, order: str) -> None:
    """Add1 completions on Toulouse district 1 (pabutools needs a few seconds each)."""
    election, parsed = toulouse_1
    assert_same(election, rule, order, parsed)


@pytest.mark.parametrize(
    ("rule", "order"),
    [(r, TieOrder.VOTES) for r in COMPARED] + [(r, TieOrder.ID_STRING) for r in COMPARED if r not in ADD1],
)
def test_aniolki_cumulative(aniolki: tuple[Election, Any], rule: str, order: str) -> None:
    """Every rule on a cumulative file: listed projects count as approved, as in pabutools."""
    election, parsed = aniolki
    assert_same(election, rule, order, parsed)


@st.composite
def elections(draw: st.DrawFn, cumulative: bool = False) -> Election:
    """Small random elections, with zero costs, unsupported projects and many ties."""
    m = draw(st.integers(1, 6))
    costs = draw(st.lists(st.sampled_from([0, 1, 2, 3, 5, 10, 20, 30, 40, 60]), min_size=m, max_size=m))
    budget = draw(st.integers(0, 100))
    # pabutools cannot read an empty cumulative ballot back (empty points), so those list a project.
    ballot = st.lists(st.integers(0, m - 1), unique=True, min_size=1 if cumulative else 0, max_size=m)
    ballots = draw(st.lists(ballot, min_size=1, max_size=8))
    points = [[draw(st.integers(1, 4)) for _ in b] for b in ballots] if cumulative else None
    return make_election(costs, ballots, budget, points)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=elections(), order=st.sampled_from([TieOrder.VOTES, TieOrder.ID_STRING]))
def test_random_approval(election: Election, order: str) -> None:
    """Every rule on random approval instances."""
    parsed = to_pabutools(election)
    for rule in COMPARED:
        assert_same(election, rule, order, parsed)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=elections(cumulative=True), order=st.sampled_from([TieOrder.VOTES, TieOrder.ID_STRING]))
def test_random_cumulative(election: Election, order: str) -> None:
    """Every rule on random cumulative instances."""
    parsed = to_pabutools(election)
    for rule in COMPARED:
        assert_same(election, rule, order, parsed)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=elections(), order=st.sampled_from([TieOrder.VOTES, TieOrder.ID_STRING]))
def test_random_add1_candidates(election: Election, order: str) -> None:
    """The Add1 variant stopping on MES candidates matches `voter_budget_increment=1`."""
    parsed = to_pabutools(election)
    for rule in ADD1:
        assert_same(election, rule, order, parsed, add1_exhaustive_over="candidates")


@settings(max_examples=40, deadline=None)
@given(election=elections(), rule=st.sampled_from(["maxwelfare_cost", "maxwelfare_card"]))
def test_max_welfare_brute_force(election: Election, rule: str) -> None:
    """Maximum welfare is optimal (brute force) and never funds a project nobody supports."""
    outcome = run_rule(election, rule)
    assert welfare(election, outcome.winners, rule) == brute_force_welfare(election, rule)
    votes = election.approval_counts()
    assert all(votes[p] > 0 for p in outcome.winners)
    assert outcome.spent <= election.budget


@settings(max_examples=40, deadline=None)
@given(
    election=elections(),
    threshold=st.integers(0, 4),
    order=st.sampled_from([TieOrder.VOTES, TieOrder.ID_STRING]),
)
def test_greedy_threshold(election: Election, threshold: int, order: str) -> None:
    """greedy_threshold is pabutools' greedy on the projects reaching the threshold."""
    assert_same(election, "greedy_threshold", order, to_pabutools(election), threshold=threshold)


@settings(max_examples=40, deadline=None)
@given(election=elections(), order=st.sampled_from([TieOrder.VOTES, TieOrder.ID_STRING]))
def test_greedy_noskip_is_prefix(election: Election, order: str) -> None:
    """greedy_noskip funds the greedy order up to (excluding) the first project that does not fit."""
    tie = TieBreak(order)
    ours = run_rule(election, "greedy_noskip", tie).winners
    profile = GroupedProfile.from_election(election, tie)
    ranking = sorted(
        range(len(profile.ids)),
        # Votes per project; a free project has a total cost-satisfaction of 0, hence comes last.
        key=lambda j: (-(profile.votes[j] if profile.costs[j] else 0), profile.ranks[j]),
    )
    expected: list[str] = []
    left = election.budget
    for j in ranking:
        if profile.costs[j] > left:
            break
        expected.append(profile.ids[j])
        left -= profile.costs[j]
    assert ours == expected

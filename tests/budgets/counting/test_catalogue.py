"""The table of rules: one row per `Rule`, read by `run_rule`, the pabutools bridge and the file names."""

from __future__ import annotations

import pytest

from bouquet.budgets.counting.catalogue import (
    RULES,
    Completion,
    Rule,
    as_rule,
    by_votes_above_threshold,
    rule_from_pabulib,
    run_rule,
    with_equal_shares,
)
from bouquet.budgets.counting.tiebreak import TieBreak, TieOrder
from tests.budgets.counting.helpers import make_election

# Not every project fits, and MES alone leaves money: completions have projects left to consider.
LEFTOVER = make_election([60, 30, 20, 10], [[0], [0], [0, 1], [1], [2], [2, 3]], 100)


def test_every_rule_has_exactly_one_row() -> None:
    assert list(RULES) == list(Rule)


def test_add1_completions_belong_to_equal_shares_only() -> None:
    """Raising the voters' shares only means something for Equal Shares."""
    for rule, spec in RULES.items():
        if spec.completion.raises_shares:
            assert spec.function is with_equal_shares, rule


def test_only_the_threshold_rule_needs_a_threshold() -> None:
    needing = {rule for rule, spec in RULES.items() if spec.needs_threshold}
    assert needing == {rule for rule, spec in RULES.items() if spec.function is by_votes_above_threshold}
    assert needing == {Rule.GREEDY_THRESHOLD}


@pytest.mark.parametrize("rule", list(Rule))
def test_run_rule_follows_its_row(rule: Rule) -> None:
    """The outcome records the row's description; Add1 and greedy completions leave their trace iff the row
    says so."""
    spec = RULES[rule]
    outcome = run_rule(LEFTOVER, rule.value, threshold=2 if spec.needs_threshold else None)
    assert outcome.rule == rule.value
    assert outcome.details["description"] == spec.description
    assert ("add1_steps" in outcome.details) is spec.completion.raises_shares
    completion = [e for e in outcome.trace if e["event"] == "greedy" and e["phase"] == "completion"]
    assert bool(completion) is spec.completion.then_greedy
    assert outcome.spent <= outcome.budget


def test_completions_spend_what_equal_shares_leaves() -> None:
    spent = {rule: run_rule(LEFTOVER, rule).spent for rule in (Rule.MES_COST, Rule.MES_COST_UTIL)}
    assert spent[Rule.MES_COST] < spent[Rule.MES_COST_UTIL]
    assert Completion.GREEDY.then_greedy and not Completion.GREEDY.raises_shares


def test_unknown_rule_is_refused_in_french() -> None:
    with pytest.raises(ValueError, match="règle inconnue « mes_cots »"):
        as_rule("mes_cots")
    with pytest.raises(ValueError, match="règle inconnue"):
        run_rule(LEFTOVER, "mes_cots")


@pytest.mark.parametrize(
    ("meta", "rule"),
    [
        ("greedy", Rule.GREEDY_COST),
        ("greedy-threshold", Rule.GREEDY_THRESHOLD),
        ("greedy-no-skip", Rule.GREEDY_NOSKIP),
        ("equalshares", Rule.MES_COST_ADD1U),
        ("equalshares/add1", Rule.MES_COST_ADD1U),
        (" Greedy ", Rule.GREEDY_COST),
        ("unknown", None),
        ("", None),
    ],
)
def test_rule_replaying_a_pabulib_file(meta: str, rule: Rule | None) -> None:
    assert rule_from_pabulib(meta) == rule


def test_every_pabulib_name_is_replayed_by_a_rule_of_that_name() -> None:
    for spec in RULES.values():
        if spec.pabulib is not None:
            replayed = rule_from_pabulib(spec.pabulib)
            assert replayed is not None and RULES[replayed].pabulib == spec.pabulib


def test_tie_break_reads_stored_names_and_refuses_unknown_ones() -> None:
    assert TieBreak("id-number").order is TieOrder.ID_NUMBER
    assert TieBreak().order is TieOrder.VOTES
    with pytest.raises(ValueError, match="ordre de départage inconnu « hasard »"):
        TieBreak("hasard")

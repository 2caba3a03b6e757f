"""What groups stand for: smoothed probabilities, the one- and two-proportion tests, representative statements,
consensus, group-aware consensus and divisiveness, on small cases counted by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bouquet.conversations.opinion import statistics


def test_probability_and_tests_by_hand() -> None:
    three_of_four = statistics.probability(np.array(3), np.array(4))
    one_prop = statistics.one_proportion_z(np.array(3), np.array(4))
    two_prop = statistics.two_proportion_z(np.array(3), np.array(4), np.array(1), np.array(4))
    all_agree = statistics.two_proportion_z(np.array(4), np.array(4), np.array(4), np.array(4))

    assert float(three_of_four) == pytest.approx(4 / 6)
    assert float(one_prop) == pytest.approx(2 * math.sqrt(5) * (4 / 5 - 0.5))
    # Smoothed: 4/5 against 2/5, pooled 6/10.
    assert float(two_prop) == pytest.approx((0.8 - 0.4) / math.sqrt(0.6 * 0.4 * (1 / 5 + 1 / 5)))
    assert float(all_agree) == 0.0
    assert statistics.Z_90 == pytest.approx(1.2816, abs=1e-4)


def two_groups() -> statistics.GroupStats:
    """Ten people per group on four statements.

    s0: group 0 all agree, group 1 all disagree. s1: everyone agrees. s2: group 0 agrees 6 of 10, group 1
    passes. s3 (to be moderated out): group 1 all agree, group 0 all disagree."""
    rows, cols, values = [], [], []
    for person in range(20):
        group0 = person < 10
        votes = {0: 1 if group0 else -1, 1: 1, 3: -1 if group0 else 1}
        votes[2] = (1 if person < 6 else -1) if group0 else 0
        for statement, vote in votes.items():
            rows.append(person)
            cols.append(statement)
            values.append(vote)
    labels = np.array([0] * 10 + [1] * 10)
    return statistics.group_stats(
        np.array(rows, dtype=np.int32),
        np.array(cols, dtype=np.int32),
        np.array(values, dtype=np.int8),
        labels,
        2,
        4,
    )


def test_group_counts_and_group_aware_consensus_by_hand() -> None:
    stats = two_groups()

    agree, disagree = statistics.group_aware_consensus(stats)

    assert stats.agrees.tolist() == [[10, 10, 6, 0], [0, 10, 0, 10]]
    assert stats.votes.tolist() == [[10, 10, 10, 10], [10, 10, 10, 10]]
    # Product over the groups of (agrees + 1) / (votes + 2).
    assert agree.tolist() == pytest.approx(
        [(11 / 12) * (1 / 12), (11 / 12) ** 2, (7 / 12) * (1 / 12), (1 / 12) * (11 / 12)]
    )
    assert disagree[0] == pytest.approx((1 / 12) * (11 / 12))


def test_representative_statements_follow_pol_is_rules() -> None:
    stats = two_groups()
    shown = np.array([0, 1, 2])  # s3 moderated out

    group0 = statistics.representative(stats, 0, shown)
    group1 = statistics.representative(stats, 1, shown)

    # Group 0 agrees with s0 unlike group 1: first, for agreeing, significant both ways.
    assert group0[0].column == 0
    assert group0[0].agree and group0[0].best_agree
    assert group0[0].probability == pytest.approx(11 / 12)
    assert group0[0].repness == pytest.approx((11 / 12) / (1 / 12))
    # Group 1 stands out by disagreeing with s0; nothing moderated; agreements before disagreements.
    assert (0, False) in [(p.column, p.agree) for p in group1]
    for picks in (group0, group1):
        assert all(p.column != 3 for p in picks)
        assert [p.agree for p in picks] == sorted((p.agree for p in picks), reverse=True)
        assert len(picks) <= 5
    assert statistics.representative(stats, 0, shown, pick_max=1) == group0[:1]


def test_consensus_statements() -> None:
    stats = two_groups()
    agrees, disagrees, votes = stats.agrees.sum(axis=0), stats.disagrees.sum(axis=0), stats.votes.sum(axis=0)

    agree, disagree = statistics.consensus(agrees, disagrees, votes, np.array([0, 1, 2]))

    assert agree == [1]  # everyone agrees with s1; s0 splits; s2 is mostly passed
    assert disagree == []


def test_divisiveness_ranks_the_statement_that_splits_the_groups_first() -> None:
    spread = statistics.divisiveness(two_groups())

    assert int(np.argmax(spread[:3])) == 0
    assert spread[1] == pytest.approx(0.0)
    assert spread[0] == pytest.approx(20 / 12)

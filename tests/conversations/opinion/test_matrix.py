"""The vote matrix: one entry per person and statement, the latest vote winning."""

from __future__ import annotations

import numpy as np
import pytest

from bouquet.conversations.opinion import VoteMatrix


def test_the_latest_vote_of_a_person_on_a_statement_wins() -> None:
    matrix = VoteMatrix.from_votes([("ana", "s1", 1), ("ana", "s2", 0), ("ana", "s1", -1)], ["s1", "s2"])

    assert matrix.shape == (1, 2)
    assert matrix.rows.size == 2
    assert np.array_equal(matrix.dense(), [[-1.0, 0.0]])


def test_participants_are_in_a_stable_order_whatever_the_order_of_the_votes() -> None:
    numbers = VoteMatrix.from_votes([(3, 1, 1), (1, 1, 1), (2, 1, -1)], [1])
    mixed = VoteMatrix.from_votes([("b", 1, 1), (7, 1, 1), ("a", 1, 1)], [1])

    assert numbers.participants == (1, 2, 3)
    assert mixed.participants == ("b", 7, "a")  # numbers and texts do not compare: order of first vote


@pytest.mark.parametrize(
    ("votes", "statements", "message"),
    [
        ([("p", "unknown", 1)], ["s1"], "unknown statement"),
        ([("p", "s1", 2)], ["s1"], "unknown vote value"),
        ([], ["s1", "s1"], "appears twice"),
    ],
)
def test_bad_votes_are_refused(
    votes: list[tuple[str, str, int]], statements: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        VoteMatrix.from_votes(votes, statements)


def test_moderated_out_statements_are_known_statements_only() -> None:
    matrix = VoteMatrix.from_votes([("p", "s1", 1)], ["s1", "s2"], moderated_out=["s2", "elsewhere"])

    assert matrix.moderated_out == frozenset({"s2"})
    assert matrix.moderated_mask().tolist() == [False, True]


def test_from_arrays_keeps_the_last_vote_of_each_pair_in_the_order_given() -> None:
    matrix = VoteMatrix.from_arrays(
        participants=["a", "b"],
        statements=[10, 20, 30],
        rows=np.array([0, 1, 0, 0]),
        cols=np.array([0, 2, 0, 1]),
        values=np.array([1, -1, 0, -1]),
    )

    assert np.array_equal(matrix.dense(), [[0.0, -1.0, np.nan], [np.nan, np.nan, -1.0]], equal_nan=True)


@pytest.mark.parametrize(
    ("rows", "cols", "values", "message"),
    [
        ([0, 5], [0, 0], [1, 1], "outside the list of participants"),
        ([0], [3], [1], "outside the list of statements"),
        ([0], [0], [3], "unknown vote value"),
        ([0, 1], [0], [1], "same length"),
    ],
)
def test_from_arrays_refuses_positions_or_votes_out_of_range(
    rows: list[int], cols: list[int], values: list[int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        VoteMatrix.from_arrays(["a", "b"], [1, 2, 3], np.array(rows), np.array(cols), np.array(values))


def test_counts_per_statement_and_votes_per_participant() -> None:
    votes = [("a", 1, 1), ("a", 2, -1), ("b", 1, 1), ("b", 2, 0), ("c", 1, -1)]
    matrix = VoteMatrix.from_votes(votes, [1, 2, 3])

    agrees, disagrees, total = matrix.counts()
    only_a_and_b = matrix.counts(np.array([True, True, False]))

    assert (agrees.tolist(), disagrees.tolist(), total.tolist()) == ([2, 0, 0], [1, 1, 0], [3, 2, 0])
    assert [c.tolist() for c in only_a_and_b] == [[2, 0, 0], [0, 1, 0], [2, 2, 0]]
    assert matrix.votes_per_participant().tolist() == [2, 2, 1]
    assert matrix.voted_by("c") == frozenset({1})
    assert matrix.voted_by("nobody") == frozenset()

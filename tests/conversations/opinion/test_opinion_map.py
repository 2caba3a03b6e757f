"""The whole map: positions for everyone, groups for those with enough votes, what each group stands for,
consensus, and the next statement to show."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from bouquet.conversations.opinion import OpinionMap, VoteMatrix, compute_map, next_statement, priorities
from tests.conversations.opinion.generated import generated_matrix


@pytest.fixture(scope="module")
def conversation() -> tuple[VoteMatrix, OpinionMap]:
    matrix, _truth = generated_matrix(240, 30, groups=3, voted=0.3, moderated=2, seed=8)
    return matrix, compute_map(matrix)


def test_everyone_has_a_position_and_only_people_with_seven_votes_a_group(
    conversation: tuple[VoteMatrix, OpinionMap],
) -> None:
    matrix, result = conversation
    votes = dict(zip(matrix.participants, matrix.votes_per_participant().tolist(), strict=True))

    assert set(result.positions) == set(matrix.participants)
    assert set(result.labels) == {p for p, n in votes.items() if n >= 7}
    assert result.unclustered == {p for p, n in votes.items() if n < 7}
    assert result.unclustered  # 30 statements at 30 %: some people voted on fewer than 7


def test_groups_are_numbered_largest_first_and_their_hull_holds_their_members(
    conversation: tuple[VoteMatrix, OpinionMap],
) -> None:
    _matrix, result = conversation
    sizes = Counter(result.labels.values())

    assert [g.id for g in result.groups] == list(range(len(result.groups)))
    assert [g.members_count for g in result.groups] == [sizes[g.id] for g in result.groups]
    assert [g.members_count for g in result.groups] == sorted(sizes.values(), reverse=True)
    for group in result.groups:
        hull = group.hull
        members = [result.positions[p] for p, g in result.labels.items() if g == group.id]
        centre = np.mean(members, axis=0)
        assert group.centre == pytest.approx(tuple(centre))
        for x, y in members:  # inside or on every edge (counter-clockwise hull)
            for (x1, y1), (x2, y2) in zip(hull, hull[1:] + hull[:1], strict=True):
                assert (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) >= -1e-9


def test_results_never_show_a_moderated_out_statement(conversation: tuple[VoteMatrix, OpinionMap]) -> None:
    matrix, result = conversation
    shown = [r.statement_id for g in result.groups for r in g.representative]
    shown += result.consensus["agree"] + result.consensus["disagree"] + result.divisive
    shown += list(result.group_aware_consensus)

    assert matrix.moderated_out == {0, 1}
    assert not set(shown) & matrix.moderated_out
    assert all(g.representative for g in result.groups)
    assert all(len(g.representative) <= 5 for g in result.groups)
    assert len(result.divisive) <= 5


def test_group_aware_consensus_is_the_product_over_groups(
    conversation: tuple[VoteMatrix, OpinionMap],
) -> None:
    _matrix, result = conversation

    for statement, value in result.group_aware_consensus.items():
        counts = [g.counts[statement] for g in result.groups]
        assert value == pytest.approx(float(np.prod([(c.agrees + 1) / (c.votes + 2) for c in counts])))
    top = result.gac_top(5)
    assert [result.group_aware_consensus[s] for s in top] == sorted(
        result.group_aware_consensus.values(), reverse=True
    )[:5]


def test_the_map_is_the_same_each_time(conversation: tuple[VoteMatrix, OpinionMap]) -> None:
    matrix, result = conversation

    again = compute_map(matrix)

    assert again.labels == result.labels
    assert again.positions == result.positions


def test_the_map_reads_back_from_json_with_its_ids_kept(conversation: tuple[VoteMatrix, OpinionMap]) -> None:
    _matrix, result = conversation

    stored = json.loads(json.dumps(result.to_dict()))

    assert OpinionMap.from_dict(stored) == result


def test_min_votes_and_max_groups_are_respected(conversation: tuple[VoteMatrix, OpinionMap]) -> None:
    matrix, _result = conversation

    strict = compute_map(matrix, min_votes=10, max_groups=2)

    assert all(
        n >= 10
        for p, n in zip(matrix.participants, matrix.votes_per_participant(), strict=True)
        if p in strict.labels
    )
    assert len(strict.groups) == 2


def test_a_conversation_too_small_for_groups_still_has_positions_and_totals() -> None:
    matrix = VoteMatrix.from_votes([("a", 1, 1), ("b", 1, -1), ("b", 2, 1)], [1, 2, 3])

    result = compute_map(matrix)
    empty = compute_map(VoteMatrix.from_votes([], [1, 2]))

    assert result.groups == () and result.labels == {}
    assert set(result.positions) == {"a", "b"}
    assert result.totals[1].votes == 2 and result.totals[1].passes == 0
    assert result.group_aware_consensus == {}
    assert empty.positions == {} and empty.groups == ()


def test_next_statement_is_one_not_yet_voted_and_never_moderated_out(
    conversation: tuple[VoteMatrix, OpinionMap],
) -> None:
    matrix, result = conversation
    participant = matrix.participants[0]
    voted = matrix.voted_by(participant)

    chosen = next_statement(matrix, result, participant)

    assert chosen is not None
    assert chosen not in voted and chosen not in matrix.moderated_out
    assert next_statement(matrix, result, participant) == chosen  # reproducible
    assert next_statement(matrix, None, "newcomer") not in matrix.moderated_out


def test_next_statement_is_none_once_everything_is_voted() -> None:
    matrix = VoteMatrix.from_votes([("a", 1, 1), ("a", 2, 0)], [1, 2, 3], moderated_out=[3])

    assert next_statement(matrix, compute_map(matrix), "a") is None


def test_statements_with_few_votes_come_first() -> None:
    votes = [(f"p{i}", "old", 1 if i % 2 else -1) for i in range(40)] + [("p0", "new", 1)]
    matrix = VoteMatrix.from_votes(votes, ["old", "new", "unseen"])

    weights = priorities(matrix, None)
    draws = Counter(next_statement(matrix, None, "someone", seed=k) for k in range(300))

    assert weights["unseen"] > weights["old"] and weights["new"] > weights["old"]
    assert weights["unseen"] == pytest.approx((0.5 * 0.5 * 9) ** 2)  # no vote: P(agree) = P(pass) = 1/2
    assert draws["unseen"] > draws["old"]

"""The opinion map against red-dwarf on real Pol.is conversations and on generated ones: same number of groups,
adjusted Rand index at least 0.95, same first representative statement in every group."""

from __future__ import annotations

from pathlib import Path

import pytest

from bouquet.conversations.opinion import compute_map
from bouquet.conversations.opinion.polis_export import read_export
from tests.conversations.opinion.generated import generated_matrix
from tests.conversations.opinion.reference import agreement, red_dwarf_map

CONVERSATIONS = [
    "bg2050-volunteers",
    "scoop-hivemind.affordable-housing",
    "scoop-hivemind.biodiversity",
    "scoop-hivemind.freshwater",
]


@pytest.mark.shared_data
@pytest.mark.slow
@pytest.mark.parametrize("name", CONVERSATIONS)
def test_shipped_conversations_match_red_dwarf(shared_data: Path, name: str) -> None:
    matrix = read_export(shared_data / "polis" / name).matrix
    ours = compute_map(matrix)
    reference = red_dwarf_map(matrix)

    found = agreement(ours, reference)

    assert found.clustered == found.reference_clustered
    assert found.groups == found.reference_groups
    assert found.ari >= 0.95
    assert found.same_top == found.groups
    # Consensus and group-aware consensus follow the same rules, so they agree too.
    assert ours.consensus == reference.consensus
    for statement, value in ours.group_aware_consensus.items():
        assert value == pytest.approx(reference.group_aware_consensus[statement], abs=1e-9)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("participants", "statements", "groups", "voted", "seed"),
    [
        (300, 60, 2, 0.5, 1),
        (400, 80, 3, 0.3, 2),
        (200, 40, 3, 0.6, 4),
        (800, 150, 4, 0.15, 6),
    ],
)
def test_generated_conversations_match_red_dwarf(
    participants: int, statements: int, groups: int, voted: float, seed: int
) -> None:
    matrix, _truth = generated_matrix(
        participants, statements, groups=groups, voted=voted, moderated=2, seed=seed
    )
    ours = compute_map(matrix)

    # Against red-dwarf with an exact PCA: the same map.
    found = agreement(ours, red_dwarf_map(matrix, exact_pca=True))
    assert found.groups == found.reference_groups
    assert found.ari >= 0.95
    assert found.same_top == found.groups

    # Against red-dwarf as it comes (scikit-learn may pick a randomized PCA): the same groups all the same; the
    # first statement of a group may change when its members shift by a few.
    found = agreement(ours, red_dwarf_map(matrix))
    assert found.groups == found.reference_groups
    assert found.ari >= 0.95

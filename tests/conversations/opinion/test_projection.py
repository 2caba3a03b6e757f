"""The plane: moderated statements zeroed, missing votes imputed by the statement's mean, PCA, and positions
stretched by sqrt(statements / statements voted on)."""

from __future__ import annotations

import numpy as np
import pytest

from bouquet.conversations.opinion import VoteMatrix, projection
from bouquet.conversations.opinion.projection import project
from tests.conversations.opinion.generated import generated_matrix


def reference_positions(matrix: VoteMatrix) -> np.ndarray:
    """The same steps written plainly on a dense matrix: zero, impute, centre, SVD, project, scale."""
    dense = matrix.dense()
    voted = ~np.isnan(dense).all(axis=0)
    dense = dense[:, voted]
    moderated = matrix.moderated_mask()[voted]
    dense[:, moderated] = 0.0
    missing = np.isnan(dense)
    means = np.nanmean(dense, axis=0)
    filled = np.where(missing, means[None, :], dense)
    centred = filled - means
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    top = vt[:2]
    top = top * np.sign(top[np.arange(2), np.abs(top).argmax(axis=1)])[:, None]
    scale = np.sqrt(dense.shape[1] / np.maximum(1, (~missing).sum(axis=1)))
    return np.asarray((centred @ top.T) * scale[:, None])


def test_a_tiny_conversation_by_hand() -> None:
    # s3 is moderated out. Means: s1 = 1/3, s2 = 0, s3 zeroed = 0.
    votes = [
        ("p0", "s1", 1),
        ("p0", "s2", 1),
        ("p0", "s3", 1),
        ("p1", "s1", -1),
        ("p1", "s2", -1),
        ("p2", "s1", 1),
    ]
    matrix = VoteMatrix.from_votes(votes, ["s1", "s2", "s3"], moderated_out=["s3"])

    fitted = project(matrix)

    assert fitted.means.tolist() == pytest.approx([1 / 3, 0.0, 0.0])
    assert fitted.components[:, 2].tolist() == [0.0, 0.0]  # a zeroed statement weighs nothing
    centred = np.array(
        [[2 / 3, 1.0, 0.0], [-4 / 3, -1.0, 0.0], [2 / 3, 0.0, 0.0]]
    )  # p2's s2 imputed: 0 once centred
    expected_axes = np.linalg.svd(centred)[2][:2]
    for axis in range(2):
        assert abs(float(fitted.components[axis] @ expected_axes[axis])) == pytest.approx(1.0)
    # Everyone counts the zeroed s3 as a vote: p0 and p1 3 of 3 (no stretch), p2 2 of 3 (sqrt(3/2)).
    raw = centred @ fitted.components.T
    assert fitted.positions[0] == pytest.approx(raw[0])
    assert fitted.positions[1] == pytest.approx(raw[1])
    assert fitted.positions[2] == pytest.approx(raw[2] * np.sqrt(3 / 2))
    # Largest loading of each axis positive (scikit-learn's sign convention).
    for axis in fitted.components:
        assert axis[np.abs(axis).argmax()] > 0


def test_the_extremity_of_a_statement_is_where_agreeing_with_it_alone_lands() -> None:
    votes = [("p0", "s1", 1), ("p0", "s2", 1), ("p1", "s1", -1), ("p1", "s2", -1), ("p2", "s1", 1)]
    matrix = VoteMatrix.from_votes(votes, ["s1", "s2"])

    fitted = project(matrix)

    # A virtual participant agreeing with s1 only: centred vote 1 - 1/3 on s1, stretched by sqrt(2 / 1).
    expected = np.sqrt(2) * (2 / 3) * np.linalg.norm(fitted.components[:, 0])
    assert fitted.statement_extremity()[0] == pytest.approx(expected)


def test_two_opposite_camps_stand_on_either_side_of_the_first_axis() -> None:
    votes = [(f"a{i}", s, 1) for i in range(5) for s in range(4)] + [
        (f"d{i}", s, -1) for i in range(5) for s in range(4)
    ]
    matrix = VoteMatrix.from_votes(votes, list(range(4)))

    positions = project(matrix).positions

    camp_a = positions[[matrix.participants.index(f"a{i}") for i in range(5)]]
    camp_d = positions[[matrix.participants.index(f"d{i}") for i in range(5)]]
    assert np.sign(camp_a[:, 0]).tolist() == [np.sign(camp_a[0, 0])] * 5
    assert np.sign(camp_d[:, 0]).tolist() == [-np.sign(camp_a[0, 0])] * 5
    assert np.abs(positions[:, 1]).max() == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("dense", [True, False])
def test_positions_equal_a_plain_dense_computation(dense: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not dense:
        monkeypatch.setattr(projection, "DENSE_CELLS", 0)  # the sparse block power iteration
    matrix, _truth = generated_matrix(250, 40, groups=3, voted=0.3, moderated=3, seed=5)

    positions = project(matrix).positions

    assert positions == pytest.approx(reference_positions(matrix), abs=1e-7)


def test_more_statements_than_participants() -> None:
    matrix, _truth = generated_matrix(30, 80, groups=2, voted=0.5, seed=3)

    assert project(matrix).positions == pytest.approx(reference_positions(matrix), abs=1e-7)


def test_a_conversation_without_votes_has_everyone_in_the_middle() -> None:
    matrix = VoteMatrix.from_votes([], ["s1", "s2"])

    fitted = project(matrix)

    assert fitted.positions.shape == (0, 2)
    assert fitted.components.tolist() == [[0.0, 0.0], [0.0, 0.0]]

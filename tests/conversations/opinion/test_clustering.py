"""Opinion groups: k-means for k = 2 to 5, the k of the best silhouette kept."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score, silhouette_score

from bouquet.conversations.opinion.clustering import (
    best_clustering,
    kmeans,
    kmeans_plus_plus,
    lloyd,
    polis_start,
    silhouettes,
)


def blobs(seed: int = 0, per_blob: int = 60) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = np.array([[-6.0, 0.0], [6.0, 0.0], [0.0, 8.0]])
    truth = np.repeat(np.arange(3), per_blob)
    return centres[truth] + rng.normal(scale=0.8, size=(truth.size, 2)), truth


def test_silhouette_by_hand() -> None:
    points = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]])

    two_pairs, lonely = silhouettes(points, [np.array([0, 0, 1, 1]), np.array([0, 0, 0, 1])])

    # Point 0: a = 1 (to point 1), b = (10 + 11) / 2; point 1: a = 1, b = (9 + 10) / 2; the other two mirror them.
    assert two_pairs == pytest.approx((9.5 / 10.5 + 8.5 / 9.5) / 2)
    # Point 3 alone in its group counts 0; point 0: a = (1 + 10) / 2, b = 11; point 1: a = 5, b = 10;
    # point 2: a = (10 + 9) / 2, b = 1.
    expected = [(11 - 5.5) / 11, (10 - 5) / 10, (1 - 9.5) / 9.5, 0.0]
    assert lonely == pytest.approx(sum(expected) / 4)


def test_silhouettes_equal_scikit_learn_and_the_sample_estimate_is_close() -> None:
    points, truth = blobs(per_blob=400)
    rng = np.random.default_rng(1)
    labelings = [truth, rng.integers(4, size=truth.size)]

    exact = silhouettes(points, labelings)
    estimated = silhouettes(points, labelings, sample=300, seed=2)

    assert exact == pytest.approx([silhouette_score(points, labels) for labels in labelings], abs=1e-5)
    assert estimated == pytest.approx(exact, abs=0.03)


def test_kmeans_plus_plus_starts_on_distinct_data_points() -> None:
    points, _truth = blobs()

    centres = kmeans_plus_plus(points, 3, np.random.default_rng(0))

    assert all(any(np.array_equal(c, p) for p in points) for c in centres)
    assert len({tuple(c) for c in centres}) == 3


def test_polis_start_is_the_first_distinct_points_in_sorted_order() -> None:
    points = np.array([[2.0, 1.0], [0.0, 5.0], [0.0, 5.0], [0.0, 1.0], [3.0, 0.0]])

    assert polis_start(points, 3).tolist() == [[0.0, 1.0], [0.0, 5.0], [2.0, 1.0]]


def test_lloyd_refills_an_empty_group() -> None:
    points, _truth = blobs()

    result = lloyd(points, np.array([[0.0, 0.0], [0.0, 0.0], [100.0, 100.0]]))

    assert sorted(np.bincount(result.labels, minlength=3)) == [60, 60, 60]


def test_kmeans_finds_three_blobs_and_is_deterministic() -> None:
    points, truth = blobs()

    first = kmeans(points, 3, seed=4)
    again = kmeans(points, 3, seed=4)

    assert adjusted_rand_score(truth, first.labels) == 1.0
    assert np.array_equal(first.labels, again.labels)
    assert first.inertia == pytest.approx(float(((points - first.centres[first.labels]) ** 2).sum()))


def test_the_number_of_groups_is_the_one_of_the_best_silhouette() -> None:
    points, truth = blobs()

    best = best_clustering(points, max_groups=5)

    assert best is not None
    assert best.centres.shape[0] == 3
    assert adjusted_rand_score(truth, best.labels) == 1.0
    assert best_clustering(points, max_groups=2) is not None
    assert best_clustering(points, max_groups=2).centres.shape[0] == 2  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "points",
    [np.zeros((0, 2)), np.array([[1.0, 1.0], [2.0, 2.0]]), np.ones((10, 2))],
    ids=["nobody", "two people", "everyone at one point"],
)
def test_no_groups_when_they_cannot_be_told_apart(points: np.ndarray) -> None:
    assert best_clustering(points) is None

"""Step 3 of the map: opinion groups, by k-means on the positions, k from 2 to 5 chosen by silhouette.

Our own k-means: Lloyd's iterations from Pol.is's start (the first k distinct positions, in sorted order, as
red-dwarf reproduces it) and from several k-means++ starts drawn by a seeded generator. Pol.is's result is kept
unless a k-means++ start ends more than 1 % tighter (lower inertia): the map then agrees with Pol.is on real
conversations, and does not stay stuck when Pol.is's start lands in a clearly worse solution. The silhouette is
exact, computed for every k in one pass over the pairwise distances.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

STARTS = 8  # k-means++ starts per k; the tightest result is kept
MAX_ITERATIONS = 300
TOLERANCE = 1e-4  # relative to the mean variance of the points, as scikit-learn does
CLEARLY_TIGHTER = 0.99  # a k-means++ result replaces Pol.is's only below 99 % of its inertia


@dataclass(frozen=True)
class Clustering:
    labels: NDArray[np.intp]
    centres: NDArray[np.float64]
    inertia: float


def _squared_distances(points: NDArray[np.float64], centres: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.asarray(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))


def kmeans_plus_plus(points: NDArray[np.float64], k: int, rng: np.random.Generator) -> NDArray[np.float64]:
    """Greedy k-means++ starts: each new centre drawn with probability proportional to the squared distance to
    the nearest centre so far, keeping the best of a few draws (2 + log k, as scikit-learn does)."""
    n = points.shape[0]
    trials = 2 + int(np.log(k))
    centres = np.empty((k, points.shape[1]))
    centres[0] = points[rng.integers(n)]
    closest = ((points - centres[0]) ** 2).sum(axis=1)
    for c in range(1, k):
        total = closest.sum()
        if total <= 0:
            centres[c] = points[rng.integers(n)]
            continue
        candidates = np.searchsorted(np.cumsum(closest), rng.random(trials) * total)
        candidates = np.minimum(candidates, n - 1)
        distances = np.minimum(closest[None, :], _squared_distances(points, points[candidates]).T)
        best = int(np.argmin(distances.sum(axis=1)))
        centres[c] = points[candidates[best]]
        closest = distances[best]
    return centres


def lloyd(points: NDArray[np.float64], centres: NDArray[np.float64]) -> Clustering:
    """Lloyd's iterations until the centres stop moving (an empty group takes the point farthest from its centre)."""
    tolerance = TOLERANCE * float(np.mean(np.var(points, axis=0)))
    centres = centres.copy()
    k = centres.shape[0]
    labels = np.zeros(points.shape[0], dtype=np.intp)
    for _iteration in range(MAX_ITERATIONS):
        distances = _squared_distances(points, centres)
        labels = np.argmin(distances, axis=1)
        sizes = np.bincount(labels, minlength=k)
        new = np.zeros_like(centres)
        for d in range(points.shape[1]):
            new[:, d] = np.bincount(labels, weights=points[:, d], minlength=k)
        for c in np.flatnonzero(sizes == 0):
            far = int(np.argmax(distances[np.arange(points.shape[0]), labels]))
            new[c] = points[far]
            sizes[c] = 1
        new = new / np.maximum(sizes, 1)[:, None]
        shift = float(((new - centres) ** 2).sum())
        centres = new
        if shift <= tolerance:
            break
    distances = _squared_distances(points, centres)
    labels = np.argmin(distances, axis=1)
    inertia = float(distances[np.arange(points.shape[0]), labels].sum())
    return Clustering(labels=labels, centres=centres, inertia=inertia)


def polis_start(points: NDArray[np.float64], k: int) -> NDArray[np.float64]:
    """Pol.is's start: the first k distinct positions, sorted by x then y."""
    return np.asarray(np.unique(points, axis=0)[:k], dtype=np.float64)


def kmeans(points: NDArray[np.float64], k: int, *, seed: int = 0, starts: int = STARTS) -> Clustering:
    """k-means from Pol.is's start, unless one of several seeded k-means++ starts ends clearly tighter."""
    polis = lloyd(points, polis_start(points, k))
    rng = np.random.default_rng([seed, k])
    best: Clustering | None = None
    for _start in range(starts):
        run = lloyd(points, kmeans_plus_plus(points, k, rng))
        if best is None or run.inertia < best.inertia - 1e-12:
            best = run
    if best is not None and best.inertia < CLEARLY_TIGHTER * polis.inertia:
        return best
    return polis


def silhouettes(
    points: NDArray[np.float64], labelings: list[NDArray[np.intp]], chunk: int = 2048
) -> list[float]:
    """Mean silhouette of each labeling of the same points (exact), in one pass over the pairwise distances.

    For a point, a is its mean distance to the others of its group, b the smallest mean distance to another
    group, and its silhouette (b - a) / max(a, b); a point alone in its group counts 0 (as scikit-learn does).
    """
    n = points.shape[0]
    sizes = [np.bincount(labels) for labels in labelings]
    offsets = np.cumsum([0] + [s.size for s in sizes])
    one_hot = np.zeros((n, int(offsets[-1])), dtype=np.float32)
    for labels, offset in zip(labelings, offsets[:-1], strict=False):
        one_hot[np.arange(n), offset + labels] = 1.0
    sums = np.zeros((n, int(offsets[-1])), dtype=np.float64)
    pts = points.astype(np.float32)
    norms = (pts**2).sum(axis=1)
    for start in range(0, n, chunk):
        block = pts[start : start + chunk]
        squared = norms[start : start + chunk, None] + norms[None, :] - 2.0 * (block @ pts.T)
        np.maximum(squared, 0.0, out=squared)
        sums[start : start + chunk] = np.sqrt(squared) @ one_hot
    scores = []
    for labels, size, offset in zip(labelings, sizes, offsets[:-1], strict=False):
        own = sums[np.arange(n), offset + labels]
        own_size = size[labels]
        a = np.divide(own, own_size - 1, out=np.zeros(n), where=own_size > 1)
        means = sums[:, offset : offset + size.size] / np.maximum(size, 1)[None, :]
        means[np.arange(n), labels] = np.inf
        b = means.min(axis=1)
        s = np.divide(b - a, np.maximum(a, b), out=np.zeros(n), where=np.maximum(a, b) > 0)
        s[own_size <= 1] = 0.0
        scores.append(float(s.mean()))
    return scores


def best_clustering(points: NDArray[np.float64], *, max_groups: int = 5, seed: int = 0) -> Clustering | None:
    """k-means for k = 2 .. max_groups, keeping the k of highest silhouette (the smaller k on a tie).

    None when fewer than 2 distinct positions or 3 points leave no two groups to tell apart."""
    distinct = np.unique(points, axis=0).shape[0]
    top = min(max_groups, distinct, points.shape[0] - 1)
    if top < 2:
        return None
    runs = [kmeans(points, k, seed=seed) for k in range(2, top + 1)]
    scores = silhouettes(points, [run.labels for run in runs])
    best = int(np.argmax(scores))
    return runs[best]

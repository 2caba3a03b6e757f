"""Themes by k-means (k given or chosen by silhouette) and bouquets by thresholded average linkage."""

from __future__ import annotations

import math
import warnings

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_score

# Above this many rows faiss k-means is used: scikit-learn is ~15x slower at 100,000 rows.
FAISS_KMEANS_MIN_ROWS = 20000
# Average linkage needs the full pairwise matrix; above this a theme is first cut by k-means.
LINKAGE_MAX_ROWS = 2500


def kmeans(
    x: np.ndarray, k: int, seed: int = 0, n_init: int = 8, fast: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Partition rows into k clusters; return (labels, centroids)."""
    n = x.shape[0]
    k = max(1, min(k, n))
    if k == 1:
        return np.zeros(n, dtype=np.int64), x.mean(axis=0, keepdims=True)
    if fast or n >= FAISS_KMEANS_MIN_ROWS:
        import faiss

        km = faiss.Kmeans(
            x.shape[1],
            k,
            niter=25,
            nredo=1 if fast else 2,
            seed=seed,
            verbose=False,
            max_points_per_centroid=512,
            # Small corpora (the automatic choice of k tries the fast path) are fine with few points per
            # centroid; faiss would otherwise print a warning on stderr for each try.
            min_points_per_centroid=1,
        )
        km.train(np.ascontiguousarray(x, dtype=np.float32))
        _, assign = km.index.search(np.ascontiguousarray(x, dtype=np.float32), 1)
        return assign[:, 0].astype(np.int64), np.array(km.centroids, dtype=np.float32)
    with warnings.catch_warnings():
        # Duplicate texts give fewer distinct points than k on tiny corpora; the result is still usable.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(x)
    return model.labels_.astype(np.int64), model.cluster_centers_.astype(np.float32)


def k_range(n: int, k_max: int = 30) -> range:
    """Candidate numbers of themes: themes of at least ~8 and at most ~4 sqrt(n) proposals, k <= k_max."""
    # A theme list is for browsing by hand: with 100,000 proposals two themes of 50,000 help nobody.
    upper = min(k_max, max(2, n // 8), max(2, int(math.sqrt(n) * 1.5)))
    lower = min(upper, max(2, round(math.sqrt(n) / 4)))
    return range(lower, upper + 1)


def choose_k(
    x: np.ndarray, candidates: range, seed: int = 0, sample: int = 2000, tolerance: float = 0.1
) -> tuple[int, dict[int, float]]:
    """Smallest k whose cosine silhouette is within `tolerance` (relative) of the best one, on a sample."""
    n = x.shape[0]
    rng = np.random.default_rng(seed)
    xs = x[rng.choice(n, sample, replace=False)] if n > sample else x
    scores: dict[int, float] = {}
    for k in candidates:
        if k >= xs.shape[0]:
            break
        labels, _ = kmeans(xs, k, seed, fast=True)
        if len(set(labels.tolist())) < 2:
            continue
        scores[k] = float(silhouette_score(xs, labels, metric="cosine"))
    if not scores:
        return 1, scores
    # Silhouette curves of text embeddings are flat: prefer the fewest themes that are about as good
    # (parsimony, like the one-standard-error rule), since people navigate themes by hand.
    best = max(scores.values())
    return min(k for k, s in scores.items() if s >= best - tolerance * abs(best)), scores


def agglomerate(x: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clusters whose mean pairwise cosine is at least `threshold`; -1 for singletons."""
    n = x.shape[0]
    if n < 2:
        return np.full(n, -1, dtype=np.int64)
    if n > LINKAGE_MAX_ROWS:
        # Cut a large theme into k-means cells first: a bouquet is a tight local group, so it almost
        # never straddles two cells, and the pairwise matrix stays small.
        cells, _ = kmeans(x, math.ceil(n / (LINKAGE_MAX_ROWS / 2)), fast=True)
        out = np.full(n, -1, dtype=np.int64)
        offset = 0
        for c in np.unique(cells):
            idx = np.flatnonzero(cells == c)
            sub = agglomerate(x[idx], threshold)
            mask = sub >= 0
            out[idx[mask]] = sub[mask] + offset
            offset += int(sub.max()) + 1 if mask.any() else 0
        return out
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1.0 - threshold
    ).fit(x)
    labels = model.labels_.astype(np.int64)
    counts = np.bincount(labels)
    labels[counts[labels] < 2] = -1
    # Renumber densely so callers can use the labels as indices.
    kept = np.unique(labels[labels >= 0])
    remap = {int(old): new for new, old in enumerate(kept)}
    return np.array([remap.get(int(v), -1) for v in labels], dtype=np.int64)


def mean_pairwise_cosine(x: np.ndarray) -> float:
    """Mean cosine between distinct rows of unit vectors (1.0 for a single row)."""
    n = x.shape[0]
    if n < 2:
        return 1.0
    s = x.sum(axis=0)
    # sum of all pairwise dots = |sum|^2 - sum of self dots; avoids the n x n matrix.
    total = float(s @ s) - float(np.einsum("ij,ij->", x, x))
    return float(total / (n * (n - 1)))


def split_mixed(
    x: np.ndarray, cut: float, spread: float, min_part: int = 3, depth: int = 2
) -> np.ndarray | None:
    """Sub-bouquets of one large bouquet when its members form well-separated needs; None when it holds one.

    Average linkage lets a large bouquet keep a mean similarity above the cut while it gathers several needs
    that share a setting (« la rue », « les écoles »): each need is tight, their mix is loose. The members are
    grouped again, by the same average linkage, at a stricter cut (the bouquet's own cohesion plus one
    `spread`, the corpus's standard deviation of pairwise similarities). The bouquet is split when this finds at
    least two sub-groups of `min_part` members or more, each clearly tighter than it is close to the others
    (its cohesion at least one `spread` above its mean similarity to the rest of the bouquet). The members the
    stricter cut leaves alone join the sub-group they are closest to when they keep the bouquet's cut with it,
    else they go back to the pool (-1). Sub-groups are split again, `depth` levels at most."""
    n = x.shape[0]
    if n < 2 * min_part or spread <= 0:
        return None
    strict = mean_pairwise_cosine(x) + spread
    sub = agglomerate(x, strict)
    sizes = np.bincount(sub[sub >= 0]) if (sub >= 0).any() else np.zeros(0, np.int64)
    parts = [int(p) for p in np.flatnonzero(sizes >= min_part)]
    if len(parts) < 2:
        return None
    kept: list[int] = []
    for p in parts:
        inside = x[sub == p]
        rest = x[sub != p]
        between = float((inside @ rest.T).mean())
        if mean_pairwise_cosine(inside) - between >= spread:
            kept.append(p)
    if len(kept) < 2:
        return None
    out = np.full(n, -1, dtype=np.int64)
    sums = np.vstack([x[sub == p].sum(axis=0) for p in kept])
    counts = np.asarray([int((sub == p).sum()) for p in kept], dtype=np.float32)
    for i in range(n):
        own = int(sub[i])
        if own in kept:
            out[i] = kept.index(own)
            continue
        means = (sums @ x[i]) / counts
        best = int(means.argmax())
        if means[best] >= cut:
            out[i] = best
    if depth > 1:
        offset = len(kept)
        for p in range(len(kept)):
            idx = np.flatnonzero(out == p)
            deeper = split_mixed(x[idx], cut, spread, min_part, depth - 1)
            if deeper is None:
                continue
            moved = deeper > 0
            out[idx[moved]] = deeper[moved] + offset - 1
            out[idx[deeper < 0]] = -1
            offset += int(deeper.max())
    return out

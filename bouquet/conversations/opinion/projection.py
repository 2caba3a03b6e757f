"""Step 1 and 2 of the map: from votes to a position on the plane (as Pol.is does it).

Moderated-out statements are zeroed; a missing vote takes the mean of its statement (column), so that once the
matrix is centred a missing vote weighs nothing; the two principal components (PCA) give the two axes; and each
participant's position is stretched by sqrt(statements / statements the participant voted on), so that people
who voted little do not all bunch up in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bouquet.conversations.opinion.matrix import VoteMatrix

# Above this many cells the centred matrix is not made dense: the components come from sparse products.
DENSE_CELLS = 40_000_000


@dataclass(frozen=True)
class Projection:
    """The fitted plane: which columns took part, their means, the two components, and everyone's position."""

    columns: NDArray[np.intp]  # the matrix columns in the PCA: statements with at least one vote
    means: NDArray[np.float64]  # per column of the matrix (0 for moderated-out or unvoted statements)
    components: NDArray[np.float64]  # (2, number of statements of the matrix), 0 outside ``columns``
    positions: NDArray[np.float64]  # (participants, 2), scaled
    explained_variance: NDArray[np.float64]  # (2,)

    def statement_extremity(self) -> NDArray[np.float64]:
        """How far a virtual participant agreeing with one statement only lands from the centre, per statement
        (Pol.is uses it to show first the statements that move people on the map)."""
        shift = (1.0 - self.means)[None, :] * self.components
        return np.asarray(np.sqrt(float(self.columns.size)) * np.linalg.norm(shift, axis=0), dtype=np.float64)


def _flip_signs(components: NDArray[np.float64]) -> NDArray[np.float64]:
    """Make each component's largest loading positive (scikit-learn's convention), so positions are stable."""
    biggest = np.argmax(np.abs(components), axis=1)
    signs = np.sign(components[np.arange(components.shape[0]), biggest])
    signs[signs == 0] = 1.0
    return components * signs[:, None]


def _top_components_dense(
    centred: NDArray[np.floating], n_components: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The leading right singular vectors of a dense centred matrix and their variances, from the smaller Gram."""
    n, m = centred.shape
    if m <= n:
        gram = (centred.T @ centred).astype(np.float64)
        eigenvalues, eigenvectors = np.linalg.eigh(gram)
        order = np.argsort(eigenvalues)[::-1][:n_components]
        components = eigenvectors[:, order].T
    else:
        gram = (centred @ centred.T).astype(np.float64)
        eigenvalues, eigenvectors = np.linalg.eigh(gram)
        order = np.argsort(eigenvalues)[::-1][:n_components]
        u = eigenvectors[:, order]
        components = (centred.T.astype(np.float64) @ u).T
        norms = np.linalg.norm(components, axis=1)
        norms[norms == 0] = 1.0
        components = components / norms[:, None]
    variances = np.clip(eigenvalues[order], 0.0, None) / max(n - 1, 1)
    return components, variances


def _top_components_sparse(
    rows: NDArray[np.int32],
    cols: NDArray[np.intp],
    centred: NDArray[np.float64],
    shape: tuple[int, int],
    n_components: int,
    seed: int,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Block power iteration with the sparse centred matrix (entries only where people voted)."""
    n, m = shape
    block = min(m, n_components + 8)
    rng = np.random.default_rng(seed)
    basis, _r = np.linalg.qr(rng.standard_normal((m, block)))

    def times(v: NDArray[np.float64]) -> NDArray[np.float64]:  # X @ v, v: (m, b)
        return np.stack(
            [np.bincount(rows, weights=centred * v[cols, k], minlength=n) for k in range(v.shape[1])], axis=1
        )

    def times_t(u: NDArray[np.float64]) -> NDArray[np.float64]:  # X.T @ u, u: (n, b)
        return np.stack(
            [np.bincount(cols, weights=centred * u[rows, k], minlength=m) for k in range(u.shape[1])], axis=1
        )

    previous = np.zeros(n_components)
    for _iteration in range(300):
        basis, _r = np.linalg.qr(times_t(times(basis)))
        small = basis.T @ times_t(times(basis))
        eigenvalues, eigenvectors = np.linalg.eigh(small)
        top = np.argsort(eigenvalues)[::-1][:n_components]
        if np.allclose(eigenvalues[top], previous, rtol=1e-10, atol=0):
            break
        previous = eigenvalues[top]
    components = (basis @ eigenvectors[:, top]).T
    variances = np.clip(eigenvalues[top], 0.0, None) / max(n - 1, 1)
    return components, variances


def project(matrix: VoteMatrix, *, n_components: int = 2, seed: int = 0) -> Projection:
    """Fit the plane on the whole matrix and place every participant on it."""
    n, m = matrix.shape
    moderated = matrix.moderated_mask()
    agrees, disagrees, votes = matrix.counts()
    voted_columns = np.flatnonzero(votes > 0)
    sums = np.bincount(matrix.cols, weights=matrix.values.astype(np.float64), minlength=m)
    means = np.divide(sums, votes, out=np.zeros(m), where=votes > 0)
    means[moderated] = 0.0  # a zeroed statement: every value 0, so its mean is 0

    # Centred values where people voted; elsewhere the imputed mean, centred, is 0. Zeroed columns are all 0.
    keep = ~moderated[matrix.cols]
    rows = matrix.rows[keep]
    cols = matrix.cols[keep].astype(np.intp)
    centred = matrix.values[keep].astype(np.float64) - means[cols]

    k = min(n_components, max(voted_columns.size, 1), max(n, 1))
    components = np.zeros((n_components, m))
    variances = np.zeros(n_components)
    if n and voted_columns.size and centred.size:
        if n * m <= DENSE_CELLS:
            dtype = np.float64 if n * m <= 2_000_000 else np.float32
            dense = np.zeros((n, m), dtype=dtype)
            dense[rows, cols] = centred
            top, var = _top_components_dense(dense, k)
        else:
            top, var = _top_components_sparse(rows, cols, centred, (n, m), k, seed)
        components[:k] = _flip_signs(top)
        variances[:k] = var

    # Positions: centred votes times components, each row scaled by sqrt(columns / cells not missing). A zeroed
    # column is a value (0) for everyone, so it counts as voted, as in Pol.is.
    raw = np.zeros((n, n_components))
    for c in range(n_components):
        raw[:, c] = np.bincount(rows, weights=centred * components[c, cols], minlength=n)
    voted_active = np.bincount(rows, minlength=n)
    zeroed = int(np.count_nonzero(moderated & (votes > 0)))
    scale = np.sqrt(voted_columns.size / np.maximum(1, voted_active + zeroed))
    return Projection(
        columns=voted_columns,
        means=means,
        components=components,
        positions=raw * scale[:, None],
        explained_variance=variances,
    )

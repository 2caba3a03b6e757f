"""Step 4 of the map: what each group stands for, what everyone shares, and what divides.

Probabilities use a pseudo-count of 1 on each side: P(agree) = (agrees + 1) / (votes + 2). Tests are the
one-proportion test (is the group's agreement above one half?) and the two-proportion test (is it above the
rest of the participants'?), both significant at 90 % one-sided (z > 1.2816), as in Pol.is.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

Z_90 = NormalDist().inv_cdf(0.90)


def z_for(confidence: float) -> float:
    return NormalDist().inv_cdf(confidence)


def probability(successes: NDArray[np.int64], trials: NDArray[np.int64]) -> NDArray[np.float64]:
    """(successes + 1) / (trials + 2)."""
    return (successes + 1.0) / (trials + 2.0)


def one_proportion_z(successes: NDArray[np.int64], trials: NDArray[np.int64]) -> NDArray[np.float64]:
    """z of the test that the smoothed proportion is above one half: 2 sqrt(n + 1) ((s + 1) / (n + 1) - 1/2)."""
    s = successes + 1.0
    n = trials + 1.0
    return np.asarray(2.0 * np.sqrt(n) * (s / n - 0.5))


def two_proportion_z(
    successes_in: NDArray[np.int64],
    trials_in: NDArray[np.int64],
    successes_out: NDArray[np.int64],
    trials_out: NDArray[np.int64],
) -> NDArray[np.float64]:
    """z of the test that the group's proportion is above the others', each count smoothed by one."""
    s1 = successes_in + 1.0
    s2 = successes_out + 1.0
    n1 = trials_in + 1.0
    n2 = trials_out + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s1 / n1 - s2 / n2) / spread
    return np.asarray(np.where(pooled >= 1.0, 0.0, z))


@dataclass(frozen=True)
class GroupStats:
    """Per group (rows) and statement (columns): counts, probabilities, their tests, representativeness."""

    agrees: NDArray[np.int64]
    disagrees: NDArray[np.int64]
    votes: NDArray[np.int64]
    p_agree: NDArray[np.float64]
    p_disagree: NDArray[np.float64]
    p_agree_z: NDArray[np.float64]
    p_disagree_z: NDArray[np.float64]
    r_agree: NDArray[np.float64]
    r_disagree: NDArray[np.float64]
    r_agree_z: NDArray[np.float64]
    r_disagree_z: NDArray[np.float64]


def group_stats(
    rows: NDArray[np.int32],
    cols: NDArray[np.int32],
    values: NDArray[np.int8],
    labels: NDArray[np.intp],
    n_groups: int,
    n_statements: int,
) -> GroupStats:
    """Statistics of each group against the rest of the clustered participants.

    ``labels`` gives each row's group, or -1 for participants left out of the groups (ignored)."""
    group = labels[rows]
    keep = group >= 0
    group, cols, values = group[keep], cols[keep], values[keep]
    size = n_groups * n_statements
    cell = group.astype(np.int64) * n_statements + cols
    agrees = np.bincount(cell[values == 1], minlength=size).reshape(n_groups, n_statements)
    disagrees = np.bincount(cell[values == -1], minlength=size).reshape(n_groups, n_statements)
    votes = np.bincount(cell, minlength=size).reshape(n_groups, n_statements)
    out_agrees = agrees.sum(axis=0)[None, :] - agrees
    out_disagrees = disagrees.sum(axis=0)[None, :] - disagrees
    out_votes = votes.sum(axis=0)[None, :] - votes
    p_agree = probability(agrees, votes)
    p_disagree = probability(disagrees, votes)
    return GroupStats(
        agrees=agrees,
        disagrees=disagrees,
        votes=votes,
        p_agree=p_agree,
        p_disagree=p_disagree,
        p_agree_z=one_proportion_z(agrees, votes),
        p_disagree_z=one_proportion_z(disagrees, votes),
        r_agree=p_agree / probability(out_agrees, out_votes),
        r_disagree=p_disagree / probability(out_disagrees, out_votes),
        r_agree_z=two_proportion_z(agrees, votes, out_agrees, out_votes),
        r_disagree_z=two_proportion_z(disagrees, votes, out_disagrees, out_votes),
    )


@dataclass(frozen=True)
class Pick:
    """One representative statement of a group, by column, with the figures that chose it."""

    column: int
    agree: bool  # representative for agreeing (True) or disagreeing (False)
    n_success: int
    n_trials: int
    probability: float
    probability_z: float
    repness: float
    repness_z: float
    best_agree: bool = False


def _pick(stats: GroupStats, g: int, j: int, *, best_agree: bool = False) -> Pick:
    agree = bool(stats.r_agree_z[g, j] > stats.r_disagree_z[g, j])
    return Pick(
        column=j,
        agree=agree,
        n_success=int((stats.agrees if agree else stats.disagrees)[g, j]),
        n_trials=int(stats.votes[g, j]),
        probability=float((stats.p_agree if agree else stats.p_disagree)[g, j]),
        probability_z=float((stats.p_agree_z if agree else stats.p_disagree_z)[g, j]),
        repness=float((stats.r_agree if agree else stats.r_disagree)[g, j]),
        repness_z=float((stats.r_agree_z if agree else stats.r_disagree_z)[g, j]),
        best_agree=best_agree,
    )


def representative(
    stats: GroupStats, g: int, candidates: NDArray[np.intp], *, pick_max: int = 5, confidence: float = 0.90
) -> list[Pick]:
    """The statements that set group g apart, best first then agreements before disagreements (Pol.is rules).

    A statement qualifies when, for agreeing (or for disagreeing), both the group's proportion is significantly
    above one half and significantly above the others'. They are ranked by repness x repness-z x p x p-z. The
    statement the group agrees with most distinctively goes first, so that each group shows something it
    agrees on; if nothing qualifies, the single most distinctive statement is shown.
    """
    z = z_for(confidence)
    ra, rat, pa, pat = stats.r_agree[g], stats.r_agree_z[g], stats.p_agree[g], stats.p_agree_z[g]
    na, nd = stats.agrees[g], stats.disagrees[g]

    # The best statement for agreeing, scanned in statement order (as Pol.is does).
    best: int | None = None
    for j in candidates:
        if na[j] == 0 and nd[j] == 0:
            continue
        if best is None:
            if pat[j] > z or (ra[j] > 1.0 and pa[j] > 0.5):
                best = int(j)
        elif ra[best] > 1.0:
            if ra[j] * rat[j] * pa[j] * pat[j] > ra[best] * rat[best] * pa[best] * pat[best]:
                best = int(j)
        elif pa[j] * pat[j] > pa[best] * pat[best]:
            best = int(j)

    agree_ok = (stats.p_agree_z[g, candidates] > z) & (stats.r_agree_z[g, candidates] > z)
    disagree_ok = (stats.p_disagree_z[g, candidates] > z) & (stats.r_disagree_z[g, candidates] > z)
    sufficient = [_pick(stats, g, int(j)) for j in candidates[agree_ok | disagree_ok]]
    sufficient.sort(key=lambda p: -(p.repness * p.repness_z * p.probability * p.probability_z))

    head: list[Pick] = []
    if best is not None:
        head = [_pick(stats, g, best, best_agree=True)]
    elif not sufficient and candidates.size:
        top = max(candidates, key=lambda j: max(stats.r_agree_z[g, j], stats.r_disagree_z[g, j]))
        head = [_pick(stats, g, int(top))]
    if not head:
        return []
    chosen = (head + [p for p in sufficient if p.column != head[0].column])[:pick_max]
    return sorted(chosen, key=lambda p: not p.agree)  # stable: agreements first, order kept within each


def consensus(
    agrees: NDArray[np.int64],
    disagrees: NDArray[np.int64],
    votes: NDArray[np.int64],
    candidates: NDArray[np.intp],
    *,
    pick_max: int = 5,
    confidence: float = 0.90,
) -> tuple[list[int], list[int]]:
    """Statements most participants agree (disagree) with: probability over one half, significantly so,
    ranked by probability x its z; at most pick_max each. Returns columns."""
    z = z_for(confidence)
    picked = []
    for successes in (agrees, disagrees):
        p = probability(successes, votes)[candidates]
        pz = one_proportion_z(successes, votes)[candidates]
        ok = (p > 0.5) & (pz > z)
        metric = (p * pz)[ok]
        columns = candidates[ok]
        order = np.argsort(-metric, kind="stable")
        picked.append([int(c) for c in columns[order][:pick_max]])
    return picked[0], picked[1]


def group_aware_consensus(stats: GroupStats) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per statement, the product over groups of P(agree) (and of P(disagree)): high only if every group agrees."""
    return stats.p_agree.prod(axis=0), stats.p_disagree.prod(axis=0)


def divisiveness(stats: GroupStats) -> NDArray[np.float64]:
    """Per statement, how far apart the groups stand: the spread between the highest and lowest group share of
    (agree - disagree), each smoothed; 0 with fewer than two groups."""
    if stats.votes.shape[0] < 2:
        return np.zeros(stats.votes.shape[1])
    lean = (stats.agrees - stats.disagrees) / (stats.votes + 2.0)
    return np.asarray(lean.max(axis=0) - lean.min(axis=0))

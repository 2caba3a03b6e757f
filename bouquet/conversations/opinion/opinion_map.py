"""The opinion map of a conversation, computed from its votes as Pol.is does (see docs/opinion-map.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from bouquet.conversations.opinion import statistics
from bouquet.conversations.opinion.clustering import best_clustering
from bouquet.conversations.opinion.hull import convex_hull
from bouquet.conversations.opinion.matrix import ParticipantId, StatementId, VoteMatrix
from bouquet.conversations.opinion.projection import project

MIN_VOTES = 7
MAX_GROUPS = 5
PICK_MAX = 5
CONFIDENCE = 0.90


@dataclass(frozen=True)
class VoteCounts:
    agrees: int
    disagrees: int
    votes: int  # agrees + disagrees + passes

    @property
    def passes(self) -> int:
        return self.votes - self.agrees - self.disagrees


@dataclass(frozen=True)
class Repness:
    """A statement that represents a group: the group agrees (or disagrees) with it, and more than the others."""

    statement_id: StatementId
    agree_or_disagree: Literal["agree", "disagree"]
    probability: float  # smoothed share of the group agreeing (or disagreeing)
    probability_z: float  # one-proportion test: is that share above one half?
    repness: float  # that share divided by the same share among the other participants
    repness_z: float  # two-proportion test: is it above the others'?
    n_success: int
    n_trials: int
    best_agree: bool  # the statement the group agrees with most distinctively, shown first


@dataclass(frozen=True)
class Group:
    id: int
    members_count: int
    centre: tuple[float, float]
    hull: tuple[tuple[float, float], ...]  # convex hull of the members' positions, for a shaded area
    representative: tuple[Repness, ...]
    counts: dict[StatementId, VoteCounts] = field(repr=False)  # the group's votes on each statement


@dataclass(frozen=True)
class OpinionMap:
    positions: dict[ParticipantId, tuple[float, float]]  # everyone, scaled
    labels: dict[ParticipantId, int]  # clustered participants only (those with at least min_votes votes)
    unclustered: frozenset[ParticipantId]  # placed on the map but too few votes to be in a group
    groups: tuple[Group, ...]
    consensus: dict[str, list[StatementId]]  # {"agree": [...], "disagree": [...]}, best first
    group_aware_consensus: dict[StatementId, float]  # product over groups of P(agree)
    group_aware_consensus_disagree: dict[StatementId, float]
    divisive: list[StatementId]  # statements on which groups stand furthest apart, most divisive first
    divisiveness: dict[StatementId, float]
    extremity: dict[StatementId, float]  # how far agreeing with this statement alone moves someone on the map
    totals: dict[StatementId, VoteCounts]  # everyone's votes on each statement
    explained_variance: tuple[float, float]

    def gac_top(self, n: int = 5) -> list[StatementId]:
        """The statements with the highest group-aware consensus for agreeing."""
        ranked = sorted(self.group_aware_consensus.items(), key=lambda item: -item[1])
        return [statement for statement, _value in ranked[:n]]


def _group_order(labels: NDArray[np.intp], centres: NDArray[np.float64]) -> NDArray[np.intp]:
    """New ids for the k-means groups: largest first, then leftmost (stable whatever the starts)."""
    sizes = np.bincount(labels, minlength=centres.shape[0])
    order = sorted(range(centres.shape[0]), key=lambda c: (-sizes[c], centres[c, 0], centres[c, 1]))
    renumber = np.empty(centres.shape[0], dtype=np.intp)
    renumber[order] = np.arange(centres.shape[0])
    return renumber


def compute_map(
    matrix: VoteMatrix,
    *,
    min_votes: int = MIN_VOTES,
    max_groups: int = MAX_GROUPS,
    seed: int = 0,
    pick_max: int = PICK_MAX,
    confidence: float = CONFIDENCE,
) -> OpinionMap:
    """Compute the opinion map: positions, groups, representative, consensus and divisive statements."""
    n, m = matrix.shape
    projection = project(matrix, seed=seed)
    positions = projection.positions
    clustered = matrix.votes_per_participant() >= min_votes
    clustered_rows = np.flatnonzero(clustered)

    labels = np.full(n, -1, dtype=np.intp)
    clustering = best_clustering(positions[clustered_rows], max_groups=max_groups, seed=seed)
    n_groups = 0
    centres = np.zeros((0, 2))
    if clustering is not None:
        renumber = _group_order(clustering.labels, clustering.centres)
        labels[clustered_rows] = renumber[clustering.labels]
        n_groups = clustering.centres.shape[0]
        centres = np.zeros_like(clustering.centres)
        centres[renumber] = clustering.centres

    moderated = matrix.moderated_mask()
    agrees, disagrees, votes = matrix.counts()
    candidates = np.flatnonzero(~moderated & (votes > 0))
    stats = statistics.group_stats(matrix.rows, matrix.cols, matrix.values, labels, n_groups, m)

    statements = matrix.statements
    groups = []
    for g in range(n_groups):
        members = positions[labels == g]
        picks = statistics.representative(stats, g, candidates, pick_max=pick_max, confidence=confidence)
        groups.append(
            Group(
                id=g,
                members_count=int(members.shape[0]),
                centre=(float(centres[g, 0]), float(centres[g, 1])),
                hull=tuple(convex_hull((float(x), float(y)) for x, y in members)),
                representative=tuple(
                    Repness(
                        statement_id=statements[p.column],
                        agree_or_disagree="agree" if p.agree else "disagree",
                        probability=p.probability,
                        probability_z=p.probability_z,
                        repness=p.repness,
                        repness_z=p.repness_z,
                        n_success=p.n_success,
                        n_trials=p.n_trials,
                        best_agree=p.best_agree,
                    )
                    for p in picks
                ),
                counts={
                    statements[j]: VoteCounts(
                        int(stats.agrees[g, j]), int(stats.disagrees[g, j]), int(stats.votes[g, j])
                    )
                    for j in candidates
                },
            )
        )

    agree_columns, disagree_columns = statistics.consensus(
        agrees, disagrees, votes, candidates, pick_max=pick_max, confidence=confidence
    )
    gac_agree, gac_disagree = statistics.group_aware_consensus(stats)
    spread = statistics.divisiveness(stats)
    divisive_columns = sorted((j for j in candidates if spread[j] > 0), key=lambda j: (-spread[j], int(j)))[
        :pick_max
    ]
    extremity = projection.statement_extremity()
    ids = matrix.participants
    return OpinionMap(
        positions={ids[i]: (float(positions[i, 0]), float(positions[i, 1])) for i in range(n)},
        labels={ids[i]: int(labels[i]) for i in clustered_rows if labels[i] >= 0},
        unclustered=frozenset(ids[i] for i in range(n) if labels[i] < 0),
        groups=tuple(groups),
        consensus={
            "agree": [statements[j] for j in agree_columns],
            "disagree": [statements[j] for j in disagree_columns],
        },
        group_aware_consensus={statements[j]: float(gac_agree[j]) for j in candidates} if n_groups else {},
        group_aware_consensus_disagree={statements[j]: float(gac_disagree[j]) for j in candidates}
        if n_groups
        else {},
        divisive=[statements[j] for j in divisive_columns],
        divisiveness={statements[j]: float(spread[j]) for j in candidates},
        extremity={statements[j]: float(extremity[j]) for j in candidates},
        totals={
            statements[j]: VoteCounts(int(agrees[j]), int(disagrees[j]), int(votes[j])) for j in candidates
        },
        explained_variance=(float(projection.explained_variance[0]), float(projection.explained_variance[1])),
    )


def priorities(matrix: VoteMatrix, result: OpinionMap | None) -> dict[StatementId, float]:
    """Pol.is's priority of each shown statement: few votes and statements that move people come first.

    priority = (P(agree) x (1 - P(pass)) x (1 + extremity) x (1 + 8 x 2^(-votes / 5)))^2."""
    agrees, _disagrees, votes = matrix.counts()
    moderated = matrix.moderated_mask()
    out: dict[StatementId, float] = {}
    for j, statement in enumerate(matrix.statements):
        if moderated[j]:
            continue
        passes = votes[j] - agrees[j] - _disagrees[j]
        p_agree = (agrees[j] + 1.0) / (votes[j] + 2.0)
        p_pass = (passes + 1.0) / (votes[j] + 2.0)
        extremity = result.extremity.get(statement, 0.0) if result is not None else 0.0
        newness = 1.0 + 8.0 * 2.0 ** (-votes[j] / 5.0)
        out[statement] = float((p_agree * (1.0 - p_pass) * (1.0 + extremity) * newness) ** 2)
    return out


def next_statement(
    matrix: VoteMatrix,
    result: OpinionMap | None,
    participant_id: ParticipantId,
    *,
    seed: int | str | None = None,
) -> StatementId | None:
    """The next statement to show a participant: one they have not voted on, drawn with a chance proportional
    to its priority (as Pol.is does). The draw is reproducible: it depends on the participant and how many
    votes they cast (or on ``seed``). None when they have voted on every shown statement."""
    voted = matrix.voted_by(participant_id)
    weights = {s: w for s, w in priorities(matrix, result).items() if s not in voted}
    if not weights:
        return None
    draw = random.Random(seed if seed is not None else f"{participant_id}:{len(voted)}")  # nosec B311 - not security
    statements = list(weights)
    return draw.choices(statements, weights=[weights[s] for s in statements], k=1)[0]

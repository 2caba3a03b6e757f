"""The same map computed by red-dwarf (Pol.is's math reimplemented by the Pol.is community), for comparisons.

Used by the tests and by bench/opinion.py. red-dwarf is a test and bench dependency only; importing it raises a
pydantic warning that the test settings would turn into an error, so it is imported with warnings silenced.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sklearn.metrics import adjusted_rand_score

from bouquet.conversations.opinion import OpinionMap, VoteMatrix


@dataclass(frozen=True)
class Reference:
    labels: dict[Any, int]
    repness: dict[int, list[Any]]  # group -> statement ids, in red-dwarf's order
    consensus: dict[str, list[Any]]
    group_aware_consensus: dict[Any, float]


def red_dwarf_map(matrix: VoteMatrix, *, seed: int = 0, exact_pca: bool = False) -> Reference:
    """Run red-dwarf's Pol.is pipeline on the matrix's votes.

    By default red-dwarf lets scikit-learn choose the PCA solver, which for mid-sized matrices is a randomized
    approximation (positions can be off by a tenth); ``exact_pca`` asks for the exact decomposition."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from reddwarf.implementations.polis import run_pipeline

        votes = [
            {
                "participant_id": matrix.participants[i],
                "statement_id": matrix.statements[j],
                "vote": int(v),
                "modified": 0,
            }
            for i, j, v in zip(
                matrix.rows.tolist(), matrix.cols.tolist(), matrix.values.tolist(), strict=True
            )
        ]
        result = run_pipeline(
            votes=votes,
            mod_out_statement_ids=sorted(matrix.moderated_out),
            random_state=seed,
            reducer_kwargs={"svd_solver": "full"} if exact_pca else {},
        )
    frame = result.participants_df
    labels = {participant: int(group) for participant, group in frame["cluster_id"].dropna().items()}
    return Reference(
        labels=labels,
        repness={int(g): [s["tid"] for s in picks] for g, picks in result.repness.items()},
        consensus={key: [s["tid"] for s in picks] for key, picks in result.consensus.items()},
        group_aware_consensus={s: float(v) for s, v in result.group_aware_consensus["agree"].items()},
    )


@dataclass(frozen=True)
class Agreement:
    groups: int
    reference_groups: int
    ari: float
    same_top: int  # groups whose first representative statement is the same
    clustered: int
    reference_clustered: int

    @property
    def top_agreement(self) -> str:
        return f"{self.same_top}/{self.groups}"


def agreement(ours: OpinionMap, reference: Reference) -> Agreement:
    """How far the two maps agree: group counts, adjusted Rand index, same first representative statement."""
    common = sorted(set(ours.labels) & set(reference.labels), key=str)
    ari = adjusted_rand_score([reference.labels[p] for p in common], [ours.labels[p] for p in common])
    same_top = 0
    for group in ours.groups:
        # The reference group holding most of our group's members.
        members = Counter(reference.labels[p] for p in common if ours.labels[p] == group.id)
        if not members or not group.representative:
            continue
        theirs = reference.repness.get(members.most_common(1)[0][0], [])
        if theirs and theirs[0] == group.representative[0].statement_id:
            same_top += 1
    return Agreement(
        groups=len(ours.groups),
        reference_groups=len(set(reference.labels.values())),
        ari=float(ari),
        same_top=same_top,
        clustered=len(ours.labels),
        reference_clustered=len(reference.labels),
    )

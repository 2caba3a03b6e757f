"""The opinion map of a conversation, as Pol.is computes it: pure Python and numpy, no Django.

    matrix = VoteMatrix.from_votes(votes, statements, moderated_out)
    result = compute_map(matrix, min_votes=7, max_groups=5, seed=0)
    statement = next_statement(matrix, result, participant_id)

Each step is explained in docs/opinion-map.md.
"""

from bouquet.conversations.opinion.matrix import AGREE, DISAGREE, PASS, ParticipantId, StatementId, VoteMatrix
from bouquet.conversations.opinion.opinion_map import (
    Group,
    OpinionMap,
    Repness,
    VoteCounts,
    compute_map,
    next_statement,
    priorities,
)

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "Group",
    "OpinionMap",
    "ParticipantId",
    "Repness",
    "StatementId",
    "VoteCounts",
    "VoteMatrix",
    "compute_map",
    "next_statement",
    "priorities",
]

"""Generated conversations: participants drawn from a few opinion groups, each group with its own leaning on
every statement, each participant voting on a random share of the statements. Pure numpy, for tests and bench."""

from __future__ import annotations

import numpy as np

from bouquet.conversations.opinion import VoteMatrix


def generated_matrix(
    participants: int,
    statements: int,
    *,
    groups: int = 3,
    voted: float = 0.3,
    moderated: int = 0,
    seed: int = 0,
    contrast: float = 0.8,
) -> tuple[VoteMatrix, np.ndarray]:
    """A vote matrix and the true group of each participant (row).

    Each group leans towards agreeing or disagreeing with each statement (a share ``contrast`` of the
    statements split the groups, the others are shared); a participant passes 15 % of the time."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(groups, size=participants)
    shared = rng.uniform(-1, 1, size=statements)
    lean = np.where(
        rng.random((groups, statements)) < contrast, rng.uniform(-1, 1, (groups, statements)), shared
    )
    p_agree = 0.85 * (1 + lean) / 2
    count = max(1, int(round(voted * statements)))
    rows = np.repeat(np.arange(participants), count)
    cols = np.concatenate([rng.choice(statements, size=count, replace=False) for _ in range(participants)])
    draw = rng.random(rows.size)
    pa = p_agree[truth[rows], cols]
    values = np.where(draw < pa, 1, np.where(draw < 0.85, -1, 0)).astype(np.int8)
    matrix = VoteMatrix.from_arrays(
        participants=list(range(participants)),
        statements=list(range(statements)),
        rows=rows,
        cols=cols,
        values=values,
        moderated_out=list(range(moderated)),
    )
    return matrix, truth

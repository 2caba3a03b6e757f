"""The vote matrix: who voted what on which statement, kept sparse (one entry per vote).

Agree is +1, disagree -1, pass 0; a statement nobody voted on has no entry. Participant and statement ids are
whatever the caller uses (database ids, ids of a Pol.is export); inside, rows and columns are positions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

type ParticipantId = int | str
type StatementId = int | str

AGREE = 1
DISAGREE = -1
PASS = 0
VOTE_VALUES = frozenset({AGREE, DISAGREE, PASS})


def _ordered(ids: Iterable[ParticipantId]) -> list[ParticipantId]:
    """The ids in a stable order: sorted when they compare (all numbers or all texts), else as first met."""
    unique = list(dict.fromkeys(ids))
    try:
        return sorted(unique)  # mixed ids (numbers and texts) fall back below
    except TypeError:
        return unique


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    """Votes of participants (rows) on statements (columns), one entry per (participant, statement) pair.

    ``rows``, ``cols`` and ``values`` are parallel arrays (a COO sparse matrix); each pair appears once.
    ``moderated_out`` holds the statements taken out by moderation: their votes are kept (they count in the
    number of votes a participant cast) but they weigh nothing in the map and are never shown as results.
    """

    participants: tuple[ParticipantId, ...]
    statements: tuple[StatementId, ...]
    rows: NDArray[np.int32]
    cols: NDArray[np.int32]
    values: NDArray[np.int8]
    moderated_out: frozenset[StatementId]

    @classmethod
    def from_votes(
        cls,
        votes: Iterable[tuple[ParticipantId, StatementId, int]],
        statements: Sequence[StatementId],
        moderated_out: Collection[StatementId] = (),
    ) -> VoteMatrix:
        """Build the matrix from (participant, statement, vote) triples; a later triple for the same pair
        replaces an earlier one (the latest vote wins). Raises ValueError on an unknown statement or vote."""
        column = {statement: j for j, statement in enumerate(statements)}
        if len(column) != len(statements):
            raise ValueError("the same statement appears twice in the list of statements")
        latest: dict[tuple[ParticipantId, int], int] = {}
        for participant, statement, vote in votes:
            j = column.get(statement)
            if j is None:
                raise ValueError(f"vote on an unknown statement: {statement!r}")
            if vote not in VOTE_VALUES:
                raise ValueError(f"unknown vote value {vote!r} (expected 1, -1 or 0)")
            latest[(participant, j)] = int(vote)
        participants = _ordered(participant for participant, _j in latest)
        row = {participant: i for i, participant in enumerate(participants)}
        count = len(latest)
        rows = np.fromiter((row[p] for p, _j in latest), dtype=np.int32, count=count)
        cols = np.fromiter((j for _p, j in latest), dtype=np.int32, count=count)
        values = np.fromiter(latest.values(), dtype=np.int8, count=count)
        return cls(
            participants=tuple(participants),
            statements=tuple(statements),
            rows=rows,
            cols=cols,
            values=values,
            moderated_out=frozenset(s for s in moderated_out if s in column),
        )

    @classmethod
    def from_arrays(
        cls,
        participants: Sequence[ParticipantId],
        statements: Sequence[StatementId],
        rows: NDArray[np.integer],
        cols: NDArray[np.integer],
        values: NDArray[np.integer],
        moderated_out: Collection[StatementId] = (),
    ) -> VoteMatrix:
        """Build the matrix from positions (row in ``participants``, column in ``statements``) and votes,
        in the order they were cast: for a repeated pair the last one wins. Fast path for large inputs."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        values = np.asarray(values)
        if not (rows.shape == cols.shape == values.shape):
            raise ValueError("rows, cols and values must have the same length")
        if rows.size and (rows.min() < 0 or rows.max() >= len(participants)):
            raise ValueError("a row is outside the list of participants")
        if cols.size and (cols.min() < 0 or cols.max() >= len(statements)):
            raise ValueError("a column is outside the list of statements")
        if values.size and not np.isin(values, (-1, 0, 1)).all():
            raise ValueError("unknown vote value (expected 1, -1 or 0)")
        key = rows * len(statements) + cols
        # The last occurrence of each pair: unique over the reversed keys keeps the first met, i.e. the latest.
        _unique, first_from_end = np.unique(key[::-1], return_index=True)
        keep = np.sort(key.size - 1 - first_from_end)
        statement_set = set(statements)
        return cls(
            participants=tuple(participants),
            statements=tuple(statements),
            rows=rows[keep].astype(np.int32),
            cols=cols[keep].astype(np.int32),
            values=values[keep].astype(np.int8),
            moderated_out=frozenset(s for s in moderated_out if s in statement_set),
        )

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.participants), len(self.statements)

    def moderated_mask(self) -> NDArray[np.bool_]:
        """True for the columns of moderated-out statements."""
        return np.array([s in self.moderated_out for s in self.statements], dtype=bool)

    def votes_per_participant(self) -> NDArray[np.int64]:
        """How many statements each participant voted on (moderated-out ones included)."""
        return np.bincount(self.rows, minlength=len(self.participants))

    def counts(self, row_mask: NDArray[np.bool_] | None = None) -> tuple[NDArray[np.int64], ...]:
        """Agrees, disagrees and votes (agree, disagree or pass) per statement, over the rows kept by the mask."""
        m = len(self.statements)
        keep = np.ones(self.rows.size, dtype=bool) if row_mask is None else row_mask[self.rows]
        cols = self.cols[keep]
        values = self.values[keep]
        agrees = np.bincount(cols[values == AGREE], minlength=m)
        disagrees = np.bincount(cols[values == DISAGREE], minlength=m)
        votes = np.bincount(cols, minlength=m)
        return agrees, disagrees, votes

    def dense(self) -> NDArray[np.float64]:
        """The matrix as a dense array with NaN where nobody voted (for small matrices and tests)."""
        out = np.full(self.shape, np.nan)
        out[self.rows, self.cols] = self.values
        return out

    def voted_by(self, participant: ParticipantId) -> frozenset[StatementId]:
        """The statements a participant has voted on."""
        try:
            i = self.participants.index(participant)
        except ValueError:
            return frozenset()
        return frozenset(self.statements[j] for j in self.cols[self.rows == i])

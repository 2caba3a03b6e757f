"""Explicit, recorded tie-breaking orders between projects."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from bouquet.budgets.counting.models import Election


class TieOrder(StrEnum):
    """A tie-breaking order; its value is what the database, the files and the command line store."""

    VOTES = "votes"
    ID_NUMBER = "id-number"
    ID_STRING = "id-string"


DEFAULT_SEED = "bouquet"

_CHUNKS = re.compile(r"(\d+)")


def id_number_key(project_id: str) -> tuple[int, int, tuple[tuple[int, int, str], ...]]:
    """Compare ids as numbers ("9" before "10"); non-numeric ids after, in natural order ("L9" < "L10")."""
    stripped = project_id.strip()
    if stripped.lstrip("-").isdigit():
        return (0, int(stripped), ())
    parts = tuple(
        (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk)
        for chunk in _CHUNKS.split(stripped)
        if chunk
    )
    return (1, 0, parts)


def seed_key(seed: str, project_id: str) -> str:
    """A published, reproducible pseudo-random key (SHA-256 of seed and id)."""
    return hashlib.sha256(f"{seed}:{project_id}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class TieBreak:
    """A total order on projects used whenever a rule faces a tie; rank 0 wins."""

    order: TieOrder | str = TieOrder.VOTES  # a name as stored is read into its `TieOrder`
    seed: str = DEFAULT_SEED

    def __post_init__(self) -> None:
        """Read the order from its name, rejecting unknown names early, in French."""
        if self.order not in TieOrder:
            expected = ", ".join(order.value for order in TieOrder)
            raise ValueError(f"ordre de départage inconnu « {self.order} » (attendu : {expected})")
        object.__setattr__(self, "order", TieOrder(self.order))

    def describe(self) -> str:
        """A short English description of the order, recorded in every outcome."""
        if self.order == TieOrder.VOTES:
            return (
                "most votes first, then cheaper first, then project id compared as a number, "
                f"then SHA-256 of '{self.seed}:<id>'"
            )
        if self.order == TieOrder.ID_STRING:
            return "project id compared as a string (pabutools' default: '10' before '9')"
        return "project id compared as a number ('9' before '10'), non-numeric ids in natural order"

    def ranks(self, ids: list[str], costs: dict[str, Fraction], votes: dict[str, int]) -> dict[str, int]:
        """Rank every project: a lower rank wins a tie."""
        if self.order == TieOrder.VOTES:
            ordered = sorted(
                ids,
                key=lambda p: (-votes.get(p, 0), costs[p], id_number_key(p), seed_key(self.seed, p), p),
            )
        elif self.order == TieOrder.ID_STRING:
            ordered = sorted(ids)
        else:
            ordered = sorted(ids, key=lambda p: (id_number_key(p), p))
        return {pid: rank for rank, pid in enumerate(ordered)}

    def election_ranks(self, election: Election) -> dict[str, int]:
        """Rank the projects of an election, votes being the number of voters listing each project."""
        return self.ranks([p.id for p in election.projects], election.costs(), election.approval_counts())

"""Compact approval profile: identical ballots merged into weighted groups (a huge win on real data)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from bouquet.budgets.counting.models import Election
from bouquet.budgets.counting.tiebreak import TieBreak


@dataclass(slots=True)
class GroupedProfile:
    """Projects indexed 0..m-1 and voters merged by identical approval set."""

    ids: list[str]
    costs: list[Fraction]
    budget: Fraction
    n_voters: int
    # One entry per group of voters with the same approval set.
    group_ballots: list[tuple[int, ...]]
    group_weights: list[int]
    group_voters: list[list[str]]
    # Per project: the groups approving it, and the number of voters approving it.
    supporters: list[list[int]]
    votes: list[int]
    # Per project: its rank in the tie-breaking order (lower wins).
    ranks: list[int]
    tie_break: TieBreak

    @classmethod
    def from_election(cls, election: Election, tie_break: TieBreak) -> GroupedProfile:
        """Group the ballots of an election; every listed project counts as approved (see docs/counting.md)."""
        ids = [p.id for p in election.projects]
        index = {pid: k for k, pid in enumerate(ids)}
        groups: dict[tuple[int, ...], int] = {}
        ballots: list[tuple[int, ...]] = []
        weights: list[int] = []
        voters: list[list[str]] = []
        for ballot in election.ballots:
            key = tuple(sorted({index[pid] for pid in ballot.projects}))
            g = groups.get(key)
            if g is None:
                g = groups[key] = len(ballots)
                ballots.append(key)
                weights.append(0)
                voters.append([])
            weights[g] += 1
            voters[g].append(ballot.voter_id)
        supporters: list[list[int]] = [[] for _ in ids]
        votes = [0] * len(ids)
        for g, key in enumerate(ballots):
            for j in key:
                supporters[j].append(g)
                votes[j] += weights[g]
        costs = [p.cost for p in election.projects]
        rank_map = tie_break.ranks(
            ids, dict(zip(ids, costs, strict=True)), dict(zip(ids, votes, strict=True))
        )
        return cls(
            ids=ids,
            costs=costs,
            budget=election.budget,
            n_voters=len(election.ballots),
            group_ballots=ballots,
            group_weights=weights,
            group_voters=voters,
            supporters=supporters,
            votes=votes,
            ranks=[rank_map[pid] for pid in ids],
            tie_break=tie_break,
        )

    def restricted(self, keep: list[bool]) -> GroupedProfile:
        """The same profile where projects with keep[j] False have lost all their supporters."""
        supporters = [s if keep[j] else [] for j, s in enumerate(self.supporters)]
        votes = [v if keep[j] else 0 for j, v in enumerate(self.votes)]
        return GroupedProfile(
            ids=self.ids,
            costs=self.costs,
            budget=self.budget,
            n_voters=self.n_voters,
            group_ballots=[tuple(j for j in b if keep[j]) for b in self.group_ballots],
            group_weights=self.group_weights,
            group_voters=self.group_voters,
            supporters=supporters,
            votes=votes,
            ranks=self.ranks,
            tie_break=self.tie_break,
        )

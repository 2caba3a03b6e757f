"""Shared helpers for the rules tests: real files (tests/data/ and the shared folder) and small elections."""

from __future__ import annotations

from fractions import Fraction

from bouquet.budgets.counting.models import APPROVAL, CUMULATIVE, Ballot, Election, Project
from tests.shared_data import ANIOLKI, TOULOUSE_1, shared_data_dir

SMALL_FILES = [TOULOUSE_1, ANIOLKI]  # kept in tests/data/: always there
# In the shared data folder: tests reading them carry @pytest.mark.shared_data.
TOULOUSE = shared_data_dir() / "pabulib" / "France_Toulouse_2022.pb"
AMSTERDAM = shared_data_dir() / "pabulib" / "Netherlands_Amsterdam_252.pb"


def make_election(
    costs: list[int],
    ballots: list[list[int]],
    budget: int,
    points: list[list[int]] | None = None,
) -> Election:
    """An election with projects "0".."m-1"; ballots list project indices (points for cumulative votes)."""
    projects = [Project(id=str(j), cost=Fraction(c), name=f"Projet {j}") for j, c in enumerate(costs)]
    votes = [
        Ballot(
            voter_id=f"v{i}",
            projects=tuple(str(j) for j in ballot),
            points=tuple(Fraction(p) for p in points[i]) if points is not None else None,
        )
        for i, ballot in enumerate(ballots)
    ]
    return Election(
        budget=Fraction(budget),
        projects=projects,
        ballots=votes,
        vote_type=CUMULATIVE if points is not None else APPROVAL,
        meta={"description": "test", "country": "France", "unit": "Test", "instance": "1"},
        vote_columns=["voter_id", "vote", "points"] if points is not None else ["voter_id", "vote"],
    )

"""Shared helpers for the rules tests: data paths and small election builders."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from bouquet.budgets.counting.models import APPROVAL, CUMULATIVE, Ballot, Election, Project

# The shared data sit beside the repository (../shared from its root), wherever it is checked out.
ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT.parent / "shared" / "data" / "pabulib"
TOULOUSE_1 = DATA / "France_Toulouse_2022_1_-_Capitole_Arnaud_Bernard_Carmes.pb"
ANIOLKI = DATA / "Poland_Gdansk_2020_Aniolki.pb"
TOULOUSE = DATA / "France_Toulouse_2022.pb"
AMSTERDAM = DATA / "Netherlands_Amsterdam_252.pb"
SMALL_FILES = [TOULOUSE_1, ANIOLKI]

needs_data = pytest.mark.skipif(not DATA.exists(), reason="pabulib data not available")


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

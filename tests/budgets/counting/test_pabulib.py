"""Parser and writer of the pabulib format."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bouquet.budgets.counting.pabulib import PabulibError, parse_pb, parse_pb_bytes, parse_pb_string, write_pb
from tests.budgets.counting.helpers import (
    ANIOLKI,
    SMALL_FILES,
    TOULOUSE,
    TOULOUSE_1,
    make_election,
)

GOOD = """META
key;value
description;test
num_projects;2
num_votes;2
budget;100
vote_type;approval
rule;greedy
min_length;1
max_length;2
PROJECTS
project_id;cost;name;category;target;selected
1;60;"Un ""beau"" parc; vert";Nature,Sport;Enfants;1
2;50.5;Piste;Mobilité;None;0
VOTES
voter_id;vote;age
a;1,2;30
b;2;41
"""


def test_parse_good_file() -> None:
    """META, project fields (quoted names, categories, targets) and ballots are read faithfully."""
    e = parse_pb_string(GOOD)
    assert e.budget == 100 and e.vote_type == "approval" and e.rule == "greedy"
    assert (e.min_length, e.max_length) == (1, 2)
    p1, p2 = e.projects
    assert (
        p1.name == 'Un "beau" parc; vert'
        and p1.categories == ("Nature", "Sport")
        and p1.targets == ("Enfants",)
    )
    assert p1.extra == {"selected": "1"}
    assert p2.cost == Fraction(101, 2) and p2.targets == ()
    assert [b.projects for b in e.ballots] == [("1", "2"), ("2",)]
    assert e.ballots[0].extra == {"age": "30"}


def test_real_files() -> None:
    """Approval (Toulouse) and cumulative (Aniolki) files parse with the declared counts."""
    t = parse_pb(TOULOUSE_1)
    assert len(t.projects) == 10 and len(t.ballots) == 972 and t.budget == 400000
    assert t.project("7").cost == 150000
    a = parse_pb(ANIOLKI)
    assert a.vote_type == "cumulative" and len(a.ballots) == 343
    assert a.ballots[1].points_by_project() == {"1": 4, "3": 1}


@pytest.mark.shared_data
def test_quoted_names_in_a_city_wide_file() -> None:
    """Toulouse's city-wide file has project names with double quotes, read back unquoted."""
    big = parse_pb(TOULOUSE)
    assert any('"' in p.name for p in big.projects)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD.replace("VOTES\nvoter_id;vote;age\na;1,2;30\nb;2;41\n", ""), 14, "section VOTES absente"),
        (GOOD.replace("num_votes;2", "num_votes;3"), 5, "« num_votes » annonce 3 votes"),
        (GOOD.replace("num_projects;2", "num_projects;1"), 4, "num_projects"),
        (GOOD.replace("2;50.5;", "2;cinquante;"), 14, "n'est pas un nombre"),
        (GOOD.replace("b;2;41", "b;7;41"), 18, "le vote cite le projet « 7 »"),
        (GOOD.replace("b;2;41", "b;2"), 18, "2 champs au lieu de 3"),
        (GOOD.replace("vote_type;approval", "vote_type;magic"), 7, "type de vote"),
        (GOOD.replace("META\n", ""), 1, "commencer par la section META"),
        (GOOD.replace("budget;100\n", ""), 10, "« budget » absent"),
        (GOOD.replace("a;1,2;30", "a;1,1;30"), 17, "cité deux fois"),
    ],
)
def test_malformed_files(text: str, line: int, fragment: str) -> None:
    """Malformed files raise a French PabulibError naming the line."""
    with pytest.raises(PabulibError) as info:
        parse_pb_string(text)
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"ligne {line} :")


def test_broken_encoding() -> None:
    """Bytes that are not UTF-8 are reported with their line."""
    data = GOOD.replace("Piste", "Pist\udce9").encode("utf-8", "surrogateescape")
    with pytest.raises(PabulibError, match=r"^ligne 14 : encodage invalide"):
        parse_pb_bytes(data)


def test_cumulative_points_mismatch() -> None:
    """A cumulative ballot needs one value of points per listed project."""
    text = GOOD.replace("vote_type;approval", "vote_type;cumulative").replace(
        "voter_id;vote;age\na;1,2;30\nb;2;41", "voter_id;vote;points\na;1,2;3\nb;2;1"
    )
    with pytest.raises(PabulibError, match=r"^ligne 17 : 2 projets mais 1 valeurs de points"):
        parse_pb_string(text)


@pytest.mark.parametrize(
    "path", [*SMALL_FILES, pytest.param(TOULOUSE, marks=pytest.mark.shared_data)], ids=lambda p: p.stem
)
def test_round_trip_real_files(path: object) -> None:
    """write_pb produces a file that parses back to the same election."""
    e = parse_pb(str(path))
    again = parse_pb_string(write_pb(e))
    assert again.projects == e.projects and again.ballots == e.ballots and again.budget == e.budget
    assert [p.extra for p in again.projects] == [p.extra for p in e.projects]
    assert [b.extra for b in again.ballots] == [b.extra for b in e.ballots]
    assert {k: v for k, v in again.meta.items() if k != "budget"} == {
        k: v for k, v in e.meta.items() if k != "budget"
    }


@settings(max_examples=40, deadline=None)
@given(
    costs=st.lists(st.integers(0, 10**6), min_size=1, max_size=6),
    data=st.data(),
    budget=st.integers(0, 3 * 10**6),
    cumulative=st.booleans(),
)
def test_round_trip_random(costs: list[int], data: st.DataObject, budget: int, cumulative: bool) -> None:
    """Random instances and ballots survive a write/parse round trip."""
    m = len(costs)
    ballots = data.draw(st.lists(st.lists(st.integers(0, m - 1), unique=True, max_size=m), max_size=8))
    points = [[data.draw(st.integers(1, 5)) for _ in b] for b in ballots] if cumulative else None
    e = make_election(costs, ballots, budget, points)
    again = parse_pb_string(write_pb(e))
    assert again.projects == e.projects and again.ballots == e.ballots
    assert again.budget == e.budget and again.vote_type == e.vote_type

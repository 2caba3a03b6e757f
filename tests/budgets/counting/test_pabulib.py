"""Parser and writer of the pabulib format."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

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
from tests.shared_data import shared_data_dir

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
        (GOOD.replace("2;50.5;", "2;cinquante;"), 14, "n'est pas un nombre"),
        (GOOD.replace("b;2;41", "b;7;41"), 18, "le vote cite le projet « 7 »"),
        (GOOD.replace("b;2;41", "b"), 18, "1 champs au lieu de 3"),
        (GOOD.replace("b;2;41", "b;2;41;x"), 18, "4 champs au lieu de 3"),
        (GOOD.replace("2;50.5;", "2;1234567890123456789012345678901234567890;"), 14, "démesuré"),
        (GOOD.replace("2;50.5;", "2;1e999999999;"), 14, "démesuré"),
        (GOOD.replace("budget;100", "budget;10000000000000000000"), 6, "le budget est démesuré"),
        (GOOD.replace("1;60;", "2;60;"), 14, "déclaré deux fois"),
        (GOOD.replace("vote_type;approval", "vote_type;magic"), 7, "type de vote"),
        (GOOD.replace("META\n", ""), 1, "commencer par la section META"),
        (GOOD.replace("budget;100\n", ""), 10, "« budget » absent"),
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


def test_a_good_file_has_no_warning() -> None:
    assert parse_pb_string(GOOD).warnings == []


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            GOOD.replace("num_votes;2", "num_votes;3"),
            5,
            "« num_votes » annonce 3 votes mais le fichier en contient 2",
        ),
        (GOOD.replace("num_projects;2", "num_projects;1"), 4, "« num_projects » annonce 1 projets"),
        (GOOD.replace("b;2;41", "b;2"), 18, "les colonnes manquantes (age) sont vides"),
        (GOOD.replace("b;2;41", "b;2;41;;"), 18, "les champs vides en trop sont ignorés"),
        (
            GOOD.replace("b;2;41", "a;2;41"),
            18,
            "« a » est déjà celui de la ligne 17 ; les deux votes sont comptés",
        ),
    ],
)
def test_oddities_are_read_with_a_warning_naming_the_line(text: str, line: int, fragment: str) -> None:
    """What pabutools reads is read too; the oddity is reported, not refused."""
    election = parse_pb_string(text)
    assert [b.projects for b in election.ballots] == [("1", "2"), ("2",)]
    [warning] = election.warnings
    assert warning.line == line and fragment in warning.message
    assert str(warning).startswith(f"ligne {line} : ")


def _twice(vote_type: str) -> str:
    """A small file whose first two votes list a project twice (with points for a cumulative vote)."""
    cumulative = vote_type == "cumulative"
    votes = (
        ["a;1,2,1;1,2,3", "b;3,3;1,4", "c;2;5", "d;3,2;2,1"]
        if cumulative
        else ["a;1,2,1", "b;3,3", "c;2", "d;3,2"]
    )
    return "\n".join(
        [
            "META",
            "key;value",
            "budget;100",
            f"vote_type;{vote_type}",
            "PROJECTS",
            "project_id;cost;name",
            "1;60;Parc",
            "2;50;Piste",
            "3;40;Bancs",
            "VOTES",
            "voter_id;vote;points" if cumulative else "voter_id;vote",
            *votes,
            "",
        ]
    )


@pytest.mark.parametrize(
    ("vote_type", "first", "second"),
    [
        ("approval", (("1", "2"), None), (("3",), None)),
        ("ordinal", (("1", "2"), None), (("3",), None)),  # a project keeps its first rank
        ("cumulative", (("1", "2"), (3, 2)), (("3",), (4,))),  # and the points given last, as pabutools
    ],
)
def test_a_project_listed_twice_in_a_vote_counts_once_as_pabutools_reads_it(
    vote_type: str, first: tuple[object, ...], second: tuple[object, ...]
) -> None:
    """22 pabulib files list a project twice in one vote: it counts once, with a warning giving the line."""
    text = _twice(vote_type)
    election = parse_pb_string(text)
    a, b = election.ballots[:2]
    assert (a.projects, a.points) == first
    assert (b.projects, b.points) == second
    assert [(w.line, w.message) for w in election.warnings] == [
        (12, "le projet « 1 » est cité plusieurs fois dans le même vote ; il compte une fois"),
        (13, "le projet « 3 » est cité plusieurs fois dans le même vote ; il compte une fois"),
    ]
    pt = pytest.importorskip("pabutools.election.pabulib")
    _instance, profile = pt.parse_pabulib_from_string(text)
    for ours, theirs in zip(election.ballots, profile, strict=True):
        if vote_type == "cumulative":
            assert {p.name: Fraction(str(v)) for p, v in theirs.items()} == ours.points_by_project()
        elif vote_type == "ordinal":
            assert [p.name for p in theirs] == list(ours.projects)
        else:
            assert {p.name for p in theirs} == set(ours.projects)


@pytest.mark.parametrize("rule", ["greedy_cost", "mes_cost", "mes_cost_add1u"])
def test_a_file_with_a_project_listed_twice_gives_the_winners_pabutools_gives(rule: str) -> None:
    from bouquet.budgets.counting.catalogue import run_rule
    from bouquet.budgets.counting.reference import load_pabutools, run_pabutools
    from bouquet.budgets.counting.tiebreak import TieBreak, TieOrder

    pytest.importorskip("pabutools")
    text = _twice("approval")
    election = parse_pb_string(text)
    tie = TieBreak(TieOrder.ID_STRING.value)
    parsed = load_pabutools()["parse_string"](text)
    assert sorted(run_rule(election, rule, tie).winners) == sorted(
        run_pabutools(election, rule, tie, parsed=parsed)
    )


def test_a_field_that_opens_with_a_quote_and_goes_on_is_read_as_pabutools_reads_it() -> None:
    """Łódź and others: `47;12000;30;188;"Odkupmy" i my - zakup…`."""
    text = GOOD.replace("2;50.5;Piste;", '2;50.5;"Odkupmy" i my - zakup;')
    election = parse_pb_string(text)
    assert election.projects[1].name == "Odkupmy i my - zakup"
    [warning] = election.warnings
    assert warning.line == 14 and "guillemets mal placés" in warning.message
    pt = pytest.importorskip("pabutools.election.pabulib")
    instance, _profile = pt.parse_pabulib_from_string(text)
    assert {instance.project_meta[p]["name"] for p in instance} == {p.name for p in election.projects}


def test_a_quote_left_open_ends_with_its_line() -> None:
    text = GOOD.replace("2;50.5;Piste;", '2;50.5;"Piste;')
    election = parse_pb_string(text)
    assert [p.id for p in election.projects] == ["1", "2"] and len(election.ballots) == 2
    # The quote swallowed the rest of the line: then the row lacks its last (optional) columns.
    assert [w.line for w in election.warnings] == [14, 14]


def test_a_nul_byte_is_refused_with_its_line() -> None:
    """PostgreSQL cannot store it, and a text file has none: the file is binary or damaged."""
    with pytest.raises(PabulibError, match=r"^ligne 14 : le fichier contient un octet nul"):
        parse_pb_bytes(GOOD.replace("Piste", "Pi\x00ste").encode())


@pytest.mark.shared_data
@pytest.mark.parametrize("path", sorted((shared_data_dir() / "pabulib").glob("*.pb")), ids=lambda p: p.stem)
def test_every_real_file_is_read_without_a_warning(path: Path) -> None:
    election = parse_pb(path)
    assert election.warnings == []
    assert len(election.ballots) == int(election.meta["num_votes"])


def test_a_quoted_field_too_long_for_the_csv_module_is_refused_with_its_line() -> None:
    text = GOOD.replace("2;50.5;Piste;", '2;50.5;"' + "x" * 200_000 + '" y;')
    with pytest.raises(PabulibError, match=r"^ligne 14 : champ entre guillemets de plus de \d+ caractères"):
        parse_pb_string(text)

"""Traces (recomputing the winners from them), tie-breaking orders and the command line."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from bouquet.budgets.counting.__main__ import main
from bouquet.budgets.counting.catalogue import RULES, run_rule
from bouquet.budgets.counting.pabulib import parse_pb
from bouquet.budgets.counting.tiebreak import TieBreak, TieOrder, id_number_key
from bouquet.budgets.counting.trace import TraceError, check_trace, jsonable, winners_from_trace
from tests.budgets.counting.helpers import ANIOLKI, TOULOUSE_1, make_election


@pytest.mark.parametrize("rule", list(RULES))
def test_trace_gives_back_winners(rule: str) -> None:
    """For every rule, the winners can be recomputed from the JSON trace alone."""
    election = parse_pb(TOULOUSE_1)
    kwargs = {"threshold": 50} if rule == "greedy_threshold" else {}
    check_trace(run_rule(election, rule, **kwargs))


def test_mes_trace_content() -> None:
    """Equal Shares rounds record the price per supporter and who paid what."""
    election = parse_pb(ANIOLKI)
    outcome = run_rule(election, "mes_cost")
    rounds = [e for e in outcome.trace if e["event"] == "mes_round"]
    assert rounds and rounds[0]["project"] == outcome.winners[0]
    first = rounds[0]
    paid = sum(p["amount"] * len(p["voters"]) for p in first["payments"])
    assert paid == first["cost"]
    assert all(p["amount"] <= first["share"] for p in first["payments"])
    unfunded = [e for e in outcome.trace if e["event"] == "mes_unfunded"]
    assert all(e["available"] < e["cost"] for e in unfunded)


def test_greedy_trace_explains_skips() -> None:
    """A skipped project records the missing amount and the last project funded before it."""
    election = make_election([60, 50, 30], [[0], [0], [0], [1], [1], [2]], 100)
    outcome = run_rule(election, "greedy_cost")
    assert outcome.winners == ["0", "2"]
    skipped = next(e for e in outcome.trace if e["project"] == "1")
    assert skipped["decision"] == "skipped"
    assert skipped["missing"] == Fraction(10) and skipped["after"] == "0"


def test_greedy_noskip_and_threshold() -> None:
    """City variants: stop at the first misfit; ignore projects under the vote threshold."""
    election = make_election([60, 50, 30], [[0], [0], [0], [1], [1], [2]], 100)
    assert run_rule(election, "greedy_noskip").winners == ["0"]
    assert run_rule(election, "greedy_threshold", threshold=2).winners == ["0"]
    below = [
        e
        for e in run_rule(election, "greedy_threshold", threshold=2).trace
        if e["decision"] == "below_threshold"
    ]
    assert [e["project"] for e in below] == ["2"]


def test_tampered_trace_is_rejected() -> None:
    """Changing a payment in the trace breaks the recomputation."""
    election = make_election([60, 50, 30], [[0, 1], [0], [0, 2], [1], [1, 2], [2]], 100)
    outcome = run_rule(election, "mes_cost")
    data = jsonable(outcome.trace)
    assert winners_from_trace(data, 100) == outcome.winners
    rnd = next(e for e in data if e["event"] == "mes_round")
    rnd["payments"][0]["amount"] = str(Fraction(rnd["payments"][0]["amount"]) + 1)
    with pytest.raises(TraceError):
        winners_from_trace(data, 100)


def test_tie_break_orders() -> None:
    """Default order: votes, then cheaper, then id as a number; id-string is lexicographic."""
    ids = ["9", "10", "L2", "L10"]
    costs = {p: Fraction(5) for p in ids}
    votes = dict.fromkeys(ids, 1)
    ranks = TieBreak(TieOrder.VOTES).ranks(ids, costs, votes)
    assert sorted(ids, key=ranks.__getitem__) == ["9", "10", "L2", "L10"]
    ranks = TieBreak(TieOrder.ID_STRING).ranks(ids, costs, votes)
    assert sorted(ids, key=ranks.__getitem__) == ["10", "9", "L10", "L2"]
    assert id_number_key("9") < id_number_key("10")
    assert TieBreak(TieOrder.ID_NUMBER).ranks(["b", "a"], {}, {}) == {"a": 0, "b": 1}
    votes["10"] = 2
    assert TieBreak(TieOrder.VOTES).ranks(ids, costs, votes)["10"] == 0
    with pytest.raises(ValueError, match="ordre de départage inconnu"):
        TieBreak("hasard")


def test_equal_shares_tie_uses_order() -> None:
    """Two identical projects: the tie-break order decides, and it is recorded in the outcome."""
    election = make_election([10, 10], [[0, 1], [0, 1]], 10)
    election.projects[0] = election.projects[0].__class__(id="10", cost=Fraction(10))
    election.projects[1] = election.projects[1].__class__(id="9", cost=Fraction(10))
    election.ballots[:] = [b.__class__(voter_id=b.voter_id, projects=("10", "9")) for b in election.ballots]
    assert run_rule(election, "mes_cost", TieBreak(TieOrder.VOTES)).winners == ["9"]
    outcome = run_rule(election, "mes_cost", TieBreak(TieOrder.ID_STRING))
    assert outcome.winners == ["10"] and "string" in outcome.tie_break


def test_cli_winners(capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints the winners as a JSON list."""
    assert main([str(TOULOUSE_1), "--rule", "greedy_cost"]) == 0
    assert json.loads(capsys.readouterr().out) == run_rule(parse_pb(TOULOUSE_1), "greedy_cost").winners


def test_cli_trace(capsys: pytest.CaptureFixture[str]) -> None:
    """--trace prints the whole explanation as JSON, which gives back the winners."""
    assert main([str(TOULOUSE_1), "--rule", "mes_cost_add1u", "--tie-break", "id-string", "--trace"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert winners_from_trace(data["trace"], data["budget"]) == data["winners"]


def test_cli_errors(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    """Errors are reported in French on stderr with exit code 2."""
    from pathlib import Path

    bad = Path(str(tmp_path)) / "bad.pb"
    bad.write_text(
        "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\n"
    )
    assert main([str(bad), "--rule", "greedy_cost"]) == 2
    err = capsys.readouterr().err
    assert "ligne 7" in err and "n'est pas un nombre" in err
    assert main([str(Path(str(tmp_path)) / "absent.pb"), "--rule", "mes_cost"]) == 2
    assert "impossible de lire" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main([str(bad), "--rule", "inconnue"])
    assert info.value.code == 2
    assert "arguments invalides" in capsys.readouterr().err


ODD = "META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;3\nPROJECTS\nproject_id;cost\n1;60\n2;50\nVOTES\nvoter_id;vote\na;1,1\nb;2\n"


def test_cli_reads_oddities_and_warns_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A project listed twice in a vote counts once: winners on stdout, the line on stderr, exit 0."""
    odd = tmp_path / "odd.pb"
    odd.write_text(ODD)
    assert main([str(odd), "--rule", "greedy_cost"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == ["2"]  # one vote each: the cheaper project first, then 1 no longer fits
    assert f"attention : {odd} : ligne 12 : le projet « 1 » est cité plusieurs fois" in err
    assert "ligne 5 : « num_votes » annonce 3 votes" in err


def test_cli_shows_the_first_warnings_then_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = tmp_path / "many.pb"
    many.write_text(ODD.replace("num_votes;3\n", "") + "".join(f"v{i};2,2\n" for i in range(30)))
    assert main([str(many), "--rule", "greedy_cost"]) == 0
    err = capsys.readouterr().err
    assert err.count("cité plusieurs fois") == 20 and "11 autres remarques" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (ODD.replace("1;60", "1;" + "9" * 40).encode(), "ligne 8 : le coût du projet « 1 » est démesuré"),
        (ODD.replace("1;60", "1;1e999999999").encode(), "ligne 8 : le coût du projet « 1 » est démesuré"),
        (ODD.replace("b;2", "b;\x002").encode(), "ligne 13 : le fichier contient un octet nul"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "ligne 3 : le fichier contient un octet nul"),
    ],
    ids=["40 digits", "exponent", "NUL", "binary"],
)
def test_cli_refuses_what_cannot_be_read_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.pb"
    bad.write_bytes(content)
    assert main([str(bad), "--rule", "greedy_cost"]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == "" and "Traceback" not in captured.err

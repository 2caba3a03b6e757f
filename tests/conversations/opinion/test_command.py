"""The command line on a Pol.is export: JSON on stdout, French messages and exit status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bouquet.conversations.opinion.__main__ import main
from bouquet.conversations.opinion.polis_export import ExportError, read_export
from tests.conversations.opinion.generated import generated_matrix
from tests.shared_data import ROOT

COMMENTS = "timestamp,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
VOTES = "timestamp,datetime,comment-id,voter-id,vote\n"


def write_export(folder: Path, *, participants: int = 120, statements: int = 20) -> None:
    """An export of a generated conversation, with statement 0 moderated out."""
    matrix, _truth = generated_matrix(participants, statements, groups=2, voted=0.6, seed=3)
    comments = COMMENTS + "".join(
        f"0,{s},0,0,0,{-1 if s == 0 else 1},Proposition {s}\n" for s in matrix.statements
    )
    votes = VOTES + "".join(
        f"{1000 + k},jour,{matrix.statements[j]},{matrix.participants[i]},{v}\n"
        for k, (i, j, v) in enumerate(zip(matrix.rows, matrix.cols, matrix.values, strict=True))
    )
    (folder / "comments.csv").write_text(comments, encoding="utf-8")
    (folder / "votes.csv").write_text(votes, encoding="utf-8")


def run(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main([str(folder)])
    out, err = capsys.readouterr()
    return status, out, err


def test_prints_the_map_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_export(tmp_path)

    status, out, err = run(tmp_path, capsys)

    assert status == 0 and err == ""
    result = json.loads(out)
    assert set(result) == {"labels", "repness", "consensus", "gac_agree_top5"}
    groups = set(result["labels"].values())
    assert len(groups) >= 2 and groups == {int(g) for g in result["repness"]}
    assert all(key.isdigit() for key in result["labels"])
    assert all(isinstance(s, int) and s != 0 for ids in result["repness"].values() for s in ids)
    assert set(result["consensus"]) == {"agree", "disagree"}
    assert len(result["gac_agree_top5"]) == 5 and 0 not in result["gac_agree_top5"]


def test_duplicate_votes_keep_the_latest_and_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_export(tmp_path)
    votes = tmp_path / "votes.csv"
    # Person 0 changes their mind on statement 5 later, and an older vote shows up at the end of the file.
    votes.write_text(votes.read_text() + "999999,jour,5,0,-1\n500,jour,5,0,1\n", encoding="utf-8")

    status, _out, err = run(tmp_path, capsys)
    matrix = read_export(tmp_path).matrix

    assert status == 0
    assert "attention : 2 vote(s) en double" in err
    assert matrix.dense()[matrix.participants.index(0), matrix.statements.index(5)] == -1


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("votes.csv", "timestamp,comment-id,voter-id\n1,1,1\n", "colonne(s) manquante(s) : « vote »"),
        ("comments.csv", "comment-id,agrees\n1,3\n", "colonne(s) manquante(s) : « moderated »"),
        ("votes.csv", VOTES + "1,jour,1,7,2\n", "valeur de vote inconnue « 2 »"),
        ("votes.csv", VOTES + "1,jour,4242,7,1\n", "vote sur une proposition inconnue « 4242 »"),
        ("votes.csv", VOTES + "hier,jour,1,7,1\n", "horodatage illisible « hier »"),
        ("comments.csv", COMMENTS + "0,1,0,0,0,1,a\n0,1,0,0,0,1,b\n", "la proposition 1 apparaît deux fois"),
        ("comments.csv", COMMENTS + "0,1,0,0,0,2,a\n", "valeur de modération inconnue « 2 »"),
    ],
)
def test_bad_input_gets_a_french_message_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str, content: str, message: str
) -> None:
    write_export(tmp_path)
    (tmp_path / file).write_text(content, encoding="utf-8")

    status, out, err = run(tmp_path, capsys)

    assert status == 2 and out == ""
    assert err.startswith("erreur : ") and message in err


def test_missing_folder_file_or_argument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent")]) == 2
    assert "dossier introuvable" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "fichier introuvable" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "arguments invalides" in capsys.readouterr().err
    with pytest.raises(ExportError, match="UTF-8"):
        (tmp_path / "comments.csv").write_bytes("comment-id,moderated\n1,\xe9\n".encode("latin-1"))
        (tmp_path / "votes.csv").write_text(VOTES, encoding="utf-8")
        read_export(tmp_path)


@pytest.mark.shared_data
def test_runs_as_a_module_on_a_shipped_conversation(shared_data: Path) -> None:
    folder = shared_data / "polis" / "scoop-hivemind.freshwater"

    done = subprocess.run(
        [sys.executable, "-m", "bouquet.conversations.opinion", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert len(result["labels"]) == 100 and set(result["repness"]) == {"0", "1"}
    assert "7 vote(s) en double" in done.stderr

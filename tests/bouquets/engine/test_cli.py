"""The command line on small CSV files: no row dropped, bad inputs reported in French."""

import csv
from pathlib import Path

import numpy as np
import pytest

from bouquet.bouquets.engine.cli import main
from tests.bouquets.engine.conftest import CORPUS


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """Write a CSV file."""
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    """Read the output CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(autouse=True)
def _shared_encoder(monkeypatch: pytest.MonkeyPatch, encoder) -> None:
    """The CLI builds its own engine; make it reuse the session encoder."""
    monkeypatch.setattr("bouquet.bouquets.engine.engine.UseEncoder", lambda: encoder)


def test_cli_writes_every_row_with_themes_bouquets_and_status(tmp_path: Path) -> None:
    """Good, empty, one-word, foreign and huge texts all come out, with an explicit status."""
    rows = [["id", "titre"], *[[k, v] for k, v in CORPUS.items()]]
    rows += [
        ["vide", ""],
        ["mot", "Vélo"],
        ["en", "The city should build more parking lots for the cars"],
        ["long", "Planter des arbres le long des rues. " * 300],
    ]
    src = _write(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    assert (
        main(
            [
                "group",
                str(src),
                "--text-column",
                "titre",
                "--id-column",
                "id",
                "--themes",
                "2",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    got = _read(out)
    assert [r["id"] for r in got] == [r[0] for r in rows[1:]]
    by_id = {r["id"]: r for r in got}
    assert by_id["vide"]["statut"] == "inutilisable" and by_id["vide"]["statut_texte"] == "texte_vide"
    assert by_id["mot"]["statut_texte"] == "texte_trop_court"
    assert by_id["en"]["statut_texte"] == "autre_langue"
    assert by_id["long"]["statut_texte"] == "texte_tres_long" and by_id["long"]["theme"]
    # The hashing encoder sees words only: velo2 shares nothing but « avenue Jean Jaurès » with velo1, a place and
    # not a need for it (issue 11), while velo3 shares « piste cyclable ».
    assert by_id["velo1"]["bouquet"] and by_id["velo1"]["bouquet"] == by_id["velo3"]["bouquet"]
    assert by_id["velo1"]["libelle_bouquet"] and "11" in by_id["velo1"]["odd"]
    assert by_id["piano"]["statut"] == "pas_encore_groupe"


def test_missing_column_lists_available_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong column name exits with code 2 and a French message naming the real columns."""
    src = _write(tmp_path / "in.csv", [["titre", "auteur"], ["Piste cyclable", "A"]])
    assert main(["group", str(src), "--text-column", "texte", "--out", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "Colonne introuvable" in err and "« titre »" in err and "« auteur »" in err


def test_cp1252_semicolon_file_is_read_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Windows export (cp1252, semicolons) is decoded, accents intact, with a warning."""
    src = _write(
        tmp_path / "in.csv",
        [["titre"], ["Créer une piste cyclable"], ["Végétaliser l'école"], ["Été"]],
        encoding="cp1252",
        delimiter=";",
    )
    out = tmp_path / "o.csv"
    assert main(["group", str(src), "--text-column", "titre", "--out", str(out)]) == 0
    assert "UTF-8" in capsys.readouterr().err
    assert [r["titre"] for r in _read(out)] == ["Créer une piste cyclable", "Végétaliser l'école", "Été"]


def test_empty_file_and_bad_theme_count_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Empty input and a non-positive --themes exit with code 2, no traceback."""
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"")
    assert main(["group", str(empty), "--text-column", "t", "--out", str(tmp_path / "o.csv")]) == 2
    src = _write(tmp_path / "in.csv", [["t"], ["Piste cyclable"]])
    assert (
        main(["group", str(src), "--text-column", "t", "--themes", "0", "--out", str(tmp_path / "o.csv")])
        == 2
    )
    assert "Erreur" in capsys.readouterr().err


def test_header_only_and_ragged_rows_lose_nothing(tmp_path: Path) -> None:
    """Short and long rows are kept; a header-only file gives a header-only output."""
    src = tmp_path / "in.csv"
    src.write_text("titre,x\nPiste cyclable rue Haute\nBancs place du marché,1,2\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    assert main(["group", str(src), "--text-column", "titre", "--out", str(out)]) == 0
    assert len(_read(out)) == 2
    head = _write(tmp_path / "h.csv", [["titre"]])
    assert main(["group", str(head), "--text-column", "titre", "--out", str(out)]) == 0
    assert _read(out) == []


def test_cache_resumes_an_interrupted_encoding_and_gives_the_same_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoder
) -> None:
    """A second run reuses the stored vectors; a chunk left half-written is recomputed; outputs are identical."""
    from bouquet.bouquets.engine import Engine
    from bouquet.bouquets.engine.cli import encode_with_cache

    texts = list(CORPUS.values())
    cache = tmp_path / "cache"
    first = encode_with_cache(Engine(encoder), texts, cache, chunk=4)
    files = sorted(cache.glob("*.npy"))
    assert len(files) == -(-len(texts) // 4)
    np.testing.assert_allclose(first, encoder.encode(texts), atol=1e-5)
    lost = np.load(files[1]).shape[0]
    files[1].write_bytes(b"killed while writing")  # an interrupted run
    capsys.readouterr()
    again = encode_with_cache(Engine(encoder), texts, cache, chunk=4)
    np.testing.assert_allclose(again, first, atol=1e-6)
    assert f"{len(texts) - lost} textes déjà encodés repris" in capsys.readouterr().err
    edited = [*texts[:-1], "Un texte modifié depuis : des bancs au square"]
    changed = encode_with_cache(Engine(encoder), edited, cache, chunk=4)
    np.testing.assert_allclose(changed[:-1], first[:-1], atol=1e-6)
    assert not np.allclose(changed[-1], first[-1])

    src = _write(tmp_path / "in.csv", [["titre"], *[[t] for t in texts]])
    outs = []
    for name in ("a.csv", "b.csv"):
        out = tmp_path / name
        args = ["group", str(src), "--text-column", "titre", "--themes", "2", "--out", str(out)]
        assert main([*args, "--cache", str(tmp_path / "cli-cache")]) == 0
        outs.append(_read(out))
    assert outs[0] == outs[1]


def test_an_oversized_cell_or_a_binary_file_is_refused_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 1 MB cell and a spreadsheet saved as-is exit with code 2 and a French message, no traceback."""
    huge = _write(tmp_path / "gros.csv", [["titre"], ["Piste cyclable"], ["x" * 1_000_000]])
    assert main(["group", str(huge), "--text-column", "titre", "--out", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert "Ligne 3 : une cellule dépasse" in err and "Traceback" not in err
    workbook = tmp_path / "classeur.csv"
    workbook.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    assert main(["group", str(workbook), "--text-column", "titre", "--out", str(tmp_path / "o.csv")]) == 2
    assert "n'est pas un texte" in capsys.readouterr().err


def test_a_utf16_export_is_still_read(tmp_path: Path) -> None:
    src = _write(tmp_path / "unicode.csv", [["titre"], ["Piste cyclable rue Haute"], ["Bancs"]], "utf-16")
    out = tmp_path / "o.csv"
    assert main(["group", str(src), "--text-column", "titre", "--out", str(out)]) == 0
    assert [row["titre"] for row in _read(out)] == ["Piste cyclable rue Haute", "Bancs"]


def test_cells_a_spreadsheet_would_run_are_written_as_text(tmp_path: Path) -> None:
    rows = [["titre"], ['=HYPERLINK("http://x","y")'], ["+cmd"], ["@SUM(1)"], ["Piste cyclable rue Haute"]]
    out = tmp_path / "o.csv"
    assert (
        main(["group", str(_write(tmp_path / "in.csv", rows)), "--text-column", "titre", "--out", str(out)])
        == 0
    )
    written = [row["titre"] for row in _read(out)]
    assert written == ['\'=HYPERLINK("http://x","y")', "'+cmd", "'@SUM(1)", "Piste cyclable rue Haute"]
    assert not any(v.startswith(("=", "+", "-", "@")) for row in _read(out) for v in row.values())


def test_similar_writes_the_ten_nearest_of_each_query_with_the_duplicate_decision(tmp_path: Path) -> None:
    """`similar`: one row per query and neighbour, ranked from 1, the indexed ids as in the file."""
    index = _write(tmp_path / "in.csv", [["ref", "titre"], *[[f"P-{k}", v] for k, v in CORPUS.items()]])
    queries = _write(
        tmp_path / "q.csv",
        [["qid", "texte"], ["q1", "Une piste cyclable avenue Jean Jaurès"], ["q2", CORPUS["velo1"]]],
    )
    out = tmp_path / "out.csv"
    code = main(
        ["similar", str(index), "--text-column", "titre", "--id-column", "ref", "--queries", str(queries)]
        + ["--query-column", "texte", "--query-id-column", "qid", "--out", str(out)]
    )
    assert code == 0
    rows = _read(out)
    assert list(rows[0]) == ["query_id", "rank", "id", "similarity", "duplicate"]
    for qid in ("q1", "q2"):
        mine = [r for r in rows if r["query_id"] == qid]
        assert [int(r["rank"]) for r in mine] == list(range(1, min(10, len(CORPUS)) + 1))
        # Ranked on meaning and the rare words shared (decision 0029): the meaning column alone need not fall
        # row after row, but it is a cosine.
        sims = [float(r["similarity"]) for r in mine]
        assert all(-1.0 <= s <= 1.0 + 1e-6 for s in sims)
        assert all(r["id"].startswith("P-") and r["duplicate"] in {"0", "1"} for r in mine)
    # The very same text is its own first neighbour and a duplicate.
    first = next(r for r in rows if r["query_id"] == "q2")
    assert first["id"] == "P-velo1" and first["duplicate"] == "1"


def test_similar_reports_a_missing_query_column_in_french(tmp_path: Path, capsys) -> None:
    """A wrong column name: exit 2 and a French message, no traceback."""
    index = _write(tmp_path / "in.csv", [["ref", "titre"], ["1", "Des bancs"]])
    queries = _write(tmp_path / "q.csv", [["qid", "texte"], ["q1", "Un banc"]])
    code = main(
        ["similar", str(index), "--text-column", "titre", "--id-column", "ref", "--queries", str(queries)]
        + ["--query-column", "question", "--query-id-column", "qid", "--out", str(tmp_path / "o.csv")]
    )
    assert code == 2
    assert "question" in capsys.readouterr().err

"""The demo's proposals file is a valid input of the bouquets engine's command line, as the README shows."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from bouquet.demo.content import DATA_DIR, PROPOSAL_COLUMNS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_engine_command_line_groups_the_demo_proposals(tmp_path: Path) -> None:
    out = tmp_path / "bouquets.csv"
    # The real encoder (about 10 s to load): this is the command the README documents, run as a person would.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bouquet.bouquets.engine",
            "group",
            str(DATA_DIR / "proposals.csv"),
            "--text-column",
            "title",
            "--text-column",
            "body",
            "--id-column",
            "id",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with (DATA_DIR / "proposals.csv").open(encoding="utf-8", newline="") as fh:
        given = list(csv.DictReader(fh))
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # Every proposal comes out, in order, with its own columns untouched (the demo's « theme » is kept and the
    # engine's own theme is written beside it as « theme_moteur »).
    assert [{c: r[c] for c in PROPOSAL_COLUMNS} for r in rows] == given
    assert {"statut", "theme_moteur", "bouquet", "libelle_bouquet"} <= set(rows[0])
    grouped = [r for r in rows if r["bouquet"]]
    assert len(grouped) > len(rows) // 2
    assert all(r["libelle_bouquet"] for r in grouped)

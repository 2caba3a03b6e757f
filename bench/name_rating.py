"""Sample of bouquets whose names a French reader rates (issue 11): regenerates bench/data/name_rating.csv's rows.

Run: .venv/bin/python bench/name_rating.py --seed 11 [--out FILE] [--data DIR]
     .venv/bin/python bench/name_rating.py --themes [--editions] [--out FILE]

Groups four French sets as the product groups them (automatic number of themes, spaCy names): the Paris
participatory budget winners' titles, Toulouse 2022's project names, the names of its first district
(Capitole, Arnaud-Bernard, Carmes), and the demo town's proposals (title and description, each process on its
own). Then draws 45 bouquets at random with the given seed, across all the bouquets of the four sets, and
writes each with its name and members, its rating columns left empty. The ratings kept in
bench/data/name_rating.csv were given by an AI reader of French during development, not by a participation
officer; `--check FILE` says whether a rated file holds exactly the sample this script draws.

`--themes` writes every theme of the same sets instead (a few dozen), with its bouquets' names and members spread
over it; with `--editions`, of each Paris edition grouped on its own (themes the naming rules were not written
on). The readings kept are bench/data/theme_rating_round*_blind.csv.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bouquet.bouquets.engine import Engine, Grouping, UseEncoder  # noqa: E402
from tests.shared_data import shared_data_dir  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = 45
COLUMNS = ("seed", "set", "bouquet", "size", "name", "members", "name_score", "same_need_score", "reason")
THEME_COLUMNS = ("set", "theme", "size", "name", "bouquets", "members", "name_score", "reason")


def pabulib_names(path: Path) -> list[str]:
    """Project names of a pabulib file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(lines[lines.index("PROJECTS") + 1 : lines.index("VOTES")], delimiter=";")
    return [r["name"].strip() for r in rows if r.get("name", "").strip()]


def paris_titles(data: Path) -> list[str]:
    """The Paris winners' titles, placeholders aside."""
    with (data / "paris_bp" / "projets_gagnants.csv").open(encoding="utf-8") as fh:
        titles = [r["titre_projet_gagnant"].strip() for r in csv.DictReader(fh)]
    return [t for t in titles if t and t != "NON REGISTRÉ"]


def demo_processes() -> dict[str, list[str]]:
    """The demo town's proposals, « title. description » as the product reads them, by process."""
    out: dict[str, list[str]] = {}
    with (ROOT / "bouquet" / "demo" / "data" / "proposals.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["process"], []).append(f"{row['title']}. {row['body']}")
    return out


def corpora(data: Path) -> dict[str, list[str]]:
    """Each set to group on its own, by name."""
    sets = {
        "paris": paris_titles(data),
        "toulouse": pabulib_names(data / "pabulib" / "France_Toulouse_2022.pb"),
        "toulouse-capitole": pabulib_names(
            data / "pabulib" / "France_Toulouse_2022_1_-_Capitole_Arnaud_Bernard_Carmes.pb"
        ),
    }
    sets.update({f"demo:{slug}": texts for slug, texts in demo_processes().items()})
    return sets


def paris_editions(data: Path) -> dict[str, list[str]]:
    """The Paris winners' titles of each edition with at least 100 of them, as a set each: themes the naming
    rules were not written on (issue 11's held-out theme sets)."""
    by: dict[str, list[str]] = {}
    with (data / "paris_bp" / "projets_gagnants.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            title = r["titre_projet_gagnant"].strip()
            if title and title != "NON REGISTRÉ":
                by.setdefault(f"paris-{r['edition']}", []).append(title)
    return {k: v for k, v in sorted(by.items()) if len(v) >= 100}


def short(text: str, limit: int = 90) -> str:
    """The first sentence of a member (its title for the demo's proposals), cut for reading."""
    head = text.split(". ", 1)[0] if len(text) > limit else text
    return head if len(head) <= limit else head[: limit - 1] + "…"


def grouped(sets: dict[str, list[str]]) -> Iterator[tuple[str, list[str], Grouping]]:
    """Each set grouped on its own, as the product groups a process (automatic number of themes, no goals)."""
    encoder = UseEncoder()
    for name, texts in sets.items():
        yield name, texts, Engine(encoder).group(texts, [str(i) for i in range(len(texts))], with_sdgs=False)


def write(rows: list[dict[str, str]], columns: tuple[str, ...], path: Path | None) -> None:
    """The rows as CSV, their rating columns left empty, to `path` or standard output."""
    out = path.open("w", encoding="utf-8", newline="") if path else sys.stdout
    writer = csv.DictWriter(out, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(rows)
    if path:
        out.close()


def draw(seed: int, data: Path) -> list[dict[str, str]]:
    """Group every set, then draw the sample of bouquets."""
    found: list[dict[str, str]] = []
    for name, texts, grouping in grouped(corpora(data)):
        for b in grouping.bouquets:
            members = [short(texts[int(m)]) for m in b.member_ids]
            found.append(
                {
                    "seed": str(seed),
                    "set": name,
                    "bouquet": b.key,
                    "size": str(len(members)),
                    "name": b.label.text,
                    "members": " | ".join(members[:12]) + (" | …" if len(members) > 12 else ""),
                }
            )
    picks = np.random.default_rng(seed).choice(len(found), size=min(SAMPLE, len(found)), replace=False)
    return [found[int(i)] for i in sorted(picks.tolist())]


def themes(data: Path, editions: bool = False) -> list[dict[str, str]]:
    """Every theme of every set (a set has a few dozen at most), with its bouquets' names and members spread over
    it: what a reader needs to say whether the theme's name says what its proposals are about."""
    found: list[dict[str, str]] = []
    for name, texts, grouping in grouped(paris_editions(data) if editions else corpora(data)):
        bouquet_of = {b.key: b for b in grouping.bouquets}
        for t in grouping.themes:
            inside = sorted((bouquet_of[k] for k in t.bouquet_keys), key=lambda b: -len(b.member_ids))
            spread = np.linspace(0, len(t.member_ids) - 1, min(12, len(t.member_ids))).astype(int)
            found.append(
                {
                    "set": name,
                    "theme": t.key,
                    "size": str(len(t.member_ids)),
                    "name": t.label.text,
                    "bouquets": " | ".join(f"{b.label.text} ({len(b.member_ids)})" for b in inside[:8]),
                    "members": " | ".join(short(texts[int(t.member_ids[int(i)])]) for i in spread),
                }
            )
    return found


def main() -> int:
    """Write the sample, or check a rated file against it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, help="CSV to write (default: standard output)")
    ap.add_argument("--check", type=Path, help="rated CSV whose rows of this seed must be this sample")
    ap.add_argument("--data", type=Path, default=shared_data_dir())
    ap.add_argument("--themes", action="store_true", help="every theme's name instead (no seed drawn)")
    ap.add_argument("--editions", action="store_true", help="with --themes: each Paris edition as a set")
    args = ap.parse_args()
    if args.themes:
        write(themes(args.data, args.editions), THEME_COLUMNS, args.out)
        return 0
    rows = draw(args.seed, args.data)
    if args.check:
        with args.check.open(encoding="utf-8") as fh:
            rated = [r for r in csv.DictReader(fh) if r["seed"] == str(args.seed)]
        same = [(r["set"], r["name"], r["members"]) for r in rated] == [
            (r["set"], r["name"], r["members"]) for r in rows
        ]
        print("the same sample" if same else "not the same sample: the engine or the data changed")
        return 0 if same else 1
    write(rows, COLUMNS, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m bouquet.conversations.opinion DIR`` prints the opinion map of a Pol.is export as JSON.

Output: {"labels": {participant: group}, "repness": {group: [statements, best first]},
"consensus": {"agree": [...], "disagree": [...]}, "gac_agree_top5": [...]}; ids as in the files.
Bad input: a French message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bouquet.conversations.opinion.opinion_map import MAX_GROUPS, MIN_VOTES, OpinionMap, compute_map
from bouquet.conversations.opinion.polis_export import ExportError, read_export


class _FrenchParser(argparse.ArgumentParser):
    """Argument parser whose errors are reported in French with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"erreur : arguments invalides ({message})\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="python -m bouquet.conversations.opinion",
        description="Calcule la carte des opinions (groupes, propositions représentatives, consensus) "
        "d'une conversation exportée de Pol.is.",
    )
    parser.add_argument("folder", help="dossier de l'export Pol.is (comments.csv et votes.csv)")
    parser.add_argument("--min-votes", type=int, default=MIN_VOTES, help="votes nécessaires pour être classé")
    parser.add_argument("--max-groups", type=int, default=MAX_GROUPS, help="nombre maximal de groupes")
    parser.add_argument("--seed", type=int, default=0, help="graine des tirages (k-means)")
    return parser


def to_json(result: OpinionMap) -> dict[str, object]:
    """The map in the command's JSON layout (group ids as text keys, as JSON requires)."""
    return {
        "labels": {str(participant): group for participant, group in result.labels.items()},
        "repness": {str(group.id): [r.statement_id for r in group.representative] for group in result.groups},
        "consensus": {"agree": result.consensus["agree"], "disagree": result.consensus["disagree"]},
        "gac_agree_top5": result.gac_top(5),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (0, or 2 on bad input)."""
    args = build_parser().parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.stderr.write(f"erreur : dossier introuvable : {folder}\n")
        return 2
    try:
        export = read_export(folder)
    except ExportError as error:
        sys.stderr.write(f"erreur : {error}\n")
        return 2
    for warning in export.warnings:
        sys.stderr.write(f"attention : {warning}\n")
    result = compute_map(export.matrix, min_votes=args.min_votes, max_groups=args.max_groups, seed=args.seed)
    json.dump(to_json(result), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: `python -m bouquet.budgets.counting FILE.pb --rule NAME [--tie-break ORDER] [--trace]`."""

from __future__ import annotations

import argparse
import json
import sys

from bouquet.budgets.counting.catalogue import Rule, run_rule
from bouquet.budgets.counting.models import FileWarning
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb
from bouquet.budgets.counting.tiebreak import DEFAULT_SEED, TieBreak, TieOrder
from bouquet.budgets.counting.trace import outcome_to_json


class _FrenchParser(argparse.ArgumentParser):
    """Argument parser whose errors are reported in French with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print a French usage error on stderr and exit with status 2."""
        self.print_usage(sys.stderr)
        sys.stderr.write(f"erreur : arguments invalides ({message})\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command."""
    parser = _FrenchParser(
        prog="python -m bouquet.budgets.counting",
        description="Calcule les projets lauréats d'un budget participatif à partir d'un fichier pabulib.",
    )
    parser.add_argument("file", help="fichier .pb (format pabulib)")
    parser.add_argument(
        "--rule", required=True, choices=[rule.value for rule in Rule], help="règle de sélection"
    )
    parser.add_argument(
        "--tie-break",
        default=TieOrder.VOTES.value,
        choices=[order.value for order in TieOrder],
        help="ordre de départage des égalités",
    )
    parser.add_argument("--seed", default=DEFAULT_SEED, help="graine publiée pour l'ordre « votes »")
    parser.add_argument("--threshold", type=int, default=None, help="seuil de votes pour greedy_threshold")
    parser.add_argument("--trace", action="store_true", help="affiche aussi l'explication complète (JSON)")
    return parser


SHOWN_WARNINGS = 20


def _report(path: str, warnings: list[FileWarning]) -> None:
    """Say on stderr, in French, what was odd in the file but read anyway (the first ones, then how many more)."""
    for warning in warnings[:SHOWN_WARNINGS]:
        sys.stderr.write(f"attention : {path} : {warning}\n")
    if len(warnings) > SHOWN_WARNINGS:
        sys.stderr.write(f"attention : {path} : {len(warnings) - SHOWN_WARNINGS} autres remarques\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command; return the exit status (0, or 2 on error)."""
    args = build_parser().parse_args(argv)
    try:
        election = parse_pb(args.file)
        outcome = run_rule(
            election,
            args.rule,
            TieBreak(args.tie_break, args.seed),
            threshold=args.threshold,
            record=args.trace,
        )
    except PabulibError as exc:
        sys.stderr.write(f"erreur : {args.file} : {exc}\n")
        return 2
    except ValueError as exc:
        sys.stderr.write(f"erreur : {exc}\n")
        return 2
    _report(args.file, election.warnings)
    if args.trace:
        json.dump(outcome_to_json(outcome), sys.stdout, ensure_ascii=False)
    else:
        json.dump(outcome.winners, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

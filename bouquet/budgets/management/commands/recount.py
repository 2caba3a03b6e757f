"""Recount a budget: from a pabulib file (``recount FILE.pb --rule NAME``) or a stored result (``--budget ID``)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bouquet.budgets.counting.catalogue import Rule, run_rule
from bouquet.budgets.counting.pabulib import PabulibError, parse_pb
from bouquet.budgets.counting.tiebreak import DEFAULT_SEED, TieBreak, TieOrder
from bouquet.budgets.models import Budget
from bouquet.budgets.selectors import results_of
from bouquet.budgets.services import recount


class Command(BaseCommand):
    help = (
        "Recalcule les lauréats d'un budget à partir d'un fichier pabulib ou du fichier publié d'un budget."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", nargs="?", help="fichier .pb (format pabulib)")
        parser.add_argument(
            "--rule", choices=[rule.value for rule in Rule], help="règle de sélection (avec un fichier)"
        )
        parser.add_argument(
            "--tie-break",
            default=TieOrder.VOTES.value,
            choices=[order.value for order in TieOrder],
            help="ordre de départage",
        )
        parser.add_argument("--seed", default=DEFAULT_SEED, help="graine publiée du départage")
        parser.add_argument(
            "--budget", type=int, help="identifiant d'un budget dont les résultats sont publiés"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["budget"] is not None:
            self._budget(options["budget"])
        elif options["file"]:
            self._file(options)
        else:
            raise CommandError("Indiquez un fichier .pb et --rule, ou --budget ID.")

    def _file(self, options: dict[str, Any]) -> None:
        if not options["rule"]:
            raise CommandError("--rule est obligatoire avec un fichier.")
        try:
            election = parse_pb(options["file"])
            outcome = run_rule(election, options["rule"], TieBreak(options["tie_break"], options["seed"]))
        except (PabulibError, ValueError) as error:
            raise CommandError(f"{options['file']} : {error}") from error
        names = {p.id: p.name for p in election.projects}
        self.stdout.write(
            f"Règle {outcome.rule}, {len(election.ballots)} bulletins, {outcome.spent} dépensés sur {outcome.budget} :"
        )
        for code in outcome.winners:
            self.stdout.write(f"  {code}\t{names.get(code, '')}")

    def _budget(self, pk: int) -> None:
        budget = Budget.objects.filter(pk=pk).first()
        if budget is None:
            raise CommandError(f"Aucun budget n° {pk}.")
        results = results_of(budget)
        if not results:
            raise CommandError(f"Le budget n° {pk} n'a pas encore de résultat publié.")
        failures = 0
        for result in results:
            report = recount(result)
            verdict = "CONFORME" if report.ok else "ÉCART"
            self.stdout.write(
                f"[{result.part}] {verdict} : lauréats publiés {result.winners}, recomptés {report.recomputed}"
            )
            if not report.file_matches_database:
                self.stdout.write("  le fichier publié ne correspond plus aux bulletins enregistrés")
            if not report.trace_matches:
                self.stdout.write("  la trace publiée ne redonne pas les lauréats")
            failures += not report.ok
        if failures:
            raise CommandError(f"{failures} partie(s) du budget ne se recomptent pas à l'identique.")
        self.stdout.write(self.style.SUCCESS("Le recomptage redonne exactement le résultat publié."))

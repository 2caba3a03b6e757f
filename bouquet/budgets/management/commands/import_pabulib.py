"""Replay a published election: ``import_pabulib FILE.pb --process SLUG [--agent EMAIL] [--rule NAME]``."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bouquet.accounts.models import Role, User
from bouquet.budgets.counting.catalogue import Rule
from bouquet.budgets.services import import_pabulib
from bouquet.core.errors import DomainError
from bouquet.processes.models import Process


class Command(BaseCommand):
    help = (
        "Importe un fichier pabulib dans une démarche : budget, projets, bulletins anonymes, puis résultat."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="fichier .pb (format pabulib)")
        parser.add_argument("--process", required=True, help="identifiant (slug) de la démarche")
        parser.add_argument("--agent", help="adresse de l'agent qui importe (par défaut : un administrateur)")
        parser.add_argument(
            "--rule", choices=[rule.value for rule in Rule], help="règle (par défaut : celle du fichier)"
        )
        parser.add_argument("--title", default="", help="titre du budget")

    def handle(self, *args: Any, **options: Any) -> None:
        process = Process.objects.filter(slug=options["process"]).first()
        if process is None:
            raise CommandError(f"Aucune démarche « {options['process']} ».")
        agents = User.objects.filter(role__in=[Role.AGENT, Role.ADMINISTRATOR], is_active=True)
        agent = (
            agents.filter(email__iexact=options["agent"]).first()
            if options["agent"]
            else agents.order_by("-role", "id").first()
        )
        if agent is None:
            raise CommandError("Aucun agent ou administrateur pour signer l'import.")
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as error:
            raise CommandError(f"Impossible de lire « {options['file']} » : {error.strerror}.") from error
        try:
            imported = import_pabulib(
                agent=agent, process=process, data=data, title=options["title"], rule=options["rule"]
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        for warning in imported.warnings:
            self.stderr.write(f"attention : {warning}")
        budget = imported.budget
        winners = list(budget.results.values_list("winners", flat=True))
        self.stdout.write(
            self.style.SUCCESS(
                f"Budget n° {budget.pk} importé : {budget.projects.count()} projets, {budget.ballots.count()} bulletins ; "
                f"lauréats ({budget.rule}) : {winners}"
            )
        )

"""Send the daily or weekly summaries (cron: ``--daily`` each morning, ``--weekly`` each Monday)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bouquet.notifications.digests import queue_digests


class Command(BaseCommand):
    help = (
        "Envoie les résumés de notifications par e-mail, par lots, en tâches de fond : --daily chaque jour, "
        "--weekly chaque semaine. Relancée, elle n'envoie rien deux fois."
    )

    def add_arguments(self, parser: Any) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--daily", action="store_true", help="Le résumé du jour.")
        group.add_argument("--weekly", action="store_true", help="Le résumé de la semaine.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not (options["daily"] or options["weekly"]):
            raise CommandError("Précisez --daily ou --weekly.")
        frequency = "daily" if options["daily"] else "weekly"
        people, tasks = queue_digests(frequency=frequency)
        self.stdout.write(f"{people} personne(s), {tasks} tâche(s) d'envoi")

"""Tell the followers of each process whose new phase began today (cron: each morning, before send_digests)."""

from typing import Any

from django.core.management.base import BaseCommand

from bouquet.processes.events import announce_phase_starts


class Command(BaseCommand):
    help = (
        "Annonce aux personnes qui suivent une démarche le début de sa nouvelle étape (une fois par étape)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--days", type=int, default=1, help="Regarder les étapes commencées depuis N jours."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        told = announce_phase_starts(since_days=max(1, options["days"]))
        self.stdout.write(f"{told} notification(s)")

"""Remind the people registered for a workshop of the next 24 hours; run it every hour (cron, systemd timer).
A workshop is reminded once, however often it runs."""

from typing import Any

from django.core.management.base import BaseCommand

from bouquet.outreach.services import send_workshop_reminders


class Command(BaseCommand):
    help = "Envoie le rappel des ateliers des prochaines 24 heures aux personnes inscrites (une fois par atelier)."

    def handle(self, *args: Any, **options: Any) -> None:
        told = send_workshop_reminders()
        self.stdout.write(f"{told} rappel(s) envoyé(s).")

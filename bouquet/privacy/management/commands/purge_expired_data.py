"""manage.py purge_expired_data: delete what is kept past its retention period (run it daily, from cron)."""

from typing import Any

from django.core.management.base import BaseCommand

from bouquet.privacy.services import purge_expired_data


class Command(BaseCommand):
    help = "Supprime ce qui a dépassé sa durée de conservation (à lancer chaque jour)."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = purge_expired_data()
        for what, count in removed.items():
            self.stdout.write(f"{what.replace('_', ' ')} : {count}")

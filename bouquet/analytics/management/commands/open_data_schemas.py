"""Write the Table Schema published for schema.data.gouv.fr, and its example file from the current database
(the demo: ``make demo`` first)."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from bouquet.analytics.exports.formats import csv_lines
from bouquet.analytics.exports.published_schema import SCHEMA_NAME, published_schema
from bouquet.analytics.exports.registry import tables_for
from bouquet.analytics.exports.tables.budgets import PROJECTS
from bouquet.processes.models import Process


class Command(BaseCommand):
    help = "Write schemas/budget-participatif/schema.json and its example CSV (from the demo's budgets)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--folder", default=f"schemas/{SCHEMA_NAME}")

    def handle(self, *args: Any, folder: str, **options: Any) -> None:
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        (target / "schema.json").write_text(
            json.dumps(published_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        lines: list[str] = []
        for process in Process.objects.filter(is_published=True).order_by("created_at"):
            if PROJECTS in tables_for(process):
                rendered = list(csv_lines(PROJECTS, PROJECTS.rows(process)))
                lines += rendered if not lines else rendered[1:]
        if lines:
            (target / "exemple-valide.csv").write_text("".join(lines), encoding="utf-8", newline="")
        self.stdout.write(f"{target}: schema.json, exemple-valide.csv ({max(len(lines) - 1, 0)} projets)")

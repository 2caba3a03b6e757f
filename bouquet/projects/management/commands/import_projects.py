"""``manage.py import_projects FILE.csv [--mapping MAPPING.json] [--process SLUG]``: import a table of projects.

A file whose headers a shipped mapping knows (the Paris winners' file) needs no mapping. Good rows are saved
(or updated by their reference); refused rows are listed with their reasons, and nothing of them is saved."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bouquet.core.errors import DomainError
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.processes.models import Process
from bouquet.projects import reading, services


class Command(BaseCommand):
    help = "Importe des projets depuis un tableau CSV ou XLSX (correspondance des colonnes livrée ou donnée)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--mapping", type=Path, help="correspondance des colonnes (JSON)")
        parser.add_argument(
            "--process",
            default="",
            help="identifiant de la démarche qui reçoit les projets (par défaut : une démarche d'archive créée)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            table = read_table(path.read_bytes())
        except (OSError, UnreadableTable) as error:
            raise CommandError(f"Fichier illisible : {error}") from error
        if options["mapping"]:
            try:
                mapping = reading.ProjectMapping.from_json(
                    json.loads(options["mapping"].read_text(encoding="utf-8"))
                )
            except (OSError, ValueError) as error:
                raise CommandError(f"Correspondance illisible : {error}") from error
        else:
            found = reading.recognise(table[0] if table else [])
            if found is None:
                raise CommandError(
                    "Aucune correspondance livrée ne reconnaît ces colonnes : donnez-en une avec --mapping."
                )
            mapping = found
        process = self._process(options["process"], mapping)
        try:
            report = services.import_projects(agent=None, process=process, table=table, mapping=mapping)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(
            f"{mapping.name or 'Correspondance donnée'} → « {process.title} » : {report.created} projets créés, "
            f"{report.updated} mis à jour, {len(report.bad)} lignes refusées."
        )
        for bad in report.bad:
            self.stderr.write(f"ligne {bad.line} : " + " ; ".join(bad.reasons))

    def _process(self, slug: str, mapping: reading.ProjectMapping) -> Process:
        if slug:
            try:
                return Process.objects.get(slug=slug)
            except Process.DoesNotExist as error:
                raise CommandError(f"Aucune démarche « {slug} ».") from error
        return services.archive_process(title=mapping.name or "Projets importés")

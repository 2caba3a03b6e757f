"""What importing paper forms costs: 10,000 rows typed into a spreadsheet, read, checked, previewed and imported
through the staged import (``core.imports``) as contributions gathered on paper, each a proposal of the process.

Run: .venv/bin/python bench/paper_import.py [--database-url URL] [--rows 10000]

The database is recreated (only one whose name contains "bench") and migrated, as in bench/pages.py. The file is
made up from a fixed seed; one row in twenty is refused (no consent, a day in the future, an unknown district).
Placing the proposals in their bouquets is queued for the worker (django-tasks-db, one task per 500 rows), as in
production, and not timed.
Memory: the peak resident size of this process (``ru_maxrss``); with --trace-memory, also the peak of Python
allocations during the import (tracemalloc, which slows it down).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import time
import tracemalloc

from pages import prepare_database, setup_django

DEFAULT_URL = "sqlite:///var/bench_paper.sqlite3"
NAMES = [
    "Zoé",
    "Karim",
    "Inès",
    "Léon",
    "Fatou",
    "Hélène",
    "Malik",
    "Josiane",
    "Gaëlle",
    "Samir",
    "Awa",
    "Yves",
]
IDEAS = [
    "Installer des composteurs partagés au pied des immeubles",
    "Poser des bancs à l'ombre le long du canal",
    "Ouvrir un atelier de réparation de vélos le samedi",
    "Éclairer les arrêts de bus de l'avenue le soir",
    "Créer un jardin partagé dans la cour de l'école",
    "Remettre en service la fontaine du square",
]


def paper_rows(rows: int, districts: list[str], today: dt.date) -> bytes:
    """A made-up export of paper forms (cp1252, « ; »), one row in twenty refused for a reason of its own."""
    rng = random.Random(14)
    lines = ["date;prénom ou pseudonyme;quartier;contact;consentement;titre;proposition"]
    for index in range(rows):
        day = today - dt.timedelta(days=rng.randrange(0, 30))
        consent = "oui"
        district = rng.choice([*districts, ""])
        if index % 20 == 7:
            consent = "non"
        elif index % 20 == 13:
            day = today + dt.timedelta(days=2)
        elif index % 20 == 17:
            district = "Atlantide"
        idea = rng.choice(IDEAS)
        contact = f"personne{index}@exemple.fr" if index % 3 == 0 else ""
        lines.append(
            f"{day:%d/%m/%Y};{rng.choice(NAMES)} {index};{district};{contact};{consent};"
            f"{idea} ({index});{idea}, près de chez moi : formulaire numéro {index}."
        )
    return ("\n".join(lines) + "\n").encode("cp1252")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--trace-memory",
        action="store_true",
        help="also the peak of Python allocations (tracemalloc: slower)",
    )
    args = parser.parse_args()
    os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection

    from bouquet.accounts.models import Role, User
    from bouquet.core import imports
    from bouquet.outreach.paper import PAPER_FORMS
    from bouquet.places.services import create_district
    from bouquet.proposals.models import Proposal
    from tests.factories import ProcessFactory

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}.")  # noqa: T201
    districts = [
        create_district(name=name, latitude=47.0, longitude=1.0).name for name in ("Bel-Air", "Les Lilas")
    ]
    process = ProcessFactory(title="Démarche du banc d'essai")
    facilitator = User.objects.create_user("animation@exemple.fr", role=Role.FACILITATOR)
    from django.utils import timezone

    data = paper_rows(args.rows, districts, timezone.localdate())
    if args.trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    record = imports.stage_import(
        user=facilitator, kind=PAPER_FORMS, scope=process.pk, filename="papier.csv", data=data
    )
    staged = time.perf_counter()
    preview = imports.preview_import(record=record, kind=PAPER_FORMS)
    previewed = time.perf_counter()
    done = imports.confirm_import(user=facilitator, record=record)
    finished = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1] if args.trace_memory else 0
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(  # noqa: T201
        f"paper file of {len(data) / 1e6:.2f} MB, {args.rows} rows: {len(preview.good)} good, {len(preview.bad)} refused\n"
        f"  upload (read, guess the columns, keep):  {staged - started:6.2f} s\n"
        f"  preview (every row checked):             {previewed - staged:6.2f} s\n"
        f"  confirm (good rows imported, one transaction): {finished - previewed:6.2f} s "
        f"({done.rows_imported / (finished - previewed):,.0f} rows/s)\n"
        f"  total {finished - started:.1f} s; peak RSS {rss:.0f} MB"
        + (f"; peak Python allocations {peak / 1e6:.0f} MB" if args.trace_memory else "")
        + "\n"
        f"  proposals stored: {Proposal.objects.filter(process=process).count()}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

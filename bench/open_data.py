"""What the open data costs: streaming a process's proposals and comments as CSV through the public URL, and an
officer's XLSX built by the background task, for a large process; with the queries each makes and peak memory.

Run: .venv/bin/python bench/open_data.py [--database-url URL] [--proposals 50000]

The database is recreated (only one whose name contains "bench") and migrated, as in bench/pages.py. Each
proposal gets one comment; the rows are bulk-inserted (what is measured is reading them out, not writing them).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from pages import prepare_database, setup_django

DEFAULT_URL = "sqlite:///var/bench_open_data.sqlite3"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--proposals", type=int, default=50_000)
    args = parser.parse_args()
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bouquet.accounts.models import Role, User
    from bouquet.analytics.models import ExportJob
    from bouquet.analytics.services import queue_export, run_export
    from bouquet.processes.models import Process
    from bouquet.proposals.models import Comment, Proposal

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}.")  # noqa: T201
    agent = User.objects.create_user("agent@exemple.fr", role=Role.AGENT)
    people = User.objects.bulk_create(User(email=f"habitant{i}@exemple.fr") for i in range(200))
    process = Process.objects.create(
        title="Grande démarche", slug="grande", summary="Un test.", description="…"
    )
    Proposal.objects.bulk_create(
        (
            Proposal(
                process=process,
                author=people[i % 200],
                title=f"Proposition numéro {i} pour le quartier",
                body="Planter des arbres le long de l'avenue, pour avoir de l'ombre en été. " * 3,
            )
            for i in range(args.proposals)
        ),
        batch_size=5000,
    )
    ids = list(Proposal.objects.values_list("id", flat=True))
    Comment.objects.bulk_create(
        (
            Comment(proposal_id=pk, author=people[pk % 200], body="Je suis d'accord, c'est utile.")
            for pk in ids
        ),
        batch_size=5000,
    )
    client = Client()
    client.get(
        "/donnees-ouvertes/grande/propositions.schema.json"
    )  # the first request loads the URLs and apps
    for table in ("propositions", "commentaires"):
        reset_queries()
        tracemalloc.start()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/donnees-ouvertes/grande/{table}.csv")
            size = sum(len(chunk) for chunk in response.streaming_content)
        took = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(  # noqa: T201
            f"{table}.csv streamed: {args.proposals} rows, {size / 1e6:.1f} MB in {took:.1f} s, "
            f"{len(queries)} queries, peak Python memory {peak / 1e6:.1f} MB"
        )
    job = queue_export(agent=agent, process=process, table="propositions", fmt="xlsx")
    tracemalloc.start()
    started = time.perf_counter()
    run_export(job_id=job.pk)
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    job = ExportJob.objects.get(pk=job.pk)
    print(  # noqa: T201
        f"propositions.xlsx in the background: {job.rows_done} rows, {job.size / 1e6:.1f} MB in {took:.1f} s, "
        f"peak Python memory {peak / 1e6:.1f} MB ({job.state})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

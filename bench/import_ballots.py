"""Time and peak memory of importing a large pabulib file, as the import page does it.

Run: .venv/bin/python bench/import_ballots.py [--ballots 200000] [--projects 40] [--database-url URL]

A valid approval file is generated on the fly (tests/budgets/large_files.py), then imported into a throw-away
database (SQLite by default, PostgreSQL with --database-url or DATABASE_URL) in the two steps of the page:
`queue_import` (what the request does: read and check the file) and `run_import` (what the worker does: the
budget, its ballots in batches of short transactions, then its result). Prints the time of each step and the
peak resident memory of the process (ru_maxrss, the file and the parsed election included).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ballots", type=int, default=200_000)
    parser.add_argument("--projects", type=int, default=40)
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL, else SQLite")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bouquet.budgets.models import Ballot, BudgetImport, BudgetResult
    from bouquet.budgets.services import queue_import, run_import
    from tests.budgets.large_files import approval_file
    from tests.factories import ProcessFactory, UserFactory

    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(ROOT / "var" / "bench_import.sqlite3")
    else:
        connection.settings_dict["TEST"]["NAME"] = "test_bouquet_bench_import"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        agent = UserFactory(agent=True)
        process = ProcessFactory(with_vote_phase=True)
        started = time.perf_counter()
        data = approval_file(ballots=args.ballots, projects=args.projects)
        generated = time.perf_counter()
        job = queue_import(agent=agent, process=process, data=data)
        checked = time.perf_counter()
        run_import(import_id=job.pk)
        finished = time.perf_counter()
        job.refresh_from_db()
        assert job.state == BudgetImport.State.DONE, job.error
        assert Ballot.objects.filter(budget=job.budget).count() == args.ballots
        result = BudgetResult.objects.get(budget=job.budget)
        print(
            f"{connection.vendor}: {args.ballots:,} ballots, {args.projects} projects, "
            f"file {len(data) / 2**20:.1f} MiB (generated in {generated - started:.1f} s)"
        )
        print(f"  check when sent (request): {checked - generated:7.1f} s")
        print(
            f"  write and count (worker):  {finished - checked:7.1f} s  ({result.ballot_count:,} ballots counted)"
        )
        print(f"  peak resident memory:      {_peak_mib():7.0f} MiB")
        print(f"  load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

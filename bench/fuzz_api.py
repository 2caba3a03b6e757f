"""The API fuzzed from its OpenAPI schema with schemathesis, longer than the test suite's bounded run.

Run: .venv/bin/python bench/fuzz_api.py [--examples 500] [--seed 1] [--database-url URL]

It creates a throw-away test database (SQLite by default, or the PostgreSQL server of --database-url / DATABASE_URL,
in a database of its own), builds the authorisation matrix's world (every kind of object, one person per
role), then sends --examples generated requests to every operation, anonymously and with an API token, through
Django's test client. Prints the number of cases, the answers by status and every server error; exits 1 if any.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=500, help="generated requests per operation and mode")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL, else SQLite")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    from tests.api.fuzzing import fuzz_api
    from tests.security.world import build_world

    setup_test_environment()
    settings.BOUQUET_LIMITS = {}  # the abuse limits would answer 429 to most of a long run
    if connection.vendor == "sqlite":  # not the test suite's file, which a test run may be using
        connection.settings_dict["TEST"]["NAME"] = str(ROOT / "var" / "bench_fuzz.sqlite3")
    else:
        connection.settings_dict["TEST"]["NAME"] = "test_bouquet_bench_fuzz"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    started = time.perf_counter()
    failed = False
    try:
        world = build_world()
        for signed_in in (False, True):
            report = fuzz_api(world, examples=args.examples, seed=args.seed, signed_in=signed_in)
            who = "API token" if signed_in else "anonymous"
            print(f"{who:<10} {report.summary()}")
            for error in report.errors:
                print(f"  {error}")
            failed = failed or bool(report.errors)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"{connection.vendor}, seed {args.seed}, {args.examples} examples per operation and mode, "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

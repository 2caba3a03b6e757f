"""What secrecy costs: casting a secret ballot (participation plus sealed ballot) against a plain one, and the
mix that opens, shuffles and writes a whole pool of sealed ballots before the results.

Run: .venv/bin/python bench/secret_ballots.py [--database-url URL] [--voters 200] [--pool 100000] [--projects 30]

The database is recreated (only one whose name contains "bench") and migrated, as in bench/pages.py. The casts
go through `cast_ballot` one after the other, as many requests would; the pool is sealed directly (the same
`sealing.seal` the cast uses) and bulk-inserted, then `mix_sealed_ballots` is timed. See
docs/decisions/0012-secret-ballots.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

from pages import prepare_database, setup_django

DEFAULT_URL = "sqlite:///var/bench_secret.sqlite3"


def _cast_times(budget: Any, projects: list[Any], voters: list[Any], cap: int) -> list[float]:
    from bouquet.budgets.services import cast_ballot

    times = []
    rng = random.Random(1)
    for voter in voters:
        chosen = rng.sample(projects, rng.randint(1, cap))
        started = time.perf_counter()
        cast_ballot(voter=voter, budget=budget, choices={p.pk: 1 for p in chosen})
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--voters", type=int, default=200, help="ballots cast through cast_ballot, per kind")
    parser.add_argument("--pool", type=int, default=100_000, help="sealed ballots for the mix")
    parser.add_argument("--projects", type=int, default=30)
    parser.add_argument("--cap", type=int, default=5, help="most projects a ballot ticks")
    args = parser.parse_args()
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection
    from tests.budgets.builders import make_budget, open_vote

    from bouquet.accounts.models import User
    from bouquet.budgets import sealing
    from bouquet.budgets.models import BallotKind, BudgetProject, SealedBallot
    from bouquet.budgets.services import mix_sealed_ballots

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}.")  # noqa: T201
    people = User.objects.bulk_create(
        User(email=f"votant{i}@exemple.fr", display_name=f"Votant {i}") for i in range(2 * args.voters)
    )
    rows = []
    for secret in (False, True):
        budget = open_vote(
            make_budget(
                costs=(1_000,) * args.projects,
                ballot_kind=BallotKind.APPROVAL,
                max_projects=args.cap,
                is_secret=secret,
            )
        )
        projects = list(BudgetProject.objects.filter(budget=budget))
        voters = people[args.voters :] if secret else people[: args.voters]
        times = _cast_times(budget, projects, voters, args.cap)
        rows.append((secret, statistics.median(times), statistics.quantiles(times, n=20)[-1]))
    for secret, p50, p95 in rows:
        kind = "secret (participation + sealed ballot)" if secret else "plain (participation + ballot)"
        print(f"cast, {kind}: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {args.voters} ballots")  # noqa: T201

    budget = make_budget(
        costs=(1_000,) * args.projects, ballot_kind=BallotKind.APPROVAL, max_projects=args.cap, is_secret=True
    )
    pks = list(BudgetProject.objects.filter(budget=budget).values_list("pk", flat=True))
    rng = random.Random(2)
    started = time.perf_counter()
    pool = []
    for _ in range(args.pool):
        row = SealedBallot(budget=budget)
        chosen = rng.sample(pks, rng.randint(1, args.cap))
        row.sealed = sealing.seal(
            budget_id=budget.pk, row_id=str(row.pk), choices=dict.fromkeys(chosen, 1), capacity=args.cap
        )
        pool.append(row)
    seal_s = time.perf_counter() - started
    SealedBallot.objects.bulk_create(pool, batch_size=2000)
    size = len(pool[0].sealed)
    started = time.perf_counter()
    written = mix_sealed_ballots(budget=budget)
    mix_s = time.perf_counter() - started
    print(  # noqa: T201
        f"sealing {args.pool} ballots: {seal_s:.1f} s ({1e6 * seal_s / args.pool:.0f} µs each, {size} bytes each); "
        f"mix of {written}: {mix_s:.1f} s ({written / mix_s:,.0f} ballots/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

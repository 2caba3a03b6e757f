"""Benchmark: the time for the product to reflect a new vote on the opinion map (target: under 2 s at 2,000
participants, on the 2-core machine).

Run: .venv/bin/python bench/opinion_product.py [--database-url URL] [--participants 2000] [--statements 60]
      [--votes-per-person 30] [--repeat 10]

A conversation is built (its votes written in bulk: that is the set-up, not what is measured), its map computed
once, then each measured round is one new vote through the product's own path: ``flows.vote`` stores it, its
commit asks for the map (``flows.ask_for_map``, throttle off), the task ``recompute_map`` runs (the immediate task
backend, in this process), and the round ends when the stored ``MapSnapshot`` holds that vote. A worker process
adds its polling interval on top (django-tasks-db's ``db_worker`` checks every second by default).

The database is recreated (only one whose name contains "bench"), as in bench/pages.py.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import prepare_database, setup_django  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bouquet_bench_opinion"
TARGET_S = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=60)
    parser.add_argument("--votes-per-person", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)
    from django.conf import settings
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.BOUQUET_MAP_SECONDS = 0  # every vote asks for the map: the throttle would hide the latency
    call_command("migrate", verbosity=0)
    print(f"database: {action}")

    from bouquet.accounts.models import Role, User
    from bouquet.conversations import flows, services
    from bouquet.conversations.models import MapSnapshot, Participant, Vote
    from bouquet.processes.models import Process

    agent = User.objects.create_user("agent@bench.test", None, role=Role.AGENT)
    process = Process.objects.create(title="Banc d'essai", slug="banc-essai", summary="-", description="-")
    rng = random.Random(20261201)  # nosec B311 - reproducible data
    conversation = services.open_conversation(
        by=agent,
        process=process,
        question="Que doit devenir la place ?",
        seeds=[f"Affirmation numéro {i} sur la place." for i in range(args.statements)],
    )
    statements = list(conversation.statements.order_by("id"))
    # Three camps with their own leanings on each statement.
    leaning = [[rng.random() for _ in statements] for _camp in range(3)]
    started = time.perf_counter()
    participants = Participant.objects.bulk_create(
        Participant(conversation=conversation, external_id=f"b{i}") for i in range(args.participants)
    )
    votes = []
    for i, participant in enumerate(participants):
        camp = i % 3
        for j in rng.sample(range(len(statements)), k=min(args.votes_per_person, len(statements))):
            roll = rng.random()
            value = 0 if roll < 0.1 else (1 if rng.random() < leaning[camp][j] else -1)
            votes.append(
                Vote(conversation=conversation, participant=participant, statement=statements[j], value=value)
            )
    Vote.objects.bulk_create(votes, batch_size=5000)
    print(
        f"set-up: {len(participants)} participants, {len(statements)} statements, {len(votes)} votes "
        f"in {time.perf_counter() - started:.1f} s"
    )
    first = services.refresh_map(conversation_id=conversation.pk)
    assert first is not None
    print(f"first map: {len(first.data['groups'])} groups, computed in {first.seconds:.2f} s")

    voter = services.participant_for_user(conversation=conversation, user=agent)
    store_times, totals, computes = [], [], []
    for round_number in range(args.repeat):
        statement = statements[round_number % len(statements)]
        t0 = time.perf_counter()
        # flows.vote in two halves, timed apart: the vote stored, then (on its commit) the map asked for.
        vote = services.cast_vote(participant=voter, statement=statement, value=(1, -1)[round_number % 2])
        t1 = time.perf_counter()
        flows.ask_for_map(conversation.pk)
        snapshot = MapSnapshot.objects.get(conversation=conversation)
        while snapshot.last_vote_at is None or snapshot.last_vote_at < vote.updated_at:  # pragma: no cover
            time.sleep(0.01)
            snapshot = MapSnapshot.objects.get(conversation=conversation)
        t2 = time.perf_counter()
        store_times.append(t1 - t0)
        totals.append(t2 - t0)
        computes.append(snapshot.seconds)

    def line(name: str, values: list[float]) -> str:
        return f"| {name} | {statistics.median(values):.3f} | {max(values):.3f} |"

    print()
    print(
        f"| {args.participants} participants × {args.statements} statements, {args.repeat} rounds | median (s) | max (s) |"
    )
    print("|---|---|---|")
    print(line("vote stored (service, transaction)", store_times))
    print(line("map computed (load votes, compute_map, hulls)", computes))
    print(line("vote → stored map holds it (end to end, immediate backend)", totals))
    verdict = "OK" if statistics.median(totals) < TARGET_S else "ABOVE TARGET"
    print(
        f"\ntarget < {TARGET_S:.0f} s: {verdict} (a db_worker adds up to its polling interval, 1 s by default)"
    )


if __name__ == "__main__":
    main()

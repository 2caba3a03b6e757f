"""Notifications at scale: one event reaching 100,000 followers (notifications written, e-mails rendered and sent
in background batches of 500), then a daily summary for 100,000 people.

Run: .venv/bin/python bench/notifications.py [--database-url URL] [--people 100000]

The database is recreated (only one whose name contains "bench") and migrated, as in bench/pages.py. Tasks run
with the immediate backend (each batch is one task run in this process, as one worker would); e-mails go to the
console backend, writing to var/bench_notifications.eml. Prints the time, the peak memory (resident set of
the process, resource.getrusage) and the load average of each step. BENCH_PROFILE=path writes a cProfile of
each step (path, path.digest). Targets (issue 12): under 60 s and under 500 MB each.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import resource
import sys
import time
from pathlib import Path

from pages import prepare_database, setup_django

DEFAULT_URL = "sqlite:///var/bench_notifications.sqlite3"
OUTBOX = Path(__file__).resolve().parent.parent / "var" / "bench_notifications.eml"


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load() -> str:
    """The machine's load average (1, 5, 15 minutes): timings on a shared machine need it beside them."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--people", type=int, default=100_000)
    args = parser.parse_args()
    action = prepare_database(args.database_url, fresh=True)
    setup_django(args.database_url)

    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    from bouquet.accounts.models import User
    from bouquet.notifications import services as notifications
    from bouquet.notifications.digests import queue_digests
    from bouquet.notifications.models import EmailState, Follow, Notification
    from bouquet.processes.models import Process
    from bouquet.proposals.models import Proposal

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    OUTBOX.parent.mkdir(parents=True, exist_ok=True)
    outbox = OUTBOX.open("w", encoding="utf-8")
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.console.EmailBackend",
            "OPTIONS": {"stream": outbox},
        }
    }
    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}. People: {args.people:,}.")  # noqa: T201

    started = time.perf_counter()
    people = User.objects.bulk_create(
        [
            User(email=f"personne{i}@exemple.fr", display_name=f"Personne {i}", password="!")
            for i in range(args.people)
        ],
        batch_size=2_000,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in people], batch_size=2_000
    )
    process = Process.objects.create(
        title="Le parc des Tanneries", slug="parc-des-tanneries", summary="s", description="d"
    )
    author = people[0]
    proposal = Proposal.objects.create(
        process=process, author=author, title="Des bancs à l'ombre", body="Des bancs."
    )
    proposal_type = ContentType.objects.get_for_model(Proposal)
    Follow.objects.bulk_create(
        [Follow(user=p, content_type=proposal_type, object_id=proposal.pk) for p in people], batch_size=2_000
    )
    del people
    print(f"Filled in {time.perf_counter() - started:.1f} s (not counted).")  # noqa: T201

    # A worker is a long-lived process: its URLs (which import every view) and templates are loaded before the
    # first batch, so the timing starts after loading them.
    from django.urls import reverse

    from bouquet.notifications.mailing import render_parts

    reverse("processes:list")
    render_parts("notification", {"link": ""})
    render_parts("digest", {"items": []})

    # 1. One event, every follower told at once: rows written, then 200 tasks render and send 500 e-mails each.
    agent = User.objects.create(email="agent@exemple.fr", display_name="Agent", password="!", role="agent")
    before = peak_mb()
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        profiler = cProfile.Profile()
        profiler.enable()
    told = notifications.announce("proposals.answered", proposal, actor=agent, context={"status": "retenue"})
    if os.environ.get("BENCH_PROFILE"):
        profiler.disable()
        profiler.dump_stats(os.environ["BENCH_PROFILE"])
    elapsed = time.perf_counter() - started
    sent = Notification.objects.filter(email_state=EmailState.SENT).count()
    print(  # noqa: T201
        f"1. One event to {told:,} followers: {sent:,} e-mails sent in {elapsed:.1f} s "
        f"({told / elapsed:,.0f}/s); peak memory {peak_mb():.0f} MB (was {before:.0f} MB before); "
        f"load average {load()}."
    )

    # 2. A daily summary for everyone: two events they chose to read in the daily summary.
    notifications.announce("proposals.commented", proposal, actor=agent)
    notifications.announce("proposals.commented", proposal, actor=author)
    before = peak_mb()
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        profiler = cProfile.Profile()
        profiler.enable()
    readers, tasks = queue_digests(frequency="daily")
    if os.environ.get("BENCH_PROFILE"):
        profiler.disable()
        profiler.dump_stats(os.environ["BENCH_PROFILE"] + ".digest")
    elapsed = time.perf_counter() - started
    print(  # noqa: T201
        f"2. Daily summary for {readers:,} people ({tasks} tasks): {elapsed:.1f} s ({readers / elapsed:,.0f}/s); "
        f"peak memory {peak_mb():.0f} MB (was {before:.0f} MB before); load average {load()}."
    )
    outbox.close()
    print(f"E-mails written to {OUTBOX} ({OUTBOX.stat().st_size / 1e6:.0f} MB).")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())

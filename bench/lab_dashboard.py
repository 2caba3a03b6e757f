"""Server time and SQL queries of the lab's dashboard (back-office page and API) with 200 and 2,000 initiatives.

Run: .venv/bin/python bench/lab_dashboard.py [--database-url sqlite:///var/bench-lab.sqlite3] [--repeat 10]

A fresh database (SQLite file by default; a PostgreSQL URL whose name contains « bench » works too) is migrated
and filled with bulk inserts: initiatives over every stage with their stage moves, members invited by one another,
mentors with sessions, themes, districts, SDGs. The pages are requested in-process with Django's test client (the
whole request handling, no network), first with the small lab then with the big one: the number of SQL queries
must not grow. Target: under 100 ms for 2,000 initiatives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        path.unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("BOUQUET_ENCODER", "hashing")
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.BOUQUET_ENCODER = "hashing"
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def fill(count: int, rng: random.Random, start: int) -> None:
    """``count`` more initiatives, with members, moves and mentors, by bulk inserts."""
    from django.utils import timezone

    from bouquet.accounts.models import Role, User
    from bouquet.incubator.models import (
        STAGE_ORDER,
        Initiative,
        MemberRole,
        Membership,
        MentorSession,
        StageMove,
    )
    from bouquet.places.models import District
    from bouquet.proposals.models import Theme

    now = timezone.now()
    districts = list(District.objects.all()) or [
        District.objects.create(name=f"Quartier {i}", slug=f"quartier-{i}") for i in range(6)
    ]
    themes = list(Theme.objects.all()) or [
        Theme.objects.create(name=f"Thème {i}", slug=f"theme-{i}") for i in range(8)
    ]
    people = list(User.objects.filter(role=Role.INHABITANT)) or User.objects.bulk_create(
        [User(email=f"p{i}@bench.test", display_name=f"Personne {i}") for i in range(3000)]
    )
    mentors = list(User.objects.filter(role=Role.MENTOR)) or User.objects.bulk_create(
        [
            User(email=f"m{i}@bench.test", display_name=f"Accompagnateur {i}", role=Role.MENTOR)
            for i in range(12)
        ]
    )
    initiatives = []
    for i in range(start, start + count):
        stage = STAGE_ORDER[i % len(STAGE_ORDER)]
        created = now - dt.timedelta(days=rng.randint(30, 700))
        initiatives.append(
            Initiative(
                title=f"Initiative {i}",
                need="Un besoin du quartier",
                for_whom="Les habitants",
                district=rng.choice(districts),
                stage=stage,
                stage_since=created + dt.timedelta(days=20),
                autonomous_at=created + dt.timedelta(days=200) if stage == "autonomous" else None,
                confirmed_sdgs=rng.sample(range(1, 18), 2),
                last_activity_at=now - dt.timedelta(days=rng.randint(0, 120)),
            )
        )
    made = Initiative.objects.bulk_create(initiatives)
    through = Initiative.themes.through
    through.objects.bulk_create([through(initiative_id=i.pk, theme_id=rng.choice(themes).pk) for i in made])
    members, moves, sessions = [], [], []
    for initiative in made:
        group = rng.sample(people, 4)
        for k, person in enumerate(group):
            members.append(
                Membership(
                    initiative=initiative,
                    person=person,
                    role=MemberRole.LEAD if k == 0 else MemberRole.MEMBER,
                    invited_by=group[k - 1] if k else None,
                )
            )
        if initiative.stage_index >= 3:
            mentor = rng.choice(mentors)
            members.append(Membership(initiative=initiative, person=mentor, role=MemberRole.MENTOR))
            sessions.append(MentorSession(initiative=initiative, mentor=mentor, summary="Séance"))
        for k in range(initiative.stage_index):
            moves.append(
                StageMove(
                    initiative=initiative,
                    from_stage=STAGE_ORDER[k],
                    to_stage=STAGE_ORDER[k + 1],
                    at=now - dt.timedelta(days=300 - 40 * k),
                )
            )
    Membership.objects.bulk_create(members)
    StageMove.objects.bulk_create(moves)
    MentorSession.objects.bulk_create(sessions)


def measure(client: object, url: str, repeat: int, *, cold: bool = False) -> tuple[float, int]:
    """Median time and query count of a page; ``cold``: the cache is emptied before each request, as after any
    change to the lab's data (the history is then read again from the database)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat + 2):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times[2:]), queries


def profile(client: object, url: str) -> None:
    """The 25 costliest functions (cumulative time) of one request."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)  # type: ignore[attr-defined]
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-lab.sqlite3'}")
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--big", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of each page at the big size"
    )
    args = parser.parse_args()
    setup(args.database_url)
    from django.core.cache import cache
    from django.test import Client

    from bouquet.accounts.models import Role, User

    rng = random.Random(2026)
    agent = User.objects.create_user("agent@bench.test", "mot-de-passe-bench", role=Role.AGENT)
    client = Client()
    client.force_login(agent)
    fill(args.small, rng, 0)
    results = {}
    for size in (args.small, args.big):
        if size == args.big:
            fill(args.big - args.small, rng, args.small)
        for url in ("/gestion/laboratoire/", "/api/v1/lab/dashboard"):
            results[(url, size)] = measure(client, url, args.repeat)
            cold_ms, cold_queries = results[(url, size, "cold")] = measure(
                client, url, args.repeat, cold=True
            )
            if args.profile and size == args.big:
                cache.clear()
                profile(client, url)
            ms, queries = results[(url, size)]
            print(
                f"{url:<24} {size:>5} initiatives: {ms:7.1f} ms (median of {args.repeat}), {queries} queries;"
                f" after a change (cache emptied): {cold_ms:7.1f} ms, {cold_queries} queries"
            )
    flat = all(
        results[(u, args.small, *cold)][1] == results[(u, args.big, *cold)][1]
        for u in ("/gestion/laboratoire/", "/api/v1/lab/dashboard")
        for cold in ((), ("cold",))
    )
    print("query count flat:" if flat else "query count GROWS:", "yes" if flat else "no")
    page_ms = results[("/gestion/laboratoire/", args.big)][0]
    cold_ms = results[("/gestion/laboratoire/", args.big, "cold")][0]
    print(
        f"Target: the page under 100 ms with {args.big:,} initiatives: "
        f"{'met' if max(page_ms, cold_ms) < 100 else 'NOT met'}"
        f" ({page_ms:.1f} ms from the cache, {cold_ms:.1f} ms after a change)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0 if flat else 1


if __name__ == "__main__":
    raise SystemExit(main())

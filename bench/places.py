"""Places near a point and a place's page, with 100,000 places and 1,000,000 memories on PostgreSQL.

Run: .venv/bin/python bench/places.py [--database-url URL] [--places 100000] [--memories 1000000]
     [--timeline 1000] [--repeat 30] [--keep]

The script creates a benchmark database (only one whose name contains "bench"), migrates it, fills it with
COPY (PostgreSQL) or bulk_create (SQLite), then calls each read in-process (the selector, and the page or API
through Django's test client: URL resolution, middleware, session, queries, rendering). The time is the whole
server time, without a network. Each read is measured on a small case and on the big one to show that its
number of SQL queries stays flat. The database is dropped at the end unless --keep is given.

- places within 500 m of a point: ``places_near`` (a GiST search on the box of each place on PostgreSQL, a
  B-tree range on SQLite, then the exact distance), and ``/api/v1/places?latitude=…&longitude=…``;
- a place with ``--timeline`` memories: its page (first and last page of its timeline, 25 items a page) and
  ``/api/v1/places/{id}`` (its first 100 items, the last ones by ``offset``, and all 1,000 at once).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bouquet_places_bench"
TARGET_MS = 50.0
CENTRE = (46.91, 1.34)  # Val-de-Loirette
SPAN_KM = 20.0  # places spread over a 20 km square: about 250 per km², 200 within 500 m
SEED = 20261201
WORDS = (
    "marché fête bal école lavoir crue hiver été tilleuls fontaine halle gare usine moulin pont quai "
    "kiosque fanfare jardin verger église café boulangerie tournoi cinéma piscine"
).split()
WHEN = ["vers 1975", "années 90", "1982", "printemps 2003", "14 juillet 1989", "années 60", "hiver 1954"]


def prepare_database(url: str) -> None:
    """Create the benchmark database afresh (only one whose name contains « bench »)."""
    name = urlsplit(url).path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: only databases named *bench* are recreated.")
    if url.startswith("sqlite:"):
        path = Path(unquote(urlsplit(url).path))
        path = path if url.startswith("sqlite:////") else ROOT / str(path).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    """Drop the benchmark database (the machine is shared)."""
    if url.startswith("sqlite:"):
        return
    from django.db import connections

    connections.close_all()
    _admin(url, f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')


def _admin(url: str, *statements: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password) if parts.password else None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        for statement in statements:
            admin.execute(statement)  # type: ignore[arg-type]


def setup_django(url: str) -> None:
    """Development settings with DEBUG off, on the benchmark database."""
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False


# ---------------------------------------------------------------------------------------------------------------
# Filling.


def _place_rows(rng: random.Random, count: int) -> list[tuple[Any, ...]]:
    """(name, kind, geometry, min_lat, max_lat, min_lon, max_lon, lat, lon): 80 % points, 20 % small areas."""
    import json

    lat0, lon0 = CENTRE
    d_lat = SPAN_KM / 2 / 111.195
    d_lon = d_lat / math.cos(math.radians(lat0))
    rows = []
    for index in range(count):
        lat, lon = lat0 + rng.uniform(-d_lat, d_lat), lon0 + rng.uniform(-d_lon, d_lon)
        if index % 5:
            shape = {"type": "Point", "coordinates": [lon, lat]}
            box = (lat, lat, lon, lon)
            kind = "building"
        else:
            half = rng.uniform(0.0003, 0.0015)
            ring = [
                [lon - half, lat - half],
                [lon + half, lat - half],
                [lon + half, lat + half],
                [lon - half, lat + half],
            ]
            shape = {"type": "Polygon", "coordinates": [ring + [ring[0]]]}
            box = (lat - half, lat + half, lon - half, lon + half)
            kind = "park"
        rows.append((f"Lieu {index} {rng.choice(WORDS)}", kind, json.dumps(shape), *box, lat, lon))
    return rows


def fill(*, places: int, memories: int, timeline: int) -> dict[str, int]:
    """Bulk-insert the places and memories; returns the ids of the measured cases."""
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from bouquet.accounts.models import User
    from bouquet.places.models import Memory, Place

    rng = random.Random(SEED)  # nosec B311  # benchmark data
    authors = User.objects.bulk_create(
        [User(email=f"banc{i}@bench.test", display_name=f"Habitant {i}") for i in range(200)]
    )
    author_ids = [a.pk for a in authors]
    now = timezone.now()
    place_rows = _place_rows(rng, places)
    columns = (
        "created_at, updated_at, name, kind, description, geometry, min_lat, max_lat, min_lon, max_lon, "
        "latitude, longitude, creator_kind, moderation"
    )
    started = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg 3
            with raw.copy(f"COPY places_place ({columns}) FROM STDIN") as copy:
                for row in place_rows:
                    copy.write_row((now, now, row[0], row[1], "", *row[2:], "agent", "published"))
    else:
        Place.objects.bulk_create(
            [
                Place(
                    name=r[0],
                    kind=r[1],
                    geometry=__import__("json").loads(r[2]),
                    min_lat=r[3],
                    max_lat=r[4],
                    min_lon=r[5],
                    max_lon=r[6],
                    latitude=r[7],
                    longitude=r[8],
                )
                for r in place_rows
            ],
            batch_size=2000,
        )
    place_ids = list(Place.objects.order_by("id").values_list("id", flat=True))
    print(f"  {len(place_ids):,} places in {time.perf_counter() - started:.1f} s")
    # The measured places: one with `timeline` memories, one with 10.
    big, small = place_ids[0], place_ids[1]
    started = time.perf_counter()
    story = "On venait ici le dimanche, avec toute la famille ; le lieu a bien changé depuis."
    columns = (
        "created_at, updated_at, when_text, starts_on, ends_on, place_id, author_id, title, story, photo, "
        "photo_alt, moderation"
    )

    def rows() -> Any:
        for index in range(memories):
            if index < timeline:
                place = big
            elif index < timeline + 10:
                place = small
            else:
                place = place_ids[rng.randrange(2, len(place_ids))]
            year = rng.randint(1930, 2025)
            start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
            yield (
                now,
                now,
                rng.choice(WHEN),
                start,
                start + dt.timedelta(days=rng.randrange(0, 60)),
                place,
                rng.choice(author_ids),
                f"Souvenir {index} : {rng.choice(WORDS)}",
                story,
                "",
                "",
                "published",
            )

    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY places_memory ({columns}) FROM STDIN") as copy,
        ):
            for row in rows():
                copy.write_row(row)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        batch: list[Memory] = []
        for r in rows():
            batch.append(
                Memory(
                    when_text=r[2],
                    starts_on=r[3],
                    ends_on=r[4],
                    place_id=r[5],
                    author_id=r[6],
                    title=r[7],
                    story=r[8],
                )
            )
            if len(batch) == 5000:
                Memory.objects.bulk_create(batch)
                batch = []
        Memory.objects.bulk_create(batch)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"  {Memory.objects.count():,} memories in {time.perf_counter() - started:.1f} s")
    return {"big": big, "small": small}


# ---------------------------------------------------------------------------------------------------------------
# Measuring.


def measure(call: Callable[[], Any], repeat: int) -> tuple[float, float, float, int]:
    """Median and 95th percentile of the wall time in ms, median CPU time of this process in ms (the database
    server's own time is not in it), and the number of SQL queries of one call."""
    from django.db import connection

    for _ in range(3):
        call()
    count = 0

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    # An execute wrapper stays on the connection object when a request closes and reopens the connection.
    with connection.execute_wrapper(counting):
        call()
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, statistics.median(cpu), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--memories", type=int, default=1_000_000)
    parser.add_argument("--timeline", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()
    prepare_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bouquet.places.models import Place
    from bouquet.places.selectors import place_timeline, places_near

    try:
        call_command("migrate", verbosity=0, interactive=False)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()"
            )
            print(f"Database: {cursor.fetchone()[0].split(' on ')[0]}")
        ids = fill(places=args.places, memories=args.memories, timeline=args.timeline)
        client = Client()
        lat, lon = CENTRE
        far = (lat + 0.07, lon - 0.09)  # another point of the territory
        big, small = Place.objects.get(pk=ids["big"]), Place.objects.get(pk=ids["small"])
        found = len(places_near(lat, lon, 500, limit=10_000))
        print(
            f"  {found} places within 500 m of the centre; timeline of the big place: "
            f"{len(place_timeline(place=big, limit=args.timeline))} items"
        )

        def page(url: str) -> Callable[[], Any]:
            def call() -> Any:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response

            return call

        from bouquet.www.places.views import TIMELINE_LIMIT, TIMELINE_PAGE

        last = min(args.timeline, TIMELINE_LIMIT) // TIMELINE_PAGE  # the page shows TIMELINE_PAGE items
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("places_near 500 m (selector), centre", lambda: places_near(lat, lon, 500)),
            ("places_near 500 m (selector), elsewhere", lambda: places_near(*far, 500)),
            (
                "GET /api/v1/places?latitude&longitude&radius_m=500",
                page(f"/api/v1/places?latitude={lat}&longitude={lon}&radius_m=500"),
            ),
            ("place_timeline (selector), 10 items", lambda: place_timeline(place=small, limit=1000)),
            (
                f"place_timeline (selector), {args.timeline} items",
                lambda: place_timeline(place=big, limit=1000),
            ),
            ("GET /lieux/<id>/, 10 items", page(f"/lieux/{small.pk}/")),
            (f"GET /lieux/<id>/, {args.timeline} items, first page", page(f"/lieux/{big.pk}/")),
            (
                f"GET /lieux/<id>/?page={last}, {args.timeline} items, last page",
                page(f"/lieux/{big.pk}/?page={last}"),
            ),
            ("GET /api/v1/places/<id>, 10 items", page(f"/api/v1/places/{small.pk}")),
            (
                f"GET /api/v1/places/<id>, {args.timeline} items, first 100",
                page(f"/api/v1/places/{big.pk}"),
            ),
            (
                f"GET /api/v1/places/<id>?offset=900, {args.timeline} items",
                page(f"/api/v1/places/{big.pk}?offset=900"),
            ),
            (
                f"GET /api/v1/places/<id>?limit=1000, {args.timeline} items at once",
                page(f"/api/v1/places/{big.pk}?limit=1000"),
            ),
        ]
        print(f"\n{'read':<62} {'median':>8} {'p95':>8} {'cpu':>8} {'queries':>8}   (ms)")
        worst = 0.0
        for name, call in cases:
            median, p95, cpu, queries = measure(call, args.repeat)
            worst = max(worst, median)
            flag = "" if median <= TARGET_MS else "  over target"
            print(f"{name:<62} {median:7.1f}  {p95:7.1f}  {cpu:7.1f}  {queries:7d}{flag}")
        met = "met" if worst <= TARGET_MS else "NOT met"
        print(
            f"\nTarget: each under {TARGET_MS:.0f} ms (median server time): {met}; worst median {worst:.1f} ms."
        )
        print(f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    finally:
        if not args.keep:
            drop_database(args.database_url)
            print("Benchmark database dropped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

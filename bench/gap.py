"""Benchmark of the gap dashboard: its figures over 50,000 projects, in one query, and the dashboard page.

Run: .venv/bin/python bench/gap.py [--database-url postgres://postgres@127.0.0.1:5432/bq_gap_bench] [--projects N]

Fills the database with the real Paris winners' file repeated (dates shifted by a few months each copy) until N
projects, then times ``selectors.gap_figures`` (what ``/api/v1/gap`` and both dashboards compute), the API answer
and the public page, and counts their queries at 1,000 and at N projects (flat: the same count).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import prepare_database, setup_django  # noqa: E402

DEFAULT_URL = "sqlite:///var/bench/gap_bench.sqlite3"
RUNS = 7
TARGET_MS = 200.0  # issue 15: the gap dashboard over 50,000 projects


def timed(call: object, runs: int = RUNS) -> tuple[float, int]:
    """Median milliseconds of ``call()`` over ``runs`` runs (after one warm-up), and its query count."""
    from django.db import connection

    call()  # type: ignore[operator]
    queries: list[str] = []

    def count(execute: object, sql: str, params: object, many: bool, context: object) -> object:
        queries.append(sql)
        return execute(sql, params, many, context)  # type: ignore[operator]

    with connection.execute_wrapper(count):
        call()  # type: ignore[operator]
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations), len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--projects", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs of each read (median)")
    parser.add_argument(
        "--keep", action="store_true", help="reuse the projects of a previous run (no refill)"
    )
    args = parser.parse_args()
    action = prepare_database(args.database_url, fresh=not args.keep)
    setup_django(args.database_url)

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bouquet.core.spreadsheet import read_table
    from bouquet.projects import reading, selectors, services
    from bouquet.projects.models import Project
    from tests.shared_data import shared_data_dir

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Database: {connection.vendor}; {action}.")  # noqa: T201
    table = read_table((shared_data_dir() / "paris_bp" / "projets_gagnants.csv").read_bytes())
    mapping = reading.recognise(table[0])
    assert mapping is not None
    good, bad = reading.read_rows(table, mapping)
    assert not bad
    process = services.archive_process(title="Banc d'essai")
    client = Client()

    def figures() -> object:
        return selectors.gap_figures(selectors.ProjectFilters())

    def figures_row_by_row() -> object:
        """The former reading, for comparison: one row per project, summed up in Python."""
        from bouquet.projects import gap
        from bouquet.projects.models import Status

        rows = selectors.filtered(selectors.ProjectFilters()).order_by().values_list(*selectors.GAP_FIELDS)
        return gap.summarise(
            rows.iterator(chunk_size=5000), today=selectors.this_month(), abandoned=Status.ABANDONED
        )

    def api() -> object:
        return client.get("/api/v1/gap")

    def page() -> object:
        return client.get("/projets/ecart/")

    counts: dict[int, tuple[int, int, int]] = {}
    copy = 0
    for target in (args.projects,) if args.keep else (1_000, args.projects):
        started = time.perf_counter()
        while Project.objects.count() < target:
            rows = []
            for row in good[: target - Project.objects.count()]:
                shift = copy % 7
                dates = {k: (v + shift if v is not None else None) for k, v in row.dates.items()}
                rows.append(
                    reading.ProjectRow(**{**row.__dict__, "code": f"{copy}-{row.code}", "dates": dates})
                )
            services.save_project_rows(process=process, rows=rows)
            copy += 1
        print(f"{Project.objects.count():>6} projects ({time.perf_counter() - started:.1f} s to fill)")  # noqa: T201
        ms_figures, q_figures = timed(figures, runs=args.runs)
        ms_before, _q = timed(figures_row_by_row, runs=args.runs)
        assert figures() == figures_row_by_row()
        ms_api, q_api = timed(api, runs=args.runs)
        ms_page, q_page = timed(page, runs=3)
        counts[target] = (q_figures, q_api, q_page)
        print(  # noqa: T201
            f"  gap figures row by row (before) {ms_before:7.1f} ms; grouped by the database (now):"
        )
        print(  # noqa: T201
            f"  gap figures {ms_figures:7.1f} ms ({q_figures} queries) · /api/v1/gap {ms_api:7.1f} ms "
            f"({q_api} queries) · /projets/ecart/ {ms_page:7.1f} ms ({q_page} queries)"
        )
    if not args.keep:
        small, large = counts[1_000], counts[args.projects]
        print(f"query counts flat: {small == large} ({small} at 1,000, {large} at {args.projects:,})")  # noqa: T201
    met = "met" if max(ms_figures, ms_page, ms_api) < TARGET_MS else "NOT met"
    print(  # noqa: T201
        f"Target: the gap dashboard over {args.projects:,} projects under {TARGET_MS:.0f} ms (its figures, its "
        f"page and its API): {met} (figures {ms_figures:.1f} ms, page {ms_page:.1f} ms, API {ms_api:.1f} ms). "
        f"Load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

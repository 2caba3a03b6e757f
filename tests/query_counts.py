"""Query counts of pages for a small and a big busy process: equal when no page makes a query per row."""

import json
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import BusyProcess, busy_process

SMALL, BIG = 3, 30

# Each page: its address for a busy process, and a word shown once per row (None for a page without rows).
Pages = dict[str, tuple[Callable[[BusyProcess], str], str | None]]


def measure(client: Client, url: str, word: str | None) -> tuple[int, int]:
    """The number of SQL queries a page makes, and how many times the word shows in it."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return len(queries), text.count(word) if word else 0


def query_counts(client: Client, pages: Pages) -> dict[str, int]:
    """Queries per page, checked equal for a process of size 3 and one of size 30 (which shows more rows)."""
    small = busy_process(SMALL)
    measured_small = {name: measure(client, url(small), word) for name, (url, word) in pages.items()}
    big = busy_process(BIG)
    measured_big = {name: measure(client, url(big), word) for name, (url, word) in pages.items()}
    for name, (_url, word) in pages.items():
        if word is not None:
            rows_small, rows_big = measured_small[name][1], measured_big[name][1]
            assert rows_big > rows_small > 0, f"{name}: {rows_small} then {rows_big} rows shown"
    grown = {
        name: (measured_small[name][0], measured_big[name][0])
        for name in pages
        if measured_small[name][0] != measured_big[name][0]
    }
    assert not grown, f"queries for {SMALL} rows, then for {BIG}: {grown}"
    return {name: measured_small[name][0] for name in pages}

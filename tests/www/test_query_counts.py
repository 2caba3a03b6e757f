"""The main pages make as many SQL queries for 3 rows as for 30 (no query per row), and the count is recorded.

Each page is asked for two processes built by ``busy_process``, of size 3 and 30: a query per proposal, comment,
bouquet, project or ballot would make the two counts differ. The counts are kept in the syrupy snapshot beside
this file (``__snapshots__/``), the same on SQLite and PostgreSQL; when a change adds or removes queries on
purpose, update it with ``pytest tests/www/test_query_counts.py --snapshot-update`` and commit the difference.
"""

import pytest
from django.test import Client
from django.urls import reverse
from syrupy.assertion import SnapshotAssertion

from tests.factories import UserFactory
from tests.query_counts import Pages, query_counts

pytestmark = pytest.mark.django_db

PAGES: Pages = {
    "process list": (lambda w: reverse("processes:list"), "Démarche "),
    "process page": (lambda w: reverse("processes:detail", kwargs={"slug": w.process.slug}), None),
    "proposal list": (
        lambda w: reverse("proposals:list", kwargs={"slug": w.process.slug}),
        "Proposition numéro",
    ),
    "proposal page with its comment thread": (
        lambda w: reverse("proposals:detail", kwargs={"pk": w.thread.pk}),
        "Commentaire numéro",
    ),
    "map data": (
        lambda w: reverse("proposals:map-data", kwargs={"slug": w.process.slug}),
        "Proposition numéro",
    ),
    "bouquets overview": (lambda w: reverse("bouquets:process", kwargs={"slug": w.process.slug}), "Bouquet "),
    "bouquet page": (lambda w: reverse("bouquets:detail", kwargs={"pk": w.bouquet.pk}), "Proposition numéro"),
    "budget page": (lambda w: reverse("budgets:detail", kwargs={"pk": w.budget.pk}), "Proposition numéro"),
    "budget results": (
        lambda w: reverse("budgets:results", kwargs={"pk": w.budget.pk}),
        "Proposition numéro",
    ),
}


def test_pages_seen_by_a_visitor(client: Client, snapshot: SnapshotAssertion) -> None:
    assert query_counts(client, PAGES) == snapshot


def test_pages_seen_by_an_inhabitant(client: Client, snapshot: SnapshotAssertion) -> None:
    client.force_login(UserFactory())
    assert query_counts(client, PAGES) == snapshot


def test_pages_seen_by_an_agent(client: Client, snapshot: SnapshotAssertion) -> None:
    """Agents also get the curation forms, the turnout and the regrouping's progress."""
    client.force_login(UserFactory(agent=True))
    assert query_counts(client, PAGES) == snapshot

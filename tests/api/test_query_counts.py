"""The API's lists make as many SQL queries for 3 rows as for 30, and the count is recorded (see
tests/www/test_query_counts.py; update with ``--snapshot-update``)."""

import pytest
from django.test import Client
from syrupy.assertion import SnapshotAssertion

from tests.query_counts import Pages, query_counts

pytestmark = pytest.mark.django_db

ENDPOINTS: Pages = {
    "proposals of a process": (
        lambda w: f"/api/v1/processes/{w.process.slug}/proposals",
        "Proposition numéro",
    ),
    "comments of a proposal": (lambda w: f"/api/v1/proposals/{w.thread.pk}/comments", "Commentaire numéro"),
    "budgets of a process": (lambda w: f"/api/v1/processes/{w.process.slug}/budgets", None),
    "results of a budget": (lambda w: f"/api/v1/budgets/{w.budget.pk}/results", None),
}


def test_api_lists(client: Client, snapshot: SnapshotAssertion) -> None:
    assert query_counts(client, ENDPOINTS) == snapshot

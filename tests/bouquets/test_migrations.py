"""The move of ``Allocation`` from budgets to bouquets keeps every row, its id and its dates, both ways."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from bouquet.bouquets.models import Allocation, AllocationKind, Bouquet
from tests.factories import ProcessFactory, UserFactory

BEFORE = [("bouquets", "0003_placement_clustering"), ("budgets", "0002_rule_and_tie_break_in_plain_french")]


def _latest():
    """Every app at its latest migration: the test must leave the schema as it found it for the next tests."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_allocations_move_between_apps_with_their_ids_and_dates():
    agent = UserFactory()
    bouquet = Bouquet.objects.create(process=ProcessFactory(), key="B1", label="Ombre")
    given = Allocation.objects.create(
        bouquet=bouquet, kind=AllocationKind.MONEY, amount=6_000, unit="€", note="Bancs", allocated_by=agent
    )
    long_ago = timezone.now() - dt.timedelta(days=400)
    Allocation.objects.filter(pk=given.pk).update(created_at=long_ago, updated_at=long_ago)
    rows = ("id", "created_at", "kind", "amount", "unit", "note", "allocated_by_id", "bouquet_id")
    expected = [tuple(Allocation.objects.values_list(*rows).get())]
    try:
        old = _migrate(BEFORE)
        assert list(old.get_model("budgets", "Allocation").objects.values_list(*rows)) == expected
    finally:
        new = _migrate(_latest())
    assert list(new.get_model("bouquets", "Allocation").objects.values_list(*rows)) == expected
    # The next id follows the copied ones (PostgreSQL sequences are reset after the copy).
    later = Allocation.objects.create(
        bouquet=bouquet, kind=AllocationKind.ROOM, amount=3, unit="h", allocated_by=agent
    )
    assert later.pk > given.pk

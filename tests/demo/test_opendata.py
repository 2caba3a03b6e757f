"""The demo's open data and dashboards: populations loaded, every published table validates against its Table
Schema, and the reach page names the districts the demo processes reach least."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from bouquet.analytics import selectors
from bouquet.analytics.exports.formats import csv_lines
from bouquet.analytics.exports.registry import tables_for
from bouquet.places.models import District
from bouquet.processes.models import Process
from tests.analytics.frictionless_check import errors_of
from tests.factories import UserFactory


@pytest.mark.django_db
def test_the_demo_publishes_valid_open_data_and_reads_participation_per_inhabitant(tmp_path):
    call_command("seed_demo", port=8101, stdout=io.StringIO())
    populations = dict(District.objects.values_list("name", "population"))
    assert populations["Les Grands Champs"] == 6840 and all(populations.values())

    published = Process.objects.filter(is_published=True)
    checked = 0
    for process in published:
        for table in tables_for(process):
            data = "".join(csv_lines(table, table.rows(process))).encode()
            assert errors_of(data, table.schema(), tmp_path, table.name) == [], (process.slug, table.name)
            checked += 1
    assert checked >= 10

    least = selectors.least_reached(process=None)
    assert len(least.rows) == 3 and all(row[1] is not None for row in least.rows)
    client = Client()
    client.force_login(UserFactory(agent=True))
    assert client.get("/gestion/portee/").status_code == 200
    page = Client().get("/donnees-ouvertes/").content.decode()
    assert "budget-participatif.csv" in page and "Licence Ouverte 2.0" in page

import pytest
from django.test import Client

from bouquet.analytics.exports.registry import tables_for
from tests.analytics.frictionless_check import errors_of
from tests.factories import busy_process


@pytest.mark.django_db
def test_smoke(tmp_path, client: Client) -> None:
    busy = busy_process(3)
    for table in tables_for(busy.process):
        response = client.get(f"/donnees-ouvertes/{busy.process.slug}/{table.name}.csv")
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        print(table.name, data[:300])
        assert errors_of(data, table.schema(), tmp_path, table.name) == []
    page = client.get("/donnees-ouvertes/")
    assert page.status_code == 200


@pytest.mark.django_db
def test_smoke_backoffice(client: Client, django_capture_on_commit_callbacks) -> None:
    from tests.factories import UserFactory

    busy = busy_process(3)
    client.force_login(UserFactory(agent=True))
    for url in [
        "/gestion/tableaux-de-bord/",
        f"/gestion/tableaux-de-bord/?demarche={busy.process.pk}",
        "/gestion/portee/",
        "/gestion/quartiers/populations/",
        "/gestion/donnees-ouvertes/",
        "/gestion/tableaux-de-bord/portee.csv",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/gestion/donnees-ouvertes/demarches/{busy.process.pk}/exporter/",
            {"table": "propositions", "format": "xlsx"},
        )
    assert response.status_code == 302, response.content
    page = client.get(response["Location"])
    assert "Télécharger" in page.content.decode()

"""The staged import pages: upload → columns → preview → confirm, through plain forms."""

from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bouquet.core import imports
from bouquet.core.models import ImportRecord
from bouquet.proposals.models import Theme
from tests.backoffice.conftest import text
from tests.core.test_imports import THEMES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def themes_kind() -> Iterator[imports.ImportKind]:
    imports.register(THEMES)
    yield THEMES


def _upload(client: Client, data: bytes, name: str = "themes.csv") -> object:
    return client.post("/gestion/imports/test-themes/", {"file": SimpleUploadedFile(name, data)})


def test_the_four_steps_import_the_good_rows_once(agent_client: Client) -> None:
    page = agent_client.get("/gestion/imports/test-themes/")
    assert page.status_code == 200
    assert "Colonnes attendues" in text(page)

    data = "Libellé;Couleur\nArbres;vert\n;rouge\n".encode()
    response = _upload(agent_client, data)
    record = ImportRecord.objects.get()
    assert response["Location"] == f"/gestion/imports/fichier/{record.pk}/colonnes/"

    columns = agent_client.get(response["Location"])
    assert "Aucune colonne n’a été reconnue pour" in text(columns)
    refused = agent_client.post(columns.request["PATH_INFO"], {"name": "", "colour": "1"})
    assert refused.status_code == 422
    assert "Choisissez une colonne pour : « nom »" in text(refused)
    chosen = agent_client.post(columns.request["PATH_INFO"], {"name": "0", "colour": "1"})
    assert chosen["Location"] == f"/gestion/imports/fichier/{record.pk}/apercu/"

    preview = agent_client.get(chosen["Location"])
    body = text(preview)
    assert "1 ligne bonne, qui sera importée" in body
    assert "« nom » manquant" in body
    done = agent_client.post(chosen["Location"])
    assert done["Location"] == f"/gestion/imports/fichier/{record.pk}/bilan/"
    assert "1 ligne importée" in text(agent_client.get(done["Location"]))
    assert list(Theme.objects.values_list("name", flat=True)) == ["Arbres"]

    again = _upload(agent_client, data)
    assert again.status_code == 409  # type: ignore[attr-defined]
    assert "Ce fichier a déjà été importé" in text(again)
    # confirming twice (a re-sent page) imports nothing more
    assert agent_client.post(chosen["Location"])["Location"].endswith("/bilan/")
    assert Theme.objects.count() == 1


def test_an_unreadable_file_gets_its_reason_beside_the_field(agent_client: Client) -> None:
    response = _upload(agent_client, "nom\nA\n".encode("utf-32"))
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "Encodage du fichier inconnu" in text(response)
    assert not ImportRecord.objects.exists()


def test_whom_the_kind_does_not_allow_gets_no_page(client: Client) -> None:
    assert client.get("/gestion/imports/test-themes/").status_code == 302  # to the sign-in page
    client.force_login(UserFactory())
    assert client.get("/gestion/imports/test-themes/").status_code == 404
    assert client.get("/gestion/imports/unknown/").status_code == 404


def test_someone_elses_staged_file_is_not_found(agent_client: Client) -> None:
    record = imports.stage_import(
        user=UserFactory(agent=True), kind=THEMES, scope=None, filename="a.csv", data=b"nom\nA\n"
    )
    assert agent_client.get(f"/gestion/imports/fichier/{record.pk}/apercu/").status_code == 404

"""The districts' populations sent as CSV or Excel: every bad row listed with its reason, nothing half-saved."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bouquet.places.models import District
from bouquet.places.services import PopulationFileRefused, import_district_populations
from tests.factories import DistrictFactory, UserFactory


@pytest.fixture
def districts(db):
    return DistrictFactory(name="Centre historique"), DistrictFactory(name="Bel-Air")


def _populations() -> dict[str, int | None]:
    return dict(District.objects.values_list("name", "population"))


def test_a_spreadsheet_csv_with_semicolons_and_a_bom_sets_populations(districts):
    data = "\ufeffQuartier;Population\nCentre historique;4 210\nbel-air;2580\n".encode()
    assert import_district_populations(data=data) == 2
    assert _populations() == {"Centre historique": 4210, "Bel-Air": 2580}


def test_an_excel_file_sets_populations(districts):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["quartier", "habitants"])
    sheet.append(["Bel-Air", 2600])
    buffer = io.BytesIO()
    book.save(buffer)
    assert import_district_populations(data=buffer.getvalue()) == 1
    assert _populations()["Bel-Air"] == 2600


def test_every_bad_row_is_listed_and_nothing_is_saved(districts):
    data = (
        b"quartier,population\n"
        b"Centre historique,4210\n"
        b"Quartier inconnu,100\n"
        b"Bel-Air,beaucoup\n"
        b"Centre historique,4300\n"
        b"Bel-Air,-5\n"
    )
    with pytest.raises(PopulationFileRefused) as refused:
        import_district_populations(data=data)
    assert refused.value.row_errors == [
        "Ligne 3 : aucun quartier ne s'appelle « Quartier inconnu ».",
        "Ligne 4 : « beaucoup » n'est pas un nombre entier d'habitants.",
        "Ligne 5 : le quartier « Centre historique » figure déjà plus haut.",
        "Ligne 6 : « -5 » n'est pas un nombre entier d'habitants.",
    ]
    assert _populations() == {"Centre historique": None, "Bel-Air": None}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"ville,nombre\nBel-Air,10\n", "La première ligne doit nommer les colonnes"),
        (b"quartier,population\n", "aucune ligne de population"),
        (b"\x00\x01\x02garbage", ""),
    ],
)
def test_unreadable_files_are_refused_with_a_french_reason(districts, data, message):
    with pytest.raises(PopulationFileRefused) as refused:
        import_district_populations(data=data)
    assert message in str(refused.value.message)


def test_the_upload_page_lists_bad_rows_with_422_then_saves_a_good_file(districts):
    client = Client()
    client.force_login(UserFactory(agent=True))
    bad = SimpleUploadedFile("pop.csv", b"quartier,population\nNulle part,10\n", content_type="text/csv")
    response = client.post("/gestion/quartiers/populations/", {"file": bad})
    assert response.status_code == 422
    assert "Ligne 2 : aucun quartier ne s&#x27;appelle « Nulle part »." in response.content.decode()
    good = SimpleUploadedFile("pop.csv", b"quartier,population\nBel-Air,2580\n", content_type="text/csv")
    response = client.post("/gestion/quartiers/populations/", {"file": good}, follow=True)
    assert (
        response.status_code == 200
        and "La population d&#x27;un quartier est enregistrée." in response.content.decode()
    )
    assert _populations()["Bel-Air"] == 2580
    citizen = Client()
    citizen.force_login(UserFactory())
    assert citizen.get("/gestion/quartiers/populations/").status_code == 404


def test_the_licence_is_chosen_in_the_back_office_and_shown_on_the_open_data_page(db):
    client = Client()
    client.force_login(UserFactory(agent=True))
    assert client.post("/gestion/donnees-ouvertes/", {"licence": "nope"}).status_code == 422
    response = client.post("/gestion/donnees-ouvertes/", {"licence": "odbl-1.0"})
    assert response.status_code == 302
    assert "Open Database License 1.0 (ODbL)" in Client().get("/donnees-ouvertes/").content.decode()

"""The agents' identity pages: the list of inhabitants and a document checked at a desk, without JavaScript."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bouquet.accounts.models import CensusEntry, Verification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CENSUS_URL = "/gestion/habitants/"
DESK_URL = "/gestion/identites/verifier/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(text: str, name: str = "habitants.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode())


def test_the_census_page_says_how_many_rows_were_read_refused_and_stored() -> None:
    agent = signed_in(UserFactory(agent=True))
    assert "Aucune liste n'a encore été envoyée." in agent.get(CENSUS_URL).content.decode()
    text = (
        "Nom;Prénom;Date de naissance;Adresse\n"
        "Dupont;Marie;17/05/1990;12 rue des Lilas\n"
        "Durand;Luc;31/02/1980;1 rue Haute\n"
        "Martin;Eve;<script>alert(1)</script>;2 rue Basse\n"
    )
    response = agent.post(CENSUS_URL, {"file": upload(text)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 lignes lues" in page and "2 lignes refusées" in page and "1 habitant enregistré" in page
    assert "date de naissance illisible ou impossible : « 31/02/1980 »" in page
    assert "<script>alert(1)</script>" not in page  # a refused cell is quoted as text
    assert "« &lt;script&gt;alert(1)&lt;/script&gt; »" in page
    assert "La liste actuelle compte 1 habitant," in page
    assert CensusEntry.objects.count() == 1


def test_a_file_without_the_columns_is_refused_with_422_and_changes_nothing() -> None:
    agent = signed_in(UserFactory(agent=True))
    response = agent.post(CENSUS_URL, {"file": upload("nom;prenom\nDupont;Marie\n")})
    assert response.status_code == 422
    assert "Colonnes manquantes : « date de naissance », « adresse »" in response.content.decode()
    assert not CensusEntry.objects.exists()
    binary = agent.post(CENSUS_URL, {"file": SimpleUploadedFile("x.csv", b"nom\x00\x01\x02;\xff\xfe")})
    assert binary.status_code == 422 and "Encodage du fichier inconnu" in binary.content.decode()


def test_an_agent_records_a_desk_check() -> None:
    agent_user = UserFactory(agent=True)
    person = UserFactory(email="karim@exemple.fr")
    agent = signed_in(agent_user)
    assert agent.get(DESK_URL).status_code == 200
    form = {
        "email": "Karim@exemple.fr",
        "document_kind": "passport",
        "given_name": "Karim",
        "family_name": "Benali",
        "birthdate": "03/01/1975",
    }
    assert agent.post(DESK_URL, form).status_code == 302
    verification = Verification.objects.get(user=person)
    assert (verification.checked_by, verification.document_kind, verification.method) == (
        agent_user,
        "passport",
        "desk",
    )
    other = UserFactory(email="autre@exemple.fr")
    refused = agent.post(DESK_URL, {**form, "email": other.email})
    assert refused.status_code == 409
    assert "déjà vérifiée sur un autre compte" in refused.content.decode()
    unknown = agent.post(DESK_URL, {**form, "email": "personne@exemple.fr", "birthdate": "31/02/1975"})
    assert unknown.status_code == 422
    page = unknown.content.decode()
    assert "Aucun compte n&#x27;a cette adresse" in page and "« 31/02/1975 »" in page


@pytest.mark.parametrize("url", [CENSUS_URL, DESK_URL])
def test_the_pages_do_not_exist_for_inhabitants_and_moderators(url: str) -> None:
    assert signed_in(UserFactory()).get(url).status_code == 404
    assert signed_in(UserFactory(moderator=True)).post(url).status_code == 404
    assert Client().get(url).status_code == 302

"""« Vérifier mon identité »: an inhabitant matches the list of inhabitants, without JavaScript."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from bouquet.accounts.models import Verification
from bouquet.accounts.verification import import_census
from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db

URL = "/compte/identite/"
MARIE = {
    "given_name": "Marie",
    "family_name": "Dupont",
    "birthdate": "17/05/1990",
    "address": "12 rue des Lilas",
}


@pytest.fixture(autouse=True)
def census() -> None:
    cache.clear()
    import_census(
        agent=UserFactory(agent=True),
        data="nom;prénom;date de naissance;adresse\nDupont;Marie;17/05/1990;12 rue des Lilas\n".encode(),
    )


def signed_in(user=None) -> Client:
    client = Client()
    client.force_login(user or UserFactory())
    return client


def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    assert Client().get(URL).status_code == 302


def test_an_inhabitant_on_the_list_is_verified() -> None:
    person = UserFactory()
    client = signed_in(person)
    form = client.get(URL)
    assert form.status_code == 200 and 'autocomplete="bday"' in form.content.decode()
    done = client.post(URL, {**MARIE, "family_name": "DUPONT", "address": "12, Rue des Lilas"}, follow=True)
    assert done.status_code == 200
    assert "Votre identité est vérifiée depuis le" in done.content.decode()
    assert Verification.objects.get(user=person).method == "census"


def test_wrong_details_and_impossible_dates_answer_422_with_a_french_message() -> None:
    client = signed_in()
    wrong = client.post(URL, {**MARIE, "address": "14 rue des Lilas"})
    assert wrong.status_code == 422
    assert "ne correspondent à aucune ligne de la liste des habitants" in wrong.content.decode()
    impossible = client.post(URL, {**MARIE, "birthdate": "31/02/1980"})
    assert impossible.status_code == 422
    page = impossible.content.decode()
    assert "« 31/02/1980 » n&#x27;est pas une date qui existe" in page
    assert 'value="12 rue des Lilas"' in page  # nothing typed is lost
    assert not Verification.objects.exists()


def test_a_second_account_with_the_same_identity_is_refused_with_409() -> None:
    verified()  # Marie Dupont, born 17/05/1990, through FranceConnect
    response = signed_in().post(URL, MARIE)
    assert response.status_code == 409
    assert "Cette identité est déjà vérifiée sur un autre compte" in response.content.decode()
    assert Verification.objects.count() == 1


@override_settings(BOUQUET_LIMITS={"identity": "2/h/account"})
def test_tries_are_limited_so_that_nobody_probes_the_list() -> None:
    client = signed_in()
    for _try in range(2):
        assert client.post(URL, {**MARIE, "address": "1 rue Fausse"}).status_code == 422
    refused = client.post(URL, MARIE)
    assert refused.status_code == 429
    assert "Trop d&#x27;envois en peu de temps" in refused.content.decode()

"""The account e-mails greet the person and are signed by the authority, never by the server's address."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SERVER_NAMES = ("testserver", "127.0.0.1", "localhost", "example.com")


def _only_message() -> mail.EmailMessage:
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_the_sign_up_e_mail_names_the_authority_and_not_the_server(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "amina@exemple.fr",
            "password1": "un mot de passe solide",
            "password2": "un mot de passe solide",
        },
    )
    assert response.status_code == 302
    message = _only_message()
    assert message.subject.startswith("[Val-de-Loirette] ")
    assert message.body.startswith("Bonjour,\n")
    assert "la plateforme de participation de la Ville de Val-de-Loirette" in message.body
    assert message.body.rstrip().endswith(
        "L'équipe de la participation citoyenne de la Ville de Val-de-Loirette"
    )
    assert not any(name in message.subject + message.body for name in SERVER_NAMES)
    assert "Participant·e" not in message.body and "utilisateur" not in message.body


def test_a_person_with_a_name_is_greeted_by_it_in_their_language(client):
    UserFactory(email="camille@exemple.fr", display_name="Camille Durand")
    client.cookies["django_language"] = "en"
    client.post(reverse("account_reset_password"), {"email": "camille@exemple.fr"})
    message = _only_message()
    assert message.body.startswith("Hello Camille Durand,\n")
    assert "The citizen participation team of Ville de Val-de-Loirette" in message.body
    assert message.content_subtype == "plain"


def test_an_unknown_address_gets_a_plain_french_answer(client):
    client.post(reverse("account_reset_password"), {"email": "personne@exemple.fr"})
    message = _only_message()
    assert "aucun compte ne l'utilise" in message.body
    assert message.body.startswith("Bonjour,\n")

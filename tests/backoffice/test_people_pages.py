"""People and roles in the back-office, and the invitation page an invitee opens."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.roles.models import Invitation, RoleGrant
from tests.backoffice.conftest import text
from tests.factories import ProcessFactory, RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db


def _invite(client: Client, **data: str):
    return client.post(reverse("backoffice:invite"), {"scope": "territory", "role": "moderator", **data})


def _link() -> str:
    match = re.search(r"https?://[^/\s]+(/invitation/[^\s]+/)", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_an_agent_invites_and_the_invitee_creates_an_account(agent_client: Client) -> None:
    process = ProcessFactory(title="Place du marché")
    response = _invite(agent_client, email="modo@exemple.fr", scope="process", process=str(process.pk))
    assert response.status_code == 302 and response["Location"] == reverse("backoffice:people")
    listing = text(agent_client.get(reverse("backoffice:people")))
    assert "modo@exemple.fr" in listing and "En attente" in listing
    invitee = Client()
    page = invitee.get(_link())
    assert page.status_code == 200 and "Place du marché" in text(page)
    response = invitee.post(
        _link(),
        {
            "display_name": "Mo",
            "password": "un-mot-de-passe-solide",
            "password_again": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="modo@exemple.fr")
    assert RoleGrant.objects.filter(person=person, process=process, role=Role.MODERATOR).exists()
    assert invitee.get(reverse("proposals:moderation")).status_code == 200  # signed in, and moderating
    listing = text(agent_client.get(reverse("backoffice:people")))
    assert "Mo" in listing and "Démarche « Place du marché »" in listing
    again = Client().get(_link())
    assert again.status_code == 409 and "déjà été acceptée" in text(again)


def test_inviting_an_address_that_has_the_role_is_refused_in_the_form(agent_client: Client) -> None:
    UserFactory(email="modo@exemple.fr", role=Role.MODERATOR)
    response = _invite(agent_client, email="modo@exemple.fr")
    assert response.status_code == 409 and "est déjà Modérateur·rice sur tout le territoire" in text(response)
    assert 'value="modo@exemple.fr"' in text(response)  # nothing typed is lost
    assert not Invitation.objects.exists() and not mail.outbox


def test_a_missing_process_is_shown_beside_its_field(agent_client: Client) -> None:
    response = _invite(agent_client, email="x@exemple.fr", scope="process")
    assert response.status_code == 422 and "Choisissez la démarche." in text(response)


def test_tampered_revoked_and_expired_links(agent_client: Client) -> None:
    _invite(agent_client, email="a@exemple.fr")
    link = _link()
    assert Client().get(link[:-3] + "x/").status_code == 404
    invitation = Invitation.objects.get()
    confirm = agent_client.get(reverse("backoffice:invitation-revoke", args=[invitation.pk]))
    assert confirm.status_code == 200 and "Annuler l'invitation de a@exemple.fr ?" in text(confirm)
    agent_client.post(reverse("backoffice:invitation-revoke", args=[invitation.pk]))
    response = Client().get(link)
    assert response.status_code == 409 and "annulée" in text(response)
    _invite(agent_client, email="b@exemple.fr")
    Invitation.objects.filter(email="b@exemple.fr").update(expires_at=timezone.now() - dt.timedelta(hours=1))
    response = Client().post(
        _link(),
        {
            "display_name": "B",
            "password": "un-mot-de-passe-solide",
            "password_again": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 409 and "a expiré" in text(response)
    assert not User.objects.filter(email="b@exemple.fr").exists()


def test_revoking_a_role_asks_for_confirmation(agent_client: Client) -> None:
    grant = RoleGrantFactory()
    url = reverse("backoffice:grant-revoke", args=[grant.pk])
    assert "Retirer ce rôle" in text(agent_client.get(url))
    assert RoleGrant.objects.exists()  # nothing happens on GET
    assert agent_client.post(url).status_code == 302
    assert not RoleGrant.objects.exists()
    person = UserFactory(role=Role.FACILITATOR)
    agent_client.post(reverse("backoffice:territory-role-revoke", args=[person.pk]))
    person.refresh_from_db()
    assert person.role == Role.INHABITANT


def test_people_pages_are_for_agents_only(client: Client) -> None:
    client.force_login(UserFactory(moderator=True))
    assert client.get(reverse("backoffice:people")).status_code == 404
    assert client.post(reverse("backoffice:invite"), {"email": "x@exemple.fr"}).status_code == 404

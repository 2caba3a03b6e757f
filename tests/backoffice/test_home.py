"""The back-office's home: agents and administrators see every process; others are refused without a trace."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bouquet.accounts.models import Role
from bouquet.accounts.rules import is_moderator
from bouquet.backoffice import navigation
from bouquet.backoffice.navigation import NavEntry
from tests.factories import ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_agent_sees_every_process_with_its_status_and_what_needs_attention(client: Client) -> None:
    ProcessFactory(title="Démarche ouverte")
    ProcessFactory(title="Démarche en préparation", is_published=False).phases.all().delete()
    client.force_login(UserFactory(agent=True))
    response = client.get(reverse("backoffice:home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Démarche ouverte" in page
    assert "Démarche en préparation" in page
    assert "En préparation : le public ne la voit pas encore." in page
    assert "Aucune phase : ajoutez-en avant de publier." in page
    assert 'aria-current="page"' in page  # the menu marks where one is


def test_a_process_with_a_gap_in_its_calendar_is_pointed_out(client: Client) -> None:
    process = ProcessFactory(with_vote_phase=True)  # the vote phase starts long after the current one ends
    assert process.phases.count() == 3
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    page = client.get(reverse("backoffice:home")).content.decode()
    assert "Un intervalle sans phase dans le calendrier." in page


def test_anonymous_visitors_are_asked_to_sign_in(client: Client) -> None:
    response = client.get(reverse("backoffice:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.INHABITANT, Role.MENTOR, Role.MODERATOR])
def test_people_without_an_authority_role_do_not_see_it_exists(client: Client, role: Role) -> None:
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("backoffice:home")).status_code == 404
    assert reverse("backoffice:home") not in client.get(reverse("processes:list")).content.decode()


def test_facilitators_see_the_back_office_for_their_workshops_and_conversations(client: Client) -> None:
    """Facilitators record what people said and run conversations: the back-office opens to them with those
    entries only."""
    client.force_login(UserFactory(role=Role.FACILITATOR))
    home = client.get(reverse("backoffice:home"))
    page = home.content.decode()
    assert home.status_code == 200
    assert reverse("backoffice:workshops") in page and reverse("backoffice:conversations") in page
    assert reverse("backoffice:processes") not in page and reverse("backoffice:districts") not in page


def test_the_site_menu_links_agents_to_the_back_office(client: Client) -> None:
    client.force_login(UserFactory(agent=True))
    assert reverse("backoffice:home") in client.get(reverse("processes:list")).content.decode()


def test_a_page_added_to_the_menu_for_moderators_opens_the_back_office_to_them(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How another topic joins the back-office: one ``NavEntry`` with the predicate of its view."""
    moderator = UserFactory(role=Role.MODERATOR)
    client.force_login(moderator)
    assert client.get(reverse("backoffice:home")).status_code == 404
    entry = NavEntry("Une page des modérateurs", "backoffice:home", allowed=is_moderator)
    monkeypatch.setattr(navigation, "NAVIGATION", [*navigation.NAVIGATION, entry])
    response = client.get(reverse("backoffice:home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Une page des modérateurs" in page
    assert "Nouvelle démarche" not in page  # the agents' entries and processes stay theirs
    assert reverse("backoffice:home") in client.get(reverse("processes:list")).content.decode()


def test_the_home_makes_as_many_queries_for_ten_processes_as_for_two(client: Client) -> None:
    client.force_login(UserFactory(agent=True))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("backoffice:home")).status_code == 200
        return len(captured)

    for _ in range(2):
        ProcessFactory(with_vote_phase=True)
    few = queries()
    for _ in range(8):
        ProcessFactory(with_vote_phase=True, is_published=False)
    assert queries() == few

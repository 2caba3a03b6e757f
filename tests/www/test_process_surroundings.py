"""A process about a place shows what the place remembers first, and its page links to what other apps built
inside it (conversations, workshops, projects, its place); the agents' form chooses the place."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.conversations.services import open_conversation
from bouquet.places.models import Moderation
from bouquet.processes.models import Process
from bouquet.projects.models import Project
from bouquet.projects.services import ProjectInput, create_project
from tests.backoffice.conftest import text
from tests.factories import DistrictFactory, ProcessFactory, UserFactory
from tests.outreach.factories import make_workshop
from tests.places.factories import make_memory, make_place

pytestmark = pytest.mark.django_db


def _workshop(process: Process, agent: object, title: str, *, days: int, published: bool = True) -> None:
    make_workshop(agent, process, title, days=days, published=published)  # type: ignore[arg-type]


def test_an_inhabitant_opening_a_process_about_a_place_sees_what_it_remembers_first() -> None:
    place = make_place("La halle")
    make_memory(place, title="Le bal du samedi", when="années 60")
    process = ProcessFactory(place=place, title="Réinventer la halle")
    page = text(Client().get(process.get_absolute_url()))
    remembers = page.index("Ce dont « La halle » se souvient")
    assert remembers < page.index("Les étapes") < page.index("Présentation")
    assert "Le bal du samedi" in page and "années 60" in page
    assert f'href="{place.get_absolute_url()}"' in page
    assert "Toute la mémoire de « La halle »" in page


def test_a_process_on_a_place_taken_off_the_map_shows_nothing_of_it() -> None:
    place = make_place("Le kiosque", moderation=Moderation.HIDDEN)
    process = ProcessFactory(place=place)
    page = text(Client().get(process.get_absolute_url()))
    assert "Le kiosque" not in page and place.get_absolute_url() not in page


def test_the_process_page_links_to_its_conversations_workshops_and_projects() -> None:
    agent = UserFactory(agent=True)
    process = ProcessFactory()
    conversation = open_conversation(
        by=agent, process=process, question="Faut-il fermer la rue le dimanche ?"
    )
    _workshop(process, agent, "Atelier des riverains", days=5)
    _workshop(process, agent, "Réunion de lancement", days=-20)
    _workshop(process, agent, "Atelier pas encore annoncé", days=9, published=False)
    project = create_project(agent=agent, process=process, data=ProjectInput(title="Des bancs à l'ombre"))
    hidden = create_project(agent=agent, process=process, data=ProjectInput(title="Projet en préparation"))
    Project.objects.filter(pk=hidden.pk).update(is_published=False)
    page = text(Client().get(process.get_absolute_url()))
    assert "Dans cette démarche" in page
    assert f'href="{conversation.get_absolute_url()}"' in page
    assert f'href="{reverse("conversations:map", args=[conversation.pk])}"' in page
    assert "Faut-il fermer la rue le dimanche ?" in page
    assert "Atelier des riverains" in page and "Réunion de lancement" in page
    assert page.index("Atelier des riverains") < page.index("Réunion de lancement")  # to come, then past
    assert "Atelier pas encore annoncé" not in page
    assert reverse("outreach:agenda-ics", args=[process.slug]) in page
    assert f'href="{project.get_absolute_url()}"' in page
    assert "Projet en préparation" not in page


def test_a_process_with_nothing_around_it_says_nothing_more() -> None:
    page = text(Client().get(ProcessFactory().get_absolute_url()))
    assert "Dans cette démarche" not in page and "se souvient" not in page


def test_an_agent_chooses_the_place_of_a_process_and_sees_what_it_remembers(client: Client) -> None:
    client.force_login(UserFactory(agent=True))
    district = DistrictFactory(name="Saint-Aubin")
    place = make_place("Le lavoir", district=district)
    make_memory(place, title="Les lavandières", when="années 50")
    create = reverse("backoffice:process-create")
    form = text(client.get(create, {"lieu": place.pk}))
    assert "Ce dont « Le lavoir » se souvient" in form and "Les lavandières" in form
    assert f'<option value="{place.pk}" selected>Le lavoir</option>' in form
    posted = {
        "title": "Le lavoir demain",
        "summary": "Que faire du lavoir ?",
        "description": "Le lavoir sera restauré.",
        "district": district.pk,
        "lieu": place.pk,
        "components": ["proposals"],
    }
    response = client.post(create, posted)
    assert response.status_code == 302
    process = Process.objects.get(title="Le lavoir demain")
    assert process.place == place
    assert f'href="{place.get_absolute_url()}">Le lavoir</a>' in text(client.get(response["Location"]))
    edit = text(client.get(reverse("backoffice:process-edit", args=[process.pk])))
    assert "Ce dont « Le lavoir » se souvient" in edit
    assert f'<option value="{place.pk}" selected>Le lavoir</option>' in edit
    response = client.post(reverse("backoffice:process-edit", args=[process.pk]), {**posted, "lieu": ""})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.place is None


def test_a_place_that_is_not_published_is_refused_in_french(client: Client) -> None:
    client.force_login(UserFactory(agent=True))
    waiting = make_place("Le kiosque", moderation=Moderation.PENDING)
    response = client.post(
        reverse("backoffice:process-create"),
        {"title": "T", "summary": "S", "description": "D", "lieu": waiting.pk, "components": ["proposals"]},
    )
    assert response.status_code == 422
    assert "Sélectionnez un choix valide" in text(response)
    assert not Process.objects.exists()


def test_the_api_names_the_place_of_a_process(client: Client) -> None:
    place = make_place("La halle")
    process = ProcessFactory(place=place)
    hidden = ProcessFactory(place=make_place("Caché", moderation=Moderation.HIDDEN, lat=47.02))
    detail = client.get(f"/api/v1/processes/{process.slug}").json()
    assert (detail["place_id"], detail["place_name"]) == (place.pk, "La halle")
    listed = {item["slug"]: item for item in client.get("/api/v1/processes").json()["items"]}
    assert listed[process.slug]["place_id"] == place.pk
    assert listed[hidden.slug]["place_id"] is None and listed[hidden.slug]["place_name"] is None

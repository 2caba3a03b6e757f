"""The places' pages through Django's test client: no JavaScript needed, errors in French, moderation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from bouquet.places.models import Memory, Moderation, Place
from bouquet.roles.models import Role
from tests.factories import DistrictFactory, RoleGrantFactory, UserFactory
from tests.places.factories import make_memory, make_place

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "#aa8844").save(buffer, format="JPEG")
    return SimpleUploadedFile("kiosque.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_the_list_shows_published_places_and_their_memories(client: Client) -> None:
    square = make_place("Place du Marché")
    make_memory(square)
    make_place("Lieu en attente", moderation=Moderation.PENDING)
    html = client.get(reverse("places:list")).content.decode()
    assert "Place du Marché" in html and "1 souvenir" in html
    assert "Lieu en attente" not in html
    assert "Place du Marché" in client.get(reverse("places:list"), {"q": "marché"}).content.decode()


def test_an_inhabitant_adds_a_memory_with_a_photo_and_reads_it_on_the_timeline() -> None:
    place = make_place("Kiosque à musique")
    client = _client(UserFactory(display_name="Josette R."))
    form = client.get(reverse("places:memory-add", args=[place.pk]))
    assert form.status_code == 200
    response = client.post(
        reverse("places:memory-add", args=[place.pk]),
        {
            "title": "Les concerts du dimanche",
            "when_text": "années 60",
            "story": "La fanfare jouait tous les dimanches de mai.",
            "photo": _jpeg(),
            "photo_alt": "La fanfare devant le kiosque",
        },
    )
    assert response.status_code == 302
    html = _client(UserFactory()).get(place.get_absolute_url()).content.decode()
    assert "Les concerts du dimanche" in html and "années 60" in html and "Josette R." in html
    assert 'alt="La fanfare devant le kiosque"' in html


def test_a_memory_in_the_future_comes_back_with_the_message_beside_its_field() -> None:
    place = make_place()
    response = _client(UserFactory()).post(
        reverse("places:memory-add", args=[place.pk]),
        {"title": "Demain", "when_text": "2090", "story": "Plus tard."},
    )
    assert response.status_code == 422
    assert "Un souvenir ne peut pas être daté dans le futur." in response.content.decode()
    assert not Memory.objects.exists()


def test_a_photo_without_description_is_refused() -> None:
    place = make_place()
    response = _client(UserFactory()).post(
        reverse("places:memory-add", args=[place.pk]),
        {"title": "Photo", "when_text": "1982", "story": "Une photo.", "photo": _jpeg()},
    )
    assert response.status_code == 422
    assert "Décrivez la photo" in response.content.decode()


def test_signed_out_people_read_but_do_not_write(client: Client) -> None:
    place = make_place()
    assert client.get(place.get_absolute_url()).status_code == 200
    assert client.get(reverse("places:memory-add", args=[place.pk])).status_code == 302
    assert client.get(reverse("places:create")).status_code == 302


def test_an_inhabitants_place_waits_then_a_moderator_publishes_it_from_the_queue() -> None:
    author = UserFactory()
    response = _client(author).post(
        reverse("places:create"),
        {"name": "Le vieux lavoir", "kind": "building", "latitude": "47,0", "longitude": "1,0"},
    )
    assert response.status_code == 302
    place = Place.objects.get()
    assert place.moderation == Moderation.PENDING
    assert Client().get(place.get_absolute_url()).status_code == 404
    assert _client(author).get(place.get_absolute_url()).status_code == 200
    moderator = _client(UserFactory(moderator=True))
    assert "Le vieux lavoir" in moderator.get(reverse("proposals:moderation")).content.decode()
    moderator.post(
        reverse("places:moderate", args=["lieu", place.pk]), {"verdict": "restore", "reason": "Lieu réel"}
    )
    place.refresh_from_db()
    assert place.moderation == Moderation.PUBLISHED


def test_an_agents_place_is_published_at_once() -> None:
    _client(UserFactory(agent=True)).post(
        reverse("places:create"),
        {"name": "Halle aux grains", "kind": "building", "latitude": "47", "longitude": "1"},
    )
    assert Place.objects.get().moderation == Moderation.PUBLISHED


def test_a_district_moderator_moderates_memories_of_their_district_only() -> None:
    mine, other = DistrictFactory(), DistrictFactory()
    moderator = UserFactory()
    RoleGrantFactory(person=moderator, role=Role.MODERATOR, district=mine, process=None)
    here, there = make_memory(make_place(district=mine)), make_memory(make_place("Ailleurs", district=other))
    client = _client(moderator)
    url = reverse("places:moderate", args=["souvenir", there.pk])
    assert client.post(url, {"verdict": "hide", "reason": "Non"}).status_code == 403
    client.post(
        reverse("places:moderate", args=["souvenir", here.pk]), {"verdict": "hide", "reason": "Injurieux"}
    )
    here.refresh_from_db()
    there.refresh_from_db()
    assert (here.moderation, there.moderation) == (Moderation.HIDDEN, Moderation.PUBLISHED)


def test_reports_reach_the_queue() -> None:
    memory = make_memory(make_place())
    response = _client(UserFactory()).post(
        reverse("places:memory-report", args=[memory.pk]), {"reason": "Données personnelles"}
    )
    assert response.status_code == 302
    html = _client(UserFactory(moderator=True)).get(reverse("proposals:moderation")).content.decode()
    assert "Données personnelles" in html and memory.title in html


def test_only_agents_add_archive_items() -> None:
    place = make_place()
    url = reverse("places:archive-add", args=[place.pk])
    assert _client(UserFactory()).get(url).status_code == 403
    response = _client(UserFactory(agent=True)).post(
        url,
        {
            "kind": "decision",
            "title": "Délibération sur la halle",
            "when_text": "12/03/1962",
            "source": "Archives municipales, 1 D 12",
            "licence": "Licence Ouverte 2.0",
        },
    )
    assert response.status_code == 302
    assert "Délibération sur la halle" in Client().get(place.get_absolute_url()).content.decode()


def test_the_place_page_makes_as_many_queries_whatever_its_timeline() -> None:
    counts = []
    for size in (3, 30):
        place = make_place(f"Lieu de {size} souvenirs")
        for index in range(size):
            make_memory(place, title=f"Souvenir {index}", when=str(1950 + index))
        with CaptureQueriesContext(connection) as queries:
            html = Client().get(place.get_absolute_url()).content.decode()
        assert html.count("Souvenir ") >= min(size, 25)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_long_timeline_comes_by_pages_of_25_with_a_link_to_older_memories() -> None:
    place = make_place("Lavoir")
    for index in range(30):
        make_memory(place, title=f"Souvenir {index}", when=str(1950 + index))
    first = Client().get(place.get_absolute_url()).content.decode()
    assert [i for i in range(30) if f">Souvenir {i}<" in first] == list(range(5, 30))
    assert "?page=2" in first  # a plain link: it works without JavaScript
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(place.get_absolute_url() + "?page=2").content.decode()
    assert [i for i in range(30) if f">Souvenir {i}<" in second] == list(range(5))
    assert "?page=3" not in second and "?page=1" in second
    assert len(queries) == counts_of_first_page(place)


def counts_of_first_page(place: Place) -> int:
    with CaptureQueriesContext(connection) as queries:
        Client().get(place.get_absolute_url())
    return len(queries)


def test_proposing_on_a_place_shows_what_it_remembers_first_and_joins_its_timeline(proposals_process) -> None:  # type: ignore[no-untyped-def]
    place = make_place("Place de la Fontaine")
    make_memory(place, title="La fontaine gelée", when="hiver 1954")
    client = _client(UserFactory())
    url = reverse("proposals:create", args=[proposals_process.slug])
    form = client.get(url, {"lieu": place.pk}).content.decode()
    assert "Ce dont « Place de la Fontaine » se souvient" in form
    assert "La fontaine gelée" in form and "hiver 1954" in form
    response = client.post(
        url,
        {
            "title": "Remettre la fontaine en eau",
            "body": "Elle ne coule plus depuis des années, les enfants la regrettent.",
            "lieu": place.pk,
            "confirmer": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = proposals_process.proposals.get()
    assert proposal.place == place
    assert (proposal.latitude, proposal.longitude) == (place.latitude, place.longitude)
    page = Client().get(place.get_absolute_url()).content.decode()
    assert "Remettre la fontaine en eau" in page
    detail = Client().get(proposal.get_absolute_url()).content.decode()
    assert f'href="{place.get_absolute_url()}"' in detail


def test_the_place_page_offers_the_processes_taking_proposals(proposals_process) -> None:  # type: ignore[no-untyped-def]
    place = make_place()
    html = Client().get(place.get_absolute_url()).content.decode()
    assert f"{reverse('proposals:create', args=[proposals_process.slug])}?lieu={place.pk}" in html


def test_an_agent_opening_a_process_about_a_place_sees_what_it_remembers_first() -> None:
    district = DistrictFactory(name="Saint-Aubin")
    place = make_place("Le lavoir", district=district)
    make_memory(place, title="Les lavandières", when="années 50")
    agent = _client(UserFactory(agent=True))
    detail = agent.get(place.get_absolute_url()).content.decode()
    create = reverse("backoffice:process-create")
    assert f"{create}?lieu={place.pk}" in detail
    form = agent.get(create, {"lieu": place.pk}).content.decode()
    assert "Ce dont « Le lavoir » se souvient" in form and "Les lavandières" in form
    assert f'<option value="{district.pk}" selected>' in form

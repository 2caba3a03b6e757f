"""/api/v1/places and /api/v1/places/{id} with its timeline."""

import pytest
from django.test import Client

from bouquet.places.models import Moderation
from tests.places.factories import make_memory, make_place

pytestmark = pytest.mark.django_db


def test_places_near_a_point_nearest_first(client: Client) -> None:
    make_place("Loin", 47.02, 1.0)
    near = make_place("Près", 47.001, 1.0)
    here = make_place("Ici", 47.0, 1.0)
    body = client.get("/api/v1/places", {"latitude": 47.0, "longitude": 1.0, "radius_m": 500}).json()
    assert [p["id"] for p in body["items"]] == [here.pk, near.pk]
    assert body["items"][1]["distance_m"] == pytest.approx(111.2, abs=1)


def test_bad_near_search_answers_422_in_french(client: Client) -> None:
    response = client.get("/api/v1/places", {"latitude": 47.0})
    assert response.status_code == 422
    assert "latitude et la longitude" in response.json()["message"]
    assert (
        client.get("/api/v1/places", {"latitude": 47, "longitude": 1, "radius_m": 99999}).status_code == 422
    )


def test_a_place_with_its_timeline(client: Client) -> None:
    place = make_place("Halle")
    make_memory(place, title="Le marché couvert", when="vers 1975")
    body = client.get(f"/api/v1/places/{place.pk}").json()
    assert body["name"] == "Halle"
    assert [(i["kind"], i["title"], i["when_text"], i["starts_on"]) for i in body["timeline"]] == [
        ("memory", "Le marché couvert", "vers 1975", "1973-01-01")
    ]


def test_a_long_timeline_comes_by_pages_with_the_next_offset(client: Client) -> None:
    place = make_place("Lavoir")
    for index in range(12):
        make_memory(place, title=f"Souvenir {index}", when=str(1950 + index))
    first = client.get(f"/api/v1/places/{place.pk}", {"limit": 5}).json()
    assert [i["title"] for i in first["timeline"]] == [f"Souvenir {i}" for i in range(11, 6, -1)]
    assert first["timeline_next_offset"] == 5
    last = client.get(f"/api/v1/places/{place.pk}", {"limit": 5, "offset": 10}).json()
    assert [i["title"] for i in last["timeline"]] == ["Souvenir 1", "Souvenir 0"]
    assert last["timeline_next_offset"] is None
    whole = client.get(f"/api/v1/places/{place.pk}").json()
    assert len(whole["timeline"]) == 12 and whole["timeline_next_offset"] is None
    assert client.get(f"/api/v1/places/{place.pk}", {"offset": -1}).status_code == 422


def test_a_place_awaiting_moderation_is_not_found(client: Client) -> None:
    place = make_place(moderation=Moderation.PENDING)
    assert client.get(f"/api/v1/places/{place.pk}").status_code == 404
    assert client.get("/api/v1/places").json()["count"] == 0

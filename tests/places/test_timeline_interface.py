"""The timeline's extension point and the near search, on both databases."""

import datetime

import pytest

from bouquet.places.models import Place
from bouquet.places.selectors import place_timeline, places_near
from bouquet.places.timeline import TimelineItem, register_source, unregister_source
from bouquet.proposals.models import Status
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def _point(name: str, lat: float, lon: float) -> Place:
    return Place.objects.create(
        name=name,
        geometry={"type": "Point", "coordinates": [lon, lat]},
        min_lat=lat,
        max_lat=lat,
        min_lon=lon,
        max_lon=lon,
        latitude=lat,
        longitude=lon,
    )


def test_places_near_finds_points_and_areas_within_the_radius_nearest_first() -> None:
    here = _point("Place du Marché", 47.0, 1.0)
    close = _point("Lavoir", 47.003, 1.0)  # about 334 m north
    _point("Moulin", 47.01, 1.0)  # about 1.1 km north
    park = Place.objects.create(
        name="Parc",
        geometry={
            "type": "Polygon",
            "coordinates": [[[1.004, 46.99], [1.01, 46.99], [1.01, 47.01], [1.004, 47.01], [1.004, 46.99]]],
        },
        min_lat=46.99,
        max_lat=47.01,
        min_lon=1.004,
        max_lon=1.01,
        latitude=47.0,
        longitude=1.007,
    )
    found = places_near(47.0, 1.0, 500)
    assert [n.place for n in found] == [here, park, close]
    assert found[0].distance_m == 0
    assert 290 < found[1].distance_m < 310  # to the park's west edge
    assert 320 < found[2].distance_m < 345


def test_hidden_places_are_not_near_anything() -> None:
    _point("Caché", 47.0, 1.0)
    Place.objects.update(moderation="pending")
    assert places_near(47.0, 1.0, 500) == []


def test_registered_sources_and_public_proposals_join_the_timeline() -> None:
    place = _point("Halle", 47.0, 1.0)
    ProposalFactory(place=place, title="Couvrir la halle", status=Status.ACCEPTED, answer="Oui, en 2027.")
    from django.utils import timezone

    from bouquet.proposals.models import Proposal

    Proposal.objects.update(answered_at=timezone.now())

    def workshops(p: Place, *, limit: int) -> list[TimelineItem]:
        assert p == place
        return [
            TimelineItem(
                starts_on=datetime.date(1999, 5, 1),
                kind="workshop",
                kind_label="Atelier",
                title="Atelier de 1999",
                url="/x/",
            )
        ]

    register_source(workshops)
    try:
        items = place_timeline(place=place)
    finally:
        unregister_source(workshops)
    assert [i.kind for i in items] == ["decision", "proposal", "workshop"] or [i.kind for i in items] == [
        "proposal",
        "decision",
        "workshop",
    ]
    assert items[-1].title == "Atelier de 1999"

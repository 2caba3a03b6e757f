"""Places and what they remember, for tests."""

from typing import Any

from bouquet.places import services
from bouquet.places.models import Place
from tests.factories import UserFactory


def make_place(name: str = "Place du Marché", lat: float = 47.0, lon: float = 1.0, **fields: Any) -> Place:
    """A published point place (straight to the table: no territory check)."""
    defaults: dict[str, Any] = {
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "min_lat": lat,
        "max_lat": lat,
        "min_lon": lon,
        "max_lon": lon,
        "latitude": lat,
        "longitude": lon,
    }
    defaults.update(fields)
    return Place.objects.create(name=name, **defaults)


def make_memory(
    place: Place, *, author: Any = None, title: str = "Le marché du samedi", when: str = "vers 1975"
):  # type: ignore[no-untyped-def]
    """A published memory through the service."""
    return services.add_memory(
        author=author or UserFactory(),
        place=place,
        title=title,
        story="On y venait en famille, les bras chargés de paniers.",
        when=when,
    )

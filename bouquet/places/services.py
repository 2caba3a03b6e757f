"""Writes on places."""

from django.db import transaction
from django.utils.text import slugify

from bouquet.places.models import District


@transaction.atomic
def create_district(
    *, name: str, description: str = "", latitude: float | None = None, longitude: float | None = None
) -> District:
    """Add a district to the territory."""
    return District.objects.create(
        name=name, slug=slugify(name), description=description, latitude=latitude, longitude=longitude
    )

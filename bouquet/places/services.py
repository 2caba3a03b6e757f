"""Writes on places."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bouquet.core.errors import InvalidInput
from bouquet.places import geometry
from bouquet.places.models import Article, District, FeatureKind, MapFeature


@transaction.atomic
def create_district(
    *,
    name: str,
    description: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    boundary: Mapping[str, Any] | None = None,
) -> District:
    """Add a district to the territory."""
    return District.objects.create(
        name=name,
        slug=slugify(name),
        description=description,
        latitude=latitude,
        longitude=longitude,
        boundary=_checked_area(boundary) if boundary is not None else None,
    )


def _checked_area(shape: Mapping[str, Any]) -> dict[str, Any]:
    """A GeoJSON Polygon or MultiPolygon whose rings are closed and hold at least three corners."""
    rings = [ring for polygon in geometry.polygons(shape) for ring in polygon]
    lon_lat_ok = all(-180 <= lon <= 180 and -90 <= lat <= 90 for ring in rings for lon, lat in ring)
    if not rings or not lon_lat_ok or any(len(ring) < 4 or ring[0] != ring[-1] for ring in rings):
        message = _("Le contour doit être un polygone GeoJSON fermé (longitude, latitude).")
        raise InvalidInput(message, field_errors={"boundary": message})
    return dict(shape)


@transaction.atomic
def set_district_boundary(*, district: District, boundary: Mapping[str, Any] | None) -> District:
    """Draw (or erase, with None) a district's boundary; its centre follows the boundary when it had none."""
    district.boundary = _checked_area(boundary) if boundary is not None else None
    if district.boundary is not None and (district.latitude is None or district.longitude is None):
        box = geometry.bounds_of([district.boundary])
        if box is not None:
            district.longitude, district.latitude = box.center()
    district.save(update_fields=["boundary", "latitude", "longitude", "updated_at"])
    return district


@transaction.atomic
def add_map_feature(
    *, kind: FeatureKind, name: str, shape: Mapping[str, Any], article: Article = Article.NONE
) -> MapFeature:
    """Add a street, a river, a square or a landmark to the territory's maps."""
    if shape.get("type") not in {"Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"} or not (
        geometry.points(shape)
    ):
        message = _("La géométrie doit être un point, une ligne ou un polygone GeoJSON.")
        raise InvalidInput(message, field_errors={"geometry": message})
    return MapFeature.objects.create(kind=kind, name=name.strip(), article=article, geometry=dict(shape))

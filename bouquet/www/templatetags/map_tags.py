"""Maps in templates: where a proposal is, and the area a map opens on."""

from typing import Any

from django import template
from django.utils.translation import gettext as _

from bouquet.places import geometry
from bouquet.places.models import District
from bouquet.places.selectors import district_drawing, place_in_words, territory, territory_bounds

register = template.Library()


@register.inclusion_tag("places/_place_map.html", takes_context=True)
def place_map(context: template.Context, item: Any) -> dict[str, Any]:
    """A located item's place: in words, on a drawn map, and on the interactive map (`item` has latitude,
    longitude and district)."""
    latitude, longitude = item.latitude, item.longitude
    land = territory()
    place = place_in_words(latitude=latitude, longitude=longitude, within=land)
    district = place.district or item.district
    where = district.name if district else _("le territoire")
    return {
        "authority": context.get("authority"),
        "place": place,
        "latitude": latitude,
        "longitude": longitude,
        "drawing": district_drawing(district=district, latitude=latitude, longitude=longitude, within=land),
        "map_title": _("Plan : %(where)s") % {"where": where},
        "map_description": _(
            "Plan dessiné à partir des données de la collectivité : contour du quartier, rivière, rues "
            "principales et places ; un repère rouge marque le lieu : %(place)s."
        )
        % {"place": place.text},
    }


@register.simple_tag
def map_area(district: District | None = None) -> str:
    """The box a map opens on, as « south,west,north,east »: the district's boundary, else the territory."""
    box = geometry.bounds_of([district.boundary]) if district is not None and district.boundary else None
    box = box or territory_bounds()
    return "" if box is None else f"{box.south:.6f},{box.west:.6f},{box.north:.6f},{box.east:.6f}"

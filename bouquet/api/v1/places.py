"""Places that remember, and their timelines."""

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from bouquet.api.v1.pagination import BoundedPages
from bouquet.api.v1.params import RowId
from bouquet.core.errors import InvalidInput
from bouquet.places import selectors
from bouquet.places.models import Moderation, Place

router = Router(tags=["places"])

MAX_RADIUS_M = 5000
MAX_TIMELINE = 1000  # the deepest a timeline is read
TIMELINE_PAGE = 100  # items of a timeline in one answer unless ``limit`` says otherwise


class PlaceOut(Schema):
    id: int
    name: str
    kind: str
    latitude: float
    longitude: float
    district_id: int | None
    geometry: dict[str, Any]
    url: str
    distance_m: float | None = None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return str(obj["url"]) if isinstance(obj, dict) else str(obj.get_absolute_url())


class TimelineItemOut(Schema):
    kind: str
    kind_label: str
    title: str
    url: str
    summary: str
    starts_on: dt.date
    ends_on: dt.date
    when_text: str
    image_url: str
    image_alt: str
    by: str


class PlaceDetailOut(PlaceOut):
    description: str
    creator_kind: str
    timeline: list[TimelineItemOut] = Field(
        description="Items of the timeline, newest first, from `offset`, at most `limit` of them."
    )
    timeline_next_offset: int | None = Field(
        None, description="The `offset` that gives the next items of the timeline; null when there are none."
    )


class PlaceFilters(Schema):
    q: str = Field("", max_length=100, description="Words of the place's name.")
    district_id: RowId | None = None
    latitude: float | None = Field(None, ge=-90, le=90, description="With longitude: places near this point.")
    longitude: float | None = Field(None, ge=-180, le=180)
    radius_m: int = Field(500, ge=1, le=MAX_RADIUS_M, description="How far from the point, in metres.")


def _row(place: Place, distance: float | None = None) -> dict[str, Any]:
    return {
        "id": place.pk,
        "name": place.name,
        "kind": place.kind,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "district_id": place.district_id,
        "geometry": place.geometry,
        "url": place.get_absolute_url(),
        "distance_m": None if distance is None else round(distance, 1),
    }


@router.get("/places", response=list[PlaceOut], summary="Places of the territory")
@paginate(BoundedPages, page_size=50)
def list_places(request: HttpRequest, filters: Query[PlaceFilters]) -> object:
    """Published places by name; with a latitude and a longitude, those within `radius_m`, nearest first."""
    if (filters.latitude is None) != (filters.longitude is None):
        message = _("Indiquez la latitude et la longitude, ou aucune des deux.")
        raise InvalidInput(message, field_errors={"latitude": message})
    if filters.latitude is not None and filters.longitude is not None:
        near = selectors.places_near(filters.latitude, filters.longitude, filters.radius_m, limit=1000)
        rows = [_row(n.place, n.distance_m) for n in near]
        if filters.q:
            rows = [r for r in rows if filters.q.lower() in r["name"].lower()]
        if filters.district_id is not None:
            rows = [r for r in rows if r["district_id"] == filters.district_id]
        return rows
    places = selectors.places_for_list(query=filters.q)
    if filters.district_id is not None:
        places = places.filter(district_id=filters.district_id)
    return places


@router.get("/places/{place_id}", response=PlaceDetailOut, summary="One place and its timeline")
def get_place(
    request: HttpRequest,
    place_id: int,
    limit: int = Query(
        TIMELINE_PAGE, ge=1, le=MAX_TIMELINE, description="How many items of the timeline to give."
    ),
    offset: int = Query(
        0, ge=0, le=MAX_TIMELINE - 1, description="How many of the newest items of the timeline to skip."
    ),
) -> dict[str, Any]:
    """A published place with its timeline, newest first: memories, archive items, proposals, decisions, and
    what other parts of the platform add (projects, workshops). The timeline comes by pages of `limit` items
    (100 unless asked otherwise, up to 1,000); `timeline_next_offset` gives the next page's `offset`."""
    place = (
        Place.objects.filter(pk=place_id, moderation=Moderation.PUBLISHED).select_related("district").first()
    )
    if place is None:
        raise Http404
    end = min(offset + limit, MAX_TIMELINE)
    # One item more than asked says whether the timeline goes on.
    timeline = selectors.place_timeline(place=place, limit=end + 1, offset=offset)
    more = len(timeline) > end - offset and end < MAX_TIMELINE
    timeline = timeline[: end - offset]
    site = request.build_absolute_uri("/").rstrip("/")  # once: the items' addresses are site-relative
    return {
        **_row(place),
        "description": place.description,
        "creator_kind": place.creator_kind,
        "timeline": [
            {
                "kind": item.kind,
                "kind_label": item.kind_label,
                "title": item.title,
                "url": f"{site}{item.url}",
                "summary": item.summary,
                "starts_on": item.starts_on,
                "ends_on": item.last_day,
                "when_text": item.when_text,
                "image_url": (item.image_url if "://" in item.image_url else f"{site}{item.image_url}")
                if item.image_url
                else "",
                "image_alt": item.image_alt,
                "by": item.by,
            }
            for item in timeline
        ],
        "timeline_next_offset": end if more else None,
    }

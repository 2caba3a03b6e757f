"""Reads on places: the authority's identity, the territory's shape, where a point is in words, what a small map
shows."""

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Count, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import gettext as _

from bouquet.core.personal import Rows, iso, rows
from bouquet.core.text import fold
from bouquet.places import geometry
from bouquet.places.drawing import Drawing, MapItem, draw_map
from bouquet.places.geocoder import GeocoderUnavailable, search_addresses
from bouquet.places.geometry import Bounds, LonLat
from bouquet.places.models import (
    ArchiveItem,
    Article,
    AuthorityProfile,
    District,
    MapFeature,
    Memory,
    MemoryReport,
    Moderation,
    Place,
    PlaceModerationDecision,
)
from bouquet.places.timeline import TimelineItem, merge, registered_sources

logger = logging.getLogger(__name__)

# A named feature farther than this from a point does not describe where the point is.
NEAR_M = 250
# Where districts have only a centre and no boundary, the territory is taken as the box around the centres
# grown by this much on every side.
CENTRE_MARGIN_M = 2500
_METRES_PER_DEGREE_LAT = 111_195


def authority_profile() -> AuthorityProfile:
    """The authority's identity: the saved row, or one seeded from ``settings.BOUQUET_AUTHORITY`` (not saved)."""
    saved = AuthorityProfile.objects.filter(pk=AuthorityProfile.SINGLETON_KEY).first()
    if saved is not None:
        return saved
    configured = settings.BOUQUET_AUTHORITY
    return AuthorityProfile(
        pk=AuthorityProfile.SINGLETON_KEY,
        name=configured["name"],
        article=configured.get("article") or Article.LA,
        short_name=configured["short_name"],
        primary_color=configured["primary_color"],
    )


def authority_identity() -> dict[str, Any]:
    """What templates know as ``authority``: the settings' keys, with the saved identity over them."""
    profile = authority_profile()
    identity: dict[str, Any] = dict(settings.BOUQUET_AUTHORITY)
    identity.update(
        {
            "name": profile.name,
            "article": profile.article,
            "short_name": profile.short_name,
            "primary_color": profile.primary_color,
        }
    )
    if profile.logo:
        identity["logo_url"] = profile.logo.url
    return identity


def districts_for_back_office() -> QuerySet[District]:
    """Every district with how many processes and proposals name it, by name."""
    return District.objects.annotate(
        process_count=Count("processes", distinct=True), proposal_count=Count("proposals", distinct=True)
    ).order_by("name")


def _boundaries(districts: Sequence[District]) -> list[District]:
    return [d for d in districts if geometry.polygons(d.boundary)]


def territory_bounds() -> Bounds | None:
    """The box around the territory: its districts' boundaries, else their centres with a margin; None if unknown."""
    districts = list(District.objects.only("boundary", "latitude", "longitude"))
    outlined = _boundaries(districts)
    if outlined:
        return geometry.bounds_of(d.boundary for d in outlined)
    centres = [
        {"type": "Point", "coordinates": [d.longitude, d.latitude]}
        for d in districts
        if d.latitude is not None and d.longitude is not None
    ]
    box = geometry.bounds_of(centres)
    if box is None:
        return None
    dlat = CENTRE_MARGIN_M / _METRES_PER_DEGREE_LAT
    dlon = dlat / max(math.cos(math.radians(box.south)), 0.1)
    return Bounds(box.west - dlon, box.south - dlat, box.east + dlon, box.north + dlat)


def district_at(*, latitude: float, longitude: float) -> District | None:
    """The district whose boundary holds the point; None outside every boundary."""
    return next(
        (
            d
            for d in District.objects.filter(boundary__isnull=False)
            if geometry.contains(d.boundary, longitude, latitude)
        ),
        None,
    )


def place_refusal(*, latitude: float, longitude: float) -> str | None:
    """Why a point cannot be used (outside the territory), in French; None when it lies inside.

    The territory is the union of the districts' boundaries; where no district has one, the box around their
    centres. A territory with no district at all accepts every point."""
    districts = list(District.objects.only("boundary", "latitude", "longitude", "name"))
    outlined = _boundaries(districts)
    if outlined:
        if any(geometry.contains(d.boundary, longitude, latitude) for d in outlined):
            return None
    else:
        box = territory_bounds()
        if box is None or box.contains(longitude, latitude):
            return None
    return _(
        "Ce point est en dehors du territoire de la collectivité : placez-le dans l'un de ses quartiers, "
        "ou laissez le lieu vide."
    )


def _near(feature: MapFeature) -> str:
    name = feature.name
    match feature.article:
        case Article.LA:
            return _("près de la %(name)s") % {"name": name}
        case Article.LE:
            return _("près du %(name)s") % {"name": name}
        case Article.ELIDED:
            return _("près de l'%(name)s") % {"name": name}
        case Article.LES:
            return _("près des %(name)s") % {"name": name}
        case _:
            return _("près de %(name)s") % {"name": name}


@dataclass(frozen=True)
class Territory:
    """The districts that have a boundary and the map features, read once for a page (two queries)."""

    districts: list[District]
    features: list[MapFeature]

    def district_at(self, point: LonLat) -> District | None:
        """The district whose boundary holds the point."""
        return next((d for d in self.districts if geometry.contains(d.boundary, *point)), None)


def territory() -> Territory:
    """Read the territory's districts and map features."""
    return Territory(
        districts=list(District.objects.filter(boundary__isnull=False)),
        features=list(MapFeature.objects.all()),
    )


@dataclass(frozen=True)
class PlaceInWords:
    text: str  # « près de la place du Marché, quartier Centre historique »
    district: District | None
    nearest: MapFeature | None


def place_in_words(*, latitude: float, longitude: float, within: Territory | None = None) -> PlaceInWords:
    """Say where a point is with the nearest named street or place and its district, never as coordinates."""
    land = within or territory()
    point: LonLat = (longitude, latitude)
    district = land.district_at(point)
    found = geometry.nearest(point, ((f, f.geometry) for f in land.features if f.name))
    feature = found.item if found is not None and found.distance_m <= NEAR_M else None
    if feature and district:
        text = _("%(near)s, quartier %(district)s") % {"near": _near(feature), "district": district.name}
    elif feature:
        text = _near(feature)
    elif district:
        text = _("quartier %(district)s") % {"district": district.name}
    else:
        text = _("sur le territoire de la collectivité")
    return PlaceInWords(text=text[:1].upper() + text[1:], district=district, nearest=feature)


def district_drawing(
    *,
    district: District | None,
    latitude: float | None = None,
    longitude: float | None = None,
    within: Territory | None = None,
) -> Drawing | None:
    """A small map of a district (else of the whole territory) with the point marked; None with nothing to draw."""
    land = within or territory()
    point = (longitude, latitude) if latitude is not None and longitude is not None else None
    if district is None and point is not None:
        district = land.district_at(point)
    focus = district.pk if district is not None else None
    items = [
        MapItem("focus" if d.pk == focus else "district", d.name, d.boundary or {}) for d in land.districts
    ]
    items += [MapItem(f.kind, f.name, f.geometry) for f in land.features]
    if district is not None and district.boundary:
        area = [district.boundary]
    else:
        area = [i.geometry for i in items if i.kind in {"district", "focus"}]
    return draw_map(items=items, area=area, point=point)


def territory_geojson() -> dict[str, Any]:
    """Districts and map features as one GeoJSON FeatureCollection, for the interactive maps."""
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": d.boundary,
            "properties": {"kind": "district", "name": d.name, "slug": d.slug},
        }
        for d in District.objects.filter(boundary__isnull=False)
    ]
    features += [
        {"type": "Feature", "geometry": f.geometry, "properties": {"kind": f.kind, "name": f.name}}
        for f in MapFeature.objects.all()
    ]
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class FoundPlace:
    label: str
    latitude: float
    longitude: float
    context: str  # the district, or the geocoder's own context


def search_places(*, query: str, limit: int = 5) -> list[FoundPlace]:
    """Districts, streets and places whose name holds every word of the query (accents and case ignored)."""
    words = fold(query).split()
    if not words:
        return []
    found: list[FoundPlace] = []
    for feature in MapFeature.objects.exclude(name=""):
        if all(w in fold(feature.name) for w in words):
            centre = _centre(feature.geometry)
            if centre is not None:
                district = district_at(latitude=centre[1], longitude=centre[0])
                found.append(
                    FoundPlace(feature.name, centre[1], centre[0], district.name if district else "")
                )
    for district in District.objects.all():
        if all(w in fold(district.name) for w in words):
            centre = _centre(district.boundary) or (
                (district.longitude, district.latitude)
                if district.latitude is not None and district.longitude is not None
                else None
            )
            if centre is not None:
                found.append(FoundPlace(district.name, centre[1], centre[0], _("quartier")))
    return found[:limit]


def _centre(shape: geometry.Geometry | None) -> LonLat | None:
    """A point that stands for a shape: the point itself, the middle vertex of a line, a polygon's box centre."""
    if not shape:
        return None
    if shape.get("type") in {"LineString", "MultiLineString"}:
        line = max(geometry.lines(shape), key=len, default=[])
        return line[len(line) // 2] if line else None
    box = geometry.bounds_of([shape])
    if box is None:
        return None
    if shape.get("type") in {"Polygon", "MultiPolygon"} and not geometry.contains(shape, *box.center()):
        return geometry.points(shape)[0]
    return box.center()


def find_places(*, query: str, limit: int = 5) -> list[FoundPlace]:
    """Addresses from the authority's geocoder when one is configured (only those on the territory), else the
    districts, streets and places of its own maps; the same local search when the geocoder does not answer."""
    query = query.strip()[:200]
    if not query:
        return []
    url = getattr(settings, "BOUQUET_GEOCODER_URL", "")
    if url:
        try:
            addresses = search_addresses(base_url=url, query=query, limit=limit)
        except GeocoderUnavailable:
            logger.warning("Géocodeur injoignable, recherche dans les lieux de la carte.", exc_info=True)
        else:
            box = territory_bounds()
            return [
                FoundPlace(a.label, a.latitude, a.longitude, a.context)
                for a in addresses
                if box is None or box.contains(a.longitude, a.latitude)
            ]
    return search_places(query=query, limit=limit)


# ---------------------------------------------------------------------------------------------------------------
# The memory of places.

# One degree of latitude in metres; a degree of longitude is this times cos(latitude).
METRES_PER_DEGREE_LAT = _METRES_PER_DEGREE_LAT
# The widest place (in degrees of latitude or longitude) the SQLite fallback looks for: a place's box must start
# at most this far before the searched box. Services refuse larger places.
MAX_PLACE_SPAN_DEG = 0.1
_BOX_SQL = "box(point(min_lon, min_lat), point(max_lon, max_lat)) && box(point(%s, %s), point(%s, %s))"


# What a list of nearby places shows (the description and the rest are read on the place's page).
NEAR_FIELDS = ("id", "name", "kind", "geometry", "latitude", "longitude", "district_id", "moderation")


@dataclass(frozen=True)
class NearPlace:
    place: Place
    distance_m: float


def _search_box(latitude: float, longitude: float, radius_m: float) -> Bounds:
    d_lat = radius_m / METRES_PER_DEGREE_LAT
    d_lon = radius_m / (METRES_PER_DEGREE_LAT * max(math.cos(math.radians(latitude)), 0.01))
    return Bounds(longitude - d_lon, latitude - d_lat, longitude + d_lon, latitude + d_lat)


def _boxes_overlapping(box: Bounds) -> QuerySet[Place]:
    """Published places whose box overlaps ``box``: a GiST search on PostgreSQL, an index range on SQLite."""
    places = Place.objects.published()
    if connection.vendor == "postgresql":
        overlap = RawSQL(_BOX_SQL, (box.west, box.south, box.east, box.north), output_field=BooleanField())  # nosec B611  # constant SQL, values as parameters
        return places.filter(overlap)
    return places.filter(
        min_lat__gte=box.south - MAX_PLACE_SPAN_DEG,
        min_lat__lte=box.north,
        max_lat__gte=box.south,
        min_lon__lte=box.east,
        max_lon__gte=box.west,
    )


def places_near(latitude: float, longitude: float, radius_m: float, *, limit: int = 50) -> list[NearPlace]:
    """The published places within ``radius_m`` metres of a point (0 inside an area), nearest first: the box
    around the circle picks candidates through an index, then the exact distance to each shape decides."""
    box = _search_box(latitude, longitude, radius_m)
    candidates = _boxes_overlapping(box).order_by().only(*NEAR_FIELDS)
    point = (longitude, latitude)
    found = [
        NearPlace(place, distance)
        for place in candidates
        if (distance := geometry.distance_to_geometry_m(point, place.geometry)) <= radius_m
    ]
    found.sort(key=lambda near: (near.distance_m, near.place.name))
    return found[:limit]


def places_for_list(*, query: str = "", district: District | None = None) -> QuerySet[Place]:
    """Published places by name (the ``place_listed`` index), filtered by words of their name or a district."""
    places = Place.objects.published().select_related("district").defer("description")
    if query:
        places = places.filter(name__icontains=query.strip())
    if district is not None:
        places = places.filter(district=district)
    return places.order_by("name", "id")


def memory_counts(*, place_ids: Sequence[int]) -> dict[int, int]:
    """How many published memories each of these places holds (one query, for one page of places)."""
    rows = (
        Memory.objects.filter(place_id__in=place_ids, moderation=Moderation.PUBLISHED)
        .values("place_id")
        .annotate(n=Count("id"))
        .values_list("place_id", "n")
    )
    return dict(rows)


def place_for_page(*, pk: int) -> Place:
    """A place with its district (any moderation state: the caller checks who may read it)."""
    return Place.objects.select_related("district", "created_by").get(pk=pk)


def _memory_rows(place: Place, *, limit: int) -> list[tuple[Any, ...]]:
    """The place's published memories as plain rows, latest period first."""
    return list(
        place.memories.filter(moderation=Moderation.PUBLISHED)
        .order_by("-starts_on", "-id")
        .values_list(
            "id", "title", "story", "when_text", "starts_on", "ends_on", "photo", "photo_alt", "author_id"
        )[:limit]
    )


def _memory_items_of(place: Place, rows: list[tuple[Any, ...]]) -> list[TimelineItem]:
    """Timeline items of these memory rows (one more query: their authors' public names)."""
    if not rows:
        return []
    User = Memory._meta.get_field("author").related_model
    authors = {
        a.pk: str(a)  # the public name, never the e-mail address
        for a in User._default_manager.filter(pk__in={r[8] for r in rows}).only(
            "id", "display_name", "erased_at"
        )
    }
    page = reverse("places:detail", kwargs={"pk": place.pk})
    label = _("Souvenir")
    storage = Memory._meta.get_field("photo").storage
    return [
        TimelineItem(
            starts_on=starts_on,
            ends_on=ends_on,
            when_text=when_text,
            kind="memory",
            kind_label=label,
            title=title,
            url=f"{page}#souvenir-{pk}",
            summary=story,
            image_url=storage.url(photo) if photo else "",
            image_alt=photo_alt,
            by=authors.get(author_id, ""),
            extra={"id": str(pk)},
        )
        for pk, title, story, when_text, starts_on, ends_on, photo, photo_alt, author_id in rows
    ]


def _memory_items(place: Place, *, limit: int) -> list[TimelineItem]:
    """The place's published memories as timeline items, latest period first (two queries whatever ``limit``:
    plain rows, then their authors' public names)."""
    return _memory_items_of(place, _memory_rows(place, limit=limit))


def _archive_item(item: ArchiveItem) -> TimelineItem:
    return TimelineItem(
        starts_on=item.starts_on,
        ends_on=item.ends_on,
        when_text=item.when_text,
        kind="archive",
        kind_label=str(item.get_kind_display()).capitalize(),
        title=item.title,
        url=item.get_absolute_url(),
        summary=item.description,
        image_url=item.image.url if item.image else "",
        image_alt=item.image_alt,
        by=_("la collectivité"),
        extra={"id": str(item.pk), "source": item.source, "licence": item.licence, "link": item.link},
    )


def place_memories(*, place: Place, limit: int) -> list[Memory]:
    """The place's published memories, latest period first, at most ``limit`` (one query)."""
    return list(
        place.memories.filter(moderation=Moderation.PUBLISHED)
        .select_related("author")
        .order_by("-starts_on", "-id")[:limit]
    )


def place_timeline(*, place: Place, limit: int = 1000, offset: int = 0) -> list[TimelineItem]:
    """Everything the place remembers, newest first: its memories and archive items, and the items every app
    registered through ``bouquet.places.timeline.register_source`` (proposals, decisions, projects…); the
    items from ``offset`` to ``limit`` of that order.

    Memories are most of a long timeline: their order is decided on their dates and titles alone (one light
    query), and only the memories of the slice asked for are read whole, so a later page costs little more than
    the first one."""
    keys = list(
        place.memories.filter(moderation=Moderation.PUBLISHED)
        .order_by("-starts_on", "-id")
        .values_list("id", "starts_on", "ends_on", "title")[:limit]
    )
    others = [_archive_item(a) for a in place.archive_items.order_by("-starts_on", "-id")[:limit]]
    groups: list[list[TimelineItem]] = [others]
    groups.extend(source(place, limit=limit) for source in registered_sources())
    # Each entry: its sort key, then the memory's id or the item itself; memories first as ``merge`` has them.
    entries: list[tuple[tuple[Any, ...], int | TimelineItem]] = [
        ((starts_on, ends_on or starts_on, title), pk) for pk, starts_on, ends_on, title in keys
    ]
    entries.extend(((i.starts_on, i.last_day, i.title), i) for group in groups for i in group)
    entries.sort(key=lambda entry: entry[0], reverse=True)
    window = entries[offset:limit]
    wanted = [e[1] for e in window if isinstance(e[1], int)]
    memories: dict[str, TimelineItem] = {}
    if wanted:
        rows = [
            r
            for r in place.memories.filter(pk__in=wanted)
            .order_by()
            .values_list(
                "id", "title", "story", "when_text", "starts_on", "ends_on", "photo", "photo_alt", "author_id"
            )
        ]
        memories = {item.extra["id"]: item for item in _memory_items_of(place, rows)}
    return [memories[str(e[1])] if isinstance(e[1], int) else e[1] for e in window]


def place_remembers(*, place: Place, count: int = 3) -> list[TimelineItem]:
    """A short excerpt of what the place remembers (its oldest memories and archive items first), to show to
    someone about to propose or open a process there."""
    memories = _memory_items(place, limit=count)
    archives = [_archive_item(a) for a in place.archive_items.order_by("starts_on", "id")[:count]]
    every = sorted(memories + archives, key=lambda item: (item.starts_on, item.title))
    return every[:count]


@dataclass(frozen=True)
class PlaceExcerpt:
    """What a place remembers, in short, for someone about to act there: its latest memories and archive items,
    and the latest items the other apps put on its timeline (proposals, decisions, processes, projects…)."""

    place: Place
    memories: list[TimelineItem]
    recent: list[TimelineItem]


def place_excerpt(*, place: Place, count: int = 3, leave_out: str = "") -> PlaceExcerpt:
    """The latest ``count`` memories or archive items of the place and the latest ``count`` items of the
    registered timeline sources, newest first; ``leave_out`` is the address of the page that shows the excerpt
    (a process is on its own place's timeline). A fixed number of queries: two, and one or so per source."""
    memories = merge(
        [
            _memory_items(place, limit=count),
            [_archive_item(a) for a in place.archive_items.order_by("-starts_on", "-id")[:count]],
        ],
        limit=count,
    )
    others = merge([source(place, limit=count + 1) for source in registered_sources()], limit=count + 1)
    recent = [item for item in others if not leave_out or item.url != leave_out][:count]
    return PlaceExcerpt(place=place, memories=memories, recent=recent)


def places_drawing(*, places: Sequence[Place], district: District | None = None) -> Drawing | None:
    """A small map of the territory (or a district) with the places on it: points as landmarks, areas as parks
    or squares; None with nothing to draw."""
    land = territory()
    items = [MapItem("district", d.name, d.boundary or {}) for d in land.districts]
    items += [MapItem(f.kind, f.name, f.geometry) for f in land.features if f.kind != "landmark"]
    for place in places:
        kind = "landmark" if not place.is_area else ("park" if place.kind == "park" else "square")
        items.append(MapItem(kind, place.name, place.geometry))
    if district is not None and district.boundary:
        area = [district.boundary]
    else:
        area = [d.boundary for d in land.districts if d.boundary] or [p.geometry for p in places]
    return draw_map(items=items, area=area, width=560, height=380) if area else None


def places_to_moderate(*, everywhere: bool, district_ids: frozenset[int]) -> dict[str, QuerySet[Any]]:
    """What moderators have to examine among places (within the districts they moderate, or everywhere):
    inhabitants' places awaiting publication, and memories reported or hidden awaiting a decision."""
    open_reports = (
        MemoryReport.objects.filter(resolved=False).select_related("reporter").order_by("created_at")
    )
    places = Place.objects.filter(moderation=Moderation.PENDING)
    memories = Memory.objects.filter(Q(moderation=Moderation.PENDING) | Q(reports__resolved=False))
    if not everywhere:
        places = places.filter(district_id__in=district_ids)
        memories = memories.filter(place__district_id__in=district_ids)
    return {
        "places": places.select_related("created_by", "district").order_by("-created_at", "-id"),
        "memories": memories.distinct()
        .select_related("author", "place")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("-updated_at", "-id"),
    }


def recent_place_decisions(*, everywhere: bool, district_ids: frozenset[int], limit: int = 20) -> list[Any]:
    """The latest moderation decisions on places and memories within what the person moderates."""
    decisions = PlaceModerationDecision.objects.select_related("moderator", "place", "memory__place")
    if not everywhere:
        decisions = decisions.filter(
            Q(place__district_id__in=district_ids) | Q(memory__place__district_id__in=district_ids)
        )
    return list(decisions.order_by("-created_at", "-id")[:limit])


def personal_data(*, person: Any) -> dict[str, Rows]:
    """What the places app holds about a person (their export, docs/decisions/0013): the places they added, their
    memories (with the address of each photo), the archive items they added, their reports."""
    return {
        "lieux_ajoutes": rows(
            Place.objects.filter(created_by=person).order_by("id"),
            ["id", "name", "description", "created_at"],
        ),
        "souvenirs": [
            {
                "lieu": memory.place.name,
                "titre": memory.title,
                "recit": memory.story,
                "quand": memory.when_text,
                "photo": memory.photo.url if memory.photo else "",
                "description_de_la_photo": memory.photo_alt,
                "moderation": memory.moderation,
                "le": iso(memory.created_at),
            }
            for memory in Memory.objects.filter(author=person).select_related("place").order_by("id")
        ],
        "archives_ajoutees": [
            {
                "lieu": item.place.name,
                "titre": item.title,
                "description": item.description,
                "image": item.image.url if item.image else "",
                "source": item.source,
                "le": iso(item.created_at),
            }
            for item in ArchiveItem.objects.filter(added_by=person).select_related("place").order_by("id")
        ],
        "souvenirs_signales": rows(
            MemoryReport.objects.filter(reporter=person).order_by("id"),
            ["memory__title", "reason", "created_at"],
        ),
    }

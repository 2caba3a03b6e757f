"""Writes on places: districts and the authority's identity.

``places`` sits below ``accounts``, so it knows nothing of roles: the back-office's pages let only agents and
administrators call these services (``backoffice.access``)."""

import datetime
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bouquet.core.colours import HEX_COLOUR, MIN_TEXT_CONTRAST, WHITE, contrast_ratio
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.files import swap_file
from bouquet.core.images import clean_image
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.core.usage import describe_uses, what_uses
from bouquet.places import geometry
from bouquet.places.models import (
    ALT_MAX,
    MEMORY_STORY_MAX,
    MEMORY_TITLE_MAX,
    PLACE_DESCRIPTION_MAX,
    PLACE_NAME_MAX,
    REASON_MAX,
    ArchiveItem,
    ArchiveKind,
    Article,
    AuthorityProfile,
    CreatorKind,
    District,
    FeatureKind,
    MapFeature,
    Memory,
    MemoryReport,
    Moderation,
    OpenDataLicence,
    Place,
    PlaceKind,
    PlaceModerationDecision,
)
from bouquet.places.periods import Period, PeriodError, parse_period
from bouquet.places.selectors import MAX_PLACE_SPAN_DEG, authority_profile, district_at, place_refusal

NAME_TAKEN = gettext_noop("Un quartier porte déjà ce nom.")


def _unique_slug(name: str, *, exclude: int | None = None) -> str:
    base = slugify(name)[:110] or "quartier"
    others = District.objects.filter(slug__startswith=base)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    taken = set(others.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _check_name(name: str, *, exclude: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(_("Le nom est obligatoire."), field_errors={"name": _("Le nom est obligatoire.")})
    others = District.objects.filter(name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if others.exists():
        raise Conflict(_(NAME_TAKEN), field_errors={"name": _(NAME_TAKEN)})
    return name


@transaction.atomic
def create_district(
    *,
    name: str,
    description: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    boundary: Mapping[str, Any] | None = None,
) -> District:
    """Add a district to the territory; two districts never share a name (whatever the capitals)."""
    name = _check_name(name)
    try:
        with transaction.atomic():
            return District.objects.create(
                name=name,
                slug=_unique_slug(name),
                description=description.strip(),
                latitude=latitude,
                longitude=longitude,
                boundary=_checked_area(boundary) if boundary is not None else None,
            )
    except IntegrityError as error:  # another agent added the same name at the same moment
        raise Conflict(_(NAME_TAKEN), field_errors={"name": _(NAME_TAKEN)}) from error


@transaction.atomic
def update_district(*, district: District, name: str, description: str) -> District:
    """Rename a district or change its presentation (its address and boundary stay)."""
    district.name = _check_name(name, exclude=district.pk)
    district.description = description.strip()
    try:
        with transaction.atomic():
            district.save(update_fields=["name", "description", "updated_at"])
    except IntegrityError as error:
        raise Conflict(_(NAME_TAKEN), field_errors={"name": _(NAME_TAKEN)}) from error
    return district


@transaction.atomic
def delete_district(*, district: District) -> None:
    """Delete a district nothing refers to (no process, proposal, resident, project...)."""
    uses = what_uses(District.objects.select_for_update().get(pk=district.pk))
    if uses:
        raise Conflict(
            _("Ce quartier ne peut pas être supprimé, il est utilisé (%(uses)s). Renommez-le plutôt.")
            % {"uses": describe_uses(uses)}
        )
    district.delete()


@transaction.atomic
def update_authority_profile(
    *,
    name: str,
    article: str,
    short_name: str,
    primary_color: str,
    logo: File[bytes] | None = None,
    remove_logo: bool = False,
) -> AuthorityProfile:
    """Save the authority's identity (the first save replaces what the settings said)."""
    errors: dict[str, str] = {}
    name, short_name, colour = " ".join(name.split()), " ".join(short_name.split()), primary_color.strip()
    if not name:
        errors["name"] = _("Le nom est obligatoire.")
    if not short_name:
        errors["short_name"] = _("Le nom court est obligatoire.")
    if article not in Article.values:
        errors["article"] = _("Choisissez l'article parmi ceux proposés.")
    if not HEX_COLOUR.match(colour):
        errors["primary_color"] = _("Écrivez la couleur sous la forme #1f5f8b.")
    else:
        ratio = contrast_ratio(colour, WHITE)
        if ratio < MIN_TEXT_CONTRAST:
            errors["primary_color"] = _(
                "Le texte blanc sur cette couleur n'est pas assez lisible (contraste de %(ratio)s pour 1, "
                "il faut au moins %(minimum)s pour 1) : choisissez une couleur plus foncée."
            ) % {"ratio": number_format(ratio, 2), "minimum": number_format(MIN_TEXT_CONTRAST, 1)}
    if errors:
        raise InvalidInput(_("L'identité de la collectivité n'est pas complète."), field_errors=errors)
    picture = clean_image(logo, field="logo", max_bytes=1024 * 1024) if logo is not None else None
    profile = authority_profile()
    profile.name, profile.article, profile.short_name = name, article, short_name
    profile.primary_color = colour.lower()
    swap_file(profile, "logo", picture, remove=remove_logo, default_name="logo")
    profile.save()
    return profile


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


# -- Populations of the districts and the licence of open data (issue 12 and 14, helper « opendata ») --------

POPULATION_MAX = 10_000_000
DISTRICT_HEADERS = ("quartier", "district", "nom", "nom du quartier", "identifiant")
POPULATION_HEADERS = ("population", "habitants", "nombre d'habitants", "population municipale")


class PopulationFileRefused(InvalidInput):
    """A file of populations with bad rows: each row's reason, in French; nothing was saved."""

    def __init__(self, message: str, *, row_errors: list[str]):
        super().__init__(message, field_errors={"file": message})
        self.row_errors = row_errors


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [" ".join(cell.strip().lower().replace("’", "'").split()) for cell in header]
    for index, cell in enumerate(folded):
        if cell in names:
            return index
    return None


@transaction.atomic
def import_district_populations(*, data: bytes) -> int:
    """Set each district's number of inhabitants from a table (CSV or XLSX) with a « quartier » column (its name
    or identifier) and a « population » column. Every row is checked first: one bad row and nothing is saved,
    each bad row listed with its reason. Returns how many districts were updated."""
    try:
        rows = read_table(data, max_rows=5000)
    except UnreadableTable as error:
        raise PopulationFileRefused(str(error), row_errors=[]) from error
    if not rows:
        raise PopulationFileRefused(_("Le fichier est vide."), row_errors=[])
    district_col, population_col = _column(rows[0], DISTRICT_HEADERS), _column(rows[0], POPULATION_HEADERS)
    if district_col is None or population_col is None:
        raise PopulationFileRefused(
            _("La première ligne doit nommer les colonnes « quartier » et « population »."), row_errors=[]
        )
    districts = {d.name.casefold(): d for d in District.objects.all()}
    districts.update({d.slug: d for d in districts.values()})
    found: dict[int, tuple[District, int]] = {}
    errors: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        cells = row + [""] * (max(district_col, population_col) + 1 - len(row))
        name, raw = cells[district_col].strip(), cells[population_col].strip()
        if not name and not raw:
            continue
        district = districts.get(" ".join(name.split()).casefold())
        digits = raw.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
        if district is None:
            errors.append(
                _("Ligne %(line)s : aucun quartier ne s'appelle « %(name)s ».") % {"line": line, "name": name}
            )
        elif not digits.isdigit():
            errors.append(
                _("Ligne %(line)s : « %(value)s » n'est pas un nombre entier d'habitants.")
                % {"line": line, "value": raw}
            )
        elif int(digits) > POPULATION_MAX:
            errors.append(
                _("Ligne %(line)s : %(value)s habitants, c'est plus qu'un quartier n'en compte.")
                % {"line": line, "value": digits}
            )
        elif district.pk in found:
            errors.append(
                _("Ligne %(line)s : le quartier « %(name)s » figure déjà plus haut.")
                % {"line": line, "name": district.name}
            )
        else:
            found[district.pk] = (district, int(digits))
    if errors:
        raise PopulationFileRefused(
            _(
                "Le fichier n'est pas enregistré : corrigez les lignes ci-dessous, puis envoyez-le de nouveau."
            ),
            row_errors=errors,
        )
    if not found:
        raise PopulationFileRefused(_("Le fichier ne contient aucune ligne de population."), row_errors=[])
    for district, population in found.values():
        district.population = population
    District.objects.bulk_update([district for district, _population in found.values()], ["population"])
    return len(found)


def set_open_data_licence(*, licence: str) -> AuthorityProfile:
    """Choose the licence the authority's open data is published under."""
    if licence not in OpenDataLicence.values:
        raise InvalidInput(
            _("Choisissez une licence parmi celles proposées."),
            field_errors={"licence": _("Licence inconnue.")},
        )
    profile = authority_profile()
    profile.open_data_licence = licence
    profile.save()
    return profile


# ---------------------------------------------------------------------------------------------------------------
# The memory of places. Who may call what is the adapters' part (places knows nothing of roles): anyone signed in
# creates a place or adds a memory, agents add archive items and create places that need no moderation
# (``trusted``), moderators decide (``www.places.access``).

GEOMETRY_FIELD = "geometry"
WHEN_MESSAGES: Final[dict[str, str]] = {
    "empty": gettext_noop(
        "Indiquez une date ou une période, par exemple « 1982 », « vers 1975 » ou « années 90 »."
    ),
    "unknown": gettext_noop(
        "Cette date n'a pas pu être lue. Écrivez par exemple « 14 juillet 1989 », « printemps 2003 », "
        "« vers 1975 » ou « années 90 »."
    ),
    "future": gettext_noop("Un souvenir ne peut pas être daté dans le futur."),
}


@dataclass(frozen=True)
class PlaceInput:
    """What a person typed for a place: a point (latitude, longitude) or a GeoJSON shape."""

    name: str
    kind: str = PlaceKind.OTHER
    description: str = ""
    point: tuple[float, float] | None = None
    shape: Mapping[str, Any] | None = None
    district: District | None = None


def _checked_place_shape(data: PlaceInput, errors: dict[str, str]) -> dict[str, Any] | None:
    shape: dict[str, Any] | None
    if data.shape is not None:
        shape = dict(data.shape)
    elif data.point is not None:
        shape = {"type": "Point", "coordinates": [data.point[1], data.point[0]]}
    else:
        errors[GEOMETRY_FIELD] = _("Placez le lieu sur la carte : indiquez sa latitude et sa longitude.")
        return None
    kind = shape.get("type")
    try:
        every = geometry.points(shape) if kind in {"Point", "LineString", "Polygon", "MultiPolygon"} else []
    except (TypeError, ValueError, IndexError, KeyError):
        every = []
    if not every or not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in every):
        errors[GEOMETRY_FIELD] = _(
            "La forme doit être un point, une ligne ou un polygone GeoJSON (longitude, latitude)."
        )
        return None
    box = geometry.bounds_of([shape])
    assert box is not None  # nosec B101  # narrows the type for mypy; the line above made it so
    if max(box.east - box.west, box.north - box.south) > MAX_PLACE_SPAN_DEG:
        errors[GEOMETRY_FIELD] = _(
            "Ce lieu est trop étendu : un lieu tient dans un quartier, pas dans toute une région."
        )
        return None
    return shape


@transaction.atomic
def create_place(
    *, author: Any, data: PlaceInput, trusted: bool, submission_key: uuid.UUID | None = None
) -> Place:
    """Name a place of the territory. An agent's place (``trusted``) is published at once; an inhabitant's waits
    for a moderator. The same form posted twice makes one place."""
    if submission_key is not None:
        earlier = Place.objects.filter(created_by=author, submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    errors: dict[str, str] = {}
    name = " ".join((data.name or "").split())
    if len(name) < 2:
        errors["name"] = _("Donnez un nom au lieu.")
    elif len(name) > PLACE_NAME_MAX:
        errors["name"] = _("Le nom tient en %(n)d caractères au plus.") % {"n": PLACE_NAME_MAX}
    description = (data.description or "").strip()
    if len(description) > PLACE_DESCRIPTION_MAX:
        errors["description"] = _("La présentation tient en %(n)d caractères au plus.") % {
            "n": PLACE_DESCRIPTION_MAX
        }
    if data.kind not in PlaceKind.values:
        errors["kind"] = _("Choisissez un type de lieu dans la liste.")
    shape = _checked_place_shape(data, errors)
    centre: tuple[float, float] | None = None
    if shape is not None:
        lon, lat = _shape_centre(shape)
        centre = (lat, lon)
        refusal = place_refusal(latitude=lat, longitude=lon)
        if refusal:
            errors[GEOMETRY_FIELD] = refusal
    if errors or shape is None or centre is None:
        raise InvalidInput(
            _("Le lieu n'a pas été enregistré : corrigez les champs signalés."), field_errors=errors
        )
    box = geometry.bounds_of([shape])
    assert box is not None  # nosec B101  # narrows the type for mypy; the line above made it so
    district = data.district or district_at(latitude=centre[0], longitude=centre[1])
    return Place.objects.create(
        name=name,
        kind=data.kind,
        description=description,
        geometry=shape,
        min_lat=box.south,
        max_lat=box.north,
        min_lon=box.west,
        max_lon=box.east,
        latitude=centre[0],
        longitude=centre[1],
        district=district,
        created_by=author,
        creator_kind=CreatorKind.AGENT if trusted else CreatorKind.INHABITANT,
        moderation=Moderation.PUBLISHED if trusted else Moderation.PENDING,
        submission_key=submission_key,
    )


def _shape_centre(shape: Mapping[str, Any]) -> tuple[float, float]:
    """(lon, lat) of the point that stands for the shape: the point, a line's middle vertex, an area's middle."""
    if shape.get("type") == "LineString":
        line = geometry.lines(shape)[0]
        return line[len(line) // 2]
    box = geometry.bounds_of([shape])
    assert box is not None  # nosec B101  # narrows the type for mypy; the line above made it so
    middle = box.center()
    if shape.get("type") in {"Polygon", "MultiPolygon"} and not geometry.contains(shape, *middle):
        return geometry.points(shape)[0]
    return middle


def read_when(text: str, *, field: str = "when_text", today: datetime.date | None = None) -> Period:
    """A date or period as written, read (« vers 1975 »), or ``InvalidInput`` on ``field`` in French."""
    try:
        return parse_period(text, today=today or timezone.localdate())
    except PeriodError as error:
        message = _(WHEN_MESSAGES[error.code])
        raise InvalidInput(message, field_errors={field: message}) from error


def _checked_text(value: str, *, field: str, maximum: int, required: bool, errors: dict[str, str]) -> str:
    text = (value or "").strip()
    if required and not text:
        errors[field] = _("Ce champ est obligatoire.")
    elif len(text) > maximum:
        errors[field] = _("Ce texte tient en %(n)d caractères au plus (il en compte %(c)d).") % {
            "n": maximum,
            "c": len(text),
        }
    return text


def _checked_picture(
    picture: File[bytes] | None, alt: str, *, field: str, alt_field: str, errors: dict[str, str]
) -> ContentFile[bytes] | None:
    """The picture re-encoded without its metadata, which must come with a description for those who do not
    see it."""
    if picture is None:
        return None
    if not alt:
        errors[alt_field] = _("Décrivez la photo en quelques mots pour les personnes qui ne la voient pas.")
    try:
        return clean_image(picture, field=field)
    except InvalidInput as error:
        errors.update({k: str(v) for k, v in error.field_errors.items()})
        return None


@transaction.atomic
def add_memory(
    *,
    author: Any,
    place: Place,
    title: str,
    story: str,
    when: str,
    photo: File[bytes] | None = None,
    photo_alt: str = "",
    submission_key: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> Memory:
    """Add what someone remembers of a published place; it is published at once and moderated like a comment
    (enough reports hide it until a moderator decides)."""
    if place.moderation != Moderation.PUBLISHED:
        raise ActionNotAllowed(
            _("Ce lieu n'est pas encore publié : on ne peut pas encore y ajouter de souvenir.")
        )
    if submission_key is not None:
        earlier = Memory.objects.filter(author=author, submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    errors: dict[str, str] = {}
    title = _checked_text(title, field="title", maximum=MEMORY_TITLE_MAX, required=True, errors=errors)
    story = _checked_text(story, field="story", maximum=MEMORY_STORY_MAX, required=True, errors=errors)
    alt = _checked_text(photo_alt, field="photo_alt", maximum=ALT_MAX, required=False, errors=errors)
    period: Period | None = None
    try:
        period = read_when(when, today=today)
    except InvalidInput as error:
        errors.update({k: str(v) for k, v in error.field_errors.items()})
    clean = _checked_picture(photo, alt, field="photo", alt_field="photo_alt", errors=errors)
    if errors or period is None:
        raise InvalidInput(
            _("Le souvenir n'a pas été enregistré : corrigez les champs signalés."), field_errors=errors
        )
    memory = Memory(
        place=place,
        author=author,
        title=title,
        story=story,
        when_text=period.text,
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        photo_alt=alt if clean is not None else "",
        submission_key=submission_key,
    )
    if clean is not None:
        memory.photo.save(clean.name or "photo", clean, save=False)
    memory.save()
    return memory


@transaction.atomic
def add_archive_item(
    *,
    agent: Any,
    place: Place,
    kind: str,
    title: str,
    when: str,
    source: str,
    licence: str,
    description: str = "",
    image: File[bytes] | None = None,
    image_alt: str = "",
    link: str = "",
    today: datetime.date | None = None,
) -> ArchiveItem:
    """Add a piece of the authority's archives to a place (an agent's act), with its source and licence."""
    errors: dict[str, str] = {}
    if kind not in ArchiveKind.values:
        errors["kind"] = _("Choisissez un type de document dans la liste.")
    title = _checked_text(title, field="title", maximum=MEMORY_TITLE_MAX, required=True, errors=errors)
    description = _checked_text(
        description, field="description", maximum=MEMORY_STORY_MAX, required=False, errors=errors
    )
    source = _checked_text(source, field="source", maximum=200, required=True, errors=errors)
    licence = _checked_text(licence, field="licence", maximum=120, required=True, errors=errors)
    alt = _checked_text(image_alt, field="image_alt", maximum=ALT_MAX, required=False, errors=errors)
    link = (link or "").strip()
    if link and not link.startswith(("https://", "http://")):
        errors["link"] = _("Le lien doit commencer par https:// ou http://.")
    period: Period | None = None
    try:
        period = read_when(when, today=today)
    except InvalidInput as error:
        errors.update({k: str(v) for k, v in error.field_errors.items()})
    clean = _checked_picture(image, alt, field="image", alt_field="image_alt", errors=errors)
    if errors or period is None:
        raise InvalidInput(
            _("Le document n'a pas été enregistré : corrigez les champs signalés."), field_errors=errors
        )
    item = ArchiveItem(
        place=place,
        added_by=agent,
        kind=kind,
        title=title,
        description=description,
        when_text=period.text,
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        image_alt=alt if clean is not None else "",
        link=link,
        source=source,
        licence=licence,
    )
    if clean is not None:
        item.image.save(clean.name or "image", clean, save=False)
    item.save()
    return item


@transaction.atomic
def report_memory(*, reporter: Any, memory: Memory, reason: str) -> MemoryReport:
    """Report a memory as breaking the charter (once per person while open); enough distinct reporters hide it
    until a moderator decides."""
    if memory.author_id == reporter.pk:
        raise ActionNotAllowed(_("Vous ne pouvez pas signaler votre propre souvenir."))
    text = " ".join((reason or "").split())
    if not text:
        message = _("Dites en quelques mots ce qui ne va pas.")
        raise InvalidInput(message, field_errors={"reason": message})
    if len(text) > REASON_MAX:
        message = _("Le motif tient en %(n)d caractères au plus.") % {"n": REASON_MAX}
        raise InvalidInput(message, field_errors={"reason": message})
    locked = Memory.objects.select_for_update().get(pk=memory.pk)  # serialise reports on one memory
    report, _created = MemoryReport.objects.get_or_create(
        reporter=reporter, memory=locked, resolved=False, defaults={"reason": text}
    )
    reporters = (
        MemoryReport.objects.filter(memory=locked, resolved=False).values("reporter").distinct().count()
    )
    if locked.moderation == Moderation.PUBLISHED and reporters >= settings.BOUQUET_REPORTS_TO_HIDE:
        Memory.objects.filter(pk=locked.pk).update(moderation=Moderation.PENDING)
    return report


@transaction.atomic
def moderate_place_item(
    *, moderator: Any, hide: bool, reason: str, place: Place | None = None, memory: Memory | None = None
) -> PlaceModerationDecision:
    """Publish, hide or restore a place or a memory with a reason its author reads; its open reports close."""
    if (place is None) == (memory is None):
        raise ValueError("moderate one place or one memory")
    text = " ".join((reason or "").split())
    if not text:
        message = _("Donnez le motif de la décision : son auteur le lira.")
        raise InvalidInput(message, field_errors={"reason": message})
    model: type[Place] | type[Memory] = Place if place is not None else Memory
    item = place if place is not None else memory
    assert item is not None  # nosec B101  # narrows the type for mypy; the line above made it so
    locked = model.objects.select_for_update().get(pk=item.pk)  # two moderators never decide at once
    state = Moderation.HIDDEN if hide else Moderation.PUBLISHED
    if locked.moderation == state and not (
        memory is not None and memory.reports.filter(resolved=False).exists()
    ):
        raise Conflict(_("Ce contenu est déjà dans cet état."))
    model.objects.filter(pk=item.pk).update(moderation=state)
    item.moderation = state
    if memory is not None:
        MemoryReport.objects.filter(memory=memory, resolved=False).update(resolved=True)
    return PlaceModerationDecision.objects.create(
        moderator=moderator,
        place=place,
        memory=memory,
        verdict=PlaceModerationDecision.Verdict.HIDE if hide else PlaceModerationDecision.Verdict.RESTORE,
        reason=text[:REASON_MAX],
    )

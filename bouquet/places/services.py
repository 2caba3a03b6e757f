"""Writes on places: districts and the authority's identity.

``places`` sits below ``accounts``, so it knows nothing of roles: the back-office's pages let only agents and
administrators call these services (``backoffice.access``)."""

from collections.abc import Mapping
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bouquet.core.colours import HEX_COLOUR, MIN_TEXT_CONTRAST, WHITE, contrast_ratio
from bouquet.core.errors import Conflict, InvalidInput
from bouquet.core.images import clean_image
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.core.usage import describe_uses, what_uses
from bouquet.places import geometry
from bouquet.places.models import (
    Article,
    AuthorityProfile,
    District,
    FeatureKind,
    MapFeature,
    OpenDataLicence,
)
from bouquet.places.selectors import authority_profile

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
    if picture is not None:
        profile.logo.save(picture.name or "logo", picture, save=False)
    elif remove_logo:
        profile.logo = ""
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

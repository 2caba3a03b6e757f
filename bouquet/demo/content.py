"""The demo town's content, read from the data files beside this module (``data/*.toml`` and ``data/*.csv``).

Val-de-Loirette is a fictional French town; every text in those files was written for the demo. People who edit
the demo edit the files; this module only reads them into frozen dataclasses and checks them, and a malformed file
is reported with its name and the line or key at fault. ``proposals.csv`` is also a valid input for the bouquets
engine's command line (``python -m bouquet.bouquets.engine group``).
"""

import csv
import json
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from bouquet.accounts.models import Role
from bouquet.budgets.models import BallotKind
from bouquet.places.models import Article, FeatureKind
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Origin, Status

DATA_DIR = Path(__file__).resolve().parent / "data"


class ContentError(ValueError):
    """A data file of the demo is malformed; the message names the file and the line or key."""


@dataclass(frozen=True)
class DistrictData:
    slug: str
    name: str
    description: str
    center: tuple[float, float]  # (lat, lon)
    radius_km: float
    boundary: dict[str, Any] | None = None  # a GeoJSON Polygon, from districts.geojson


@dataclass(frozen=True)
class MapFeatureData:
    kind: FeatureKind
    name: str
    article: Article
    geometry: dict[str, Any]  # GeoJSON, longitude first


@dataclass(frozen=True)
class ThemeData:
    slug: str
    name: str


@dataclass(frozen=True)
class StaffData:
    email: str
    name: str
    role: Role


@dataclass(frozen=True)
class ResidentData:
    first_name: str
    last_name: str
    district_slug: str | None


@dataclass(frozen=True)
class PhaseData:
    kind: PhaseKind
    title: str
    description: str
    start_offset_days: int  # relative to the day the demo is seeded, negative = in the past
    end_offset_days: int


@dataclass(frozen=True)
class ProcessData:
    slug: str
    title: str
    summary: str
    description: str  # paragraphs separated by "\n\n"
    district_slug: str | None  # None = whole town
    phases: tuple[PhaseData, ...]
    place_name: str | None = None  # the named place it is about (memories.toml), if any


@dataclass(frozen=True)
class ProposalData:
    id: int  # the file's own numbering, which comments refer to
    process_slug: str
    title: str
    body: str
    district_slug: str | None
    theme_slug: str
    place: tuple[float, float] | None  # (lat, lon)
    address: str
    origin: Origin
    status: Status
    answer: str  # public answer of the town hall, empty while submitted


@dataclass(frozen=True)
class CommentData:
    proposal_id: int
    body: str
    replies: tuple[str, ...] = ()


@dataclass(frozen=True)
class PastProjectData:
    name: str
    cost: int
    popularity: float  # the chance that a voter picks it, if it still fits in what they have left


@dataclass(frozen=True)
class OpenProjectData:
    proposal_id: int  # proposals.csv's numbering
    cost: int


@dataclass(frozen=True)
class BudgetData:
    """The three budgets of the story: open for voting today, to come, and last year's with its results."""

    open_process_slug: str
    open_title: str  # "{year}" stands for the year of the vote phase
    open_amount: int
    open_description: str
    open_ballot_kind: str
    open_projects: tuple[OpenProjectData, ...]
    process_slug: str  # the budget to come
    title: str
    amount: int
    description: str
    ballot_kind: str
    max_projects: int | None
    max_project_cost: int
    previous_process_slug: str
    previous_title: str
    previous_description: str
    previous_amount: int
    previous_voters: int
    previous_rule: str
    previous_projects: tuple[PastProjectData, ...]


@dataclass(frozen=True)
class DemoContent:
    town_name: str
    town_center: tuple[float, float]
    districts: tuple[DistrictData, ...]
    themes: tuple[ThemeData, ...]
    staff: tuple[StaffData, ...]
    residents: tuple[ResidentData, ...]
    processes: tuple[ProcessData, ...]
    proposals: tuple[ProposalData, ...]
    comments: tuple[CommentData, ...]
    budget: BudgetData
    map_features: tuple[MapFeatureData, ...] = ()


# ---- reading TOML -----------------------------------------------------------------------------------------


class _Table:
    """A TOML table that knows where it sits, so that every error names the file and the key."""

    def __init__(self, data: Mapping[str, Any], file: str, where: str = "") -> None:
        self.data, self.file, self.where = data, file, where

    def error(self, key: str, message: str) -> ContentError:
        """An error about one key of this table."""
        path = f"{self.where}.{key}" if self.where else key
        return ContentError(f"{self.file}, clé « {path} » : {message}")

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise self.error(key, "manquante.")
        return self.data[key]

    def text(self, key: str, *, blank: bool = False) -> str:
        """A string, stripped; empty only where `blank` allows it."""
        value = self._get(key)
        if not isinstance(value, str):
            raise self.error(key, f"un texte est attendu, pas {value!r}.")
        if not blank and not value.strip():
            raise self.error(key, "ne doit pas être vide.")
        return value.strip()

    def integer(self, key: str) -> int:
        """An integer."""
        value = self._get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(key, f"un nombre entier est attendu, pas {value!r}.")
        return value

    def number(self, key: str) -> float:
        """A number, integer or not."""
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.error(key, f"un nombre est attendu, pas {value!r}.")
        return float(value)

    def pair(self, key: str, kind: type[int] | type[float]) -> tuple[Any, Any]:
        """Two numbers: [latitude, longitude] or [first day, last day]."""
        value = self._get(key)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value)
        ):
            expected = "deux nombres entiers" if kind is int else "deux nombres"
            raise self.error(key, f"{expected} sont attendus entre crochets, pas {value!r}.")
        return kind(value[0]), kind(value[1])

    def table(self, key: str) -> "_Table":
        """A sub-table."""
        value = self._get(key)
        if not isinstance(value, dict):
            raise self.error(key, "une table est attendue.")
        return _Table(value, self.file, f"{self.where}.{key}" if self.where else key)

    def tables(self, key: str) -> list["_Table"]:
        """An array of tables ([[key]]), at least one."""
        value = self._get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"au moins une table [[{key}]] est attendue.")
        prefix = f"{self.where}.{key}" if self.where else key
        return [_Table(v, self.file, f"{prefix}[{i}]") for i, v in enumerate(value, start=1)]


def _read_toml(directory: Path, name: str) -> _Table:
    path = directory / name
    try:
        with path.open("rb") as fh:
            return _Table(tomllib.load(fh), name)
    except OSError as error:
        raise ContentError(f"{name} : lecture impossible ({error.strerror or error}).") from error
    except tomllib.TOMLDecodeError as error:
        # tomllib's message says where: "... (at line 12, column 3)".
        raise ContentError(f"{name} : TOML invalide : {error}") from error


def _enum[E: Enum](
    value: str, enum: type[E], error: Callable[[str], ContentError], allowed: Iterable[E] = ()
) -> E:
    choices = list(allowed) or list(enum)
    if value not in [c.value for c in choices]:
        raise error(f"« {value} » n'est pas l'une des valeurs {', '.join(str(c.value) for c in choices)}.")
    return enum(value)


# ---- reading CSV ------------------------------------------------------------------------------------------


class _Row:
    """A CSV row that knows its file and line, so that every error names them."""

    def __init__(self, cells: Mapping[str, str], file: str, line: int) -> None:
        self.cells, self.file, self.line = cells, file, line

    def error(self, column: str, message: str) -> ContentError:
        """An error about one cell of this row."""
        return ContentError(f"{self.file}, ligne {self.line}, colonne « {column} » : {message}")

    def text(self, column: str, *, blank: bool = False) -> str:
        """A cell's text, stripped; empty only where `blank` allows it."""
        value = self.cells[column].strip()
        if not blank and not value:
            raise self.error(column, "ne doit pas être vide.")
        return value

    def integer(self, column: str, *, blank: bool = False) -> int | None:
        """A cell holding an integer (None when empty and allowed)."""
        value = self.text(column, blank=blank)
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise self.error(column, f"un nombre entier est attendu, pas « {value} ».") from None

    def number(self, column: str, *, blank: bool = False) -> float | None:
        """A cell holding a decimal number written with a point (None when empty and allowed)."""
        value = self.text(column, blank=blank)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise self.error(
                column, f"un nombre (avec un point décimal) est attendu, pas « {value} »."
            ) from None


def _read_csv(directory: Path, name: str, columns: Sequence[str]) -> Iterator[_Row]:
    path = directory / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{name} : lecture impossible ({error.strerror or error}).") from error
    except UnicodeDecodeError as error:
        raise ContentError(f"{name} : le fichier doit être enregistré en UTF-8 ({error}).") from error
    reader = csv.DictReader(text.splitlines(keepends=True), strict=True)
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        raise ContentError(
            f"{name}, ligne 1 : colonne(s) manquante(s) {', '.join(f'« {c} »' for c in missing)} "
            f"(colonnes lues : {', '.join(header) or 'aucune'})."
        )
    start = 2
    try:
        for cells in reader:
            # A cell may hold a line break, so a row may span several lines: name the one it starts on.
            line, start = start, reader.line_num + 1
            if None in cells:
                raise ContentError(f"{name}, ligne {line} : plus de cellules que de colonnes.")
            if any(cells[c] is None for c in columns):
                raise ContentError(f"{name}, ligne {line} : moins de cellules que de colonnes.")
            yield _Row(cells, name, line)
    except csv.Error as error:
        raise ContentError(f"{name}, ligne {reader.line_num} : CSV invalide ({error}).") from error


# ---- reading GeoJSON ---------------------------------------------------------------------------------------


def _read_geojson(directory: Path, name: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """The features of a GeoJSON FeatureCollection as (where, properties, geometry)."""
    path = directory / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContentError(f"{name} : lecture impossible ({error.strerror or error}).") from error
    except ValueError as error:
        raise ContentError(f"{name} : JSON invalide ({error}).") from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ContentError(f"{name} : une FeatureCollection GeoJSON est attendue.")
    features = []
    for number, feature in enumerate(data.get("features") or [], start=1):
        where = f"{name}, objet n°{number}"
        if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
            raise ContentError(f"{where} : un objet GeoJSON avec une géométrie est attendu.")
        if not isinstance(feature.get("properties"), dict):
            raise ContentError(f"{where} : les propriétés manquent.")
        features.append((where, feature["properties"], feature["geometry"]))
    return features


def _boundaries(directory: Path, districts: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for where, properties, shape in _read_geojson(directory, "districts.geojson"):
        slug = properties.get("slug")
        if slug not in districts:
            raise ContentError(f"{where} : quartier « {slug} » inconnu (voir town.toml).")
        if shape.get("type") not in {"Polygon", "MultiPolygon"}:
            raise ContentError(f"{where} : le contour d'un quartier est un Polygon ou un MultiPolygon.")
        found[str(slug)] = shape
    return found


def _map_features(directory: Path) -> tuple[MapFeatureData, ...]:
    features = []
    for name in ("streets.geojson", "places.geojson"):
        for where, properties, shape in _read_geojson(directory, name):

            def error(message: str, where: str = where) -> ContentError:
                return ContentError(f"{where} : {message}")

            features.append(
                MapFeatureData(
                    kind=_enum(str(properties.get("kind")), FeatureKind, error),
                    name=str(properties.get("name") or ""),
                    article=_enum(str(properties.get("article") or ""), Article, error),
                    geometry=shape,
                )
            )
    return tuple(features)


# ---- the files --------------------------------------------------------------------------------------------


def _known(row: _Row, column: str, known: set[str], *, blank: bool = False) -> str | None:
    value = row.text(column, blank=blank)
    if not value:
        return None
    if value not in known:
        raise row.error(
            column, f"« {value} » n'est pas l'une des valeurs possibles ({', '.join(sorted(known))})."
        )
    return value


def _districts(town: _Table) -> tuple[DistrictData, ...]:
    districts = tuple(
        DistrictData(
            slug=t.text("slug"),
            name=t.text("name"),
            description=t.text("description"),
            center=t.pair("center", float),
            radius_km=t.number("radius_km"),
        )
        for t in town.tables("districts")
    )
    _unique("town.toml", "districts", [d.slug for d in districts])
    return districts


def _themes(town: _Table) -> tuple[ThemeData, ...]:
    themes = tuple(ThemeData(slug=t.text("slug"), name=t.text("name")) for t in town.tables("themes"))
    _unique("town.toml", "themes", [t.slug for t in themes])
    return themes


def _staff(town: _Table) -> tuple[StaffData, ...]:
    roles = [Role.AGENT, Role.MODERATOR, Role.FACILITATOR, Role.MENTOR]
    staff = tuple(
        StaffData(
            email=t.text("email"),
            name=t.text("name"),
            role=_enum(t.text("role"), Role, partial(t.error, "role"), roles),
        )
        for t in town.tables("staff")
    )
    # The seeding needs an agent (answers, bouquets, budget) and a facilitator (proposals from workshops).
    for role in (Role.AGENT, Role.FACILITATOR):
        if not any(s.role == role for s in staff):
            raise town.error("staff", f"il faut au moins une personne au rôle « {role.value} ».")
    _unique("town.toml", "staff", [s.email for s in staff])
    return staff


def _unique(file: str, what: str, values: Sequence[object]) -> None:
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise ContentError(f"{file}, clé « {what} » : « {value} » apparaît deux fois.")
        seen.add(value)


def _processes(directory: Path, districts: set[str]) -> tuple[ProcessData, ...]:
    processes = []
    for t in _read_toml(directory, "processes.toml").tables("processes"):
        district = t.text("district", blank=True) or None
        if district is not None and district not in districts:
            raise t.error("district", f"quartier « {district} » inconnu (voir town.toml).")
        phases = []
        for p in t.tables("phases"):
            start, end = p.pair("days", int)
            if end < start:
                raise p.error("days", f"la phase finit ({end}) avant de commencer ({start}).")
            phases.append(
                PhaseData(
                    kind=_enum(p.text("kind"), PhaseKind, partial(p.error, "kind")),
                    title=p.text("title"),
                    description=p.text("description"),
                    start_offset_days=start,
                    end_offset_days=end,
                )
            )
        processes.append(
            ProcessData(
                slug=t.text("slug"),
                title=t.text("title"),
                summary=t.text("summary"),
                description=t.text("description"),
                district_slug=district,
                phases=tuple(phases),
                place_name=(t.text("place", blank=True) if "place" in t.data else "") or None,
            )
        )
    _unique("processes.toml", "processes", [p.slug for p in processes])
    return tuple(processes)


PROPOSAL_COLUMNS = (
    "id",
    "process",
    "title",
    "body",
    "district",
    "theme",
    "latitude",
    "longitude",
    "address",
    "origin",
    "status",
    "answer",
)


def _proposals(
    directory: Path, processes: tuple[ProcessData, ...], districts: set[str], themes: set[str]
) -> tuple[ProposalData, ...]:
    # Proposals are submitted as on the site, during their process's proposals phase.
    collecting = {p.slug for p in processes if any(ph.kind == PhaseKind.PROPOSALS for ph in p.phases)}
    proposals: list[ProposalData] = []
    seen: set[int] = set()
    for row in _read_csv(directory, "proposals.csv", PROPOSAL_COLUMNS):
        number = row.integer("id")
        assert number is not None  # nosec B101  # narrows the type: _read_csv refuses a blank id
        if number in seen:
            raise row.error("id", f"le numéro {number} est déjà pris.")
        seen.add(number)
        latitude, longitude = row.number("latitude", blank=True), row.number("longitude", blank=True)
        if (latitude is None) != (longitude is None):
            raise row.error(
                "longitude" if longitude is None else "latitude", "latitude et longitude vont ensemble."
            )
        status = _enum(row.text("status"), Status, partial(row.error, "status"))
        answer = row.text("answer", blank=True)
        if status != Status.SUBMITTED and not answer:
            raise row.error("answer", f"une proposition au statut « {status} » doit avoir une réponse.")
        proposals.append(
            ProposalData(
                id=number,
                process_slug=str(_known(row, "process", collecting)),
                title=row.text("title"),
                body=row.text("body"),
                district_slug=_known(row, "district", districts, blank=True),
                theme_slug=str(_known(row, "theme", themes)),
                place=(latitude, longitude) if latitude is not None and longitude is not None else None,
                address=row.text("address", blank=True),
                origin=_enum(row.text("origin"), Origin, partial(row.error, "origin")),
                status=status,
                answer=answer,
            )
        )
    return tuple(proposals)


def _comments(directory: Path, proposals: set[int]) -> tuple[CommentData, ...]:
    threads: dict[int, tuple[int, str, list[str]]] = {}  # comment id -> (proposal, body, replies)
    seen: set[int] = set()
    for row in _read_csv(directory, "comments.csv", ("id", "proposal", "reply_to", "body")):
        number, proposal = row.integer("id"), row.integer("proposal")
        assert number is not None and proposal is not None  # nosec B101  # narrows the type: not blank
        if proposal not in proposals:
            raise row.error("proposal", f"aucune proposition n'a le numéro {proposal} dans proposals.csv.")
        if number in seen:
            raise row.error("id", f"le numéro {number} est déjà pris.")
        seen.add(number)
        parent = row.integer("reply_to", blank=True)
        if parent is None:
            threads[number] = (proposal, row.text("body"), [])
        elif parent not in threads:
            raise row.error(
                "reply_to", f"aucun commentaire n°{parent} plus haut (une réponse suit son commentaire)."
            )
        elif threads[parent][0] != proposal:
            raise row.error(
                "proposal", f"une réponse porte sur la proposition de son commentaire ({threads[parent][0]})."
            )
        else:
            threads[parent][2].append(row.text("body"))
    return tuple(CommentData(proposal_id=p, body=b, replies=tuple(r)) for p, b, r in threads.values())


def _residents(directory: Path, districts: set[str]) -> tuple[ResidentData, ...]:
    return tuple(
        ResidentData(
            first_name=row.text("first_name"),
            last_name=row.text("last_name"),
            district_slug=_known(row, "district", districts, blank=True),
        )
        for row in _read_csv(directory, "residents.csv", ("first_name", "last_name", "district"))
    )


def _budget_process(table: _Table, processes: Mapping[str, ProcessData]) -> str:
    slug = table.text("process")
    if slug not in processes:
        raise table.error("process", f"démarche « {slug} » inconnue (voir processes.toml).")
    if not any(p.kind == PhaseKind.VOTE for p in processes[slug].phases):
        raise table.error(
            "process", f"la démarche « {slug} » n'a pas de phase de vote (voir processes.toml)."
        )
    return slug


def _ballot_kind(table: _Table) -> str:
    kind = table.text("ballot_kind")
    if kind not in BallotKind.values:
        raise table.error(
            "ballot_kind", f"« {kind} » n'est pas l'une des valeurs {', '.join(BallotKind.values)}."
        )
    return kind


def _budget(
    directory: Path, processes: Mapping[str, ProcessData], proposals: Mapping[int, ProposalData]
) -> BudgetData:
    file = _read_toml(directory, "budget.toml")
    opened, current, previous = file.table("open"), file.table("current"), file.table("previous")
    open_slug = _budget_process(opened, processes)
    open_projects = []
    for t in opened.tables("projects"):
        number = t.integer("proposal")
        if number not in proposals or proposals[number].process_slug != open_slug:
            raise t.error("proposal", f"aucune proposition n°{number} de la démarche « {open_slug} ».")
        open_projects.append(OpenProjectData(proposal_id=number, cost=t.integer("cost")))
    projects = tuple(
        PastProjectData(name=t.text("name"), cost=t.integer("cost"), popularity=t.number("popularity"))
        for t in previous.tables("projects")
    )
    for t, project in zip(previous.tables("projects"), projects, strict=True):
        if not 0 <= project.popularity <= 1:
            raise t.error("popularity", "une probabilité entre 0 et 1 est attendue.")
    return BudgetData(
        open_process_slug=open_slug,
        open_title=opened.text("title"),
        open_amount=opened.integer("amount"),
        open_description=opened.text("description"),
        open_ballot_kind=_ballot_kind(opened),
        open_projects=tuple(open_projects),
        process_slug=_budget_process(current, processes),
        title=current.text("title"),
        amount=current.integer("amount"),
        description=current.text("description"),
        ballot_kind=_ballot_kind(current),
        max_projects=current.integer("max_projects") if "max_projects" in current.data else None,
        max_project_cost=current.integer("max_project_cost"),
        previous_process_slug=_budget_process(previous, processes),
        previous_title=previous.text("title"),
        previous_description=previous.text("description"),
        previous_amount=previous.integer("amount"),
        previous_voters=previous.integer("voters"),
        previous_rule=previous.text("rule"),
        previous_projects=projects,
    )


def load(directory: Path = DATA_DIR) -> DemoContent:
    """Read and check every data file of the demo; raise ContentError naming the file and line or key at fault."""
    town = _read_toml(directory, "town.toml")
    districts, themes = _districts(town), _themes(town)
    district_slugs = {d.slug for d in districts}
    boundaries = _boundaries(directory, district_slugs)
    districts = tuple(
        DistrictData(d.slug, d.name, d.description, d.center, d.radius_km, boundaries.get(d.slug))
        for d in districts
    )
    processes = _processes(directory, district_slugs)
    proposals = _proposals(directory, processes, district_slugs, {t.slug for t in themes})
    return DemoContent(
        town_name=town.text("name"),
        town_center=town.pair("center", float),
        districts=districts,
        themes=themes,
        staff=_staff(town),
        residents=_residents(directory, district_slugs),
        processes=processes,
        proposals=proposals,
        comments=_comments(directory, {p.id for p in proposals}),
        budget=_budget(directory, {p.slug: p for p in processes}, {p.id: p for p in proposals}),
        map_features=_map_features(directory),
    )

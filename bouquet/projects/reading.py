"""Reading a spreadsheet of projects through a column mapping: every row is either a whole project or a list of
French reasons, so that nothing is half-saved.

A mapping is JSON (``mappings/*.json`` ship with the product; ``import_projects --mapping`` reads another):
``columns`` (field → column header), ``values`` (field → {cell → value}), ``vote_month`` (the month read when a
file gives only the year of the vote), ``district_override`` (a column whose value replaces the district, such as
Paris's « echelle_bp » for projects of the whole city) and ``headers`` (the headers that recognise the file)."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from django.utils.translation import gettext as _

from bouquet.projects import months

MAPPINGS_DIR: Final = Path(__file__).resolve().parent / "mappings"
STATUS_CODES: Final = (
    "not_started",
    "studies",
    "procedure",
    "works",
    "delivering",
    "delivered",
    "abandoned",
)
DATE_FIELDS: Final = (
    "conceived",
    "decided",
    "studies",
    "procedure",
    "works",
    "planned_delivery",
    "delivered",
)
TEXT_FIELDS: Final = ("code", "title", "description", "theme", "district", "address", "department")
FIELDS: Final = (*TEXT_FIELDS, "vote_year", *DATE_FIELDS, "cost", "status", "sdgs")
MAX_LENGTHS: Final = {
    "code": 60,
    "title": 200,
    "theme": 120,
    "district": 120,
    "address": 300,
    "department": 200,
}


def STATUS_LABELS() -> dict[str, str]:  # noqa: N802 - a table, read at call time for the active language
    from bouquet.projects.models import Status

    return {code: str(label) for code, label in Status.choices}


def field_labels() -> dict[str, str]:
    """The French name of each field, as the messages and the mapping page say it."""
    return {
        "code": _("référence"),
        "title": _("titre"),
        "description": _("description"),
        "theme": _("thème"),
        "district": _("quartier"),
        "address": _("adresse"),
        "department": _("service pilote"),
        "vote_year": _("année du vote"),
        "conceived": _("date de conception (proposition ou vote)"),
        "decided": _("date de décision"),
        "studies": _("début des études"),
        "procedure": _("lancement des procédures"),
        "works": _("début des travaux"),
        "planned_delivery": _("livraison prévue"),
        "delivered": _("ouverture (livraison réelle)"),
        "cost": _("coût"),
        "status": _("avancement"),
        "sdgs": _("objectifs de développement durable"),
    }


def month_messages() -> months.MonthMessages:
    return months.MonthMessages(
        empty=_("la case est vide : écrivez le mois (AAAA-MM) ou « non encore fixé »"),
        quarter=_("« %(text)s » est un trimestre, pas un mois : écrivez le mois, par exemple 2020-07"),
        unreadable=_("« %(text)s » n'est pas une date lisible : écrivez le mois, par exemple 2020-07"),
        no_such_month=_("« %(text)s » : ce mois n'existe pas (de 01 à 12)"),
        no_such_day=_("« %(text)s » : ce jour n'existe pas"),
        out_of_range=_("« %(text)s » : l'année n'est pas plausible"),
    )


@dataclass(frozen=True)
class ProjectMapping:
    name: str
    columns: dict[str, str]
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    vote_month: int = 1
    headers: tuple[str, ...] = ()
    district_override: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ProjectMapping":
        """A mapping from its JSON form; ``ValueError`` with a French message when it is not one."""
        columns = data.get("columns")
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise ValueError(_("La correspondance doit avoir un objet « columns » : champ → nom de colonne."))
        unknown = sorted(set(columns) - set(FIELDS))
        if unknown:
            raise ValueError(
                _("Champs inconnus dans la correspondance : %(fields)s.") % {"fields": ", ".join(unknown)}
            )
        if "title" not in columns:
            raise ValueError(_("La correspondance doit dire quelle colonne donne le titre du projet."))
        vote_month = int(data.get("vote_month", 1))
        if not 1 <= vote_month <= 12:
            raise ValueError(_("« vote_month » doit être un mois, de 1 à 12."))
        return cls(
            name=str(data.get("name", "")),
            columns=dict(columns),
            values={
                k: {str(a): str(b) for a, b in v.items()} for k, v in dict(data.get("values", {})).items()
            },
            vote_month=vote_month,
            headers=tuple(data.get("headers", ())),
            district_override=dict(data.get("district_override", {})),
        )


def shipped_mappings() -> list[ProjectMapping]:
    """The mappings that ship with the product (the Paris winners' file among them)."""
    return [
        ProjectMapping.from_json(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(MAPPINGS_DIR.glob("*.json"))
    ]


def recognise(headers: Sequence[str]) -> ProjectMapping | None:
    """The shipped mapping whose headers are exactly this file's, if any."""
    present = [h.strip() for h in headers]
    for mapping in shipped_mappings():
        if mapping.headers and list(mapping.headers) == present:
            return mapping
    return None


@dataclass
class ProjectRow:
    """One row read whole: what a project is made of."""

    line: int
    code: str = ""
    title: str = ""
    description: str = ""
    theme: str = ""
    district: str = ""
    address: str = ""
    department: str = ""
    vote_year: int | None = None
    cost: int | None = None
    status: str = "not_started"
    sdgs: list[int] = field(default_factory=list)
    dates: dict[str, int | None] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BadRow:
    line: int  # as a spreadsheet numbers it: the headers are line 1
    reasons: list[str]
    cells: dict[str, str]


def read_rows(
    table: Sequence[Sequence[str]], mapping: ProjectMapping
) -> tuple[list[ProjectRow], list[BadRow]]:
    """Read every data row of ``table`` (headers first) through ``mapping``: whole projects, and the rows refused
    with their reasons."""
    if not table:
        return [], []
    headers = [h.strip() for h in table[0]]
    missing = [col for col in mapping.columns.values() if col not in headers]
    if missing:
        raise ValueError(
            _("Colonnes absentes du fichier : %(columns)s.")
            % {"columns": ", ".join(f"« {c} »" for c in missing)}
        )
    good: list[ProjectRow] = []
    bad: list[BadRow] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        record = {header: (cells[i].strip() if i < len(cells) else "") for i, header in enumerate(headers)}
        row, reasons = read_row(record, mapping, line=number)
        if reasons:
            bad.append(BadRow(number, reasons, record))
        else:
            good.append(row)
    return good, bad


def read_row(
    record: Mapping[str, str], mapping: ProjectMapping, *, line: int
) -> tuple[ProjectRow, list[str]]:
    """One row as a project, or the French reasons it cannot be one."""
    labels = field_labels()
    messages = month_messages()
    reasons: list[str] = []
    row = ProjectRow(line=line, source=dict(record))

    def cell(name: str) -> str | None:
        column = mapping.columns.get(name)
        if column is None:
            return None
        value = record.get(column, "")
        return mapping.values.get(name, {}).get(value, value)

    for name in TEXT_FIELDS:
        value = cell(name)
        if value is None:
            continue
        limit = MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            reasons.append(
                _("%(field)s : plus de %(limit)d caractères") % {"field": labels[name], "limit": limit}
            )
        setattr(row, name, value)
    if not row.title:
        reasons.append(_("%(field)s : la case est vide") % {"field": labels["title"]})
    override = mapping.district_override
    if override and record.get(str(override.get("column")), "") in override.get("values", {}):
        row.district = override["values"][record[str(override["column"])]]

    if (raw := cell("vote_year")) is not None:
        reading = months.read_year(raw, messages=messages)
        if reading.error:
            reasons.append(f"{labels['vote_year']} : {reading.error}")
        elif reading.month is not None:
            row.vote_year = months.year_of(reading.month)
    for name in DATE_FIELDS:
        raw = cell(name)
        if raw is None:
            continue
        reading = months.read_month(raw, messages=messages)
        if reading.error:
            reasons.append(f"{labels[name]} : {reading.error}")
        row.dates[name] = reading.month
    if row.dates.get("conceived") is None and row.vote_year is not None:
        row.dates["conceived"] = months.month_index(row.vote_year, mapping.vote_month)
    if row.dates.get("decided") is None and row.vote_year is not None:
        row.dates["decided"] = row.dates["conceived"]
    if row.vote_year is None and row.dates.get("conceived") is not None:
        row.vote_year = months.year_of(row.dates["conceived"] or 0)

    if (raw := cell("cost")) is not None and raw:
        digits = raw.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "")
        digits = digits.split(",")[0].split(".")[0] if digits.count(",") + digits.count(".") == 1 else digits
        if digits.isdigit():
            row.cost = int(digits)
        else:
            reasons.append(
                _("%(field)s : « %(text)s » n'est pas un montant en euros")
                % {"field": labels["cost"], "text": raw}
            )
    if (raw := cell("status")) is not None:
        labels_to_codes = {str(label).casefold(): code for code, label in STATUS_LABELS().items()}
        if raw in STATUS_CODES:
            row.status = raw
        elif raw.casefold() in labels_to_codes:
            row.status = labels_to_codes[raw.casefold()]
        elif raw:
            reasons.append(
                _("%(field)s : « %(text)s » n'est pas un avancement connu")
                % {"field": labels["status"], "text": raw}
            )
    if (raw := cell("sdgs")) is not None and raw:
        parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
        if all(p.isdigit() and 1 <= int(p) <= 17 for p in parts):
            row.sdgs = sorted({int(p) for p in parts})
        else:
            reasons.append(
                _("%(field)s : « %(text)s » : écrivez des numéros de 1 à 17 séparés par des virgules")
                % {"field": labels["sdgs"], "text": raw}
            )
    delivered, conceived = row.dates.get("delivered"), row.dates.get("conceived")
    if delivered is not None and conceived is not None and delivered < conceived:
        reasons.append(
            _("l'ouverture (%(delivered)s) précède le vote ou la conception (%(conceived)s)")
            % {"delivered": months.iso_month(delivered), "conceived": months.iso_month(conceived)}
        )
    return row, reasons

"""Rows of a spreadsheet checked against the fields an import expects. Pure Python (no Django), like
``spreadsheet.py`` under it: the back-office's staged import page (``core.imports``) and the bench use it.

An import declares its ``Field``s; ``guess_mapping`` ties each field to a column of the file by its header (case,
accents, punctuation and a few synonyms ignored); ``check_rows`` parses every row and sorts it into good rows
(values ready to save) and bad rows (line number and the French reason); ``fingerprint`` names a file by its
bytes, so that the same file is recognised when it comes back.

Usage::

    fields = [
        Field("title", "titre", parse=text(max_length=200), synonyms=("proposition",)),
        Field("day", "date", parse=day(latest=today)),
        Field("district", "quartier", required=False),
    ]
    rows = read_table(data)
    mapping = guess_mapping(rows[0], fields)          # {"title": 1, "day": 0, "district": None}
    missing = missing_columns(mapping, fields)        # the required fields no column gives
    good, bad = check_rows(rows[1:], mapping, fields) # good[0].values == {"title": ..., "day": date(...)}
"""

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# A label may be a lazy translation (Django's gettext_lazy) in the callers; it is only ever turned into text.
Label = Any
Mapping_ = dict[str, int | None]  # field name -> index of its column (None: no column gives it)

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A header or a cell reduced to what matching compares: lower case, no accents, punctuation made spaces
    (« Prénom / pseudo » = « prenom pseudo »)."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def text(*, max_length: int | None = None) -> Callable[[str], str]:
    """A parser keeping the cell as text, refused when longer than ``max_length`` characters."""

    def parse(cell: str) -> str:
        if max_length is not None and len(cell) > max_length:
            raise ValueError(f"texte trop long ({len(cell)} caractères, {max_length} au plus)")
        return cell

    return parse


_DAY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def parse_date(cell: str) -> dt.date:
    """A day written 31/12/2025, 31-12-2025, 31.12.25 or 2025-12-31 (a spreadsheet's own dates come as the latter);
    ``ValueError`` with a French message otherwise."""
    cell = cell.strip()
    if match := _DAY.match(cell):
        day, _separator, month, year = match.groups()
        if len(year) == 2:
            year = "20" + year
    elif match := _ISO_DAY.match(cell):
        year, month, day = match.groups()
    else:
        raise ValueError(f"date illisible : « {cell} » (écrivez-la JJ/MM/AAAA)")
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"cette date n'existe pas : « {cell} »") from None


def day(*, latest: dt.date | None = None, earliest: dt.date | None = None) -> Callable[[str], dt.date]:
    """A parser of days, refusing a day after ``latest`` (a paper form cannot be filled in tomorrow) or before
    ``earliest``."""

    def parse(cell: str) -> dt.date:
        value = parse_date(cell)
        if latest is not None and value > latest:
            raise ValueError(f"date dans le futur : « {cell} »")
        if earliest is not None and value < earliest:
            raise ValueError(f"date trop ancienne : « {cell} »")
        return value

    return parse


_YES = frozenset({"oui", "o", "x", "yes", "y", "1", "vrai", "true", "ok", "d accord"})
_NO = frozenset({"non", "n", "no", "0", "faux", "false"})


def yes_no(cell: str) -> bool:
    """« oui » / « non » (and x, 1, vrai…) as a boolean; ``ValueError`` for anything else."""
    folded = fold(cell)
    if folded in _YES:
        return True
    if folded in _NO or not folded:
        return False
    raise ValueError(f"« {cell} » : écrivez oui ou non")


def one_of(choices: Mapping[str, object], *, what: str) -> Callable[[str], object]:
    """A parser of a cell naming one of ``choices`` (keys compared folded), giving its value."""
    folded = {fold(key): value for key, value in choices.items()}

    def parse(cell: str) -> object:
        try:
            return folded[fold(cell)]
        except KeyError:
            raise ValueError(f"{what} inconnu : « {cell} »") from None

    return parse


@dataclass(frozen=True)
class Field:
    """One value an import expects. ``parse`` turns a non-empty cell into the value or raises ``ValueError``
    whose message (French) is shown to the person; an empty cell gives ``None`` (refused when ``required``).
    ``synonyms`` are other headers that name the column."""

    name: str
    label: Label
    required: bool = True
    parse: Callable[[str], object] = field(default=text())
    synonyms: tuple[str, ...] = ()
    help: Label = ""

    def headers(self) -> frozenset[str]:
        """Every header (folded) that names this field's column."""
        return frozenset(fold(str(h)) for h in (self.name, str(self.label), *self.synonyms)) - {""}


@dataclass
class GoodRow:
    """A row whose every value was read: its line in the file (the header is line 1) and its values by field."""

    line: int
    values: dict[str, object]


@dataclass
class BadRow:
    """A row refused: its line in the file, the French reason, and its cells as they were."""

    line: int
    reason: str
    cells: list[str]


def guess_mapping(headers: Sequence[str], fields: Sequence[Field]) -> Mapping_:
    """Which column gives each field: an exact header (folded) first, then a header that starts with one of the
    field's names (« Date de l'atelier » for « date »). Each column serves one field at most."""
    folded = [fold(h) for h in headers]
    taken: set[int] = set()
    mapping: Mapping_ = {f.name: None for f in fields}
    for exact in (True, False):
        for f in fields:
            if mapping[f.name] is not None:
                continue
            names = f.headers()
            for index, header in enumerate(folded):
                if index in taken or not header:
                    continue
                if header in names if exact else any(header.startswith(n + " ") for n in names):
                    mapping[f.name] = index
                    taken.add(index)
                    break
    return mapping


def missing_columns(mapping: Mapping[str, int | None], fields: Sequence[Field]) -> list[Field]:
    """The required fields that no column gives."""
    return [f for f in fields if f.required and mapping.get(f.name) is None]


def clean_mapping(mapping: Mapping[str, object], fields: Sequence[Field], width: int) -> Mapping_:
    """A mapping sent by a form (field -> column index as text, or empty), kept to known fields and columns."""
    cleaned: Mapping_ = {}
    for f in fields:
        raw = mapping.get(f.name)
        try:
            index = int(str(raw))
        except ValueError:
            index = -1
        cleaned[f.name] = index if 0 <= index < width else None
    return cleaned


def check_rows(
    rows: Iterable[Sequence[str]],
    mapping: Mapping[str, int | None],
    fields: Sequence[Field],
    *,
    first_line: int = 2,
    validate: Callable[[dict[str, object]], None] | None = None,
) -> tuple[list[GoodRow], list[BadRow]]:
    """Parse every row (``first_line`` is the line number of the first, 2 under a header). Empty rows are
    skipped; a row with a missing required value or a cell its field refuses is bad, with every reason of the
    row joined; ``validate`` may refuse a whole row (``ValueError``) once its values are read."""
    good: list[GoodRow] = []
    bad: list[BadRow] = []
    columns = [(f, mapping.get(f.name)) for f in fields]
    for line, row in enumerate(rows, start=first_line):
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, object] = {}
        reasons: list[str] = []
        for f, index in columns:
            cell = row[index].strip() if index is not None and index < len(row) else ""
            if not cell:
                if f.required:
                    reasons.append(f"« {f.label} » manquant")
                values[f.name] = None
                continue
            try:
                values[f.name] = f.parse(cell)
            except ValueError as error:
                reasons.append(f"« {f.label} » : {error}")
        if not reasons and validate is not None:
            try:
                validate(values)
            except ValueError as error:
                reasons.append(str(error))
        if reasons:
            bad.append(BadRow(line=line, reason=" ; ".join(reasons), cells=list(row)))
        else:
            good.append(GoodRow(line=line, values=values))
    return good, bad


def fingerprint(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hexadecimal: the same file gives the same fingerprint."""
    return hashlib.sha256(data).hexdigest()

"""Month-precision dates of the gap watch, as plain integers, and the reading of dates as people write them.

Pure (no Django). A month is stored as ``year * 12 + (month - 1)``: the gaps between two dates are then
subtractions that both databases do in SQL, which keeps the dashboard to one query over many projects."""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

# French month names and their usual abbreviations, accents removed, lower case.
MONTH_NAMES: Final[dict[str, int]] = {
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}  # fmt: skip

# Words that say, in a cell, that the step has no date (yet): the Paris file writes « NON ENCORE FIXE »,
# « NON LANCÉE », « NON LANCÉS », « NON DÉMARRÉES », « NON PRÉVUE », « Non ouvert » and « NON REGISTRE ».
NO_DATE_WORDS: Final[tuple[str, ...]] = (
    "non",
    "pas encore",
    "a venir",
    "a definir",
    "en attente",
    "sans objet",
    "n/a",
)
EARLIEST_YEAR: Final = 1900
LATEST_YEAR: Final = 2100


def month_index(year: int, month: int) -> int:
    """The stored integer of a month."""
    return year * 12 + (month - 1)


def year_of(index: int) -> int:
    """The year of a stored month."""
    return index // 12


def first_day(index: int) -> dt.date:
    """The first day of a stored month (for display and for the API)."""
    return dt.date(index // 12, index % 12 + 1, 1)


def month_of(day: dt.date) -> int:
    """The stored month of a calendar day."""
    return month_index(day.year, day.month)


def iso_month(index: int | None) -> str | None:
    """``2019-06`` for a stored month, None for none."""
    return None if index is None else f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True, slots=True)
class Reading:
    """What a cell says: a month, an explicit « no date » (``month`` None, ``error`` empty), or an error."""

    month: int | None = None
    error: str = ""
    no_date_word: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


_ISO_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_FRENCH_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_FRENCH_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_NAMED_MONTH = re.compile(r"^(?:\d{1,2}(?:er)?\s+)?([a-z]+)\.?\s+(\d{4})$")
_QUARTER = re.compile(r"^(?:t|q|trim(?:estre)?\.?)\s*([1-4])\s*[-/ ]?\s*(\d{4})$")


def read_month(text: str, *, messages: "MonthMessages") -> Reading:
    """Read a cell of a date column: ``2019-06``, ``06/2019``, ``2019-06-15``, ``15/06/2019``, ``juin 2019``;
    a « no date » word; or an error that quotes the cell and says how to write it."""
    raw = text.strip()
    plain = _plain(raw)
    if not plain:
        return Reading(error=messages.empty)
    if any(plain == word or plain.startswith(word + " ") for word in NO_DATE_WORDS):
        return Reading(no_date_word=raw)
    year = month = 0
    day = 1
    if found := _ISO_MONTH.match(plain):
        year, month = int(found[1]), int(found[2])
    elif found := _ISO_DAY.match(plain):
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    elif found := _FRENCH_MONTH.match(plain):
        month, year = int(found[1]), int(found[2])
    elif found := _FRENCH_DAY.match(plain):
        day, month, year = int(found[1]), int(found[2]), int(found[3])
    elif (found := _NAMED_MONTH.match(plain)) and found[1] in MONTH_NAMES:
        month, year = MONTH_NAMES[found[1]], int(found[2])
    elif _QUARTER.match(plain):
        return Reading(error=messages.quarter % {"text": raw})
    else:
        return Reading(error=messages.unreadable % {"text": raw})
    if not 1 <= month <= 12:
        return Reading(error=messages.no_such_month % {"text": raw})
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return Reading(error=messages.out_of_range % {"text": raw})
    try:
        dt.date(year, month, day)
    except ValueError:
        return Reading(error=messages.no_such_day % {"text": raw})
    return Reading(month=month_index(year, month))


def read_year(text: str, *, messages: "MonthMessages") -> Reading:
    """Read a year (``2019``) or a month (then its year counts)."""
    raw = text.strip()
    if re.fullmatch(r"\d{4}", raw):
        year = int(raw)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            return Reading(error=messages.out_of_range % {"text": raw})
        return Reading(month=month_index(year, 1))
    return read_month(raw, messages=messages)


@dataclass(frozen=True, slots=True)
class MonthMessages:
    """The French messages of ``read_month``, given by the caller (translated there: this module is pure)."""

    empty: str
    quarter: str
    unreadable: str
    no_such_month: str
    no_such_day: str
    out_of_range: str

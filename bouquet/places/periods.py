"""Dates and periods as people write them in French (« vers 1975 », « années 90 », « printemps 2003 »,
« 14 juillet 1989 »), read into the first and last days they cover, so that memories sort on a timeline.

Pure: no Django. Errors carry a code; the caller words them.
"""

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

# « vers 1975 » covers this many years either side.
AROUND_YEARS: Final = 2
EARLIEST_YEAR: Final = 1000

MONTHS: Final[dict[str, int]] = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
# The first and last day (month, day) of each season, as the calendar has them; winter is the one that opens
# the year (« l'hiver 1954 » is January and February 1954).
SEASONS: Final[dict[str, tuple[tuple[int, int], tuple[int, int]]]] = {
    "printemps": ((3, 20), (6, 20)),
    "ete": ((6, 21), (9, 22)),
    "automne": ((9, 23), (12, 20)),
    "hiver": ((1, 1), (3, 19)),
}
_AROUND = r"(?:vers|environ|autour de|aux alentours de|circa|ca\.?|~)"
_YEAR = r"(\d{4})"


class PeriodError(ValueError):
    """The words could not be read as a date or a period; ``code`` says why (empty, unknown, future)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Period:
    """The days a date or period covers, and the words as written."""

    starts_on: datetime.date
    ends_on: datetime.date
    text: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("«", " ").replace("»", " ")
    return re.sub(r"\s+", " ", plain).strip(" .,;")


def _year(value: str) -> int:
    year = int(value)
    if year < EARLIEST_YEAR:
        raise PeriodError("unknown")
    return year


def _whole_years(first: int, last: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31)


def _decade(value: str) -> int:
    """« 90 » → 1990, « 1990 » → 1990, « 2000 » → 2000, « 10 » → 2010 (« les années 20 » are the 1920s)."""
    number = int(value)
    if len(value) == 4:
        if number % 10:
            raise PeriodError("unknown")
        return number
    if number % 10 or number > 90:
        raise PeriodError("unknown")
    return 2000 + number if number < 20 else 1900 + number


def _day(year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise PeriodError("unknown") from error


def _read(text: str) -> tuple[datetime.date, datetime.date]:
    # A range of years: « 1975-1980 », « de 1975 à 1980 », « entre 1975 et 1980 ».
    if m := re.fullmatch(rf"(?:de |entre )?{_YEAR} ?(?:-|–|a|au|et|jusqu'en) ?{_YEAR}", text):
        first, last = _year(m[1]), _year(m[2])
        if last < first:
            raise PeriodError("unknown")
        return _whole_years(first, last)
    # Around a year: « vers 1975 », « 1975 environ ».
    if (m := re.fullmatch(rf"{_AROUND} ?(?:l'an |l'annee )?{_YEAR}", text)) or (
        m := re.fullmatch(rf"{_YEAR} environ", text)
    ):
        year = _year(m[1])
        return _whole_years(year - AROUND_YEARS, year + AROUND_YEARS)
    # A decade, whole or in part: « années 90 », « les années 1990 », « début des années 80 », « vers les années 60 ».
    if m := re.fullmatch(
        rf"(?:{_AROUND} )?(?:(debut|milieu|fin) )?(?:des |les )?annees (\d{{2}}|\d{{4}})", text
    ):
        start = _decade(m[2])
        part = {"debut": (0, 3), "milieu": (3, 6), "fin": (7, 9)}.get(m[1] or "", (0, 9))
        return _whole_years(start + part[0], start + part[1])
    # A century: « XIXe siècle », « 19e siècle », « début du XXe siècle ».
    if m := re.fullmatch(r"(?:(debut|milieu|fin) )?(?:du )?([ivxlc]+|\d{1,2}) ?(?:e|eme|ieme) siecle", text):
        century = _roman(m[2]) if not m[2].isdigit() else int(m[2])
        first = (century - 1) * 100 + 1
        part = {"debut": (0, 32), "milieu": (33, 65), "fin": (66, 99)}.get(m[1] or "", (0, 99))
        if first + part[0] < EARLIEST_YEAR:
            raise PeriodError("unknown")
        return _whole_years(first + part[0], first + part[1])
    # A season: « printemps 2003 », « l'été 1976 ».
    if m := re.fullmatch(rf"(?:au |a l'|en |l'|le )?(printemps|ete|automne|hiver) (?:de |d')?{_YEAR}", text):
        year = _year(m[2])
        (m1, d1), (m2, d2) = SEASONS[m[1]]
        return datetime.date(year, m1, d1), datetime.date(year, m2, d2)
    # A month: « mai 1968 », « en juin 2010 ».
    if m := re.fullmatch(rf"(?:en |au mois de )?([a-z]+)\.? {_YEAR}", text):
        if m[1] not in MONTHS:
            raise PeriodError("unknown")
        year, month = _year(m[2]), MONTHS[m[1]]
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    # A day in words: « 14 juillet 1989 », « le 1er mai 1990 ».
    if m := re.fullmatch(rf"(?:le )?(\d{{1,2}})(?:er)? ([a-z]+)\.? {_YEAR}", text):
        if m[2] not in MONTHS:
            raise PeriodError("unknown")
        day = _day(_year(m[3]), MONTHS[m[2]], int(m[1]))
        return day, day
    # A day in figures: « 14/07/1989 », « 14-07-1989 », « 1989-07-14 ».
    if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        day = _day(_year(m[3]), int(m[2]), int(m[1]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        day = _day(_year(m[1]), int(m[2]), int(m[3]))
        return day, day
    # A year: « 1982 », « en 1982 ».
    if m := re.fullmatch(rf"(?:en |l'annee |annee )?{_YEAR}", text):
        year = _year(m[1])
        return _whole_years(year, year)
    raise PeriodError("unknown")


_ROMAN: Final = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN[letter]
        following = _ROMAN[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def parse_period(text: str, *, today: datetime.date) -> Period:
    """Read a French date or period; refuse the empty, the unreadable and what starts after ``today``.

    A period that reaches beyond today (« années 2020 ») is cut at today."""
    words = (text or "").strip()
    if not words:
        raise PeriodError("empty")
    starts_on, ends_on = _read(_fold(words))
    if starts_on > today:
        raise PeriodError("future")
    return Period(starts_on=starts_on, ends_on=min(ends_on, today), text=words)

"""How dates, times, numbers, sums of money and counts read: French on French pages, English on English pages.

One home for every format a person reads, so that a page never mixes « 17 Sep 2026 » with « 1er décembre », or
« 150,000 € » with « €150,000 ». The active language (Django's ``get_language``) chooses; French is the default.
French follows the Imprimerie nationale's usage: « 1er », abbreviated months with their full stop, « 20 h 30 »,
a narrow no-break space between thousands and before « € » or « % ».
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils import timezone
from django.utils.translation import get_language

NARROW_NBSP = "\u202f"

_FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_FRENCH_SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
_ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ENGLISH_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def is_english(language: str | None = None) -> bool:
    """Whether the given language (the active one by default) is English; every other language reads French."""
    code = (language or get_language() or "fr").lower()
    return code.split("-")[0] == "en"


def _day_of(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day a person sees: an aware moment is read in the authority's time zone."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def format_date(
    value: dt.date | dt.datetime, *, short: bool = False, year: bool = True, language: str | None = None
) -> str:
    """« 1er décembre 2026 », « 17 sept. 2026 » (short), « 1 December 2026 », « 17 Sep 2026 » in English."""
    day = _day_of(value)
    if is_english(language):
        month = (_ENGLISH_SHORT_MONTHS if short else _ENGLISH_MONTHS)[day.month - 1]
        number = str(day.day)
    else:
        month = (_FRENCH_SHORT_MONTHS if short else _FRENCH_MONTHS)[day.month - 1]
        number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}" if year else f"{number} {month}"


def format_time(value: dt.time | dt.datetime, *, language: str | None = None) -> str:
    """« 20 h 30 », « 9 h » in French; « 20:30 » in English."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if is_english(language):
        return f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def format_datetime(value: dt.datetime, *, short: bool = False, language: str | None = None) -> str:
    """« 1er décembre 2026 à 20 h 30 »; « 1 December 2026 at 20:30 » in English."""
    joiner = " at " if is_english(language) else " à "
    return format_date(value, short=short, language=language) + joiner + format_time(value, language=language)


def format_number(
    value: int | float | Decimal, *, decimals: int | None = None, language: str | None = None
) -> str:
    """« 150 000 » and « 0,04 » in French (narrow no-break spaces); « 150,000 » and « 0.04 » in English.

    Without ``decimals``, an integer shows none and any other number at most two, without trailing zeros.
    """
    if decimals is None:
        text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    if is_english(language):
        return text
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def format_money(value: int | float | Decimal, *, language: str | None = None) -> str:
    """« 150 000 € » in French; « €150,000 » in English (cents only when there are some)."""
    size: int | float | Decimal = -value if value < 0 else value
    number = format_number(size, decimals=0 if value == int(value) else 2, language=language)
    sign = "−" if value < 0 else ""
    if is_english(language):
        return f"{sign}€{number}"
    return f"{sign}{number}{NARROW_NBSP}€"


def format_percent(value: int | float | Decimal, *, language: str | None = None) -> str:
    """« 12 % » in French; « 12% » in English."""
    number = format_number(value, language=language)
    return f"{number}%" if is_english(language) else f"{number}{NARROW_NBSP}%"


class PluralForms(Protocol):
    """A message with a singular and a plural form, chosen by the number ``n`` (``ngettext_lazy(..., "n")``)."""

    def __mod__(self, values: Mapping[str, object]) -> str: ...


def format_count(count: int, *, none: str, forms: PluralForms, language: str | None = None) -> str:
    """A count in words: ``none`` for zero (« aucun soutien »), then the singular or plural form with the number
    (« 1 soutien », « 2 soutiens », « 1 200 soutiens »). Never « 0 » followed by a plural noun."""
    if count == 0:
        return str(none)
    return str(forms % {"n": format_number(count, language=language), "count": count})


@dataclass(frozen=True)
class AuthorityNames:
    """The ways a sentence names the authority: « Val-de-Loirette », « Ville de Val-de-Loirette » (a title),
    « la Ville de Val-de-Loirette » (subject or object), « de la Ville de Val-de-Loirette » (complement)."""

    short: str
    name: str
    the: str
    of_the: str

    @property
    def subject(self) -> str:
        """« La Ville de Val-de-Loirette », to begin a sentence."""
        return self.the[:1].upper() + self.the[1:]


def authority_names(authority: Mapping[str, str], *, language: str | None = None) -> AuthorityNames:
    """The authority's names from its settings (``BOUQUET_AUTHORITY``) or its saved identity: ``the`` and ``of_the``
    when set, else built from the name and its ``article`` (« la » by default: « la Ville de … », « de la Ville
    de … »; « le Département » gives « du Département »).
    English sentences use the name as it is (« Ville de Val-de-Loirette invites you »)."""
    name = authority.get("name", "")
    if is_english(language):
        return AuthorityNames(short=authority.get("short_name") or name, name=name, the=name, of_the=name)
    # The article saved in the back-office (la / le / l' / les) says how « de » joins it: du, des, de la, de l'.
    article = authority.get("article") or "la"
    joined = f"{article}{name}" if article.endswith("'") else f"{article} {name}"
    contracted = {"le": f"du {name}", "les": f"des {name}"}.get(article, f"de {joined}")
    the = authority.get("the") or joined
    of_the = authority.get("of_the") or contracted
    return AuthorityNames(short=authority.get("short_name") or name, name=name, the=the, of_the=of_the)


def initials(name: str) -> str:
    """Up to two initials of a name, in capitals: « Camille Durand » gives « CD », « Participant·e n°56 » « PN »."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isalnum()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()

"""Dates, numbers, money and counts read as a French person writes them, and as an English person in English."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.translation import ngettext_lazy

from bouquet.core.french import (
    NARROW_NBSP,
    authority_names,
    format_count,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_time,
    initials,
)

CSS = Path(__file__).resolve().parents[2] / "bouquet" / "www" / "static" / "bouquet" / "bouquet.css"


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (dt.date(2026, 12, 1), "1er décembre 2026", "1er déc. 2026"),
        (dt.date(2026, 9, 17), "17 septembre 2026", "17 sept. 2026"),
        (dt.date(2027, 2, 9), "9 février 2027", "9 févr. 2027"),
        (dt.date(2027, 6, 2), "2 juin 2027", "2 juin 2027"),
        (dt.date(2027, 7, 14), "14 juillet 2027", "14 juil. 2027"),
        (dt.date(2027, 8, 11), "11 août 2027", "11 août 2027"),
    ],
)
def test_french_dates(day, long, short):
    assert format_date(day, language="fr") == long
    assert format_date(day, short=True, language="fr") == short


def test_english_dates():
    assert format_date(dt.date(2026, 12, 1), language="en") == "1 December 2026"
    assert format_date(dt.date(2026, 9, 17), short=True, language="en") == "17 Sep 2026"
    assert format_date(dt.date(2026, 12, 1), year=False, language="en") == "1 December"


def test_the_active_language_chooses():
    with translation.override("en"):
        assert format_date(dt.date(2026, 12, 26), short=True) == "26 Dec 2026"
    with translation.override("fr"):
        assert format_date(dt.date(2026, 12, 26), short=True) == "26 déc. 2026"


def test_times_and_moments_in_the_authority_time_zone():
    # 23:30 in UTC on 30 November is already 1 December in Paris.
    moment = dt.datetime(2026, 11, 30, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert format_datetime(moment, language="fr") == "1er décembre 2026 à 0 h 30"
    assert format_datetime(moment, language="en") == "1 December 2026 at 00:30"
    assert format_time(dt.time(20, 30), language="fr") == "20 h 30"
    assert format_time(dt.time(9, 0), language="fr") == "9 h"
    assert format_time(dt.time(9, 5), language="fr") == "9 h 05"


def test_numbers_money_and_percents():
    assert format_number(150_000, language="fr") == f"150{NARROW_NBSP}000"
    assert format_number(150_000, language="en") == "150,000"
    assert format_number(0.04, language="fr") == "0,04"
    assert format_number(Decimal("2.50"), language="en") == "2.5"
    assert format_money(150_000, language="fr") == f"150{NARROW_NBSP}000{NARROW_NBSP}€"
    assert format_money(150_000, language="en") == "€150,000"
    assert format_money(Decimal("1234.5"), language="fr") == f"1{NARROW_NBSP}234,50{NARROW_NBSP}€"
    assert format_money(-20, language="en") == "−€20"
    assert format_percent(12, language="fr") == f"12{NARROW_NBSP}%"
    assert format_percent(12.5, language="en") == "12.5%"


def test_counts_say_none_in_words_and_agree():
    forms = ngettext_lazy("%(n)s soutien", "%(n)s soutiens", "count")
    with translation.override("fr"):
        assert format_count(0, none="aucun soutien", forms=forms) == "aucun soutien"
        assert format_count(1, none="aucun soutien", forms=forms) == "1 soutien"
        assert format_count(2, none="aucun soutien", forms=forms) == "2 soutiens"
        assert format_count(1200, none="aucun soutien", forms=forms) == f"1{NARROW_NBSP}200 soutiens"
    with translation.override("en"):
        assert format_count(1200, none="no supporters", forms=forms) == "1,200 supporters"


def test_authority_names_carry_their_article():
    town = {"name": "Ville de Val-de-Loirette", "short_name": "Val-de-Loirette"}
    names = authority_names(town, language="fr")
    assert (names.the, names.of_the, names.subject) == (
        "la Ville de Val-de-Loirette",
        "de la Ville de Val-de-Loirette",
        "La Ville de Val-de-Loirette",
    )
    department = {
        "name": "Département de l'Indre",
        "the": "le Département de l'Indre",
        "of_the": "du Département",
    }
    assert authority_names(department, language="fr").subject == "Le Département de l'Indre"
    assert authority_names(department, language="fr").of_the == "du Département"
    assert authority_names(town, language="en").the == "Ville de Val-de-Loirette"


def test_initials():
    assert initials("Camille Durand") == "CD"
    assert initials("Jean-Pierre") == "JP"
    assert initials("amina") == "A"
    assert initials("Participant·e n°56") == "PN"
    assert initials("« »") == "?"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_avatar_colour_keeps_white_initials_readable():
    colours = re.findall(r"\.avatar-\d \{ background: (#[0-9a-f]{6}); \}", CSS.read_text(encoding="utf-8"))
    assert len(colours) == 8
    for colour in colours:
        assert 1.05 / (_luminance(colour) + 0.05) >= 4.5, colour

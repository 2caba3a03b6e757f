"""French dates and periods read into days (pure)."""

import datetime

import pytest

from bouquet.places.periods import PeriodError, parse_period

TODAY = datetime.date(2026, 12, 1)
D = datetime.date


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("1982", D(1982, 1, 1), D(1982, 12, 31)),
        ("en 1982", D(1982, 1, 1), D(1982, 12, 31)),
        ("vers 1975", D(1973, 1, 1), D(1977, 12, 31)),
        ("1975 environ", D(1973, 1, 1), D(1977, 12, 31)),
        ("années 90", D(1990, 1, 1), D(1999, 12, 31)),
        ("Les années 1990", D(1990, 1, 1), D(1999, 12, 31)),
        ("années 2000", D(2000, 1, 1), D(2009, 12, 31)),
        ("années 20", D(1920, 1, 1), D(1929, 12, 31)),
        ("début des années 80", D(1980, 1, 1), D(1983, 12, 31)),
        ("fin des années 60", D(1967, 1, 1), D(1969, 12, 31)),
        ("printemps 2003", D(2003, 3, 20), D(2003, 6, 20)),
        ("L’été 1976", D(1976, 6, 21), D(1976, 9, 22)),
        ("hiver 1954", D(1954, 1, 1), D(1954, 3, 19)),
        ("mai 1968", D(1968, 5, 1), D(1968, 5, 31)),
        ("février 2000", D(2000, 2, 1), D(2000, 2, 29)),
        ("14 juillet 1989", D(1989, 7, 14), D(1989, 7, 14)),
        ("le 1er mai 1990", D(1990, 5, 1), D(1990, 5, 1)),
        ("14/07/1989", D(1989, 7, 14), D(1989, 7, 14)),
        ("1989-07-14", D(1989, 7, 14), D(1989, 7, 14)),
        ("1975-1980", D(1975, 1, 1), D(1980, 12, 31)),
        ("entre 1975 et 1980", D(1975, 1, 1), D(1980, 12, 31)),
        ("XIXe siècle", D(1801, 1, 1), D(1900, 12, 31)),
        ("années 2020", D(2020, 1, 1), TODAY),  # cut at today
    ],
)
def test_words_are_read_into_the_days_they_cover(
    words: str, first: datetime.date, last: datetime.date
) -> None:
    period = parse_period(words, today=TODAY)
    assert (period.starts_on, period.ends_on) == (first, last)
    assert period.text == words


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("2030", "future"),
        ("printemps 2027", "future"),
        ("2 décembre 2026", "future"),
        ("31/02/2000", "unknown"),
        ("bientôt", "unknown"),
        ("années 95", "unknown"),
        ("1990-1980", "unknown"),
        ("trucmuche 1990", "unknown"),
        ("0990", "unknown"),
    ],
)
def test_what_cannot_be_read_or_lies_ahead_is_refused(words: str, code: str) -> None:
    with pytest.raises(PeriodError) as refusal:
        parse_period(words, today=TODAY)
    assert refusal.value.code == code


def test_periods_sort_by_their_first_day() -> None:
    words = ["années 90", "vers 1975", "printemps 2003", "1982"]
    ordered = sorted(words, key=lambda w: parse_period(w, today=TODAY).starts_on)
    assert ordered == ["vers 1975", "1982", "années 90", "printemps 2003"]

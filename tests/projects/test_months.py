"""Reading the dates people write in spreadsheets (pure)."""

import pytest

from bouquet.projects import months
from bouquet.projects.reading import month_messages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-06", (2019, 6)),
        ("2019-6", (2019, 6)),
        ("06/2019", (2019, 6)),
        ("2019-06-15", (2019, 6)),
        ("15/06/2019", (2019, 6)),
        ("juin 2019", (2019, 6)),
        ("Sept. 2020", (2020, 9)),
        ("1er décembre 2021", (2021, 12)),
    ],
)
def test_months_are_read_in_their_usual_forms(text: str, expected: tuple[int, int]) -> None:
    reading = months.read_month(text, messages=month_messages())
    assert reading.ok and reading.month == months.month_index(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "NON ENCORE FIXE",
        "NON LANCÉE",
        "NON LANCÉS",
        "NON DÉMARRÉES",
        "NON PRÉVUE",
        "Non ouvert",
        "NON REGISTRE",
    ],
)
def test_the_paris_no_date_words_mean_no_date_yet(text: str) -> None:
    reading = months.read_month(text, messages=month_messages())
    assert reading.ok and reading.month is None and reading.no_date_word == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2019-13", "ce mois n'existe pas"),
        ("T3 2020", "est un trimestre"),
        ("", "la case est vide"),
        ("31/02/2020", "ce jour n'existe pas"),
        ("bientôt", "n'est pas une date lisible"),
        ("1850-01", "l'année n'est pas plausible"),
    ],
)
def test_unknown_dates_get_a_french_reason(text: str, words: str) -> None:
    reading = months.read_month(text, messages=month_messages())
    assert not reading.ok and reading.month is None
    assert words in reading.error
    if text:
        assert f"« {text} »" in reading.error


def test_month_arithmetic() -> None:
    assert months.month_index(2020, 1) - months.month_index(2019, 12) == 1
    assert months.iso_month(months.month_index(2019, 6)) == "2019-06"
    assert months.first_day(months.month_index(2024, 2)).isoformat() == "2024-02-01"

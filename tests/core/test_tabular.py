"""The pure checks under every spreadsheet import: mapping by headers, rows sorted into good and bad, fingerprints."""

import datetime as dt

import pytest

from bouquet.core import tabular
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.core.tabular import Field, check_rows, fingerprint, guess_mapping, missing_columns

TODAY = dt.date(2026, 12, 1)
FIELDS = [
    Field("day", "date", parse=tabular.day(latest=TODAY), synonyms=("date de l'atelier",)),
    Field("name", "prénom ou pseudonyme", synonyms=("prénom", "pseudo")),
    Field("district", "quartier", required=False),
    Field("consent", "consentement", parse=tabular.yes_no, synonyms=("accord",)),
    Field("text", "proposition", parse=tabular.text(max_length=20)),
]


def test_headers_match_without_case_accents_or_punctuation() -> None:
    headers = ["PRENOM", "Proposition", "Date de l’atelier", "Accord ?", "Commentaire"]
    assert guess_mapping(headers, FIELDS) == {
        "day": 2,
        "name": 0,
        "district": None,
        "consent": 3,
        "text": 1,
    }
    assert missing_columns(guess_mapping(headers, FIELDS), FIELDS) == []


def test_a_header_starting_with_a_name_matches_when_nothing_matches_exactly() -> None:
    mapping = guess_mapping(["Date du jour", "Quartier (facultatif)"], FIELDS)
    assert mapping["day"] == 0
    assert mapping["district"] == 1
    assert [f.name for f in missing_columns(mapping, FIELDS)] == ["name", "consent", "text"]


def test_one_column_serves_one_field() -> None:
    fields = [Field("a", "prénom"), Field("b", "nom", synonyms=("prénom",))]
    assert guess_mapping(["prénom"], fields) == {"a": 0, "b": None}


def test_rows_are_sorted_into_good_and_bad_with_line_and_reason() -> None:
    rows = [
        ["01/12/2026", "Zoé", "", "oui", "Un banc"],
        ["", "", "", "", ""],  # an empty line is skipped, not refused
        ["02/12/2026", "Ali", "Centre", "oui", "Des arbres"],
        ["30/11/2026", "", "Nord", "peut-être", "Une proposition bien trop longue"],
        ["31/02/2026", "Lou", "", "non", "Un jardin"],
    ]
    mapping = guess_mapping(["date", "prénom", "quartier", "consentement", "proposition"], FIELDS)
    good, bad = check_rows(rows, mapping, FIELDS)
    assert [(row.line, row.values) for row in good] == [
        (2, {"day": TODAY, "name": "Zoé", "district": None, "consent": True, "text": "Un banc"})
    ]
    reasons = {row.line: row.reason for row in bad}
    assert set(reasons) == {4, 5, 6}
    assert reasons[4] == "« date » : date dans le futur : « 02/12/2026 »"
    assert "« prénom ou pseudonyme » manquant" in reasons[5]
    assert "écrivez oui ou non" in reasons[5]
    assert "texte trop long (32 caractères, 20 au plus)" in reasons[5]
    assert reasons[6] == "« date » : cette date n'existe pas : « 31/02/2026 »"


def test_a_row_level_check_refuses_a_whole_row() -> None:
    def consent_required(values: dict[str, object]) -> None:
        if not values["consent"]:
            raise ValueError("sans le consentement de la personne")

    mapping = {"day": 0, "name": 1, "district": None, "consent": 2, "text": 3}
    good, bad = check_rows(
        [["2026-11-30", "Zoé", "non", "Un banc"], ["2026-11-30", "Ali", "oui", "Un banc"]],
        mapping,
        FIELDS,
        validate=consent_required,
    )
    assert [row.line for row in good] == [3]
    assert [(row.line, row.reason) for row in bad] == [(2, "sans le consentement de la personne")]


def test_a_short_row_reads_its_missing_cells_as_empty() -> None:
    good, bad = check_rows([["30/11/2026", "Zoé"]], {"day": 0, "name": 1, "consent": 5, "text": 4}, FIELDS)
    assert good == []
    assert bad[0].reason == "« consentement » manquant ; « proposition » manquant"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1/2/2026", dt.date(2026, 2, 1)),
        ("2026-02-01", dt.date(2026, 2, 1)),
        ("01.02.26", dt.date(2026, 2, 1)),
    ],
)
def test_days_read_in_the_usual_french_shapes(cell: str, expected: dt.date) -> None:
    assert tabular.parse_date(cell) == expected


def test_fingerprint_names_a_file_by_its_bytes() -> None:
    assert fingerprint(b"a;b\n1;2\n") == fingerprint(b"a;b\n1;2\n")
    assert fingerprint(b"a;b\n1;2\n") != fingerprint(b"a;b\n1;3\n")
    assert len(fingerprint(b"")) == 64


def test_latin1_and_utf8_with_or_without_bom_read_the_same() -> None:
    text = "prénom;quartier\nZoé;Saint-Étienne\n"
    for data in (text.encode("latin-1"), text.encode("utf-8"), text.encode("utf-8-sig")):
        assert read_table(data) == [["prénom", "quartier"], ["Zoé", "Saint-Étienne"]]


def test_an_unknown_encoding_is_refused_in_french() -> None:
    with pytest.raises(UnreadableTable, match="Encodage du fichier inconnu"):
        read_table("prénom;quartier\nZoé;Nord\n".encode("utf-32"))

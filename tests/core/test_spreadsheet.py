"""Text that a spreadsheet would run as a formula is written as plain text."""

import pytest

from bouquet.core.spreadsheet import UnreadableTable, neutralise, read_table


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://x","y")', "+cmd", "-1+1", "@SUM(1)", "\t=1", "\r=1", "=1+1"]
)
def test_formulas_become_text(typed: str) -> None:
    assert neutralise(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Un banc place du marché", "1 000 €", "", 12, -3, 2.5, None, "a=b"])
def test_everything_else_is_unchanged(value: object) -> None:
    assert neutralise(value) == value


def test_a_table_is_read_from_csv_with_its_separator_and_encoding() -> None:
    text = "nom;prénom\nLefèvre;Zoé\n\n"
    for encoding in ("utf-8", "utf-8-sig", "cp1252", "utf-16"):
        assert read_table(text.encode(encoding)) == [["nom", "prénom"], ["Lefèvre", "Zoé"]], encoding
    assert read_table(b"a,b\n1,2\n") == [["a", "b"], ["1", "2"]]


def test_a_formula_in_a_cell_is_read_as_text_and_never_run() -> None:
    assert read_table(b'nom;adresse\n=HYPERLINK("http://x");+cmd\n')[1] == ['=HYPERLINK("http://x")', "+cmd"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"nom\x00\x01;\x02", "Encodage du fichier inconnu"),
        ("nom;prénom".encode("utf-16-le"), "Encodage du fichier inconnu"),
        (b"PK\x03\x04pas vraiment un classeur", "Ce fichier Excel est illisible"),
    ],
)
def test_unreadable_files_are_refused_in_french(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableTable, match=message):
        read_table(data)

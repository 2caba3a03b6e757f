"""Cells that spreadsheets will not run. Pure Python (no Django), so the engines' command lines use it too."""

import csv
import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and carriage return, may
# shift it into the next cell): text people typed must never run as one when an agent opens an export.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Return ``value`` unchanged unless it is text a spreadsheet would read as a formula; that text gets a
    leading apostrophe, which spreadsheets show as plain text. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# The longest cell our readers accept (the csv module's own default). A library may raise the csv module's
# process-wide limit when it is imported (petl, under frictionless, does): our readers set theirs while they
# read, and put the previous one back.
CELL_LIMIT = 131_072


@contextmanager
def cell_limit(limit: int = CELL_LIMIT) -> Iterator[int]:
    """Read CSV with cells of at most ``limit`` characters (the csv module's limit, restored afterwards)."""
    previous = csv.field_size_limit(limit)
    try:
        yield limit
    finally:
        csv.field_size_limit(previous)


class UnreadableTable(ValueError):
    """A file that cannot be read as a table; the message says why, in French."""


XLSX_MAGIC = b"PK\x03\x04"


def _is_text(text: str) -> bool:
    """Whether decoded text holds no control character a text export never holds (NUL, C0 and C1 controls)."""
    return not any((ord(c) < 32 and c not in "\t\r\n") or 0x7F <= ord(c) < 0xA0 for c in text[:65536])


def _decode(data: bytes) -> str:
    """Text of a CSV file: UTF-16 with its mark, UTF-8 (with or without mark), else Windows' cp1252, else Latin-1
    (ISO-8859-1). Refuse bytes no text export holds (NUL, control characters), which mean another encoding (UTF-32,
    EBCDIC…) or no text at all."""
    encodings = (
        ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252", "latin-1")
    )
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_text(text):
            return text
    raise UnreadableTable(
        "Encodage du fichier inconnu : enregistrez-le en CSV UTF-8 (ou au format Excel .xlsx), puis recommencez."
    )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(data: bytes, *, max_rows: int = 500_000) -> list[list[str]]:
    """The rows of a CSV (separator found among , ; tab) or of the first sheet of an .xlsx file, every cell as
    text (dates as YYYY-MM-DD); the header is the first row. Raises ``UnreadableTable`` with a French message."""
    if not data.strip():
        raise UnreadableTable("Le fichier est vide.")
    rows: list[list[str]] = []
    if data.startswith(XLSX_MAGIC):
        import openpyxl  # noqa: PLC0415 - only uploads of .xlsx files pay for it, not the engines' command lines

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # noqa: BLE001 - any broken archive gets the same French answer
            raise UnreadableTable(
                "Ce fichier Excel est illisible ; enregistrez-le en CSV, puis recommencez."
            ) from error
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            if len(rows) > max_rows:
                break
            rows.append([_cell_text(value) for value in row])
        book.close()
    else:
        text = _decode(data)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        # Quotes inside a quoted cell are doubled (RFC 4180); the sniffer sometimes guesses otherwise (the Paris
        # winners' file: « "Des ""mallettes de jeux "" dans les écoles" » lost its quotes).
        reader = csv.reader(io.StringIO(text, newline=""), dialect, doublequote=True)
        try:
            with cell_limit():
                for row in reader:
                    if len(rows) > max_rows:
                        break
                    rows.append([cell.strip() for cell in row])
        except csv.Error as error:
            raise UnreadableTable(
                f"Ligne {reader.line_num} : un guillemet n'est jamais refermé ou une cellule est trop longue."
            ) from error
    if len(rows) > max_rows:
        raise UnreadableTable(f"Le fichier dépasse {max_rows} lignes.")
    while rows and not any(rows[-1]):
        rows.pop()
    return rows

"""Write an export table as CSV (open data: comma, UTF-8; officers: semicolon, UTF-8 with BOM), XLSX or JSON.

Every text cell of a CSV or XLSX file goes through ``core.spreadsheet.neutralise``: titles and comments come from
inhabitants, and none may run as a formula when an officer opens the file."""

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

from django.utils import timezone

from bouquet.analytics.exports.registry import ExportTable, Row
from bouquet.core.spreadsheet import neutralise

BOM = "\ufeff"


class Format(StrEnum):
    OPEN_CSV = "csv"  # comma, UTF-8, no BOM: what open-data tools (and frictionless) read
    OFFICE_CSV = "csv-tableur"  # semicolon, UTF-8 with BOM: what a French spreadsheet opens as it is
    XLSX = "xlsx"
    JSON = "json"


CONTENT_TYPES = {
    Format.OPEN_CSV: "text/csv; charset=utf-8",
    Format.OFFICE_CSV: "text/csv; charset=utf-8",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.JSON: "application/json",
}
EXTENSIONS = {Format.OPEN_CSV: "csv", Format.OFFICE_CSV: "csv", Format.XLSX: "xlsx", Format.JSON: "json"}


def _text(value: Any) -> Any:
    """One cell as Table Schema reads it: ISO dates and times (UTC), true/false, empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(value)


class _Line:
    """A file-like object that hands back what the CSV writer wrote, one line at a time."""

    def write(self, value: str) -> str:
        return value


def csv_lines(table: ExportTable, rows: Iterable[Row], *, officer: bool = False) -> Iterator[str]:
    """The table as CSV text, line by line (for a streamed response)."""
    writer = csv.writer(_Line(), delimiter=";" if officer else ",", lineterminator="\r\n")  # type: ignore[arg-type]
    header: str = writer.writerow(table.headers)  # type: ignore[func-returns-value]
    yield (BOM + header) if officer else header
    for row in rows:
        yield writer.writerow([_text(cell) for cell in row])  # type: ignore[func-returns-value]


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None)  # spreadsheets know no time zones
    if isinstance(value, str):
        return neutralise(value)
    return value


def xlsx_bytes(table: ExportTable, rows: Iterable[Row]) -> bytes:
    """The table as an Excel workbook of one sheet (written row by row, in constant memory)."""
    import openpyxl  # noqa: PLC0415 - only officers' files pay for it

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title=table.name[:31])
    sheet.append(table.headers)
    for row in rows:
        sheet.append([_cell(cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_chunks(table: ExportTable, rows: Iterable[Row], *, schema_url: str = "") -> Iterator[str]:
    """The table as a JSON document ``{"schema": url, "data": [{column: value}, ...]}``, piece by piece."""
    names = table.headers
    yield '{"schema": ' + json.dumps(schema_url) + ', "data": ['
    first = True
    for row in rows:
        record = {name: _json_value(value) for name, value in zip(names, row, strict=True)}
        yield ("" if first else ", ") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "]}\n"


def file_bytes(table: ExportTable, rows: Iterable[Row], fmt: Format, *, schema_url: str = "") -> bytes:
    """The whole file in one piece (for the officers' files built in the background)."""
    if fmt == Format.XLSX:
        return xlsx_bytes(table, rows)
    if fmt == Format.JSON:
        return "".join(json_chunks(table, rows, schema_url=schema_url)).encode()
    return "".join(csv_lines(table, rows, officer=fmt == Format.OFFICE_CSV)).encode()

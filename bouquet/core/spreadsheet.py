"""Cells that spreadsheets will not run. Pure Python (no Django), so the engines' command lines use it too."""

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

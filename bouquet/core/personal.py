"""Small helpers for each app's reader of a person's data (``selectors.personal_data``), which the privacy app
composes into the export a person downloads (docs/decisions/0013)."""

from typing import Any

Rows = list[dict[str, Any]]


def iso(value: Any) -> Any:
    """Dates and times as ISO text (JSON and CSV read them alike); anything else as it is."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def rows(queryset: Any, fields: list[str]) -> Rows:
    """The ``fields`` of each row of ``queryset`` (lookups through relations allowed), dates as ISO text."""
    return [{field: iso(row[field]) for field in fields} for row in queryset.values(*fields)]


def scrub(text: str, names: list[str], replacement: str) -> str:
    """``text`` with each of ``names`` (ignoring empty ones, longest first) replaced by ``replacement``."""
    for name in sorted({n for n in names if n and n.strip()}, key=len, reverse=True):
        text = text.replace(name, replacement)
    return text

"""Validate a CSV against its Table Schema with the frictionless library (the reference implementation)."""

from pathlib import Path
from typing import Any

from frictionless import Resource, Schema, system


def errors_of(csv_bytes: bytes, schema: dict[str, Any], folder: Path, name: str = "table") -> list[str]:
    """Every error frictionless finds in the file against the schema (an empty list: it validates)."""
    path = folder / f"{name}.csv"
    path.write_bytes(csv_bytes)
    descriptor = {key: value for key, value in schema.items() if key not in ("$schema", "foreignKeys")}
    with system.use_context(trusted=True):
        report = Resource(path=str(path), schema=Schema.from_descriptor(descriptor)).validate()
    return [error.message for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]

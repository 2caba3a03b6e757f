"""The export tables other modules register, and the Table Schema (frictionless) that documents each one."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.utils.functional import Promise

from bouquet.processes.models import Process

FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime"]
Row = Sequence[Any]


@dataclass(frozen=True)
class Column:
    """One column of an export table, as its Table Schema describes it."""

    name: str
    type: FieldType
    title: str | Promise
    description: str | Promise
    required: bool = False
    unique: bool = False
    minimum: int | None = None
    maximum: int | None = None
    enum: tuple[str, ...] | None = None
    example: str | None = None

    def descriptor(self) -> dict[str, Any]:
        """This column as a Table Schema field descriptor."""
        described: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "title": str(self.title),
            "description": str(self.description),
        }
        if self.type == "datetime":
            described["format"] = "any"
        if self.example is not None:
            described["example"] = self.example
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if constraints:
            described["constraints"] = constraints
        return described


def _always(process: Process) -> bool:
    return True


@dataclass(frozen=True)
class ExportTable:
    """A table of rows for one process: its columns, how to read its rows (in column order, streamed), how many
    there are and when they last changed (both aggregated in SQL), and whether the process has it at all."""

    name: str  # in URLs: /donnees-ouvertes/<process>/<name>.csv
    title: str | Promise
    description: str | Promise
    columns: tuple[Column, ...]
    rows: Callable[[Process], Iterable[Row]]
    count: Callable[[Process], int]
    updated: Callable[[Process], dt.datetime | None]
    available: Callable[[Process], bool] = _always
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # (column, other table, its column)
    position: int = 100  # where the open-data page lists it

    def schema(self) -> dict[str, Any]:
        """The table's Table Schema (https://specs.frictionlessdata.io/table-schema/)."""
        schema: dict[str, Any] = {
            "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
            "name": self.name,
            "title": str(self.title),
            "description": str(self.description),
            "fields": [column.descriptor() for column in self.columns],
            "missingValues": [""],
        }
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": table, "fields": other}}
                for column, table, other in self.foreign_keys
            ]
        return schema

    @property
    def headers(self) -> list[str]:
        return [column.name for column in self.columns]

    def dicts(self, process: Process) -> Iterator[dict[str, Any]]:
        """The rows as dictionaries keyed by column name (for JSON)."""
        names = self.headers
        for row in self.rows(process):
            yield dict(zip(names, row, strict=True))


REGISTRY: dict[str, ExportTable] = {}


def register(table: ExportTable) -> ExportTable:
    """Add a table to the open data (its name must be new)."""
    if table.name in REGISTRY:
        raise ValueError(f"an export table is already called {table.name!r}")
    REGISTRY[table.name] = table
    return table


def tables_for(process: Process) -> list[ExportTable]:
    """The tables a process has (in the order they were registered)."""
    tables = sorted(REGISTRY.values(), key=lambda table: table.position)
    return [table for table in tables if table.available(process)]


def table_of(process: Process, name: str) -> ExportTable | None:
    """The table called ``name`` if the process has it."""
    table = REGISTRY.get(name)
    return table if table is not None and table.available(process) else None

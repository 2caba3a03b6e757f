"""The open-data catalogue, read only: every published table of a process with its stable URLs, its Table Schema,
its size, row count and last update, and the licence they are published under."""

import datetime as dt

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from bouquet.analytics.rules import is_open_data
from bouquet.analytics.selectors import ProcessData, open_data_catalogue, pabulib_files, published_tables
from bouquet.places.models import OPEN_DATA_LICENCE_URLS, OpenDataLicence
from bouquet.places.selectors import authority_profile
from bouquet.processes.models import Process

router = Router(tags=["open data"])


class LicenceOut(Schema):
    code: str
    title: str
    url: str


class TableOut(Schema):
    name: str
    title: str
    description: str
    rows: int
    size: int
    updated_at: dt.datetime | None
    csv_url: str
    json_url: str
    schema_url: str


class PabulibOut(Schema):
    budget_id: int
    part: str
    size: int
    updated_at: dt.datetime
    url: str


class ProcessDataOut(Schema):
    slug: str
    title: str
    package_url: str
    tables: list[TableOut]
    pabulib: list[PabulibOut]


class CatalogueOut(Schema):
    licence: LicenceOut
    processes: list[ProcessDataOut]


def _licence() -> dict[str, str]:
    chosen = OpenDataLicence(authority_profile().open_data_licence)
    return {"code": chosen.value, "title": str(chosen.label), "url": OPEN_DATA_LICENCE_URLS[chosen]}


def _described(request: HttpRequest, entry: ProcessData) -> dict[str, object]:
    slug = entry.process.slug

    def url(name: str, *args: object) -> str:
        return request.build_absolute_uri(reverse(name, args=args))

    return {
        "slug": slug,
        "title": entry.process.title,
        "package_url": url("opendata:package", slug),
        "tables": [
            {
                "name": item.table.name,
                "title": str(item.table.title),
                "description": str(item.table.description),
                "rows": item.rows,
                "size": item.size,
                "updated_at": item.updated,
                "csv_url": url("opendata:csv", slug, item.table.name),
                "json_url": url("opendata:json", slug, item.table.name),
                "schema_url": url("opendata:schema", slug, item.table.name),
            }
            for item in entry.tables
        ],
        "pabulib": [
            {
                "budget_id": file.budget_pk,
                "part": file.part,
                "size": file.size,
                "updated_at": file.updated,
                "url": url("budgets:pb", file.budget_pk, file.part),
            }
            for file in entry.pabulib
        ],
    }


@router.get("/open-data", response=CatalogueOut, summary="The open-data catalogue")
def catalogue(request: HttpRequest) -> dict[str, object]:
    """Every public process with its published tables (CSV, JSON, Table Schema) and pabulib files."""
    return {"licence": _licence(), "processes": [_described(request, e) for e in open_data_catalogue()]}


@router.get("/open-data/{slug}", response=ProcessDataOut, summary="The open data of one process")
def process_data(request: HttpRequest, slug: str) -> dict[str, object]:
    """One public process's tables and files (404 for a process that does not exist or is not published)."""
    process = Process.objects.filter(slug=slug).first()
    if process is None or not is_open_data(process):
        raise Http404(
            _("Ces données ne sont pas publiées : la démarche n'existe pas ou n'est pas encore publique.")
        )
    return _described(request, ProcessData(process, published_tables(process), pabulib_files(process)))

"""The open data: a page listing every published file with its licence, and each file at a stable URL
(``/donnees-ouvertes/<process>/<table>.csv``, ``.json``, ``.schema.json``), streamed as it is read."""

import json
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bouquet.analytics.exports.formats import CONTENT_TYPES, Format, csv_lines, json_chunks
from bouquet.analytics.exports.registry import ExportTable, table_of, tables_for
from bouquet.analytics.rules import is_open_data
from bouquet.analytics.selectors import open_data_catalogue
from bouquet.places.models import OPEN_DATA_LICENCE_URLS, OpenDataLicence
from bouquet.places.selectors import authority_profile
from bouquet.processes.models import Process


def licence() -> dict[str, str]:
    """The licence the authority chose, with its label and the address of its text."""
    chosen = OpenDataLicence(authority_profile().open_data_licence)
    return {"code": chosen.value, "label": str(chosen.label), "url": OPEN_DATA_LICENCE_URLS[chosen]}


def _unavailable(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "opendata/unavailable.html", {"message": message}, status=404)


def _published(request: HttpRequest, slug: str, name: str) -> tuple[Process, ExportTable] | HttpResponse:
    """The process and its table, or a page that says (404) why there is nothing here: a process that does
    not exist and one not yet published answer alike, so that nothing reveals an unpublished one."""
    process = Process.objects.filter(slug=slug).first()
    if process is None or not is_open_data(process):
        return _unavailable(
            request,
            _("Ces données ne sont pas publiées : la démarche n'existe pas ou n'est pas encore publique."),
        )
    table = table_of(process, name)
    if table is None:
        return _unavailable(
            request, _("Cette démarche ne publie pas de fichier « %(name)s ».") % {"name": name}
        )
    return process, table


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    """Every published file, by process, with its licence, size, rows and last update."""
    return render(
        request, "opendata/catalogue.html", {"entries": open_data_catalogue(), "licence": licence()}
    )


CHUNK_BYTES = 64 * 1024


def _batched(pieces: Iterator[str]) -> Iterator[bytes]:
    """Lines gathered into chunks of about 64 KB: each chunk costs a trip through the server, not each line."""
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK_BYTES:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def _stream(chunks: Iterator[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_batched(chunks), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def table_csv(request: HttpRequest, slug: str, table: str) -> HttpResponseBase:
    """One table as open-data CSV (comma, UTF-8), streamed."""
    found = _published(request, slug, table)
    if isinstance(found, HttpResponse):
        return found
    process, export = found
    response = _stream(
        csv_lines(export, export.rows(process)), CONTENT_TYPES[Format.OPEN_CSV], f"{slug}-{export.name}.csv"
    )
    response["Link"] = f'<{schema_url(request, process, export)}>; rel="describedby"'
    return response


def schema_url(request: HttpRequest, process: Process, table: ExportTable) -> str:
    return request.build_absolute_uri(reverse("opendata:schema", args=[process.slug, table.name]))


@require_GET
def table_json(request: HttpRequest, slug: str, table: str) -> HttpResponseBase:
    """One table as JSON ``{"schema": …, "data": [...]}``, streamed."""
    found = _published(request, slug, table)
    if isinstance(found, HttpResponse):
        return found
    process, export = found
    chunks = json_chunks(export, export.rows(process), schema_url=schema_url(request, process, export))
    return _stream(chunks, CONTENT_TYPES[Format.JSON], f"{slug}-{export.name}.json")


@require_GET
def table_schema(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    """The Table Schema (frictionless) that documents one table."""
    found = _published(request, slug, table)
    if isinstance(found, HttpResponse):
        return found
    _process, export = found
    response = JsonResponse(export.schema(), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def data_package(request: HttpRequest, slug: str) -> HttpResponse:
    """A Data Package (frictionless) describing every table of a process: what tools load in one go."""
    process = Process.objects.filter(slug=slug).first()
    if process is None or not is_open_data(process):
        return _unavailable(
            request,
            _("Ces données ne sont pas publiées : la démarche n'existe pas ou n'est pas encore publique."),
        )
    chosen = licence()
    package = {
        "name": slug,
        "title": process.title,
        "licenses": [{"name": chosen["code"], "title": chosen["label"], "path": chosen["url"]}],
        "resources": [
            {
                "name": table.name,
                "title": str(table.title),
                "description": str(table.description),
                "path": request.build_absolute_uri(reverse("opendata:csv", args=[slug, table.name])),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema_url(request, process, table),
            }
            for table in tables_for(process)
        ],
    }
    response = HttpResponse(
        json.dumps(package, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""The authority's dashboards, the reach page (who the process does not reach yet), the districts' populations,
and the open data seen from the back-office: its licence and the officers' files built in the background."""

import csv

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.analytics import flows, selectors
from bouquet.analytics.exports.formats import CONTENT_TYPES, EXTENSIONS, Format
from bouquet.analytics.exports.registry import tables_for
from bouquet.analytics.models import ExportJob
from bouquet.analytics.selectors import Figure
from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.analytics.forms import ExportForm, LicenceForm, PopulationForm
from bouquet.backoffice.pages import form_page
from bouquet.core import charts
from bouquet.core.errors import DomainError
from bouquet.core.forms import add_domain_errors
from bouquet.core.french import format_date
from bouquet.core.spreadsheet import neutralise
from bouquet.places import services as places
from bouquet.places.models import District
from bouquet.places.selectors import authority_profile
from bouquet.processes.models import Process


def _scope(request: HttpRequest) -> Process | None:
    """The process chosen with ``?demarche=<id>``, or None for the whole territory."""
    chosen = request.GET.get("demarche", "")
    if not chosen:
        return None
    if not chosen.isdigit():
        raise Http404
    return get_object_or_404(Process, pk=int(chosen))


def _label(value: object) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return format_date(value, short=True)  # type: ignore[arg-type]
    return str(value)


def as_chart(figure: Figure) -> charts.Chart:
    """A figure as the chart that draws it (its first column labels the rows)."""
    unit = charts.Unit.PERCENT if figure.columns[figure.drawn[0]][1] == "percent" else charts.Unit.NUMBER
    labels = [_label(row[0]) for row in figure.rows]
    series = [
        charts.Series(
            str(figure.columns[index][0]),
            [row[index] if isinstance(row[index], int | float) else None for row in figure.rows],  # type: ignore[misc]
        )
        for index in figure.drawn
    ]
    kind = charts.LineChart if figure.chart == "line" and len(labels) > 1 else charts.BarChart
    return kind(
        title=str(figure.title),
        labels=labels,
        series=series,
        unit=unit,
        description=str(figure.description),
        label_heading=str(figure.columns[0][0]),
    )


def _csv_url(key: str, process: Process | None) -> str:
    url = reverse("backoffice:dashboard-csv", args=[key])
    return f"{url}?demarche={process.pk}" if process else url


@require_GET
@back_office_page()
def dashboards(request: HttpRequest) -> HttpResponse:
    """Participation over time, by origin and district against population, who is not reached, supports and
    votes, bouquets, and the time the authority takes to answer: for one process or the whole territory."""
    process = _scope(request)
    board = selectors.dashboard(process=process)
    items = [
        {"figure": figure, "chart": as_chart(figure), "csv_url": _csv_url(figure.key, process)}
        for figure in board.figures
        if figure.rows
    ]
    context = {
        "board": board,
        "items": items,
        "empty": [figure for figure in board.figures if not figure.rows],
        "process": process,
        "processes": selectors.processes_for_dashboards(),
    }
    return render(request, "backoffice/analytics/dashboard.html", context)


@require_GET
@back_office_page()
def dashboard_csv(request: HttpRequest, key: str) -> HttpResponse:
    """Every column of one figure as CSV (comma, UTF-8), formula-safe."""
    process = _scope(request)
    figure = selectors.figure(key=key, process=process)
    if figure is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{key}-{process.slug}" if process else key
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(figure.headers)
    for row in figure.rows:
        writer.writerow(
            [
                "" if cell is None else cell.isoformat() if hasattr(cell, "isoformat") else neutralise(cell)
                for cell in row
            ]
        )
    return response


@require_GET
@back_office_page()
def reach(request: HttpRequest) -> HttpResponse:
    """Contributions per origin and district against each district's population, and the districts reached
    least: what the lab has to go toward."""
    process = _scope(request)
    districts = selectors.district_reach(process=process)
    figure = selectors.reach_by_origin_and_district(process=process, reach=districts)
    least = selectors.least_reached(process=process, reach=districts)
    context = {
        "process": process,
        "processes": selectors.processes_for_dashboards(),
        "figure": figure,
        "chart": as_chart(figure),
        "csv_url": _csv_url(figure.key, process),
        "least": least,
        "missing_population": [row.name for row in districts if row.district and not row.population],
    }
    return render(request, "backoffice/analytics/reach.html", context)


@back_office_page()
def populations(request: HttpRequest) -> HttpResponse:
    """Send a table of each district's number of inhabitants; every bad row is listed and nothing is saved."""
    form = PopulationForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            count = places.import_district_populations(data=form.cleaned_data["file"].read())
        except places.PopulationFileRefused as error:
            add_domain_errors(form, error)
            row_errors, status = error.row_errors, error.status_code
        else:
            messages.success(
                request,
                _("Les populations de %(count)s quartiers sont enregistrées.") % {"count": count}
                if count > 1
                else _("La population d'un quartier est enregistrée."),
            )
            return redirect("backoffice:populations")
    elif request.method == "POST":
        status = 422
    context = {"form": form, "row_errors": row_errors, "districts": District.objects.order_by("name")}
    return render(request, "backoffice/analytics/populations.html", context, status=status)


@back_office_page()
def open_data(request: HttpRequest) -> HttpResponse:
    """The licence of the open data, and for each process its tables, to download in the officers' formats."""
    profile = authority_profile()
    form = LicenceForm(request.POST or None, initial={"licence": profile.open_data_licence})
    processes = list(Process.objects.order_by("-created_at"))
    return form_page(
        request,
        form,
        lambda: places.set_open_data_licence(licence=form.cleaned_data["licence"]),
        template="backoffice/analytics/open_data.html",
        context={
            "processes": [(process, tables_for(process)) for process in processes],
            "export_form": ExportForm(),
            "jobs": ExportJob.objects.select_related("process").defer("data")[:10],
        },
        done=_("La licence des données ouvertes est enregistrée."),
        then=lambda saved: redirect("backoffice:open-data"),
    )


@require_POST
@back_office_page()
def export_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for one table of a process as a file; the worker writes it while the progress page waits."""
    process = get_object_or_404(Process, pk=pk)
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez un tableau et un format."))
        return redirect("backoffice:open-data")
    try:
        job = flows.request_export(
            agent=staff_user(request),
            process=process,
            table=form.cleaned_data["table"],
            fmt=form.cleaned_data["format"],
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("backoffice:open-data")
    return redirect("backoffice:export", pk=job.pk)


@require_GET
@back_office_page()
def export_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """How far a file has gone (htmx refreshes it; the page reloads itself without JavaScript), then its link."""
    job = get_object_or_404(ExportJob.objects.select_related("process").defer("data"), pk=pk)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "backoffice/analytics/_export_progress.html", {"job": job})
    return render(request, "backoffice/analytics/export_progress.html", {"job": job})


@require_GET
@back_office_page()
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The finished file."""
    job = get_object_or_404(ExportJob.objects.select_related("process"), pk=pk)
    if job.state != ExportJob.State.DONE:
        return render(
            request,
            "opendata/unavailable.html",
            {"message": _("Ce fichier n'est pas encore prêt : revenez à la page d'avancement.")},
            status=409,
        )
    fmt = Format(job.format)
    response = HttpResponse(bytes(job.data), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{job.process.slug}-{job.table}.{EXTENSIONS[fmt]}"'
    )
    return response

"""The CSV download beside each chart (the figures of ``bouquet/core/charts.py``, raw, formula-safe)."""

import csv

from django.http import HttpResponse

from bouquet.core import charts
from bouquet.core.spreadsheet import neutralise


def csv_response(chart: charts.Chart, filename: str) -> HttpResponse:
    """The chart's figures as a CSV file (comma, UTF-8, as open data expects); text cells cannot run as formulas."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in charts.csv_rows(chart):
        writer.writerow([neutralise(str(cell)) if isinstance(cell, str) else cell for cell in row])
    return response

"""Charts drawn on the server: every figure in the image's description and in the table, text escaped, the
CSV beside them formula-safe, values written in the page's language."""

import csv
import io
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from bouquet.core import charts
from bouquet.core.chart_views import csv_response


def plain(value: float) -> str:
    return f"{value:g}"


def test_bar_chart_describes_every_figure_and_escapes_text() -> None:
    chart = charts.BarChart(
        title="Participants <par> quartier",
        labels=["Nord & Est", "Centre"],
        series=[charts.Series("En ligne", [120, 80]), charts.Series("Ateliers", [14, None])],
    )
    drawn = charts.svg(chart, plain, chart_id="g1")
    assert drawn.startswith('<svg role="img" aria-labelledby="g1-title g1-desc"')
    assert '<title id="g1-title">Participants &lt;par&gt; quartier</title>' in drawn
    desc = re.search(r'<desc id="g1-desc">(.*?)</desc>', drawn)
    assert desc is not None
    assert desc.group(1) == "Nord &amp; Est : En ligne 120, Ateliers 14 ; Centre : En ligne 80"
    # three bars (the unknown value draws nothing), and a legend square per series
    assert drawn.count('class="chart-bar chart-series-') == 3
    assert "<par>" not in drawn and "Nord & Est" not in drawn


def test_bars_are_scaled_to_the_largest_value() -> None:
    chart = charts.BarChart(title="t", labels=["a", "b"], series=[charts.Series("s", [50, 100])])
    widths = [
        float(w)
        for w in re.findall(
            r'<rect x="200" y="[\d.]+" width="([\d.]+)"', charts.svg(chart, plain, chart_id="x")
        )
    ]
    assert len(widths) == 2
    assert widths[1] == pytest.approx(2 * widths[0])
    assert widths[1] == pytest.approx(charts.WIDTH - charts.LABEL_WIDTH - 90)


def test_a_series_of_the_wrong_length_is_refused() -> None:
    chart = charts.BarChart(title="t", labels=["a", "b"], series=[charts.Series("s", [1])])
    with pytest.raises(ValueError, match="one value per label"):
        charts.svg(chart, plain, chart_id="x")


def test_nice_maximum() -> None:
    assert charts.nice_maximum(0) == 1
    assert charts.nice_maximum(7) == 10
    assert charts.nice_maximum(180) == 200
    assert charts.nice_maximum(2400) == 2500
    assert charts.nice_maximum(0.3) == pytest.approx(0.5)


def test_line_chart_breaks_on_unknown_values_and_gives_each_series_a_marker() -> None:
    chart = charts.LineChart(
        title="Par semaine",
        labels=["S1", "S2", "S3", "S4"],
        series=[charts.Series("Votes", [1, 2, None, 4]), charts.Series("Soutiens", [0, 1, 1, 1])],
    )
    drawn = charts.svg(chart, plain, chart_id="l")
    paths = re.findall(r'<path d="([^"]+)" class="chart-line chart-series-(\d)"', drawn)
    assert [series for _, series in paths] == ["0", "1"]
    assert paths[0][0].count("M") == 2  # the pen lifts over the unknown week
    assert "<circle" in drawn and "<rect" in drawn  # circles for the first series, squares for the second


def test_range_chart_table_and_csv() -> None:
    chart = charts.RangeChart(
        title="Mois entre le vote et l'ouverture",
        labels=["Espaces verts", "Culture"],
        ranges=[charts.Range(12, 20.5, 31, count=40), None],
        unit=charts.Unit.MONTHS,
        label_heading="Thème",
    )
    headings, rows = charts.table_rows(chart, plain)
    assert headings == ["Thème", "Q1", "Médiane", "Q3", "Nombre"]
    assert rows == [["Espaces verts", "12", "20.5", "31", "40"], ["Culture", "—", "—", "—", "0"]]
    assert charts.csv_rows(chart)[1] == ["Espaces verts", 12, 20.5, 31, 40]


def test_chart_tag_writes_values_in_french_and_in_english() -> None:
    chart = charts.RangeChart(
        title="Délais", labels=["Voirie"], ranges=[charts.Range(1, 1.5, 24, count=3)], unit=charts.Unit.MONTHS
    )
    template = Template("{% load bouquet_tags %}{% chart chart csv_url='/x.csv' %}")
    with translation.override("fr"):
        html = template.render(Context({"chart": chart}))
    assert "<td>1,5\u202fmois</td>" in html or "<td>1,5 mois</td>" in html
    assert '<th scope="col">Médiane</th>' in html
    assert 'href="/x.csv"' in html
    assert "Voirie\u00a0: 1,5" in html  # French spacing before the colon in the description
    with translation.override("en"):
        html = template.render(Context({"chart": chart}))
    assert "<td>24 months</td>" in html
    assert "Voirie: 1.5 months" in html


def test_csv_download_is_formula_safe() -> None:
    chart = charts.BarChart(
        title="t", labels=['=HYPERLINK("http://x","y")'], series=[charts.Series("n", [3])]
    )
    response = csv_response(chart, "chiffres.csv")
    assert response["Content-Disposition"] == 'attachment; filename="chiffres.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["label", "n"], ['\'=HYPERLINK("http://x","y")', "3"]]


def test_a_single_series_may_show_each_values_share() -> None:
    chart = charts.BarChart(
        title="Budget", labels=["Nord", "Sud"], series=[charts.Series("Montant", [300, 100])], show_share=True
    )
    headings, rows = charts.table_rows(chart, plain)
    assert headings == ["", "Montant", "Part"]
    assert rows == [["Nord", "300", "75 %"], ["Sud", "100", "25 %"]]
    assert "Nord : 300 (75 %) ; Sud : 100 (25 %)" in charts.svg(chart, plain, chart_id="b")
    two = charts.BarChart(
        title="t", labels=["a"], series=[charts.Series("x", [1]), charts.Series("y", [2])], show_share=True
    )
    with pytest.raises(ValueError, match="one series"):
        charts.svg(two, plain, chart_id="b")

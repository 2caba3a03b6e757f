"""Charts drawn on the server as accessible SVG, each with the same figures as a table (pure: no Django).

A page builds a chart from figures it already has, and the template shows it with ``{% chart the_chart %}``
(tag in ``bouquet/www/templatetags/bouquet_tags.py``, template ``core/_chart.html``): a ``<figure>`` holding one
``<svg role="img">`` with a title and a description that reads every figure, the table of the same figures beside
it (the screen reader's and the phone's way in), and a link to download them as CSV when the view gives a
``csv_url`` (``bouquet.core.chart_views.csv_response`` answers it). Three kinds:

- ``BarChart``: one horizontal bar per label, or a group of bars when there are several series
  (participation per district, online against workshops);
- ``LineChart``: series over ordered periods (participants per week);
- ``RangeChart``: first quartile, median and third quartile per label (months from vote to opening, per theme).

Example (a selector returns the figures; the view wraps them)::

    chart = BarChart(
        title=_("Participants par quartier"),
        labels=["Nord", "Centre"],
        series=[Series(_("En ligne"), [120, 80]), Series(_("Ateliers"), [14, None])],
        unit=Unit.NUMBER,
    )
    return render(request, "page.html", {"chart": chart})   # then {% chart chart csv_url=… %}

Values may be ``None`` (unknown: drawn as nothing, written « — » in the table). Text is escaped here; colours
come from the page's CSS classes ``chart-series-0`` … ``chart-series-5`` and differ also by shape (bars are
labelled with their value; each line has its own marker), so no figure is told by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from html import escape
from typing import Final

Formatter = Callable[[float], str]

MAX_SERIES: Final = 6
WIDTH: Final = 640
LABEL_WIDTH: Final = 200  # room for the labels on the left of horizontal bars
BAR_HEIGHT: Final = 22
BAR_GAP: Final = 4
GROUP_GAP: Final = 14
LINE_HEIGHT: Final = 280
MARKERS: Final = ("circle", "square", "diamond", "triangle", "cross", "circle")


class Unit(StrEnum):
    """How a value is written (the template tag turns it into the French or English format)."""

    NUMBER = "number"
    MONEY = "money"
    PERCENT = "percent"  # values are percentages, 0 to 100 (as the ``percent`` filter takes them)
    MONTHS = "months"
    DAYS = "days"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


@dataclass(frozen=True)
class BarChart:
    title: str
    labels: Sequence[str]
    series: Sequence[Series]
    unit: Unit = Unit.NUMBER
    description: str = ""  # one sentence on what the chart shows, read before the figures
    label_heading: str = ""  # the table's first column heading (« Quartier »)
    # one series only: each value's share of the total, in the description and as a last column of the table
    # (headed ``share_heading``, which the template tag sets to « Part » in the page's language)
    show_share: bool = False
    share_heading: str = "Part"

    kind: str = field(default="bar", init=False)


@dataclass(frozen=True)
class LineChart:
    title: str
    labels: Sequence[str]  # the periods, in order
    series: Sequence[Series]
    unit: Unit = Unit.NUMBER
    description: str = ""
    label_heading: str = ""

    kind: str = field(default="line", init=False)


@dataclass(frozen=True)
class Range:
    low: float  # first quartile
    middle: float  # median
    high: float  # third quartile
    count: int = 0  # how many values it sums up


@dataclass(frozen=True)
class RangeChart:
    title: str
    labels: Sequence[str]
    ranges: Sequence[Range | None]
    unit: Unit = Unit.NUMBER
    description: str = ""
    label_heading: str = ""
    # the headings of the table's columns, in the page's language (the tag gives French or English defaults)
    range_headings: tuple[str, str, str, str] = ("Q1", "Médiane", "Q3", "Nombre")

    kind: str = field(default="range", init=False)


Chart = BarChart | LineChart | RangeChart


def _check(chart: Chart) -> None:
    if isinstance(chart, RangeChart):
        if len(chart.ranges) != len(chart.labels):
            raise ValueError("a range chart needs one range per label")
        return
    if not 1 <= len(chart.series) <= MAX_SERIES:
        raise ValueError(f"a chart shows 1 to {MAX_SERIES} series")
    if isinstance(chart, BarChart) and chart.show_share and len(chart.series) != 1:
        raise ValueError("shares are shown for a chart of one series")
    for series in chart.series:
        if len(series.values) != len(chart.labels):
            raise ValueError(f"series {series.name!r} needs one value per label")


def _finite(values: Sequence[float | None]) -> list[float]:
    return [float(v) for v in values if v is not None and math.isfinite(float(v))]


def nice_maximum(value: float) -> float:
    """The round number at or just above ``value`` that the scale ends on (1, 2, 2.5, 5 or 10 × a power of 10)."""
    if value <= 0:
        return 1.0
    power = float(10.0 ** math.floor(math.log10(value)))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shares(chart: BarChart) -> list[float | None]:
    """Each value's share of the total, in percent rounded to one decimal (the first series)."""
    values = chart.series[0].values
    total = sum(_finite(values)) or 1.0
    return [None if v is None else round(100 * float(v) / total, 1) for v in values]


def _percent_text(value: float, fmt_percent: Formatter | None) -> str:
    return fmt_percent(value) if fmt_percent else f"{value:g} %"


def describe(
    chart: Chart,
    fmt: Formatter,
    *,
    separator: str = " ; ",
    colon: str = " : ",
    fmt_percent: Formatter | None = None,
) -> str:
    """The figures in words, for the SVG's ``<desc>`` (the table says the same with its headings)."""
    parts: list[str] = []
    if isinstance(chart, RangeChart):
        for label, rng in zip(chart.labels, chart.ranges, strict=True):
            if rng is not None:
                low, mid, high = fmt(rng.low), fmt(rng.middle), fmt(rng.high)
                parts.append(f"{label}{colon}{mid} ({low} – {high})")
    else:
        several = len(chart.series) > 1
        parts_of = shares(chart) if isinstance(chart, BarChart) and chart.show_share else None
        for index, label in enumerate(chart.labels):
            values = []
            for series in chart.series:
                value = series.values[index]
                if value is None:
                    continue
                values.append(f"{series.name} {fmt(value)}" if several else fmt(value))
            share = parts_of[index] if parts_of else None
            if values and share is not None:
                values[-1] += f" ({_percent_text(share, fmt_percent)})"
            if values:
                parts.append(f"{label}{colon}{', '.join(values)}")
    text = separator.join(parts)
    return f"{chart.description} {text}".strip() if chart.description else text


def table_rows(
    chart: Chart, fmt: Formatter, *, unknown: str = "—", fmt_percent: Formatter | None = None
) -> tuple[list[str], list[list[str]]]:
    """The headings and rows of the table beside the chart (values written with ``fmt``)."""
    if isinstance(chart, RangeChart):
        headings = [chart.label_heading, *chart.range_headings]
        rows = [
            [label, unknown, unknown, unknown, "0"]
            if rng is None
            else [label, fmt(rng.low), fmt(rng.middle), fmt(rng.high), str(rng.count)]
            for label, rng in zip(chart.labels, chart.ranges, strict=True)
        ]
        return headings, rows
    headings = [chart.label_heading, *(series.name for series in chart.series)]
    rows = [
        [label, *(unknown if s.values[i] is None else fmt(float(s.values[i] or 0)) for s in chart.series)]
        for i, label in enumerate(chart.labels)
    ]
    if isinstance(chart, BarChart) and chart.show_share:
        headings.append(chart.share_heading)
        for row, share in zip(rows, shares(chart), strict=True):
            row.append(unknown if share is None else _percent_text(share, fmt_percent))
    return headings, rows


def csv_rows(chart: Chart) -> list[list[str | float]]:
    """The chart's figures as raw values (no formatting), header first, for a CSV download."""
    if isinstance(chart, RangeChart):
        out: list[list[str | float]] = [[chart.label_heading or "label", *chart.range_headings]]
        for label, rng in zip(chart.labels, chart.ranges, strict=True):
            out.append(
                [label, "", "", "", 0] if rng is None else [label, rng.low, rng.middle, rng.high, rng.count]
            )
        return out
    out = [[chart.label_heading or "label", *(series.name for series in chart.series)]]
    for i, label in enumerate(chart.labels):
        out.append([label, *("" if s.values[i] is None else s.values[i] or 0 for s in chart.series)])
    return out


def _open_svg(chart_id: str, height: float) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg role="img" aria-labelledby="{cid}-title {cid}-desc" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'preserveAspectRatio="xMinYMin meet" class="chart-svg" focusable="false">'
    ]


def _title_desc(chart_id: str, chart: Chart, desc: str) -> str:
    cid = escape(chart_id)
    return f'<title id="{cid}-title">{escape(chart.title)}</title><desc id="{cid}-desc">{escape(desc)}</desc>'


def _bars(chart: BarChart, fmt: Formatter) -> tuple[list[str], float]:
    n_series = len(chart.series)
    group = n_series * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    top = 8.0
    scale_max = nice_maximum(max(_finite([v for s in chart.series for v in s.values]) or [0.0]))
    room = WIDTH - LABEL_WIDTH - 90  # the value is written after the bar
    parts: list[str] = []
    y = top
    for i, label in enumerate(chart.labels):
        parts.append(
            f'<text x="0" y="{y + group / 2 + 5:.1f}" class="chart-label">{escape(_short(label))}</text>'
        )
        for s_index, series in enumerate(chart.series):
            value = series.values[i]
            bar_y = y + s_index * (BAR_HEIGHT + BAR_GAP)
            if value is None:
                continue
            width = max(0.0, float(value)) / scale_max * room
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y:.1f}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                f'class="chart-bar chart-series-{s_index}"></rect>'
                f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{bar_y + BAR_HEIGHT - 6:.1f}" '
                f'class="chart-value">{escape(fmt(float(value)))}</text>'
            )
        y += group + GROUP_GAP
    return parts, y


def _legend(series: Sequence[Series], y: float, *, lines: bool) -> tuple[list[str], float]:
    parts: list[str] = []
    x = 0.0
    for index, s in enumerate(series):
        name = _short(s.name, 24)
        if lines:
            parts.append(_marker(index, x + 8, y - 5))
        else:
            parts.append(
                f'<rect x="{x:.1f}" y="{y - 14:.1f}" width="16" height="16" class="chart-series-{index}"></rect>'
            )
        parts.append(f'<text x="{x + 22:.1f}" y="{y:.1f}" class="chart-label">{escape(name)}</text>')
        x += 34 + 8.5 * len(name)
        if x > WIDTH - 120 and index < len(series) - 1:
            x, y = 0.0, y + 24
    return parts, y + 12


def _marker(index: int, x: float, y: float) -> str:
    shape = MARKERS[index % len(MARKERS)]
    css = f"chart-marker chart-series-{index}"
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" class="{css}"></rect>'
    if shape == "diamond":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y:.1f}L{x:.1f} {y + 6:.1f}L{x - 6:.1f} {y:.1f}Z" class="{css}"></path>'
    if shape == "triangle":
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 5:.1f}L{x - 6:.1f} {y + 5:.1f}Z" class="{css}"></path>'
    if shape == "cross":
        return (
            f'<path d="M{x - 5:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 5:.1f}M{x + 5:.1f} {y - 5:.1f}L{x - 5:.1f} {y + 5:.1f}" '
            f'class="{css} chart-cross"></path>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="{css}"></circle>'


def _lines(chart: LineChart, fmt: Formatter) -> tuple[list[str], float]:
    left, right, top, bottom = 70.0, WIDTH - 16.0, 12.0, LINE_HEIGHT - 40.0
    values = _finite([v for s in chart.series for v in s.values])
    scale_max = nice_maximum(max(values or [0.0]))
    n = len(chart.labels)
    step = (right - left) / max(1, n - 1)

    def x_of(i: int) -> float:
        return left + i * step if n > 1 else (left + right) / 2

    def y_of(v: float) -> float:
        return bottom - max(0.0, v) / scale_max * (bottom - top)

    parts = []
    for tick in range(5):  # the scale: 0, ¼, ½, ¾ and the top
        value = scale_max * tick / 4
        y = y_of(value)
        parts.append(
            f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y:.1f}" y2="{y:.1f}" class="chart-grid"></line>'
        )
        parts.append(
            f'<text x="{left - 6:.1f}" y="{y + 5:.1f}" text-anchor="end" class="chart-axis">{escape(fmt(value))}</text>'
        )
    every = max(1, math.ceil(n / 6))  # at most about six period labels under the axis
    for i, label in enumerate(chart.labels):
        if i % every == 0 or i == n - 1:
            parts.append(
                f'<text x="{x_of(i):.1f}" y="{bottom + 22:.1f}" text-anchor="middle" class="chart-axis">'
                f"{escape(_short(label, 12))}</text>"
            )
    for s_index, series in enumerate(chart.series):
        path: list[str] = []
        pen_up = True
        for i, point in enumerate(series.values):
            if point is None:
                pen_up = True
                continue
            path.append(f"{'M' if pen_up else 'L'}{x_of(i):.1f} {y_of(float(point)):.1f}")
            pen_up = False
        if path:
            parts.append(f'<path d="{" ".join(path)}" class="chart-line chart-series-{s_index}"></path>')
        if n <= 40:  # markers while they stay apart
            for i, point in enumerate(series.values):
                if point is not None:
                    parts.append(_marker(s_index, x_of(i), y_of(float(point))))
    height = float(LINE_HEIGHT)
    if len(chart.series) > 1:
        legend, height = _legend(chart.series, LINE_HEIGHT + 4, lines=True)
        parts.extend(legend)
    return parts, height


def _ranges(chart: RangeChart, fmt: Formatter) -> tuple[list[str], float]:
    values = _finite([r.high for r in chart.ranges if r is not None])
    scale_max = nice_maximum(max(values or [0.0]))
    room = WIDTH - LABEL_WIDTH - 110
    parts: list[str] = []
    y = 8.0
    for label, rng in zip(chart.labels, chart.ranges, strict=True):
        parts.append(
            f'<text x="0" y="{y + BAR_HEIGHT / 2 + 5:.1f}" class="chart-label">{escape(_short(label))}</text>'
        )
        if rng is not None:
            x_low = LABEL_WIDTH + max(0.0, rng.low) / scale_max * room
            x_high = LABEL_WIDTH + max(0.0, rng.high) / scale_max * room
            x_mid = LABEL_WIDTH + max(0.0, rng.middle) / scale_max * room
            parts.append(
                f'<line x1="{LABEL_WIDTH}" x2="{LABEL_WIDTH + room}" y1="{y + BAR_HEIGHT / 2:.1f}" '
                f'y2="{y + BAR_HEIGHT / 2:.1f}" class="chart-grid"></line>'
                f'<rect x="{x_low:.1f}" y="{y:.1f}" width="{max(2.0, x_high - x_low):.1f}" height="{BAR_HEIGHT}" '
                f'class="chart-bar chart-series-0 chart-range"></rect>'
                f'<line x1="{x_mid:.1f}" x2="{x_mid:.1f}" y1="{y - 3:.1f}" y2="{y + BAR_HEIGHT + 3:.1f}" '
                f'class="chart-median"></line>'
                f'<text x="{x_high + 8:.1f}" y="{y + BAR_HEIGHT - 6:.1f}" class="chart-value">{escape(fmt(rng.middle))}</text>'
            )
        y += BAR_HEIGHT + GROUP_GAP
    return parts, y


def svg(
    chart: Chart,
    fmt: Formatter,
    *,
    chart_id: str,
    colon: str = " : ",
    separator: str = " ; ",
    fmt_percent: Formatter | None = None,
) -> str:
    """The chart as one accessible SVG image: escaped text, ``role="img"``, a title and a description that
    reads every figure (``colon`` and ``separator`` as the page's language writes them)."""
    _check(chart)
    if isinstance(chart, BarChart):
        parts, height = _bars(chart, fmt)
        if len(chart.series) > 1:
            legend, height = _legend(chart.series, height + 12, lines=False)
            parts.extend(legend)
    elif isinstance(chart, LineChart):
        parts, height = _lines(chart, fmt)
    else:
        parts, height = _ranges(chart, fmt)
    out = _open_svg(chart_id, max(height, 40.0))
    desc = describe(chart, fmt, colon=colon, separator=separator, fmt_percent=fmt_percent)
    out.append(_title_desc(chart_id, chart, desc))
    out.extend(parts)
    out.append("</svg>")
    return "".join(out)

"""Template filters of the open data and the dashboards: file sizes, and a figure's cell as French text."""

import datetime as dt
from typing import Any

from django import template
from django.utils.translation import gettext as _

from bouquet.core.french import format_date, format_number, format_percent

register = template.Library()


@register.filter
def file_size(size: int | None) -> str:
    """« 850 octets », « 12,5 Ko », « 3,2 Mo » (units of 1,000, as file managers show them in French)."""
    if size is None:
        return ""
    if size < 1000:
        return _("%(n)s octets") % {"n": format_number(size)}
    if size < 1_000_000:
        return _("%(n)s Ko") % {"n": format_number(size / 1000, decimals=1)}
    return _("%(n)s Mo") % {"n": format_number(size / 1_000_000, decimals=1)}


@register.filter
def figure_cell(value: Any, kind: str) -> str:
    """One cell of a dashboard's table: dates and numbers the French way, nothing shown as « — »."""
    if value is None or value == "":
        return "—"
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value, short=True)
    if kind == "percent" and isinstance(value, int | float):
        return format_percent(value)
    if kind in ("number", "decimal") and isinstance(value, int | float):
        return format_number(value)
    return str(value)


@register.filter
def kind_at(columns: list[tuple[Any, str]], index: int) -> str:
    """The kind of the column at ``index`` of a figure."""
    return columns[index][1]

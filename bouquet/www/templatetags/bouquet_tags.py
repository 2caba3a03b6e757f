"""Template helpers used across apps."""

import dataclasses
import datetime as dt
import math
import uuid
from decimal import Decimal
from typing import Any, Final

from django import template
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from bouquet.bouquets.selectors import explain_placements
from bouquet.core import charts
from bouquet.core.french import (
    PluralForms,
    format_count,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    initials,
    is_english,
)
from bouquet.core.text import linkify
from bouquet.www.human_check import HumanCheck

StrOrPromise = str | Promise

register = template.Library()


@register.simple_tag
def submission_key_input(replaces: str = "") -> SafeString:
    """A fresh hidden key for a form written by hand in a template (see ``www.forms.submission_key_field``).
    With ``replaces``, the input of that id is swapped by htmx (out of band): the form just posted gets a new key
    for the next item."""
    if replaces:
        return format_html(
            '<input type="hidden" name="cle" id="{}" value="{}" hx-swap-oob="true">', replaces, uuid.uuid4()
        )
    return format_html('<input type="hidden" name="cle" value="{}">', uuid.uuid4())


@register.inclusion_tag("_human_check.html")
def human_check_inputs(suffix: str = "") -> dict[str, HumanCheck]:
    """The robot checks (``www.human_check.HumanCheck``) for a form written by hand in a template; ``suffix`` keeps the
    honeypot's id unique when a page holds several such forms."""
    return {"form": HumanCheck(auto_id=f"id_%s{suffix}")}


@register.filter(name="linkify")
def linkify_filter(text: str) -> SafeString:
    """Render user text safely with its links and paragraphs."""
    return linkify(text or "")


@register.simple_tag(takes_context=True)
def query_replace(context: dict[str, Any], **changes: Any) -> str:
    """Return the current query string with some parameters replaced (for pagination and sorting links)."""
    query: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = str(value)
    return query.urlencode()


@register.simple_tag
def why_here(placement: Any) -> str:
    """Why a proposal is in its bouquet, in words (bouquets.selectors.explain_placements); pages listing many
    placements explain them in one go beforehand."""
    if not hasattr(placement, "why"):
        explain_placements([placement])
    return str(placement.why)


# Dates, numbers and money read through bouquet.core.french only (never Django's |date or |intcomma, whose
# abbreviations and separators vary with the locale files: « Sep », « Déc », « 150,000 € »).
@register.filter
def long_date(value: dt.date | dt.datetime | None) -> str:
    """« 1er décembre 2026 » (« 1 December 2026 »)."""
    return format_date(value) if value else ""


@register.filter
def short_date(value: dt.date | dt.datetime | None) -> str:
    """« 17 sept. 2026 » (« 17 Sep 2026 »)."""
    return format_date(value, short=True) if value else ""


@register.filter
def day_month(value: dt.date | dt.datetime | None) -> str:
    """« 1er décembre » (« 1 December »), when the year goes without saying."""
    return format_date(value, year=False) if value else ""


@register.filter
def date_time(value: dt.datetime | None) -> str:
    """« 1er décembre 2026 à 20 h 30 » (« 1 December 2026 at 20:30 »)."""
    return format_datetime(value) if value else ""


@register.filter
def money(value: int | float | Decimal | None) -> str:
    """« 150 000 € » (« €150,000 »)."""
    return format_money(value) if value is not None else ""


@register.filter
def number(value: int | float | Decimal | None) -> str:
    """« 1 200 », « 0,04 » (« 1,200 », « 0.04 »)."""
    return format_number(value) if value is not None else ""


@register.filter
def percent(value: int | float | Decimal | None) -> str:
    """« 12 % » (« 12% »)."""
    return format_percent(value) if value is not None else ""


# What can be counted on a page, with its word for none: « aucun soutien », « 1 soutien », « 2 soutiens ».
COUNTED: Final[dict[str, tuple[StrOrPromise, PluralForms]]] = {
    "supports": (_("aucun soutien"), ngettext_lazy("%(n)s soutien", "%(n)s soutiens", "count")),
    "comments": (_("aucun commentaire"), ngettext_lazy("%(n)s commentaire", "%(n)s commentaires", "count")),
    "proposals": (_("aucune proposition"), ngettext_lazy("%(n)s proposition", "%(n)s propositions", "count")),
    "projects": (_("aucun projet"), ngettext_lazy("%(n)s projet", "%(n)s projets", "count")),
    "funded_bouquets": (
        _("aucun bouquet financé"),
        ngettext_lazy("%(n)s bouquet financé", "%(n)s bouquets financés", "count"),
    ),
    "ballots": (_("aucun bulletin"), ngettext_lazy("%(n)s bulletin", "%(n)s bulletins", "count")),
    "online_votes": (
        _("aucun vote en ligne"),
        ngettext_lazy("%(n)s vote en ligne", "%(n)s votes en ligne", "count"),
    ),
    "paper_ballots": (
        _("aucun bulletin papier"),
        ngettext_lazy("%(n)s bulletin papier", "%(n)s bulletins papier", "count"),
    ),
    # conversations
    "statements": (
        _("aucune affirmation"),
        ngettext_lazy("%(n)s affirmation", "%(n)s affirmations", "count"),
    ),
    "votes": (_("aucun vote"), ngettext_lazy("%(n)s vote", "%(n)s votes", "count")),
    "participants": (
        _("aucun participant"),
        ngettext_lazy("%(n)s participant", "%(n)s participants", "count"),
    ),
}

# outreach: workshops
COUNTED.update(
    {
        "free_seats": (
            _("aucune place libre"),
            ngettext_lazy("%(n)s place libre", "%(n)s places libres", "count"),
        ),
        "gathered": (
            _("aucune contribution recueillie"),
            ngettext_lazy("%(n)s contribution recueillie", "%(n)s contributions recueillies", "count"),
        ),
    }
)

# projects: re-consultations
COUNTED["answers"] = (_("aucune réponse"), ngettext_lazy("%(n)s réponse", "%(n)s réponses", "count"))


@register.filter
def counted(value: int | None, what: str) -> str:
    """A count in words: ``{{ n|counted:"supports" }}`` gives « aucun soutien », « 1 soutien », « 2 soutiens »."""
    none, forms = COUNTED[what]
    return format_count(value or 0, none=str(none), forms=forms)


# Icons drawn inline (no request, no font): each sits beside visible text, so it is hidden from screen readers.
ICONS: Final[dict[str, str]] = {
    "menu": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "information": '<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7v1"/>',
    "proposals": '<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13 7l4 4"/>',
    "supports": '<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>',
    "vote": '<path d="M4 11h16v9H4zM8 11V4h8v7"/><path d="M10 7.5l1.5 1.5L14 6"/>',
    "realisation": '<path d="M4 20V10l8-6 8 6v10"/><path d="M9 20v-6h6v6"/>',
    "evaluation": '<path d="M4 20h16M7 16v-5M12 16V7M17 16v-8"/>',
    "done": '<circle cx="12" cy="12" r="9"/><path d="M8 12.5l2.5 2.5L16 9.5"/>',
    "now": '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="4" fill="currentColor"/>',
    "later": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "comment": '<path d="M4 5h16v11H9l-5 4z"/>',
    # A proposal's status (proposals.models.Status)
    "submitted": '<path d="M6 3h9l4 4v14H6z"/><path d="M14 3v5h5"/>',
    "under_study": '<circle cx="11" cy="11" r="6"/><path d="M20 20l-4.5-4.5"/>',
    "accepted": '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
    "rejected": '<path d="M6 6l12 12M18 6L6 18"/>',
    "withdrawn": '<path d="M9 8L5 12l4 4"/><path d="M5 12h10a4 4 0 0 1 0 8h-2"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 20a8 8 0 0 1 16 0"/>',
}


@register.simple_tag
def icon(name: str) -> SafeString:
    """An inline SVG icon, hidden from assistive technologies (the text beside it says what it means)."""
    return format_html(
        '<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" '
        'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        mark_safe(ICONS[name]),  # noqa: S308  # nosec B308, B703 - constant markup of this module
    )


AVATAR_COLOURS: Final = 8  # .avatar-0 … .avatar-7 in bouquet.css, each dark enough for white initials (4.5:1)


@register.simple_tag
def avatar(person: Any) -> SafeString:
    """The person's initials in a coloured circle; the colour comes from their id, so it never changes."""
    return format_html(
        '<span class="avatar avatar-{}" aria-hidden="true">{}</span>',
        (person.pk or 0) % AVATAR_COLOURS,
        initials(person.public_name),
    )


@register.simple_tag
def colon() -> str:
    """« : » with French spacing (a no-break space before it) on French pages, « : » alone in English."""
    return ": " if is_english() else "\u00a0: "


@register.simple_tag
def semicolon() -> str:
    """« ; » with French spacing on French pages, « ; » alone in English."""
    return "; " if is_english() else "\u00a0; "


# ---- charts: accessible SVG with the same figures as a table (bouquet/core/charts.py) ---------------------


def format_months(value: float) -> str:
    """« 31 mois », « 1 mois », « 13,5 mois »; « moins d'un mois » for 0 (dates are kept to the month)."""
    shown = round(value, 1)
    if shown == 0:
        return str(_("moins d'un mois"))
    return ngettext("%(n)s mois", "%(n)s mois", math.ceil(abs(shown))) % {"n": format_number(shown)}


def chart_formatter(unit: charts.Unit) -> charts.Formatter:
    """How a chart writes its values, in the page's language."""
    if unit is charts.Unit.MONEY:
        return lambda value: format_money(round(value, 2))
    if unit is charts.Unit.PERCENT:
        return lambda value: format_percent(round(value, 1))
    if unit is charts.Unit.MONTHS:
        return format_months
    if unit is charts.Unit.DAYS:
        return lambda value: (
            ngettext("%(n)s jour", "%(n)s jours", math.ceil(value)) % {"n": format_number(round(value, 1))}
        )
    return lambda value: format_number(round(value, 2))


@register.inclusion_tag("core/_chart.html")
def chart(the_chart: charts.Chart, csv_url: str = "", chart_id: str = "") -> dict[str, Any]:
    """``{% chart the_chart csv_url=… %}``: the chart as an SVG image and the same figures in a table beside it."""
    fmt = chart_formatter(charts.Unit(the_chart.unit))
    ident = chart_id or "graphique-" + uuid.uuid5(uuid.NAMESPACE_URL, str(the_chart.title)).hex[:8]
    if isinstance(the_chart, charts.RangeChart):
        the_chart = dataclasses.replace(
            the_chart,
            range_headings=(
                str(_("Premier quartile")),
                str(_("Médiane")),
                str(_("Troisième quartile")),
                str(_("Nombre")),
            ),
        )
    if isinstance(the_chart, charts.BarChart) and the_chart.show_share:
        the_chart = dataclasses.replace(the_chart, share_heading=str(_("Part")))
    share_fmt = chart_formatter(charts.Unit.PERCENT)
    headings, rows = charts.table_rows(the_chart, fmt, fmt_percent=share_fmt)
    drawn = charts.svg(
        the_chart, fmt, chart_id=ident, colon=colon(), separator=semicolon(), fmt_percent=share_fmt
    )
    return {
        "id": ident,
        "chart": the_chart,
        "svg": mark_safe(drawn),  # noqa: S308  # nosec B703 B308  # every text is escaped by charts.svg
        "headings": headings,
        "rows": rows,
        "csv_url": csv_url,
    }

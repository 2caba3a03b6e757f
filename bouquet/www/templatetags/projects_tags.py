"""Template filters of the project pages: months of the gap watch in words."""

from typing import Any

from django import template
from django.utils.translation import gettext as _

from bouquet.core.french import format_date
from bouquet.projects import months
from bouquet.www.templatetags.bouquet_tags import format_months

register = template.Library()


@register.filter
def month(value: int | None) -> str:
    """A stored month in words: « juin 2019 » (« June 2019 »); « — » for none."""
    if value is None:
        return "—"
    return format_date(months.first_day(value)).split(" ", 1)[1]


@register.filter
def month_count(value: float | None) -> str:
    """« 31 mois », « 1 mois », « 13,5 mois »; « — » for none."""
    if value is None:
        return "—"
    return format_months(value)


@register.filter
def drift_label(code: str) -> str:
    """Why a project drifts, in words."""
    labels = {
        "late": _("livraison prévue dépassée"),
        "postponed": _("livraison repoussée"),
        "too_long": _("trop long depuis le vote"),
        "silent": _("sans nouvelle"),
    }
    return labels.get(code, code)


@register.filter
def lookup(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)

"""The back-office menu, rendered from ``navigation.NAVIGATION`` for the person viewing the page."""

from typing import Any

from django import template
from django.urls import reverse

from bouquet.backoffice.navigation import entries_for, may_use_back_office

register = template.Library()


@register.inclusion_tag("backoffice/_nav.html", takes_context=True)
def backoffice_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The entries this person may open, the current one marked."""
    request = context["request"]
    match = request.resolver_match
    current = match.view_name if match else ""
    return {
        "entries": [
            {
                "label": entry.label,
                "url": reverse(entry.url_name),
                "current": current == entry.url_name or current in entry.also_current_on,
            }
            for entry in entries_for(request.user)
        ]
    }


@register.filter
def uses_back_office(user: object) -> bool:
    """Whether the site's menu shows the link to the back-office."""
    return may_use_back_office(user)

"""Template helpers used across apps."""

from typing import Any

from django import template
from django.http import QueryDict
from django.utils.safestring import SafeString

from bouquet.core.text import linkify

register = template.Library()


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

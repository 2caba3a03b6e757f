"""Template helpers used across apps."""

import uuid
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString

from bouquet.bouquets.selectors import explain_placements
from bouquet.core.text import linkify
from bouquet.www.human_check import HumanCheck

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

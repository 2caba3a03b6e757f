"""The header's unread count and the follow button."""

from typing import Any

from django import template
from django.db import models

from bouquet.notifications import selectors

register = template.Library()


@register.simple_tag
def unread_notifications(user: Any) -> int:
    """How many notifications the signed-in person has not read (0 for a visitor)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return selectors.unread_count(user=user)


@register.inclusion_tag("notifications/_follow_button.html", takes_context=True)
def follow_button(context: template.Context, target: models.Model) -> dict[str, Any]:
    """A « Suivre » / « Suivi » button for a process, a proposal, a bouquet or a budget."""
    from bouquet.www.notifications.views import follow_context  # noqa: PLC0415 - views import this module's app

    request = context["request"]
    # Only what the public sees may be followed (a hidden proposal's author sees its page, and no button).
    if getattr(target, "moderation", "published") != "published" or not getattr(target, "is_published", True):
        return {"hidden": True}
    return {"request": request, "csrf_token": context.get("csrf_token")} | follow_context(request, target)

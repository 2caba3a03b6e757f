"""The places' part of the moderation queue (``/moderation/``): inhabitants' places awaiting publication,
memories reported or awaiting a decision, and the latest decisions on them, within what the person moderates."""

from typing import Any

from django.core.paginator import Paginator

from bouquet.places.selectors import places_to_moderate, recent_place_decisions
from bouquet.www.places.access import scope_of

PAGE_SIZE = 20


def places_moderation(user: Any, *, page: str | None = None) -> dict[str, Any]:
    """The context the queue's places section reads (empty for someone who moderates no district)."""
    scope = scope_of(user)
    if scope is None or not (scope.everywhere or scope.district_ids):
        return {"places_queue": None}
    queue = places_to_moderate(everywhere=scope.everywhere, district_ids=scope.district_ids)
    return {
        "places_queue": {
            "places": Paginator(queue["places"], PAGE_SIZE).get_page(1),
            "memories": Paginator(queue["memories"], PAGE_SIZE).get_page(page),
            "decisions": recent_place_decisions(everywhere=scope.everywhere, district_ids=scope.district_ids),
        }
    }

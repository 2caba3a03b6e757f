"""Who may do what with places, memories and archive items. ``places`` sits below ``accounts`` and ``roles``, so
these questions are asked here, in the adapter, before calling its services."""

from typing import Any

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.places.models import Moderation, Place
from bouquet.roles.selectors import ModerationScope, moderation_scope


def scope_of(user: Any) -> ModerationScope | None:
    """What the person moderates; None for someone signed out."""
    return moderation_scope(user) if is_signed_in(user) else None


def moderates_place(user: Any, place: Place) -> bool:
    """Moderators of the whole territory everywhere, the others in the districts they were given."""
    scope = scope_of(user)
    if scope is None:
        return False
    return scope.everywhere or (place.district_id is not None and place.district_id in scope.district_ids)


def moderates_places_somewhere(user: Any) -> bool:
    """Whether the person has places or memories to moderate anywhere (to show the queue's places section)."""
    scope = scope_of(user)
    return scope is not None and (scope.everywhere or bool(scope.district_ids))


def can_read_place(user: Any, place: Place) -> bool:
    """Published places are public; one awaiting moderation is seen by the person who named it and its
    moderators."""
    if place.moderation == Moderation.PUBLISHED:
        return True
    if is_signed_in(user) and place.created_by_id == user.pk and place.moderation == Moderation.PENDING:
        return True
    return moderates_place(user, place)


def can_add_memory(user: Any, place: Place) -> bool:
    """Anyone signed in, on a published place."""
    return bool(is_signed_in(user)) and place.moderation == Moderation.PUBLISHED


def can_add_archive(user: Any) -> bool:
    """Agents and administrators add the authority's archive items."""
    return bool(is_agent(user))


def places_are_trusted(user: Any) -> bool:
    """An agent's place is published at once; an inhabitant's waits for a moderator."""
    return bool(is_agent(user))

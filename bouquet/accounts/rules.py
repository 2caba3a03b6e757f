"""Role predicates shared by every app."""

from bouquet.accounts.models import Role
from bouquet.core.predicates import add_perm, predicate

STAFF_ROLES = frozenset({Role.AGENT, Role.ADMINISTRATOR})
MODERATION_ROLES = frozenset({Role.MODERATOR, Role.ADMINISTRATOR})


def is_signed_in(user: object) -> bool:
    """Someone signed in with an active account (anonymous visitors and closed accounts are not)."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


@predicate
def is_moderator(user: object) -> bool:
    """Moderators and administrators decide on reported content."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) in MODERATION_ROLES)


@predicate
def is_agent(user: object) -> bool:
    """Agents of the authority and administrators run processes and answer proposals."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) in STAFF_ROLES)


@predicate
def is_facilitator(user: object) -> bool:
    """Facilitators record what people said in workshops and outreach."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "role", None) in STAFF_ROLES | {Role.FACILITATOR}
    )


add_perm("accounts.moderate", is_moderator)
add_perm("accounts.act_for_authority", is_agent)

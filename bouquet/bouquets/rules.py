"""Who may curate bouquets and give them means."""

from typing import Any

from bouquet.accounts.rules import is_agent
from bouquet.core.predicates import add_perm, predicate


@predicate
def can_curate(user: Any, process: object = None) -> bool:
    """Agents of the authority regroup, rename, merge, split, move and pin bouquets."""
    return bool(is_agent(user))


@predicate
def can_allocate(user: Any, process: object = None) -> bool:
    """Agents of the authority give means (money, staff time, rooms, mentoring) to bouquets."""
    return bool(is_agent(user))


add_perm("bouquets.curate", can_curate)
add_perm("bouquets.allocate", can_allocate)

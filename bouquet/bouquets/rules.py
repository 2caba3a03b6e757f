"""Who may curate bouquets and give them means."""

from typing import Any

import rules

from bouquet.accounts.rules import is_agent


@rules.predicate
def can_curate(user: Any, process: object = None) -> bool:
    """Agents of the authority regroup, rename, merge, split, move and pin bouquets."""
    return bool(is_agent(user))


@rules.predicate
def can_allocate(user: Any, process: object = None) -> bool:
    """Agents of the authority give means (money, staff time, rooms, mentoring) to bouquets."""
    return bool(is_agent(user))


rules.add_perm("bouquets.curate", can_curate)
rules.add_perm("bouquets.allocate", can_allocate)

"""Who may curate bouquets."""

from typing import Any

import rules

from bouquet.accounts.rules import is_agent


@rules.predicate
def can_curate(user: Any, process: object = None) -> bool:
    """Agents of the authority regroup, rename, merge, split, move and pin bouquets."""
    return bool(is_agent(user))


rules.add_perm("bouquets.curate", can_curate)

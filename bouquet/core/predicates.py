"""Typed access to the `rules` library, which ships without type hints.

Predicates are plain functions (``can_support(user, proposal) -> bool``) that services call directly; declaring
them through ``predicate`` also makes them `rules` predicates, so Django's ``user.has_perm(name, obj)`` and the
``{% has_perm %}`` template tag give the same answer once the name is registered with ``add_perm``."""

from collections.abc import Callable
from typing import Any, cast

import rules as _rules  # untyped library: every use goes through this module


def predicate[F: Callable[..., bool]](function: F) -> F:
    """Make ``function`` a `rules` predicate while keeping its signature for the type checker."""
    return cast(F, _rules.predicate(function))  # type: ignore[no-untyped-call]


def add_perm(name: str, function: Callable[..., Any]) -> None:
    """Register a predicate under a Django permission name (``"proposals.support"``)."""
    _rules.add_perm(name, function)  # type: ignore[no-untyped-call]

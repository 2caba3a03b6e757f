"""What the lab tells people (invitations, matches, hand-overs), through the notifications of the platform.

One function, so that the services say what happened and this module says how it reaches people."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from bouquet.accounts.models import User


def announce(
    kind: str,
    target: Any,
    *,
    actor: User | None = None,
    recipients: Iterable[User] | None = None,
    context: dict[str, str | int] | None = None,
) -> None:
    """Tell ``recipients`` (or the target's followers) that ``kind`` happened, once the transaction commits."""
    people = list(recipients) if recipients is not None else None

    def send() -> None:
        _deliver(kind, target, actor=actor, recipients=people, context=context or {})

    transaction.on_commit(send)


def _deliver(
    kind: str,
    target: Any,
    *,
    actor: User | None,
    recipients: list[User] | None,
    context: dict[str, str | int],
) -> None:
    """Until the notifications app is merged, nothing is sent: invitations still wait in the person's space."""

"""Who may do what with workshops and contributions gathered on someone's behalf."""

from typing import Any

from django.utils import timezone

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.core.predicates import predicate
from bouquet.outreach.models import Workshop
from bouquet.processes.models import Process
from bouquet.roles.rules import facilitates, facilitates_somewhere


@predicate
def can_record_for(user: Any, process: Process) -> bool:
    """Facilitators of the process (of its district, of the territory) and agents schedule workshops and record
    what people said for it."""
    return bool(facilitates(user, process))


@predicate
def can_manage_workshop(user: Any, workshop: Workshop) -> bool:
    """Whoever facilitates the workshop's process manages the workshop (its facilitator first)."""
    return bool(facilitates(user, workshop.process))


@predicate
def may_go_out(user: Any) -> bool:
    """Whether the person records contributions anywhere (opens the facilitators' pages)."""
    return bool(facilitates_somewhere(user))


def can_read_workshop(user: Any, workshop: Workshop) -> bool:
    """A published workshop of a published process is public; the others only for those who manage it."""
    if workshop.is_published and workshop.process.is_published:
        return True
    return can_manage_workshop(user, workshop)


def can_register(user: Any, workshop: Workshop) -> bool:
    """Anyone signed in may register for a published workshop that asks for registration, until it starts."""
    return (
        is_signed_in(user)
        and workshop.is_published
        and workshop.registration_open
        and workshop.starts_at > timezone.now()
    )


@predicate
def can_handle_personal_data(user: Any) -> bool:
    """Agents answer a person without an account who asks for their record or for its erasure."""
    return bool(is_agent(user))

"""Who may do what where: the answers come from a person's role across the territory (``User.role``) and the
roles given to them on one process or one district (``RoleGrant``). Services check these; templates reuse them."""

from typing import Any

from bouquet.accounts.models import Role
from bouquet.accounts.rules import is_agent, is_facilitator, is_moderator, is_signed_in
from bouquet.core.predicates import add_perm, predicate
from bouquet.processes.models import Process
from bouquet.roles.models import RoleGrant

# A person's grants are read once per user object (one query per request, however many questions the page
# asks); the services that change them call forget_grants on the person they change.
_CACHE = "_bouquet_role_grants"


def _grants(user: Any) -> frozenset[tuple[str, int | None, int | None]]:
    """(role, process id, district id) of every role given to the person on a process or a district."""
    if not is_signed_in(user) or user.pk is None:
        return frozenset()
    cached = getattr(user, _CACHE, None)
    if cached is None:
        rows = RoleGrant.objects.filter(person_id=user.pk).values_list("role", "process_id", "district_id")
        cached = frozenset(rows)
        setattr(user, _CACHE, cached)
    return cached


def forget_grants(user: Any) -> None:
    """Drop what this user object remembers of its grants (after a grant is given or taken back)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def _holds_here(user: Any, role: Role, process: Process, district_id: int | None) -> bool:
    """Whether the person was given ``role`` on this process, on its district, or on the district of the item
    concerned (``district_id``)."""
    districts = {d for d in (process.district_id, district_id) if d is not None}
    return any(
        r == role and (p == process.pk or (d is not None and d in districts)) for r, p, d in _grants(user)
    )


def _holds_somewhere(user: Any, role: Role) -> bool:
    return any(r == role for r, _p, _d in _grants(user))


def moderates(user: Any, process: Process, district_id: int | None = None) -> bool:
    """Whether the person may moderate in this process (an item of the district ``district_id``): moderators of
    the whole territory and administrators everywhere, the others in the process or district they were given."""
    return bool(is_moderator(user)) or _holds_here(user, Role.MODERATOR, process, district_id)


@predicate
def moderates_somewhere(user: Any) -> bool:
    """Whether the person moderates anywhere (to open the moderation queue, which shows them their scope)."""
    return bool(is_moderator(user)) or _holds_somewhere(user, Role.MODERATOR)


@predicate
def facilitates(user: Any, process: Process) -> bool:
    """Whether the person may record what people said for this process: facilitators of the whole territory,
    agents and administrators everywhere, the others in the process or district they were given."""
    return bool(is_facilitator(user)) or _holds_here(user, Role.FACILITATOR, process, None)


@predicate
def facilitates_somewhere(user: Any) -> bool:
    """Whether the person facilitates anywhere."""
    return bool(is_facilitator(user)) or _holds_somewhere(user, Role.FACILITATOR)


@predicate
def can_manage_people(user: Any) -> bool:
    """Agents and administrators invite people to roles and take roles back."""
    return bool(is_agent(user))


def can_give_role(user: Any, role: Role) -> bool:
    """Agents give every role but the administrator's, which only an administrator gives (or takes back)."""
    if role == Role.ADMINISTRATOR:
        return bool(is_signed_in(user) and getattr(user, "role", None) == Role.ADMINISTRATOR)
    return bool(can_manage_people(user))


add_perm("roles.manage", can_manage_people)
add_perm("roles.facilitate", facilitates)

"""Who may do what in the lab, right now. Services check these; templates reuse them to show or hide buttons.

Nobody owns an initiative: its co-leads (role ``lead``) edit it, invite and publish its needs; every member reads
its private space and journal; its mentor confirms the criteria a person must confirm; the lab (the authority's
agents) assigns mentors, edits the stage criteria and holds an initiative its last co-lead left."""

from typing import Any

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.core.predicates import add_perm, predicate
from bouquet.incubator.models import Initiative, MemberRole
from bouquet.roles.rules import facilitates_somewhere

_CACHE = "_bouquet_incubator_roles"


def role_in(user: Any, initiative: Initiative) -> str | None:
    """The person's role in this initiative's group (``lead``, ``member``, ``mentor``), or None; read once per
    user object and initiative."""
    if not is_signed_in(user) or user.pk is None or initiative.pk is None:
        return None
    cache: dict[int, str | None] = user.__dict__.setdefault(_CACHE, {})
    if initiative.pk not in cache:
        cache[initiative.pk] = (
            initiative.memberships.filter(person_id=user.pk).values_list("role", flat=True).first()
        )
    return cache[initiative.pk]


def forget_roles(user: Any) -> None:
    """Drop what this user object remembers of its roles (after it joins, leaves or changes role)."""
    if user is not None and hasattr(user, "__dict__"):
        user.__dict__.pop(_CACHE, None)


@predicate
def runs_lab(user: Any) -> bool:
    """The lab: the authority's agents and administrators."""
    return bool(is_agent(user))


@predicate
def is_member(user: Any, initiative: Initiative) -> bool:
    """Any member of the working group, whatever their role (co-lead, member, mentor)."""
    return role_in(user, initiative) is not None


@predicate
def is_lead(user: Any, initiative: Initiative) -> bool:
    """A co-lead of the initiative."""
    return role_in(user, initiative) == MemberRole.LEAD


@predicate
def is_mentor_of(user: Any, initiative: Initiative) -> bool:
    """The mentor the lab assigned to the initiative."""
    return role_in(user, initiative) == MemberRole.MENTOR


def can_see_space(user: Any, initiative: Initiative) -> bool:
    """The private space (notes, tasks, decisions, meetings, documents) and the journal: members only."""
    return is_member(user, initiative)


def can_start(user: Any) -> bool:
    """Anyone signed in starts an initiative."""
    return is_signed_in(user)


def can_record_beneficiaries(user: Any) -> bool:
    """A social worker or a facilitator (facilitators anywhere, agents) records beneficiaries without an account."""
    return bool(facilitates_somewhere(user))


def can_join(user: Any, initiative: Initiative) -> bool:
    """Anyone signed in who is not in the group yet."""
    return is_signed_in(user) and role_in(user, initiative) is None


def can_invite(user: Any, initiative: Initiative, role: str) -> bool:
    """A co-lead invites members and co-leads; a member invites members; the lab invites a co-lead to an
    initiative it holds."""
    mine = role_in(user, initiative)
    if mine == MemberRole.LEAD:
        return role in (MemberRole.LEAD, MemberRole.MEMBER)
    if mine == MemberRole.MEMBER:
        return role == MemberRole.MEMBER
    return bool(initiative.held_by_lab and runs_lab(user))


def can_edit(user: Any, initiative: Initiative) -> bool:
    """Co-leads edit the initiative, publish its needs and offers; the lab when it holds the initiative."""
    return is_lead(user, initiative) or bool(initiative.held_by_lab and runs_lab(user))


def can_move_stage(user: Any, initiative: Initiative) -> bool:
    """Co-leads and the lab move an initiative to its next stage (when the criteria are met)."""
    return is_lead(user, initiative) or bool(runs_lab(user))


def can_confirm_criteria(user: Any, initiative: Initiative) -> bool:
    """The initiative's mentor and the lab confirm what the data cannot show."""
    return is_mentor_of(user, initiative) or bool(runs_lab(user))


def can_write_space(user: Any, initiative: Initiative) -> bool:
    """Members write notes, tasks, decisions and meeting logs, and upload documents."""
    return is_member(user, initiative)


def can_record_exchange(user: Any, initiative: Initiative) -> bool:
    """A member of either side records an exchange (checked on both sides by the service)."""
    return is_member(user, initiative)


add_perm("incubator.run_lab", runs_lab)
add_perm("incubator.member", is_member)
add_perm("incubator.lead", is_lead)

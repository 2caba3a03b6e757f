"""Reads on roles and invitations, each shaped for one screen."""

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import Role, User
from bouquet.accounts.rules import is_moderator
from bouquet.core.errors import DomainError
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.roles.models import Invitation, RoleGrant

TOKEN_SALT = "bouquet.roles.invitation"  # nosec B105 - a signing salt that names the purpose, not a secret


class InvitationNotFound(DomainError):
    """A link whose signature does not hold (mistyped, cut or tampered with): it names no invitation."""

    status_code = 404


def invitation_token(invitation: Invitation) -> str:
    """The signed token of an invitation's link (the signature, not a secret column, proves it was sent)."""
    return signing.dumps({"invitation": invitation.pk, "email": invitation.email}, salt=TOKEN_SALT)


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link names; a link altered by one character names none."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise InvitationNotFound(
            _(
                "Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet, ou demandez une nouvelle invitation."
            )
        ) from error
    invitation = (
        Invitation.objects.select_related("process", "district", "invited_by")
        .filter(pk=data.get("invitation"), email=data.get("email"))
        .first()
    )
    if invitation is None:
        raise InvitationNotFound(_("Cette invitation n'existe plus. Demandez une nouvelle invitation."))
    return invitation


def role_in_words(role: str, *, process: Process | None = None, district: District | None = None) -> str:
    """« Modérateur·rice de la démarche « Budget 2027 » », « Agent de la collectivité (tout le territoire) »."""
    label = str(Role(role).label)
    if process is not None:
        return _("%(role)s de la démarche « %(process)s »") % {"role": label, "process": process.title}
    if district is not None:
        return _("%(role)s du quartier %(district)s") % {"role": label, "district": district.name}
    return _("%(role)s (tout le territoire)") % {"role": label}


@dataclass(frozen=True)
class Holder:
    """One line of « who can do what »: a person, a role and where, since when and given by whom."""

    person: User
    role: str
    process: Process | None
    district: District | None
    since: dt.datetime | None  # None: given before invitations existed (or through Django's admin)
    granted_by_name: str
    grant: RoleGrant | None  # None for a role across the territory (kept on the account)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


def people_with_roles(*, process: Process | None = None) -> list[Holder]:
    """Everyone who holds a role, across the territory first then on a process or a district, in three
    queries; ``process`` keeps the roles that act on it (its own, its district's, the territory's)."""
    accepted = Invitation.objects.filter(
        accepted_by=OuterRef("pk"),
        role=OuterRef("role"),
        process__isnull=True,
        district__isnull=True,
        accepted_at__isnull=False,
    ).order_by("-accepted_at")
    territory = (
        User.objects.exclude(role=Role.INHABITANT)
        .filter(is_active=True)
        .annotate(
            since=Subquery(accepted.values("accepted_at")[:1]),
            inviter_id=Subquery(accepted.values("invited_by")[:1]),
        )
        .order_by("role", "display_name", "id")
    )
    grants = RoleGrant.objects.select_related("person", "process", "district", "granted_by").order_by(
        "role", "process__title", "district__name", "person__display_name"
    )
    if process is not None:
        grants = grants.filter(Q(process=process) | Q(district_id=process.district_id))
    people = list(territory)
    inviters = User.objects.in_bulk({p.inviter_id for p in people if p.inviter_id})
    holders = [
        Holder(
            person=p,
            role=p.role,
            process=None,
            district=None,
            since=p.since,
            granted_by_name=inviters[p.inviter_id].public_name if p.inviter_id in inviters else "",
            grant=None,
        )
        for p in people
    ]
    holders += [
        Holder(
            person=g.person,
            role=g.role,
            process=g.process,
            district=g.district,
            since=g.created_at,
            granted_by_name=g.granted_by.public_name if g.granted_by else "",
            grant=g,
        )
        for g in grants
    ]
    return holders


def open_invitations() -> QuerySet[Invitation]:
    """Invitations not yet accepted nor cancelled (expired ones included, marked so), newest first."""
    return Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True).select_related(
        "process", "district", "invited_by"
    )


def pending_invitation_exists(
    *, email: str, role: str, process: Process | None, district: District | None
) -> bool:
    """Whether the same invitation is already waiting for an answer (and has not expired)."""
    return Invitation.objects.filter(
        email__iexact=email,
        role=role,
        process=process,
        district=district,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists()


@dataclass(frozen=True)
class ModerationScope:
    """Where a person moderates: everywhere, or in these processes and districts."""

    everywhere: bool
    process_ids: frozenset[int]
    district_ids: frozenset[int]

    def condition(self, via: str = "") -> Q:
        """The proposals (``via=""``) or comments (``via="proposal__"``) this person moderates, as a filter."""
        if self.everywhere:
            return Q()
        return (
            Q(**{f"{via}process_id__in": self.process_ids})
            | Q(**{f"{via}district_id__in": self.district_ids})
            | Q(**{f"{via}process__district_id__in": self.district_ids})
        )


def moderation_scope(user: User) -> ModerationScope:
    """The processes and districts a person moderates (everywhere for moderators of the whole territory)."""
    if is_moderator(user):
        return ModerationScope(everywhere=True, process_ids=frozenset(), district_ids=frozenset())
    rows = list(
        RoleGrant.objects.filter(person=user, role=Role.MODERATOR).values_list("process_id", "district_id")
    )
    return ModerationScope(
        everywhere=False,
        process_ids=frozenset(p for p, _d in rows if p is not None),
        district_ids=frozenset(d for _p, d in rows if d is not None),
    )

"""Writes on roles: invite someone by e-mail, accept, take a role or an invitation back. One transaction each."""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import Role, User
from bouquet.accounts.services import open_invited_account
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.french import format_date
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.roles import rules
from bouquet.roles.models import SCOPES, Invitation, InvitationState, RoleGrant, Scope
from bouquet.roles.selectors import invitation_token, pending_invitation_exists, role_in_words


def _scope_of(process: Process | None, district: District | None) -> Scope:
    if process is not None:
        return Scope.PROCESS
    return Scope.DISTRICT if district is not None else Scope.TERRITORY


def _already_holds(
    person: User, role: Role, process: Process | None, district: District | None
) -> str | None:
    """Why ``person`` cannot be given this role here (they hold it, or another one across the territory)."""
    if person.role == role:
        return _("%(who)s est déjà %(role)s sur tout le territoire.") % {
            "who": person.email,
            "role": Role(role).label,
        }
    if process is None and district is None:
        if person.role != Role.INHABITANT:
            return _(
                "%(who)s a déjà le rôle « %(role)s » sur tout le territoire : retirez-le d'abord pour en donner un autre."
            ) % {"who": person.email, "role": Role(person.role).label}
        return None
    if RoleGrant.objects.filter(person=person, role=role, process=process, district=district).exists():
        return _("%(who)s est déjà %(role)s.") % {
            "who": person.email,
            "role": role_in_words(role, process=process, district=district),
        }
    return None


def _invitation_text(invitation: Invitation, link: str) -> str:
    inviter = (
        invitation.invited_by.public_name if invitation.invited_by else settings.BOUQUET_AUTHORITY["name"]
    )
    expires = format_date(timezone.localtime(invitation.expires_at))
    role = role_in_words(invitation.role, process=invitation.process, district=invitation.district)
    return "\n\n".join(
        [
            _("Bonjour,"),
            _(
                "%(inviter)s vous invite à rejoindre la plateforme de participation de %(authority)s comme : %(role)s."
            )
            % {"inviter": inviter, "authority": settings.BOUQUET_AUTHORITY["name"], "role": role},
            _("Pour accepter, ouvrez ce lien (il sert une seule fois et expire le %(date)s) :")
            % {"date": expires},
            link,
            _(
                "Si vous ne vous attendiez pas à cette invitation, ignorez ce message : rien ne change sans vous."
            ),
        ]
    )


@transaction.atomic
def invite_person(
    *,
    inviter: User,
    email: str,
    role: Role,
    process: Process | None = None,
    district: District | None = None,
    link_for: Callable[[str], str],
) -> Invitation:
    """Invite an e-mail address to take a role on the territory, a process or a district, and send the link
    (``link_for`` turns the signed token into the page's full address). If sending fails, nothing is kept."""
    if not rules.can_give_role(inviter, role):
        if role == Role.ADMINISTRATOR and rules.can_manage_people(inviter):
            raise ActionNotAllowed(_("Seul un administrateur peut inviter un administrateur."))
        raise ActionNotAllowed(_("Seuls les agents de la collectivité invitent des personnes à un rôle."))
    address = (email or "").strip().lower()
    if role not in SCOPES:
        raise InvalidInput(
            _("L'invitation n'a pas été envoyée."), field_errors={"role": _("Choisissez un rôle.")}
        )
    if process is not None and district is not None:
        raise InvalidInput(
            _("L'invitation n'a pas été envoyée."),
            field_errors={"scope": _("Choisissez une démarche ou un quartier, pas les deux.")},
        )
    scope = _scope_of(process, district)
    if scope not in SCOPES[role]:
        raise InvalidInput(
            _("L'invitation n'a pas été envoyée."),
            field_errors={
                "scope": _("Le rôle « %(role)s » ne se donne pas sur « %(scope)s ».")
                % {"role": Role(role).label, "scope": scope.label}
            },
        )
    person = User.objects.filter(email__iexact=address, erased_at__isnull=True).first()
    if person is not None:
        reason = _already_holds(person, role, process, district)
        if reason is not None:
            raise Conflict(reason, field_errors={"email": reason})
    if pending_invitation_exists(email=address, role=role, process=process, district=district):
        message = _("Une invitation à ce rôle attend déjà la réponse de %(who)s.") % {"who": address}
        raise Conflict(message, field_errors={"email": message})
    invitation = Invitation.objects.create(
        email=address, role=role, process=process, district=district, invited_by=inviter
    )
    send_mail(
        subject=_("Invitation : %(role)s")
        % {"role": role_in_words(role, process=process, district=district)},
        message=_invitation_text(invitation, link_for(invitation_token(invitation))),
        from_email=None,
        recipient_list=[address],
    )
    return invitation


def check_can_accept(invitation: Invitation) -> None:
    """Refuse an invitation already accepted, cancelled or expired, saying which."""
    state = invitation.state
    if state == InvitationState.ACCEPTED:
        raise Conflict(_("Cette invitation a déjà été acceptée : le lien ne sert qu'une fois."))
    if state == InvitationState.REVOKED:
        raise Conflict(_("Cette invitation a été annulée par la collectivité."))
    if state == InvitationState.EXPIRED:
        raise Conflict(
            _("Cette invitation a expiré le %(date)s. Demandez-en une nouvelle à la collectivité.")
            % {"date": format_date(timezone.localtime(invitation.expires_at))}
        )


def _grant(invitation: Invitation, person: User) -> None:
    role = Role(invitation.role)
    reason = _already_holds(person, role, invitation.process, invitation.district)
    if reason is not None:
        raise Conflict(reason)
    if invitation.process is None and invitation.district is None:
        person.role = role
        person.save(update_fields=["role"])
    else:
        RoleGrant.objects.create(
            person=person,
            role=role,
            process=invitation.process,
            district=invitation.district,
            granted_by=invitation.invited_by,
        )
        rules.forget_grants(person)
    Invitation.objects.filter(pk=invitation.pk).update(
        accepted_at=timezone.now(), accepted_by=person, updated_at=timezone.now()
    )


@transaction.atomic
def accept_invitation(*, invitation: Invitation, person: User) -> User:
    """The person the invitation was sent to, signed in, accepts it: they get the role, and the link is spent."""
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("process", "district", "invited_by")
        .get(pk=invitation.pk)
    )  # one acceptance, even if the link is opened twice at once
    check_can_accept(locked)
    if person.email.lower() != locked.email.lower():
        raise ActionNotAllowed(
            _("Cette invitation est adressée à %(email)s : connectez-vous avec ce compte pour l'accepter.")
            % {"email": locked.email}
        )
    _grant(locked, person)
    return person


@transaction.atomic
def accept_invitation_with_new_account(*, invitation: Invitation, display_name: str, password: str) -> User:
    """Someone without an account accepts: their account is created with the invited address, and they get the
    role, in one step."""
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("process", "district", "invited_by")
        .get(pk=invitation.pk)
    )
    check_can_accept(locked)
    person = open_invited_account(email=locked.email, display_name=display_name, password=password)
    _grant(locked, person)
    return person


@transaction.atomic
def revoke_invitation(*, agent: User, invitation: Invitation) -> Invitation:
    """Cancel an invitation not yet accepted: its link then says so."""
    if not rules.can_give_role(agent, Role(invitation.role)):
        raise ActionNotAllowed(_("Vous ne pouvez pas annuler cette invitation."))
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None:
        raise Conflict(_("Cette invitation a déjà été acceptée : retirez plutôt le rôle."))
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at", "updated_at"])
    return locked


@transaction.atomic
def revoke_grant(*, agent: User, grant: RoleGrant) -> None:
    """Take back a role given on a process or a district."""
    if not rules.can_give_role(agent, Role(grant.role)):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité retirent un rôle."))
    RoleGrant.objects.filter(pk=grant.pk).delete()
    rules.forget_grants(grant.person)


@transaction.atomic
def revoke_territory_role(*, agent: User, person: User) -> User:
    """Take back a person's role across the territory: they become an inhabitant again (and lose Django's admin
    if they were an administrator)."""
    if person.role == Role.INHABITANT:
        raise Conflict(_("Cette personne n'a pas de rôle à retirer."))
    if not rules.can_give_role(agent, Role(person.role)):
        raise ActionNotAllowed(_("Seul un administrateur peut retirer le rôle d'un administrateur."))
    if person.pk == agent.pk:
        raise Conflict(_("Vous ne pouvez pas retirer votre propre rôle : demandez-le à un autre agent."))
    person.role = Role.INHABITANT
    person.is_staff = person.is_superuser = False
    person.save(update_fields=["role", "is_staff", "is_superuser"])
    return person

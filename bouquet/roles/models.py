"""Who may act for the authority, and where: roles given on one process or one district, and the invitations
by e-mail that give them.

A person's role across the whole territory stays ``accounts.User.role`` (read by every predicate without a
query); the roles given on one process or one district live here, because their scope is a process, which the
accounts app does not know (docs/decisions/0015-roles-and-their-scope.md)."""

import datetime as dt
from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import Role
from bouquet.core.models import TimeStampedModel

INVITATION_DAYS: Final = 7


class Scope(models.TextChoices):
    TERRITORY = "territory", _("Tout le territoire")
    PROCESS = "process", _("Une démarche")
    DISTRICT = "district", _("Un quartier")


# Where each role may be given. Agents and administrators act for the whole authority; a moderator or a
# facilitator may look after one process or one district; a mentor follows initiatives of one district.
SCOPES: Final[dict[Role, frozenset[Scope]]] = {
    Role.AGENT: frozenset({Scope.TERRITORY}),
    Role.ADMINISTRATOR: frozenset({Scope.TERRITORY}),
    Role.MODERATOR: frozenset({Scope.TERRITORY, Scope.PROCESS, Scope.DISTRICT}),
    Role.FACILITATOR: frozenset({Scope.TERRITORY, Scope.PROCESS, Scope.DISTRICT}),
    Role.MENTOR: frozenset({Scope.TERRITORY, Scope.DISTRICT}),
}
# The roles one may invite someone to (every role but the inhabitant's, which everyone has).
INVITED_ROLES: Final = tuple(SCOPES)


def _one_scope() -> Q:
    return (Q(process__isnull=False) & Q(district__isnull=True)) | (
        Q(process__isnull=True) & Q(district__isnull=False)
    )


class RoleGrant(TimeStampedModel):
    """A person holds a role on one process or one district (``created_at`` says since when)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_grants",
        verbose_name=_("personne"),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,  # a role on a process means nothing once the process is gone
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("démarche"),
    )
    district = models.ForeignKey(
        "places.District",
        on_delete=models.CASCADE,  # likewise for a district
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("quartier"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the grant outlives the agent who gave it
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité·e par"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("rôle sur une démarche ou un quartier")
        verbose_name_plural = _("rôles sur une démarche ou un quartier")
        constraints = [
            models.CheckConstraint(condition=_one_scope(), name="grant_has_one_scope"),
            models.UniqueConstraint(
                fields=["person", "role", "process"],
                condition=Q(process__isnull=False),
                name="one_grant_per_process",
            ),
            models.UniqueConstraint(
                fields=["person", "role", "district"],
                condition=Q(district__isnull=False),
                name="one_grant_per_district",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} · {self.process or self.district}"

    @property
    def scope(self) -> Scope:
        """Whether the role covers a process or a district."""
        return Scope.PROCESS if self.process_id is not None else Scope.DISTRICT


class InvitationState(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    REVOKED = "revoked", _("Annulée")
    EXPIRED = "expired", _("Expirée")


def _default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=INVITATION_DAYS)


class Invitation(TimeStampedModel):
    """An agent invited an e-mail address to take a role, on the territory, a process or a district. The link
    sent by e-mail is signed, used once, and expires."""

    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("démarche"),
    )
    district = models.ForeignKey(
        "places.District",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("quartier"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité·e par"),
    )
    expires_at = models.DateTimeField(_("expire le"), default=_default_expiry)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acceptée par"),
    )
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=~(Q(process__isnull=False) & Q(district__isnull=False)),
                name="invitation_has_at_most_one_scope",
            ),
        ]
        indexes = [models.Index(fields=["email", "role"], name="invitation_lookup")]

    def __str__(self) -> str:
        return f"{self.email} · {self.get_role_display()}"

    @property
    def scope(self) -> Scope:
        """The territory, a process or a district."""
        if self.process_id is not None:
            return Scope.PROCESS
        if self.district_id is not None:
            return Scope.DISTRICT
        return Scope.TERRITORY

    @property
    def state(self) -> InvitationState:
        """Pending, accepted, revoked or expired (in that order of precedence)."""
        if self.accepted_at is not None:
            return InvitationState.ACCEPTED
        if self.revoked_at is not None:
            return InvitationState.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationState.EXPIRED
        return InvitationState.PENDING

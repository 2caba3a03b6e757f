"""Follows, notifications and each person's choice of how often to be told, per kind of event."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FrequencyChoice(models.TextChoices):
    INSTANT = "instant", _("Un e-mail à chaque fois")
    DAILY = "daily", _("Un résumé chaque jour")
    WEEKLY = "weekly", _("Un résumé chaque semaine")
    NEVER = "never", _("Pas d'e-mail")


class Follow(models.Model):
    """A person follows something (a process, a proposal, a bouquet, a budget…): its events reach them."""

    class Reason(models.TextChoices):
        FOLLOWED = "followed", _("suivi")
        CREATED = "created", _("créé")
        SUPPORTED = "supported", _("soutenu")
        VOTED = "voted", _("voté")
        JOINED = "joined", _("rejoint")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("pourquoi"), max_length=12, choices=Reason.choices, default=Reason.FOLLOWED)
    created_at = models.DateTimeField(_("suivi depuis"), auto_now_add=True)

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_follow_per_target"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.content_type_id}:{self.object_id}"

    @property
    def automatic(self) -> bool:
        """Followed because the person created, supported, voted on or joined it, not by pressing « Suivre »."""
        return self.reason != self.Reason.FOLLOWED


class EmailState(models.TextChoices):
    NONE = "none", _("pas d'e-mail")
    PENDING = "pending", _("à envoyer")
    SENDING = "sending", _("en cours d'envoi")
    SENT = "sent", _("envoyé")
    SKIPPED = "skipped", _("non envoyé (adresse non vérifiée ou désabonnement)")


class Notification(models.Model):
    """Something happened that one person is told about, in their space and perhaps by e-mail.

    The target's title and address are copied when the notification is made, so that the list shows in one query
    and stays readable when the target is gone. ``email_frequency`` is the person's choice for this kind at that
    moment; ``email_state`` moves from ``pending`` to ``sending`` by a conditional update before anything is sent,
    so that a task run twice never sends twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("type"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    target_title = models.CharField(_("sujet"), max_length=255, blank=True)
    target_url = models.CharField(_("adresse"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the notification stays when its author's account goes
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(max_length=100, blank=True)
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    email_frequency = models.CharField(max_length=8, choices=FrequencyChoice.choices)
    email_state = models.CharField(max_length=8, choices=EmailState.choices, default=EmailState.NONE)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_claim = models.CharField(max_length=32, blank=True, db_index=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox"),
            models.Index(fields=["email_state", "email_frequency"], name="notification_mail_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    def message(self) -> str:
        """The sentence this notification says, in the active language."""
        from bouquet.notifications.kinds import get  # noqa: PLC0415 - the registry is filled after models load

        values: dict[str, Any] = {str(key): value for key, value in (self.context or {}).items()}
        values.setdefault("actor", self.actor_name)
        values.setdefault("target", self.target_title)
        try:
            return str(get(self.kind).message) % _Missing(values)
        except LookupError:
            return self.target_title


class _Missing(dict[str, Any]):
    """Formatting values where a missing key reads as an empty string, never an error in someone's inbox."""

    def __missing__(self, key: str) -> str:
        return ""


class Preference(models.Model):
    """How often a person wants e-mails for one kind of event (no row: the kind's default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("type"), max_length=60)
    frequency = models.CharField(_("fréquence"), max_length=8, choices=FrequencyChoice.choices)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.frequency}"


class Newsletter(models.Model):
    """A letter the authority writes to the followers of a process or of a district.

    The audience is a generic target (a process, a district): the back-office finds who follows it. Each reader
    gets a notification of kind ``notifications.newsletter``, which carries the e-mail and its one-shot state."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="newsletters"
    )  # the authority answers for what it sent: the author's account cannot vanish under it
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("texte"))
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    audience = GenericForeignKey("content_type", "object_id")
    audience_label = models.CharField(_("destinataires"), max_length=255)
    created_at = models.DateTimeField(_("écrite le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("destinataires"), default=0)

    class Meta:
        verbose_name = _("lettre d'information")
        verbose_name_plural = _("lettres d'information")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject

    def paragraphs(self) -> list[str]:
        """The body cut into paragraphs at blank lines."""
        return [part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n") if part.strip()]

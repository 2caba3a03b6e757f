"""Conversations mapped as Pol.is does: short statements, agree / disagree / pass, an opinion map; live rooms.

A participant is one voice in one conversation: a signed-in person, someone who joined with a room pass (no
account), or a voter of an imported Pol.is export. Votes hang on participants, so the three count alike."""

from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel

STATEMENT_MAX: Final = 280  # as Pol.is: one idea, short enough to read on a phone in one glance
QUESTION_MAX: Final = 300
IMPORTED_STATEMENT_MAX: Final = 1000  # statements of imported Pol.is exports may be longer than ours
MIN_VOTES_FOR_MAP: Final = 7  # Pol.is places people on the map once they voted on 7 statements


class Moderation(models.TextChoices):
    BEFORE = "before", _("Avant publication : un modérateur accepte chaque affirmation")
    AFTER = "after", _("Après publication : les affirmations paraissent tout de suite")


class Access(models.TextChoices):
    SIGNED_IN = "signed_in", _("Compte obligatoire")
    PASS = "pass", _("Sans compte, avec un pass de participation (accord pour la séance)")


class Conversation(TimeStampedModel):
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("démarche"),
    )
    question = models.CharField(_("question posée"), max_length=QUESTION_MAX)
    description = models.TextField(_("présentation"), blank=True)
    participants_may_add = models.BooleanField(
        _("les participants peuvent ajouter des affirmations"), default=True
    )
    moderation = models.CharField(
        _("modération des affirmations"), max_length=10, choices=Moderation.choices, default=Moderation.AFTER
    )
    access = models.CharField(
        _("participation"), max_length=10, choices=Access.choices, default=Access.SIGNED_IN
    )
    closed_at = models.DateTimeField(_("fermée le"), null=True, blank=True)
    imported_from = models.CharField(_("importée de"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("conversations:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Participant(TimeStampedModel):
    """One voice in one conversation (signed in, with a room pass, or imported)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The secret kept in the session of someone who joined without an account; only its holder votes with it.
    pass_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    room = models.ForeignKey(
        "Room", on_delete=models.SET_NULL, null=True, blank=True, related_name="participants"
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    external_id = models.CharField(max_length=64, blank=True)  # the voter-id of an imported Pol.is export

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"],
                condition=Q(user__isnull=False),
                name="one_participant_per_user",
            ),
            models.UniqueConstraint(
                fields=["conversation", "external_id"],
                condition=~Q(external_id=""),
                name="one_participant_per_external_id",
            ),
        ]

    def __str__(self) -> str:
        return f"participant {self.pk}"


class StatementState(models.TextChoices):
    PENDING = "pending", _("En attente de modération")
    ACCEPTED = "accepted", _("Publiée")
    REJECTED = "rejected", _("Écartée par la modération")


class Statement(TimeStampedModel):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="statements")
    text = models.CharField(_("affirmation"), max_length=IMPORTED_STATEMENT_MAX)
    author = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    state = models.CharField(max_length=10, choices=StatementState.choices, default=StatementState.ACCEPTED)
    is_seed = models.BooleanField(_("affirmation de départ"), default=False)
    room = models.ForeignKey(
        "Room", on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    external_id = models.CharField(max_length=64, blank=True)  # the comment-id of an imported Pol.is export

    class Meta:
        ordering = ["id"]
        verbose_name = _("affirmation")
        verbose_name_plural = _("affirmations")

    def __str__(self) -> str:
        return self.text


class VoteValue(models.IntegerChoices):
    AGREE = 1, _("D'accord")
    DISAGREE = -1, _("Pas d'accord")
    PASS = 0, _("Je passe")


class Vote(TimeStampedModel):
    """One participant's latest answer to one statement (a new answer replaces the previous one)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=VoteValue.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="one_vote_per_participant_statement"
            ),
            models.CheckConstraint(
                condition=Q(value__in=(-1, 0, 1)), name="vote_value_is_agree_disagree_pass"
            ),
        ]


class MapSnapshot(models.Model):
    """The opinion map as last computed from the votes (computed in the background; read by every page)."""

    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="map_snapshot")
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField()
    vote_count = models.PositiveIntegerField(default=0)
    participant_count = models.PositiveIntegerField(default=0)
    last_vote_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0.0)  # how long the computation took

    def __str__(self) -> str:
        return f"map of conversation {self.conversation_id}"


class Room(TimeStampedModel):
    """A live workshop around a conversation: phones vote, a projector shows the counts and the map."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="rooms")
    code = models.CharField(_("code de la salle"), max_length=12, unique=True)
    title = models.CharField(_("nom de l'atelier"), max_length=200)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    current_statement = models.ForeignKey(
        Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chairs = models.PositiveSmallIntegerField(_("chaises au centre"), default=4)
    timer_seconds = models.PositiveIntegerField(_("temps de parole (secondes)"), default=180)
    timer_started_at = models.DateTimeField(null=True, blank=True)
    record = models.JSONField(default=dict, blank=True)  # what the room produced, saved when it closes

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class SeatState(models.TextChoices):
    QUEUED = "queued", _("Demande à entrer")
    CENTRE = "centre", _("Au centre")
    DONE = "done", _("A parlé")


class FishbowlSeat(TimeStampedModel):
    """Someone in the fishbowl: asking to come in, speaking in the centre, or done."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="seats")
    name = models.CharField(_("prénom ou pseudonyme"), max_length=60)
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=10, choices=SeatState.choices, default=SeatState.QUEUED)
    seated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

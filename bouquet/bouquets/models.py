"""Bouquets of proposals: the groups found by the engine, the decisions agents made about them and the means
given to them."""

from typing import Final

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel

LABEL_MAX: Final = 200  # the length of a theme's or a bouquet's name


class Clustering(TimeStampedModel):
    """One run of the engine over a process's proposals, with its progress."""

    class State(models.TextChoices):
        QUEUED = "queued", _("En attente")
        RUNNING = "running", _("En cours")
        DONE = "done", _("Terminé")
        FAILED = "failed", _("Échec")

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="clusterings")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    step = models.CharField(_("étape"), max_length=120, blank=True)
    themes_requested = models.PositiveSmallIntegerField(
        _("nombre de grands thèmes demandé"), null=True, blank=True
    )
    proposal_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # What placing a new proposal and finding duplicates need (vectors, TF-IDF state); an npz, no pickle.
    engine_state = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("regroupement")
        verbose_name_plural = _("regroupements")

    def __str__(self) -> str:
        return f"{self.process_id} · {self.state} · {self.progress}%"

    @property
    def is_active(self) -> bool:
        """Still queued or running."""
        return self.state in {self.State.QUEUED, self.State.RUNNING}


class Topic(TimeStampedModel):
    """A broad theme: a part of the partition of a process's proposals."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="topics")
    key = models.CharField(max_length=40)
    label = models.CharField(_("nom"), max_length=LABEL_MAX)
    label_is_custom = models.BooleanField(default=False)
    keywords = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["process", "position", "id"]
        verbose_name = _("grand thème")
        verbose_name_plural = _("grands thèmes")
        constraints = [models.UniqueConstraint(fields=["process", "key"], name="one_topic_key_per_process")]

    def __str__(self) -> str:
        return self.label


class Bouquet(TimeStampedModel):
    """Proposals about the same need, gathered so that means are allocated once, not scattered."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="bouquets")
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="bouquets"
    )
    key = models.CharField(max_length=40)
    label = models.CharField(_("nom"), max_length=LABEL_MAX)
    label_is_custom = models.BooleanField(_("nommé par un agent"), default=False)
    keywords = models.JSONField(default=list, blank=True)
    representative_ids = models.JSONField(default=list, blank=True)
    pinned = models.BooleanField(
        _("épinglé"),
        default=False,
        help_text=_("Un bouquet épinglé garde ses propositions au regroupement suivant."),
    )
    cohesion = models.FloatField(default=0.0)
    suggested_sdgs = models.JSONField(default=list, blank=True)
    confirmed_sdgs = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["process", "topic__position", "-pinned", "label"]
        verbose_name = _("bouquet")
        verbose_name_plural = _("bouquets")
        constraints = [models.UniqueConstraint(fields=["process", "key"], name="one_bouquet_key_per_process")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("bouquets:detail", kwargs={"pk": self.pk})


class Placement(TimeStampedModel):
    """Where one proposal stands: its theme, its bouquet (or the not-yet-grouped pool), and why."""

    class Status(models.TextChoices):
        GROUPED = "grouped", _("Dans un bouquet")
        PINNED = "pinned", _("Dans un bouquet épinglé")
        UNGROUPED = "ungrouped", _("Pas encore regroupée")
        UNUSABLE = "unusable", _("Texte inexploitable")

    proposal = models.OneToOneField("proposals.Proposal", on_delete=models.CASCADE, related_name="placement")
    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    bouquet = models.ForeignKey(
        Bouquet, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    # The regrouping that placed it; empty when it was placed on its own since. Every process's engine is that
    # regrouping's stored state plus the placements with no regrouping (see registry.engine_for).
    clustering = models.ForeignKey(
        Clustering, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNGROUPED)
    shared_keywords = models.JSONField(default=list, blank=True)
    nearest_ids = models.JSONField(default=list, blank=True)
    similarity = models.FloatField(default=0.0)
    suggested_sdgs = models.JSONField(default=list, blank=True)
    moved_by_agent = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("place d'une proposition")
        verbose_name_plural = _("places des propositions")
        indexes = [models.Index(fields=["process", "bouquet"], name="placement_by_bouquet")]

    def __str__(self) -> str:
        return f"{self.proposal_id} → {self.bouquet_id}"


class CurationDecision(TimeStampedModel):
    """What an agent decided about bouquets; kept as a log and honoured by every later regrouping."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Renommer")
        MERGE = "merge", _("Fusionner")
        SPLIT = "split", _("Scinder")
        MOVE = "move", _("Déplacer une proposition")
        PIN = "pin", _("Épingler")
        UNPIN = "unpin", _("Désépingler")
        SDGS = "sdgs", _("Confirmer les ODD")

    process = models.ForeignKey(
        "processes.Process", on_delete=models.CASCADE, related_name="curation_decisions"
    )
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    bouquet = models.ForeignKey(
        Bouquet, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("décision de curation")
        verbose_name_plural = _("décisions de curation")

    def __str__(self) -> str:
        return f"{self.kind} {self.payload}"


class ProposalVector(models.Model):
    """A proposal's vector by one sentence encoder (the grouping's, and the duplicate judge's), kept so that
    regrouping does not encode every text again.

    The vector depends only on the text and the encoder (not on the corpus), so it stays valid until the
    proposal is edited: ``text_hash`` tells."""

    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE, related_name="vectors")
    encoder = models.CharField(max_length=40)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()

    class Meta:
        verbose_name = _("vecteur d'une proposition")
        verbose_name_plural = _("vecteurs des propositions")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "encoder"], name="one_vector_per_proposal_and_encoder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id} ({self.encoder})"


class AllocationKind(models.TextChoices):
    MONEY = "money", _("Argent")
    STAFF_TIME = "staff_time", _("Temps d'agents")
    ROOM = "room", _("Salle ou local")
    MENTORING = "mentoring", _("Accompagnement")


ALLOCATION_UNITS: Final[dict[AllocationKind, str]] = {
    AllocationKind.MONEY: "€",
    AllocationKind.STAFF_TIME: "h",
    AllocationKind.ROOM: "h",
    AllocationKind.MENTORING: "h",
}


class Allocation(TimeStampedModel):
    """Means the authority gives to a bouquet as a whole, rather than to each of its proposals."""

    bouquet = models.ForeignKey(
        Bouquet,
        on_delete=models.PROTECT,  # public means never vanish with a bouquet: curation carries them over
        related_name="allocations",
    )
    kind = models.CharField(_("nature"), max_length=12, choices=AllocationKind.choices)
    amount = models.PositiveBigIntegerField(_("quantité"))
    unit = models.CharField(_("unité"), max_length=20)
    note = models.CharField(_("précision"), max_length=300, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # an allocation of public means keeps who decided it
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moyen alloué")
        verbose_name_plural = _("moyens alloués")

    def __str__(self) -> str:
        return f"{self.bouquet_id} · {self.kind} · {self.amount} {self.unit}"


class MeansOnSplit(models.TextChoices):
    """Where a split bouquet's means go: the agent says, nothing is decided for them."""

    STAY = "stay", _("Ils restent au bouquet d'origine")
    MOVE = "move", _("Ils passent au nouveau bouquet")

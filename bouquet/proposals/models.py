"""Proposals, their comments and supports, and the reports that moderation acts on."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel

TITLE_MIN, TITLE_MAX = 5, 140
BODY_MIN, BODY_MAX = 10, 5000
COMMENT_MAX = 2000
ADDRESS_MAX = 200
REASON_MAX = 500
# What its authors may change in a proposal (the history names these when an edit changes them).
EDITABLE_FIELDS = ("title", "body", "district_id", "theme_id", "latitude", "longitude", "address")


class Origin(models.TextChoices):
    ONLINE = "online", _("En ligne")
    WORKSHOP = "workshop", _("Atelier public")
    OUTREACH = "outreach", _("Aller-vers (rue, marché, papier)")
    IMPORT = "import", _("Import")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Déposée")
    UNDER_STUDY = "under_study", _("À l'étude")
    ACCEPTED = "accepted", _("Retenue")
    REJECTED = "rejected", _("Non retenue")
    WITHDRAWN = "withdrawn", _("Retirée")


class Moderation(models.TextChoices):
    PUBLISHED = "published", _("Publiée")
    PENDING = "pending", _("Masquée en attente de modération")
    HIDDEN = "hidden", _("Masquée par la modération")


class Theme(models.Model):
    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self) -> str:
        return self.name


# The one definition of « a proposal that counts » (for supports, bouquets, budgets and duplicates), and of
# « a proposal someone may read ». Querysets and single objects say the same thing: `live()` and `is_live`,
# `public()` and `rules.can_read`.
def live_condition(via: str = "") -> Q:
    """« A proposal that counts » as a condition on proposals, or through a relation (``via="proposal__"``)."""
    return Q(**{f"{via}moderation": Moderation.PUBLISHED}) & ~Q(**{f"{via}status": Status.WITHDRAWN})


def public_condition(via: str = "") -> Q:
    """« A proposal anyone may read » as a condition on proposals, or through a relation."""
    return Q(**{f"{via}moderation": Moderation.PUBLISHED, f"{via}process__is_published": True})


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def live(self) -> "ProposalQuerySet":
        """Proposals that count: published by moderation and not withdrawn by their authors."""
        return self.filter(live_condition())

    def public(self) -> "ProposalQuerySet":
        """Proposals anyone may read: not hidden by moderation, in a published process (withdrawn ones stay
        readable, marked as such). A hidden proposal is only readable by its authors and moderators, one at a
        time, through ``rules.can_read``."""
        return self.filter(public_condition())


class Proposal(TimeStampedModel):
    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # erasing a person goes through anonymisation, not a cascade
        related_name="proposals",
    )
    coauthors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coauthored_proposals",
        blank=True,
        verbose_name=_("co-auteurs"),
    )
    title = models.CharField(_("titre"), max_length=TITLE_MAX)
    body = models.TextField(_("description"), max_length=BODY_MAX)
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("quartier"),
        on_delete=models.SET_NULL,  # the proposal outlives a redrawn district
        null=True,
        blank=True,
        related_name="proposals",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thème"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    address = models.CharField(_("adresse"), max_length=ADDRESS_MAX, blank=True)
    # The named place the proposal is about: its page shows the proposal on the place's timeline.
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("lieu"),
        on_delete=models.SET_NULL,  # the proposal outlives a place taken off the map
        null=True,
        blank=True,
        related_name="proposals",
    )
    origin = models.CharField(_("origine"), max_length=20, choices=Origin.choices, default=Origin.ONLINE)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    answer = models.TextField(_("réponse de la collectivité"), blank=True)
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)
    support_count = models.PositiveIntegerField(_("soutiens"), default=0)
    comment_count = models.PositiveIntegerField(_("commentaires"), default=0)
    moderation = models.CharField(
        _("modération"), max_length=20, choices=Moderation.choices, default=Moderation.PUBLISHED
    )
    # The key of the form (or API request) that created it: the same form posted twice makes one proposal.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")
        indexes = [
            models.Index(fields=["process", "moderation", "-created_at"], name="proposal_recent"),
            models.Index(fields=["process", "moderation", "-support_count"], name="proposal_supported"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__gte=-90)
                    & Q(latitude__lte=90)
                    & Q(longitude__gte=-180)
                    & Q(longitude__lte=180)
                ),
                name="proposal_place_is_valid",
            ),
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="one_proposal_per_submission",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"pk": self.pk})

    @property
    def is_live(self) -> bool:
        """Whether the proposal counts (the single-object twin of ``Proposal.objects.live()``)."""
        return self.moderation == Moderation.PUBLISHED and self.status != Status.WITHDRAWN

    @property
    def has_place(self) -> bool:
        """Whether the proposal is pinned on the map."""
        return self.latitude is not None and self.longitude is not None


class Comment(TimeStampedModel):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("réponse à"),
    )
    body = models.TextField(_("commentaire"), max_length=COMMENT_MAX)
    moderation = models.CharField(
        _("modération"), max_length=20, choices=Moderation.choices, default=Moderation.PUBLISHED
    )
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        indexes = [models.Index(fields=["proposal", "parent", "created_at"], name="comment_thread")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="one_comment_per_submission",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return f"{reverse('proposals:detail', kwargs={'pk': self.proposal_id})}#commentaire-{self.pk}"


class Support(TimeStampedModel):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supports")

    class Meta:
        verbose_name = _("soutien")
        verbose_name_plural = _("soutiens")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "citizen"], name="one_support_per_citizen")
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id} → {self.proposal_id}"


class Report(TimeStampedModel):
    """Someone flagged a proposal or a comment as breaking the charter."""

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports")
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reason = models.CharField(_("motif"), max_length=REASON_MAX)
    resolved = models.BooleanField(_("traité"), default=False)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        constraints = [
            models.CheckConstraint(
                condition=(Q(proposal__isnull=False) & Q(comment__isnull=True))
                | (Q(proposal__isnull=True) & Q(comment__isnull=False)),
                name="report_targets_one_item",
            ),
            models.UniqueConstraint(
                fields=["reporter", "proposal"],
                condition=Q(resolved=False, proposal__isnull=False),
                name="one_open_report_per_proposal",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(resolved=False, comment__isnull=False),
                name="one_open_report_per_comment",
            ),
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class ModerationDecision(TimeStampedModel):
    """A moderator hid or restored an item; kept as a public-facing log with its reason."""

    class Verdict(models.TextChoices):
        HIDE = "hide", _("Masquer")
        RESTORE = "restore", _("Rétablir")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # the log must keep who decided
        related_name="moderation_decisions",
    )
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    verdict = models.CharField(_("décision"), max_length=10, choices=Verdict.choices)
    reason = models.CharField(_("motif"), max_length=REASON_MAX)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("décision de modération")
        verbose_name_plural = _("décisions de modération")

    def __str__(self) -> str:
        return f"{self.verdict}: {self.reason[:40]}"


MESSAGE_MAX = 1000


class CoauthorRequest(TimeStampedModel):
    """Someone asked to co-sign a proposal; one of its authors accepts or refuses.

    Every request, answered or not, stays as the record of who asked and who answered. The row is also the
    point a notifications app hooks on: a new pending row is news for the proposal's authors, an answered one
    for the person who asked (no e-mail is sent until such an app exists)."""

    class State(models.TextChoices):
        PENDING = "pending", _("En attente de réponse")
        ACCEPTED = "accepted", _("Acceptée")
        REFUSED = "refused", _("Refusée")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="coauthor_requests")
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coauthor_requests"
    )
    message = models.TextField(_("message aux auteurs"), max_length=MESSAGE_MAX, blank=True)
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.PENDING)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the answer stays recorded after its author's account is gone
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("demande de co-écriture")
        verbose_name_plural = _("demandes de co-écriture")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "requester"],
                condition=Q(state="pending"),
                name="one_pending_coauthor_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id} → {self.proposal_id} ({self.state})"


CHANGED_FIELD_LABELS = {
    "title": _("le titre"),
    "body": _("la description"),
    "district_id": _("le quartier"),
    "theme_id": _("le thème"),
    "latitude": _("l'emplacement sur la carte"),
    "longitude": _("l'emplacement sur la carte"),
    "address": _("le lieu"),
}


class ProposalRevision(TimeStampedModel):
    """One change to a proposal, and who made it: the proposal's history, written by the services."""

    class Kind(models.TextChoices):
        EDITED = "edited", _("Modification")
        WITHDRAWN = "withdrawn", _("Retrait")
        COAUTHOR_JOINED = "coauthor_joined", _("Arrivée d'un co-auteur")
        COAUTHOR_LEFT = "coauthor_left", _("Départ d'un co-auteur")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="revisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the history outlives an erased account: « une personne »
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("changement"), max_length=20, choices=Kind.choices)
    # The fields an edit changed (model field names), so that the history says what changed.
    fields = models.JSONField(_("champs modifiés"), default=list, blank=True)
    # The co-author who joined or left, when the change is about one.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("modification de proposition")
        verbose_name_plural = _("historique des propositions")
        indexes = [models.Index(fields=["proposal", "-created_at"], name="revision_history")]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.kind}"

    @property
    def changed_labels(self) -> list[str]:
        """What an edit changed, in words (« le titre », « le lieu »), each once, in the form's order."""
        labels: list[str] = []
        for name in self.fields:
            label = str(CHANGED_FIELD_LABELS.get(name, name))
            if label not in labels:
                labels.append(label)
        return labels

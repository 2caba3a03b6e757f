"""Participatory budgets: envelopes, projects, who took part, anonymous ballots and results (means given to a
whole bouquet live in the bouquets app: ``bouquets.Allocation``).

Secrecy is a property of the schema, not of a flag: a ``Ballot`` has a random id, a coarse date and no foreign
key that leads back to a person. Who voted (and how) lives in ``Participation``; only budgets that are not
secret keep, in ``Participation.ballot_ref``, the id of the ballot to replace when the person changes it.
A secret ballot first waits, encrypted, as a ``SealedBallot``; the mix (``services.mix_sealed_ballots``) writes
the whole pool as ``Ballot`` rows in shuffled order, in a transaction of its own, once the vote is over
(docs/decisions/0012-secret-ballots.md).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bouquet.budgets.counting.catalogue import DEFAULT_RULE
from bouquet.budgets.counting.tiebreak import DEFAULT_SEED, TieOrder
from bouquet.budgets.wording import RULE_CHOICES, TIE_ORDER_CHOICES
from bouquet.core.models import TimeStampedModel

SDG_MIN, SDG_MAX = 1, 17
TERRITORY_KEY = "territoire"  # the part of the budget not earmarked for a district


class BallotKind(models.TextChoices):
    APPROVAL = "approval", _("Choisir des projets (nombre minimum et maximum)")
    KNAPSACK = "knapsack", _("Choisir des projets dans la limite du budget")
    CUMULATIVE = "cumulative", _("Répartir des points entre les projets")
    RANKED = "ranked", _("Classer des projets par ordre de préférence")

    @property
    def ticks_projects(self) -> bool:
        """Whether a ballot of this kind ticks projects (no points, no ranks)."""
        return self in (BallotKind.APPROVAL, BallotKind.KNAPSACK)

    def line_fields(self, value: int) -> dict[str, int | None]:
        """How one choice's value is stored on a ballot line: as points on a cumulative ballot, as a rank on a
        ranked one (a ticked project carries 1 point and no rank)."""
        return {
            "points": value if self == BallotKind.CUMULATIVE else 1,
            "rank": value if self == BallotKind.RANKED else None,
        }


class Eligibility(models.TextChoices):
    SIGNED_IN = "signed_in", _("Toute personne connectée")
    TERRITORY = "territory", _("Habitants du territoire (quartier renseigné sur leur profil)")
    PROJECT_DISTRICT = "project_district", _("Habitants du quartier de chaque projet")


class Channel(models.TextChoices):
    ONLINE = "online", _("En ligne")
    PAPER = "paper", _("Bulletin papier saisi par un agent")


class Feasibility(models.TextChoices):
    PENDING = "pending", _("En cours d'étude")
    FEASIBLE = "feasible", _("Réalisable")
    NOT_FEASIBLE = "not_feasible", _("Non réalisable")


class Budget(TimeStampedModel):
    """A participatory budget voted during a process's vote phase."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="budgets")
    phase = models.ForeignKey(
        "processes.Phase",
        verbose_name=_("phase de vote"),
        # Ballots are dated by this phase: it may only go away together with its process (and the budget).
        on_delete=models.RESTRICT,
        related_name="budgets",
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("présentation"), blank=True)
    amount = models.PositiveBigIntegerField(_("enveloppe totale (en euros)"))
    currency = models.CharField(_("monnaie"), max_length=3, default="EUR")
    ballot_kind = models.CharField(
        _("type de bulletin"), max_length=12, choices=BallotKind.choices, default=BallotKind.KNAPSACK
    )
    min_projects = models.PositiveSmallIntegerField(_("nombre minimum de projets"), default=1)
    max_projects = models.PositiveSmallIntegerField(
        _("nombre maximum de projets"),
        null=True,
        blank=True,
        help_text=_("Pour le choix de projets et le classement ; vide : pas de limite."),
    )
    points_total = models.PositiveIntegerField(_("points à répartir"), null=True, blank=True)
    max_points_per_project = models.PositiveIntegerField(
        _("points au plus par projet"), null=True, blank=True
    )
    eligibility = models.CharField(
        _("qui peut voter"), max_length=20, choices=Eligibility.choices, default=Eligibility.SIGNED_IN
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("âge minimum"),
        null=True,
        blank=True,
        help_text=_(
            "Vérifié au moment du vote, d'après la date de naissance d'une identité vérifiée : seules les "
            "personnes dont l'identité est vérifiée peuvent alors voter en ligne."
        ),
    )
    requires_verification = models.BooleanField(
        _("identité vérifiée obligatoire"),
        default=False,
        help_text=_(
            "Seules les personnes dont l'identité est vérifiée (FranceConnect, liste des habitants ou pièce "
            "présentée à l'accueil) votent en ligne ; cela garantit aussi qu'une personne ne vote pas à la "
            "fois en ligne et sur papier."
        ),
    )
    # A `bouquet.budgets.counting.Rule` and a `TieOrder`, stored by value; their words are in `wording`.
    rule = models.CharField(
        _("règle de sélection"), max_length=20, choices=RULE_CHOICES, default=DEFAULT_RULE.value
    )
    tie_break = models.CharField(
        _("départage des égalités"), max_length=10, choices=TIE_ORDER_CHOICES, default=TieOrder.VOTES.value
    )
    tie_break_seed = models.CharField(_("graine publiée"), max_length=64, default=DEFAULT_SEED)
    threshold = models.PositiveIntegerField(
        _("seuil de voix"), null=True, blank=True, help_text=_("Seulement pour la règle à seuil.")
    )
    is_secret = models.BooleanField(
        _("vote secret"),
        default=False,
        help_text=_(
            "Un vote secret ne garde aucun lien entre la personne et son bulletin : seul le reçu remis au votant "
            "permet de le modifier jusqu'à la fin du vote."
        ),
    )
    is_imported = models.BooleanField(_("importé d'un fichier pabulib"), default=False)
    source_meta = models.JSONField(_("métadonnées du fichier importé"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("budget participatif")
        verbose_name_plural = _("budgets participatifs")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_projects__isnull=True) | Q(max_projects__gte=models.F("min_projects")),
                name="budget_max_projects_above_min",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:detail", kwargs={"pk": self.pk})


class BudgetEnvelope(models.Model):
    """A part of the budget earmarked for the projects of one district."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="envelopes")
    district = models.ForeignKey("places.District", on_delete=models.PROTECT, related_name="+")
    amount = models.PositiveBigIntegerField(_("montant (en euros)"))

    class Meta:
        ordering = ["district__name"]
        verbose_name = _("enveloppe de quartier")
        verbose_name_plural = _("enveloppes de quartier")
        constraints = [
            models.UniqueConstraint(fields=["budget", "district"], name="one_envelope_per_district")
        ]

    def __str__(self) -> str:
        return f"{self.district_id}: {self.amount}"


class BudgetProjectQuerySet(models.QuerySet["BudgetProject"]):
    def on_ballot(self) -> "BudgetProjectQuerySet":
        """Projects put to the vote: all but those found not feasible (the queryset twin of ``on_ballot``)."""
        return self.exclude(feasibility=Feasibility.NOT_FEASIBLE)


class BudgetProject(TimeStampedModel):
    """A project put to the vote, made from one proposal or from a whole bouquet."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="projects")
    code = models.CharField(
        _("numéro"), max_length=40, help_text=_("L'identifiant du projet dans le fichier publié.")
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cost = models.PositiveBigIntegerField(_("coût estimé (en euros)"))
    min_cost = models.PositiveBigIntegerField(_("coût minimum (en euros)"), null=True, blank=True)
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("quartier"),
        on_delete=models.PROTECT,  # the project is counted in this district's envelope
        null=True,
        blank=True,
        related_name="+",
    )
    themes = models.ManyToManyField("proposals.Theme", blank=True, related_name="+", verbose_name=_("thèmes"))
    sdgs = models.JSONField(_("objectifs de développement durable"), default=list, blank=True)
    # Free category labels of an imported file, when they match none of the platform's themes.
    categories = models.JSONField(_("catégories"), default=list, blank=True)
    proposals = models.ManyToManyField(
        "proposals.Proposal", blank=True, related_name="budget_projects", verbose_name=_("propositions")
    )
    bouquet = models.ForeignKey(
        "bouquets.Bouquet",
        verbose_name=_("bouquet d'origine"),
        on_delete=models.SET_NULL,  # the project keeps its proposals when the bouquet is regrouped
        null=True,
        blank=True,
        related_name="budget_projects",
    )
    feasibility = models.CharField(
        _("faisabilité"), max_length=12, choices=Feasibility.choices, default=Feasibility.PENDING
    )
    feasibility_note = models.TextField(_("avis de la collectivité"), blank=True)

    objects = BudgetProjectQuerySet.as_manager()

    class Meta:
        ordering = ["budget", "title", "id"]
        verbose_name = _("projet du budget")
        verbose_name_plural = _("projets du budget")
        constraints = [
            models.UniqueConstraint(fields=["budget", "code"], name="one_project_code_per_budget"),
            models.CheckConstraint(
                condition=Q(min_cost__isnull=True) | Q(min_cost__lte=models.F("cost")),
                name="project_min_cost_below_cost",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:project", kwargs={"pk": self.budget_id, "project_pk": self.pk})

    @property
    def on_ballot(self) -> bool:
        """Projects found not feasible are not put to the vote (the one-object twin of ``objects.on_ballot()``)."""
        return self.feasibility != Feasibility.NOT_FEASIBLE


class Participation(TimeStampedModel):
    """Who took part in a budget, when and through which channel: one row per person, whatever the channel."""

    # Set by `cast_ballot` rather than `auto_now`: in a secret budget they hold the day only (local midnight), so
    # that no time finer than the day sits beside the person's name.
    created_at = models.DateTimeField(_("créé le"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), default=timezone.now)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="participations")
    # Empty for a paper ballot of a person without an account, known by `identity` alone.
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The keyed hash of the person's verified identity (`accounts.verification.identity_hash`): set for paper
    # ballots (name and birth date checked by the agent) and for online votes of verified accounts, so that one
    # person votes once whatever the channel; emptied once the vote's retention ends. Never the name itself.
    identity = models.CharField(max_length=64, blank=True, default="", editable=False)
    channel = models.CharField(_("canal"), max_length=10, choices=Channel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisi par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Not a foreign key on purpose: set only for budgets that are not secret, so that the person can change
    # their ballot; secret budgets leave it empty and the schema holds no path from a ballot to a person.
    ballot_ref = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["budget", "voter"], name="one_participation_per_voter"),
            models.UniqueConstraint(
                fields=["budget", "identity"],
                condition=~Q(identity=""),
                name="one_participation_per_identity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget_id} · {self.voter_id} · {self.channel}"


class Ballot(models.Model):
    """An anonymous ballot: a random id, the day it was cast, and no link to whoever cast it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="ballots")
    cast_on = models.DateField(_("jour du vote"))
    # The voter id of an imported pabulib file (already anonymous there); empty for ballots cast here.
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["budget", "id"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")

    def __str__(self) -> str:
        return str(self.id)


class SealedBallot(models.Model):
    """A secret ballot waiting for the mix: encrypted (``bouquet.budgets.sealing``), undated, with no link to a
    person; only the keyed hash of the receipt its voter holds, so that they alone can replace it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="sealed_ballots")
    sealed = models.BinaryField()
    receipt = models.CharField(max_length=64, blank=True, editable=False)  # empty for paper ballots: final

    class Meta:
        verbose_name = _("bulletin scellé")
        verbose_name_plural = _("bulletins scellés")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "receipt"], condition=~Q(receipt=""), name="one_sealed_ballot_per_receipt"
            ),
        ]

    def __str__(self) -> str:
        return str(self.id)


class BallotLine(models.Model):
    """One project chosen on a ballot, with its points (cumulative) or its rank (ranked)."""

    # A random id too: increasing ids would reveal the order of the votes, and with it who cast them.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="lines")
    project = models.ForeignKey(BudgetProject, on_delete=models.CASCADE, related_name="ballot_lines")
    points = models.PositiveIntegerField(default=1)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("ligne de bulletin")
        verbose_name_plural = _("lignes de bulletin")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project"], name="one_line_per_project"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id} → {self.project_id}"


class BudgetResult(TimeStampedModel):
    """The outcome of the budget's rule on one part of the budget, with the file it was computed from."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="results")
    part = models.CharField(max_length=120)  # TERRITORY_KEY or a district's slug
    district = models.ForeignKey(
        "places.District", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    amount = models.PositiveBigIntegerField()
    rule = models.CharField(max_length=20)
    tie_break = models.CharField(max_length=300)
    winners = models.JSONField(default=list)
    spent = models.CharField(max_length=60)
    outcome = models.JSONField(default=dict)
    ballot_count = models.PositiveIntegerField(default=0)
    pb_file = models.TextField()
    pb_sha256 = models.CharField(max_length=64)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["budget", "part"]
        verbose_name = _("résultat")
        verbose_name_plural = _("résultats")
        constraints = [models.UniqueConstraint(fields=["budget", "part"], name="one_result_per_part")]

    def __str__(self) -> str:
        return f"{self.budget_id} · {self.part}"


class BudgetImport(TimeStampedModel):
    """A pabulib file an agent asked to import, replayed in the background in short batches, with its progress.

    The file is checked when it is sent (what cannot be read is refused at once, with its line) and kept here
    until the worker has written its budget; its oddities are kept to be shown when it is done."""

    class State(models.TextChoices):
        QUEUED = "queued", _("En attente")
        RUNNING = "running", _("En cours")
        DONE = "done", _("Terminé")
        FAILED = "failed", _("Échec")

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="budget_imports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.QUEUED)
    title = models.CharField(_("titre du budget"), max_length=200, blank=True)
    rule = models.CharField(_("règle de sélection"), max_length=20, blank=True)
    data = models.BinaryField(_("fichier"), editable=False)  # emptied once the budget is written
    ballot_total = models.PositiveIntegerField(default=0)
    ballots_done = models.PositiveIntegerField(default=0)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    warnings = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    budget = models.ForeignKey(Budget, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import de fichier pabulib")
        verbose_name_plural = _("imports de fichiers pabulib")

    def __str__(self) -> str:
        return f"{self.process_id} · {self.state} · {self.progress}%"

    @property
    def is_active(self) -> bool:
        """Still queued or running."""
        return self.state in {self.State.QUEUED, self.State.RUNNING}

"""The social-innovation lab: initiatives that nobody owns, their members and beneficiaries, their private space,
the energies people offer, the stages to autonomy, mentors, and the solidarity chain of needs, offers and exchanges.

A model holds fields and constraints; what may be done, and when, is in ``rules.py`` and ``services.py``."""

import datetime as dt
from pathlib import Path
from typing import Final

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel

INVITATION_DAYS: Final = 30
TITLE_MAX: Final = 160


class Stage(models.TextChoices):
    """From an idea to an initiative that lives without the lab, in this order."""

    IDEA = "idea", _("Idée")
    GROUP = "group", _("Groupe constitué")
    STRUCTURED = "structured", _("Projet structuré")
    ACCOMPANIED = "accompanied", _("Accompagné")
    AUTONOMOUS = "autonomous", _("Autonome")


STAGE_ORDER: Final[tuple[Stage, ...]] = tuple(Stage)


class Origin(models.TextChoices):
    SCRATCH = "scratch", _("Partie de rien")
    PROPOSAL = "proposal", _("Née d'une proposition")
    BOUQUET = "bouquet", _("Née d'un bouquet de propositions")
    WORKSHOP = "workshop", _("Née d'un atelier public")


class LeadProfile(models.TextChoices):
    """Who started the initiative, for the biodiversity of initiatives (never shown person by person)."""

    INHABITANT = "inhabitant", _("Habitant·e")
    BENEFICIARIES = "beneficiaries", _("Travailleur social avec des bénéficiaires")
    ASSOCIATION = "association", _("Association")
    AGENT = "agent", _("Agent de la collectivité")


class Initiative(TimeStampedModel):
    """A citizen project or a collective action (« projet citoyen », « action collective »): co-led, never owned."""

    title = models.CharField(_("titre"), max_length=TITLE_MAX)
    need = models.TextField(_("le besoin auquel elle répond"))
    for_whom = models.TextField(_("pour qui"))
    district = models.ForeignKey(
        "places.District",
        on_delete=models.SET_NULL,  # the initiative outlives a redrawn district
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("quartier"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    themes = models.ManyToManyField("proposals.Theme", blank=True, related_name="initiatives")
    suggested_sdgs = models.JSONField(_("ODD suggérés"), default=list, blank=True)
    confirmed_sdgs = models.JSONField(_("ODD confirmés"), default=list, blank=True)
    stage = models.CharField(_("étape"), max_length=12, choices=Stage.choices, default=Stage.IDEA)
    stage_since = models.DateTimeField(_("à cette étape depuis"), default=timezone.now)
    autonomous_at = models.DateTimeField(_("autonome depuis"), null=True, blank=True)
    origin = models.CharField(_("origine"), max_length=12, choices=Origin.choices, default=Origin.SCRATCH)
    lead_profile = models.CharField(
        _("profil de qui l'a lancée"),
        max_length=16,
        choices=LeadProfile.choices,
        default=LeadProfile.INHABITANT,
    )
    collective_action = models.BooleanField(
        _("action collective co-construite avec ses bénéficiaires"), default=False
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        on_delete=models.SET_NULL,  # the initiative lives on if the proposal is withdrawn
        null=True,
        blank=True,
        related_name="initiatives",
    )
    bouquet = models.ForeignKey(
        "bouquets.Bouquet",
        on_delete=models.SET_NULL,  # likewise for a bouquet regrouped away
        null=True,
        blank=True,
        related_name="initiatives",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # nobody owns it: the initiative outlives whoever started it
        null=True,
        blank=True,
        related_name="+",
    )
    # Set when the last co-lead left and nobody took over: the lab holds the initiative until someone does.
    held_by_lab = models.BooleanField(_("portée par le laboratoire"), default=False)
    last_activity_at = models.DateTimeField(_("dernière activité"), default=timezone.now, db_index=True)
    # The free-text vector (title, need, for whom), cached with the encoder that made it and the text's hash.
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_encoder = models.CharField(max_length=40, blank=True, editable=False)
    vector_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The dashboard's stamp reads the latest change: one step down this index, not a scan.
        indexes = [models.Index(fields=["updated_at"], name="initiative_changed")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("incubator:detail", kwargs={"pk": self.pk})

    @property
    def stage_index(self) -> int:
        """Position of the current stage (0 for an idea)."""
        return STAGE_ORDER.index(Stage(self.stage))


class MemberRole(models.TextChoices):
    LEAD = "lead", _("Co-porteur·se")
    MEMBER = "member", _("Membre")
    MENTOR = "mentor", _("Accompagnateur·rice")


class Membership(TimeStampedModel):
    """A person in an initiative's working group, with a role; or a beneficiary's place, recorded with their
    consent by a social worker or a facilitator, waiting for its person to claim it (``person`` empty)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="initiative_memberships",
    )
    role = models.CharField(_("rôle"), max_length=8, choices=MemberRole.choices, default=MemberRole.MEMBER)
    beneficiary = models.BooleanField(_("bénéficiaire de l'action"), default=False)
    beneficiary_name = models.CharField(_("prénom ou nom d'usage"), max_length=80, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consent_at = models.DateTimeField(_("consentement recueilli le"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("place prise le"), null=True, blank=True)
    # Who brought this person in (an invitation accepted): how far invitations travel, person to person.
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set when a beneficiary's place waiting for its person was erased (at their request, or unclaimed for too
    # long): the place still counts, its name no longer says who it was for, and its link no longer serves.
    erased_at = models.DateTimeField(_("effacée le"), null=True, blank=True)

    class Meta:
        ordering = ["initiative", "role", "created_at", "id"]
        verbose_name = _("membre d'une initiative")
        verbose_name_plural = _("membres d'une initiative")
        indexes = [
            models.Index(fields=["updated_at"], name="membership_changed"),
            models.Index(fields=["role", "person"], name="membership_role_person"),  # mentors' load
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "person"],
                condition=Q(person__isnull=False),
                name="one_membership_per_person",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | (Q(beneficiary=True) & ~Q(beneficiary_name="")),
                name="membership_has_a_person_or_a_named_place",
            ),
            models.CheckConstraint(
                condition=Q(beneficiary=False) | Q(consent_at__isnull=False),
                name="beneficiary_recorded_with_consent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} · {self.shown_name}"

    @property
    def shown_name(self) -> str:
        """The member's public name, or the name under which a beneficiary's place waits."""
        if self.person is not None:
            return self.person.public_name
        return self.beneficiary_name


class InvitationState(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    REFUSED = "refused", _("Refusée")
    EXPIRED = "expired", _("Expirée")


def _default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=INVITATION_DAYS)


class InitiativeInvitation(TimeStampedModel):
    """A member invites a person to the working group (or to co-lead it): answered once, refusable, expiring.
    A beneficiary's place is claimed with a signed link instead (``selectors.place_token``)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_invitations"
    )
    role = models.CharField(_("rôle"), max_length=8, choices=MemberRole.choices, default=MemberRole.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.CharField(_("message"), max_length=300, blank=True)
    expires_at = models.DateTimeField(_("expire le"), default=_default_expiry)
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation à une initiative")
        verbose_name_plural = _("invitations à une initiative")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "person"],
                condition=Q(answered_at__isnull=True),
                name="one_pending_invitation_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} · {self.person_id}"

    @property
    def state(self) -> InvitationState:
        if self.answered_at is not None:
            return InvitationState.ACCEPTED if self.accepted else InvitationState.REFUSED
        if self.expires_at <= timezone.now():
            return InvitationState.EXPIRED
        return InvitationState.PENDING


class JournalKind(models.TextChoices):
    STARTED = "started", _("Lancement")
    LEADERSHIP = "leadership", _("Portage")
    MEMBERS = "members", _("Membres")
    STAGE = "stage", _("Étape")
    MENTOR = "mentor", _("Accompagnement")
    CHAIN = "chain", _("Chaîne de solidarité")


class JournalEntry(models.Model):
    """One line of an initiative's journal: who leads it, who joined, which stage, what it exchanged. Members read
    it; the text is written once, when it happens."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="journal")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=12, choices=JournalKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.CharField(max_length=400)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("ligne du journal")
        verbose_name_plural = _("journal")

    def __str__(self) -> str:
        return self.text


# ---- the private space --------------------------------------------------------------------------------------


class SpaceEntryKind(models.TextChoices):
    NOTE = "note", _("Note")
    DECISION = "decision", _("Décision")
    MEETING = "meeting", _("Compte rendu de réunion")


class SpaceEntry(TimeStampedModel):
    """A note, a decision or a meeting's log in the private space of an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="space_entries")
    kind = models.CharField(_("nature"), max_length=10, choices=SpaceEntryKind.choices)
    title = models.CharField(_("titre"), max_length=160)
    body = models.TextField(_("texte"))
    held_on = models.DateField(_("date"), default=dt.date.today)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("note de l'espace privé")
        verbose_name_plural = _("notes de l'espace privé")

    def __str__(self) -> str:
        return self.title


class Task(TimeStampedModel):
    """Something to do, with the member who took it on and when it is due."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("tâche"), max_length=160)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField(_("pour le"), null=True, blank=True)
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        verbose_name = _("tâche")
        verbose_name_plural = _("tâches")

    def __str__(self) -> str:
        return self.title


def _document_path(instance: "Document", filename: str) -> str:
    return f"initiatives/{instance.initiative_id}/{filename}"


class PrivateStorage(FileSystemStorage):
    """Files of private spaces: kept outside the public media folder (``settings.BOUQUET_PRIVATE_ROOT``, by default
    beside it), with no public address; only a view that checks membership serves them."""

    @property  # type: ignore[override]
    def base_location(self) -> str:
        root = getattr(settings, "BOUQUET_PRIVATE_ROOT", None) or Path(settings.MEDIA_ROOT).parent / "private"
        return str(root)

    @property  # type: ignore[override]
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    @property  # type: ignore[override]
    def base_url(self) -> None:  # type: ignore[override]
        return None


def private_storage() -> Storage:
    return PrivateStorage()


class Document(TimeStampedModel):
    """A file of the private space, served only to members (never from the public media folder)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("nom"), max_length=160)
    file = models.FileField(upload_to=_document_path, storage=private_storage)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.name


# ---- energies -----------------------------------------------------------------------------------------------


class Skill(models.Model):
    """A skill in the list the lab maintains (« jardinage », « comptabilité »)."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")

    def __str__(self) -> str:
        return self.name


class Energy(TimeStampedModel):
    """What one person can give: skills, time, material, rooms, where and on which themes. Never listed publicly;
    withdrawing it erases the row."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="energy")
    skills = models.ManyToManyField(Skill, blank=True, related_name="energies")
    free_text = models.TextField(_("en quelques mots"), blank=True)
    hours_per_month = models.PositiveSmallIntegerField(_("heures par mois"), default=0)
    material = models.CharField(_("matériel prêté"), max_length=300, blank=True)
    rooms = models.CharField(_("salle ou lieu prêté"), max_length=300, blank=True)
    districts = models.ManyToManyField("places.District", blank=True, related_name="+")
    themes = models.ManyToManyField("proposals.Theme", blank=True, related_name="+")
    paused = models.BooleanField(_("en pause"), default=False)
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_encoder = models.CharField(max_length=40, blank=True, editable=False)
    vector_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("énergie")
        verbose_name_plural = _("énergies")

    def __str__(self) -> str:
        return f"{self.person_id}"


# ---- the solidarity chain -----------------------------------------------------------------------------------


class ResourceKind(models.TextChoices):
    SKILL = "skill", _("Compétence")
    ROOM = "room", _("Salle")
    TOOL = "tool", _("Outil ou matériel")
    MONEY = "money", _("Argent")
    VOLUNTEERS = "volunteers", _("Bénévoles")


class Need(TimeStampedModel):
    """What an initiative is looking for."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("nature"), max_length=12, choices=ResourceKind.choices)
    title = models.CharField(_("intitulé"), max_length=160)
    description = models.TextField(_("précisions"), blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="needs")
    hours_per_month = models.PositiveSmallIntegerField(_("heures par mois"), default=0)
    met_at = models.DateTimeField(_("trouvé le"), null=True, blank=True)
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_encoder = models.CharField(max_length=40, blank=True, editable=False)
    vector_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["met_at", "-created_at", "-id"]
        verbose_name = _("besoin")
        verbose_name_plural = _("besoins")

    def __str__(self) -> str:
        return self.title


class Offer(TimeStampedModel):
    """What an initiative can give to others."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("nature"), max_length=12, choices=ResourceKind.choices)
    title = models.CharField(_("intitulé"), max_length=160)
    description = models.TextField(_("précisions"), blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="offers")
    hours_per_month = models.PositiveSmallIntegerField(_("heures par mois"), default=0)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_encoder = models.CharField(max_length=40, blank=True, editable=False)
    vector_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offre")
        verbose_name_plural = _("offres")

    def __str__(self) -> str:
        return self.title


class Exchange(TimeStampedModel):
    """Who helped whom, with what, when: an initiative (or a person's energy) met another initiative's need."""

    helped = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="exchanges_received")
    helper = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, null=True, blank=True, related_name="exchanges_given"
    )
    helper_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    need = models.ForeignKey(Need, on_delete=models.SET_NULL, null=True, blank=True, related_name="exchanges")
    offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="exchanges"
    )
    what = models.CharField(_("avec quoi"), max_length=200)
    happened_on = models.DateField(_("le"), default=dt.date.today)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-happened_on", "-id"]
        verbose_name = _("échange")
        verbose_name_plural = _("échanges")
        constraints = [
            models.CheckConstraint(
                condition=~Q(helper=models.F("helped")), name="an_initiative_does_not_help_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.what


# ---- stages, criteria and mentors ---------------------------------------------------------------------------


class Check(models.TextChoices):
    """How a criterion is known to be met: from the data, or by a person who confirms it."""

    ACTIVE_MEMBERS = "active_members", _("Nombre de membres actifs (automatique)")
    RULES_WRITTEN = "rules_written", _("Une décision écrite dans l'espace privé (automatique)")
    RESOURCE_FOUND = "resource_found", _("Au moins un échange reçu (automatique)")
    MENTOR_ASSIGNED = "mentor_assigned", _("Un accompagnateur désigné (automatique)")
    MEETINGS = "meetings", _("Nombre de réunions tenues (automatique)")
    PERSON = "person", _("Confirmé par une personne")


AUTOMATIC_CHECKS: Final = frozenset(c for c in Check if c != Check.PERSON)


class StageCriterion(TimeStampedModel):
    """What an initiative needs to enter ``stage``; the lab edits these."""

    stage = models.CharField(_("pour entrer à l'étape"), max_length=12, choices=Stage.choices)
    label = models.CharField(_("critère"), max_length=200)
    verification = models.CharField(
        _("vérification"), max_length=16, choices=Check.choices, default=Check.PERSON
    )
    threshold = models.PositiveSmallIntegerField(_("seuil"), default=1)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["stage", "position", "id"]
        verbose_name = _("critère d'étape")
        verbose_name_plural = _("critères d'étape")

    def __str__(self) -> str:
        return self.label


class CriterionConfirmation(TimeStampedModel):
    """A person confirmed that an initiative meets a criterion the data cannot show."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="confirmations")
    criterion = models.ForeignKey(StageCriterion, on_delete=models.CASCADE, related_name="confirmations")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("critère confirmé")
        verbose_name_plural = _("critères confirmés")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "criterion"], name="one_confirmation_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} · {self.criterion_id}"


class StageMove(models.Model):
    """An initiative moved from one stage to the next (for the time spent in each stage)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="stage_moves")
    from_stage = models.CharField(max_length=12, choices=Stage.choices)
    to_stage = models.CharField(max_length=12, choices=Stage.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("changement d'étape")
        verbose_name_plural = _("changements d'étape")

    def __str__(self) -> str:
        return f"{self.initiative_id} {self.from_stage} → {self.to_stage}"


class MentorSession(TimeStampedModel):
    """One session of a mentor with an initiative's group, in the mentor's journal."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="mentor_sessions")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="mentor_sessions"
    )
    held_on = models.DateField(_("date"), default=dt.date.today)
    summary = models.TextField(_("ce qui a été fait"))
    next_steps = models.TextField(_("prochaines étapes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("séance d'accompagnement")
        verbose_name_plural = _("séances d'accompagnement")

    def __str__(self) -> str:
        return f"{self.initiative_id} · {self.held_on}"

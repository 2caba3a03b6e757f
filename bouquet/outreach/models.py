"""Workshops and public meetings, and what people said there (or in the street, or on paper) recorded on their
behalf, with their consent (docs/decisions/0024)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class MeetingKind(models.TextChoices):
    WORKSHOP = "workshop", _("Atelier")
    PUBLIC_MEETING = "meeting", _("Réunion publique")


class Format(models.TextChoices):
    ROUND_TABLE = "round_table", _("Table ronde")
    # The founding text's fishbowl: two half-circles facing each other around a central space where the
    # speakers take turns; whoever wants to speak takes a free chair in the middle.
    FISHBOWL = (
        "fishbowl",
        _("Aquarium (deux demi-cercles autour d'un espace central où les orateurs se relaient)"),
    )
    WORLD_CAFE = "world_cafe", _("Café citoyen (petites tables, on change de table)")
    WALK = "walk", _("Balade dans le quartier")
    STAND = "stand", _("Stand dans la rue ou au marché")
    PLENARY = "plenary", _("Réunion plénière")


class Workshop(TimeStampedModel):
    """A workshop or a public meeting of a process, scheduled by a facilitator; after it, what happened there.

    It belongs to a process. Extension point (docs/decisions/0024): an initiative of the incubator would be a
    second, optional link (``initiative``) with a check that exactly one of the two is set; the pages read the
    process through ``Workshop.process`` only."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="workshops")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # erasing a person goes through anonymisation, not a cascade
        related_name="facilitated_workshops",
        verbose_name=_("animateur ou animatrice"),
    )
    kind = models.CharField(
        _("type"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.WORKSHOP
    )
    title = models.CharField(_("thème"), max_length=200)
    description = models.TextField(_("présentation"), blank=True, max_length=5000)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.ROUND_TABLE)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place_name = models.CharField(_("lieu"), max_length=200)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    district = models.ForeignKey(
        "places.District",
        on_delete=models.SET_NULL,  # the workshop outlives a redrawn district
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name=_("quartier"),
    )
    step_free = models.BooleanField(_("accessible en fauteuil roulant"), default=False)
    hearing_loop = models.BooleanField(_("boucle magnétique"), default=False)
    accessibility = models.TextField(_("accessibilité du lieu"), blank=True, max_length=2000)
    registration_open = models.BooleanField(_("inscription demandée"), default=False)
    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)
    is_published = models.BooleanField(_("publié"), default=False)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    # After the workshop
    attendance = models.PositiveIntegerField(_("nombre de participants"), null=True, blank=True)
    named_attendees = models.JSONField(
        _("participants qui acceptent d'être nommés"), default=list, blank=True
    )
    minutes = models.TextField(_("compte rendu"), blank=True, max_length=20000)
    outcomes = models.TextField(_("ce qui en est sorti"), blank=True, max_length=10000)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="workshop_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="workshop_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("outreach:workshop", kwargs={"pk": self.pk})

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Registration(TimeStampedModel):
    """A person's seat at a workshop: confirmed, or waiting for a seat (in the order they asked)."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("inscrit")
        WAITING = "waiting", _("en liste d'attente")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    state = models.CharField(_("état"), max_length=10, choices=State.choices)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "person"], name="one_registration_per_person")
        ]


class WorkshopPhoto(TimeStampedModel):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="workshops/")
    alt = models.CharField(_("description de la photo"), max_length=200)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("photo d'atelier")
        verbose_name_plural = _("photos d'atelier")


class Contributor(TimeStampedModel):
    """A person who spoke to a facilitator without an account: what they agreed to give, and their consent.

    ``identity`` says who counts as the same person on paper: their contact when they gave one (an e-mail, or a
    phone number's digits), otherwise their first name or pseudonym with their district (docs/decisions/0024)."""

    name = models.CharField(_("prénom ou pseudonyme"), max_length=80)
    district = models.ForeignKey(
        "places.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributors",
        verbose_name=_("quartier"),
    )
    contact = models.CharField(_("contact (e-mail ou téléphone)"), max_length=200, blank=True)
    identity = models.CharField(_("identité"), max_length=300, unique=True)
    consent_at = models.DateTimeField(_("consentement recueilli le"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the contributor outlives the facilitator's account
        null=True,
        related_name="+",
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claimed_contributors",
        verbose_name=_("compte qui l'a réclamé"),
    )
    claimed_at = models.DateTimeField(_("réclamé le"), null=True, blank=True)
    # Set when the person's record was erased at their request (or their account's): their contributions stay,
    # signed « Contribution anonyme », and nothing here says who they were any more.
    erased_at = models.DateTimeField(_("effacé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("contributeur sans compte")
        verbose_name_plural = _("contributeurs sans compte")

    def __str__(self) -> str:
        return self.name


class Contribution(TimeStampedModel):
    """What a contributor said, recorded by a facilitator: a proposal they made, or their voice added to an
    existing proposal (a support on their behalf). One per person and proposal."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("proposition")
        SUPPORT = "support", _("soutien")

    contributor = models.ForeignKey(Contributor, on_delete=models.CASCADE, related_name="contributions")
    proposal = models.ForeignKey("proposals.Proposal", on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices)
    workshop = models.ForeignKey(
        Workshop, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions"
    )
    origin = models.CharField(_("origine"), max_length=20)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="recorded_contributions"
    )
    said_on = models.DateField(_("recueillie le"))
    # The key of the entry (the street page's form, a row of a paper file): sent twice, it records once.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    # A support on behalf that its person also gave online once they claimed it counts once: this one is set
    # aside (the proposal's counter was brought back by one).
    superseded = models.BooleanField(_("remplacée par un soutien en ligne"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("contribution recueillie")
        verbose_name_plural = _("contributions recueillies")
        constraints = [
            models.UniqueConstraint(fields=["contributor", "proposal"], name="one_voice_per_contributor"),
            models.UniqueConstraint(fields=["submission_key"], name="one_contribution_per_entry"),
        ]

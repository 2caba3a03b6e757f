"""Projects the authority carries out, their results, milestones and updates, the gap watch and re-consultations.

The dates of the gap watch are months (``months.month_index``): the data the authorities publish is dated to the
month, and gaps between months are subtractions both databases do in SQL."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel
from bouquet.projects import months


class Origin(models.TextChoices):
    PROPOSAL = "proposal", _("Proposition retenue")
    BUDGET = "budget", _("Projet lauréat d'un budget participatif")
    BOUQUET = "bouquet", _("Bouquet de propositions")
    INITIATIVE = "initiative", _("Projet citoyen")
    AGENT = "agent", _("Projet de la collectivité")
    IMPORT = "import", _("Projet importé d'un tableau")


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Pas encore commencé")
    STUDIES = "studies", _("Études")
    PROCEDURE = "procedure", _("Procédures")
    WORKS = "works", _("Travaux")
    DELIVERING = "delivering", _("Livraison en cours")
    DELIVERED = "delivered", _("Réalisé")
    ABANDONED = "abandoned", _("Abandonné")


class ProjectQuerySet(models.QuerySet["Project"]):
    def public(self) -> "ProjectQuerySet":
        return self.filter(is_published=True, process__is_published=True)


class Project(TimeStampedModel):
    """Something the authority carries out, from where it came to when it opened."""

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="projects")
    code = models.CharField(_("référence"), max_length=60, blank=True)
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    origin = models.CharField(_("origine"), max_length=12, choices=Origin.choices, default=Origin.AGENT)
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    budget_project = models.ForeignKey(
        "budgets.BudgetProject", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    bouquet = models.ForeignKey(
        "bouquets.Bouquet", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    # The initiative (incubator app) a project comes from: a plain id until incubator is merged below projects,
    # then a foreign key (docs/decisions/0026).
    initiative_id = models.PositiveIntegerField(_("projet citoyen d'origine"), null=True, blank=True)
    cost = models.PositiveBigIntegerField(_("coût (en euros)"), null=True, blank=True)
    department = models.CharField(_("service pilote"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "proposals.Theme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the dashboard groups by: the theme's or district's name, or the label of an imported file (whose
    # themes and districts need not be the authority's own).
    theme_label = models.CharField(_("thème"), max_length=120, blank=True, db_index=True)
    district = models.ForeignKey(
        "places.District", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    district_label = models.CharField(_("quartier"), max_length=120, blank=True, db_index=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    place = models.ForeignKey(
        "places.Place", on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    sdgs = models.JSONField(_("objectifs de développement durable"), default=list, blank=True)
    status = models.CharField(
        _("avancement"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    is_published = models.BooleanField(_("publié"), default=True)
    # The gap watch, in months (months.month_index): conceived (proposal or vote), decided, planned (studies),
    # procedure, started (works), planned delivery (current and first), delivered (opening).
    vote_year = models.PositiveSmallIntegerField(_("année du vote"), null=True, blank=True, db_index=True)
    conceived_month = models.PositiveIntegerField(_("conçu"), null=True, blank=True)
    decided_month = models.PositiveIntegerField(_("décidé"), null=True, blank=True)
    studies_month = models.PositiveIntegerField(_("début des études"), null=True, blank=True)
    procedure_month = models.PositiveIntegerField(_("lancement des procédures"), null=True, blank=True)
    works_month = models.PositiveIntegerField(_("début des travaux"), null=True, blank=True)
    planned_delivery_month = models.PositiveIntegerField(_("livraison prévue"), null=True, blank=True)
    first_planned_delivery_month = models.PositiveIntegerField(
        _("première livraison prévue"), null=True, blank=True
    )
    delivered_month = models.PositiveIntegerField(_("ouverture"), null=True, blank=True)
    # The month of the latest news (an update, a milestone reached, a change of status); « no update for N
    # months » reads it.
    last_activity_month = models.PositiveIntegerField(_("dernière nouvelle"))
    source_row = models.JSONField(_("ligne du fichier importé"), default=dict, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-vote_year", "title", "id"]
        verbose_name = _("projet")
        verbose_name_plural = _("projets")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "code"], condition=~models.Q(code=""), name="one_project_code_per_process"
            ),
            models.CheckConstraint(
                condition=models.Q(delivered_month__isnull=True)
                | models.Q(conceived_month__isnull=True)
                | models.Q(delivered_month__gte=models.F("conceived_month")),
                name="project_delivered_after_conceived",
            ),
        ]
        indexes = [models.Index(fields=["status", "vote_year"], name="project_status_year")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"pk": self.pk})

    @property
    def vote_to_opening_months(self) -> int | None:
        if self.delivered_month is None or self.conceived_month is None:
            return None
        return self.delivered_month - self.conceived_month

    def month(self, name: str) -> str | None:
        return months.iso_month(getattr(self, f"{name}_month"))


class ResultStatus(models.TextChoices):
    PLANNED = "planned", _("Prévu")
    ONGOING = "ongoing", _("En cours")
    DONE = "done", _("Fait")
    DROPPED = "dropped", _("Abandonné")


class Result(TimeStampedModel):
    """One expected result of a project; results nest, and progress rolls up by weight."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    title = models.CharField(_("intitulé"), max_length=200)
    status = models.CharField(
        _("état"), max_length=10, choices=ResultStatus.choices, default=ResultStatus.PLANNED
    )
    weight = models.PositiveSmallIntegerField(_("poids"), default=1)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)

    class Meta:
        ordering = ["project", "id"]
        verbose_name = _("résultat")
        verbose_name_plural = _("résultats")
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="result_progress_le_100")
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(TimeStampedModel):
    """A step with the day it was planned for and the day it happened."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("étape"), max_length=200)
    planned_on = models.DateField(_("prévue le"))
    done_on = models.DateField(_("réalisée le"), null=True, blank=True)

    class Meta:
        ordering = ["project", "planned_on", "id"]
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")

    def __str__(self) -> str:
        return self.title


class UpdateKind(models.TextChoices):
    NEWS = "news", _("Nouvelle")
    RECONSULTATION = "reconsultation", _("Revoyure")


class Update(TimeStampedModel):
    """A dated news item on the project's public timeline, with a photo or not."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=UpdateKind.choices, default=UpdateKind.NEWS)
    title = models.CharField(_("titre"), max_length=200)
    body = models.TextField(_("texte"), max_length=5000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="projects/", blank=True)
    photo_alt = models.CharField(_("description de la photo"), max_length=200, blank=True)
    happened_on = models.DateField(_("date"))

    class Meta:
        ordering = ["project", "-happened_on", "-id"]
        verbose_name = _("nouvelle du projet")
        verbose_name_plural = _("nouvelles du projet")

    def __str__(self) -> str:
        return self.title


class GapThresholds(TimeStampedModel):
    """What the authority calls drifting: one row (key 1), made with the defaults on first read."""

    slip_months = models.PositiveSmallIntegerField(
        _("retard de livraison toléré (en mois)"),
        default=12,
        help_text=_("Au-delà, la livraison prévue a glissé : le projet dérive."),
    )
    vote_to_opening_months = models.PositiveSmallIntegerField(
        _("délai maximal entre le vote et l'ouverture (en mois)"), default=36
    )
    silence_months = models.PositiveSmallIntegerField(_("durée maximale sans nouvelle (en mois)"), default=6)
    request_after_months = models.PositiveSmallIntegerField(
        _("sans nouvelle depuis (en mois), les habitants peuvent demander une revoyure"), default=12
    )

    class Meta:
        verbose_name = _("seuils de l'écart")
        verbose_name_plural = _("seuils de l'écart")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class Answer(models.TextChoices):
    STILL_RIGHT = "still_right", _("Toujours d'actualité")
    TO_ADAPT = "to_adapt", _("À adapter")
    TO_DROP = "to_drop", _("À abandonner")


class Reconsultation(TimeStampedModel):
    """A « revoyure »: the people who took part in a project are asked whether it still answers their need."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reconsultations")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    question = models.TextField(_("message aux participants"), max_length=2000)
    closes_on = models.DateField(_("réponses jusqu'au"))
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    # Who could be reached, by kind (proposed, supported, voted), and whether only a whole budget's voters could
    # be reached (a secret ballot: docs/decisions/0026).
    reach = models.JSONField(default=dict, blank=True)
    summary_update = models.OneToOneField(
        Update, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("revoyure")
        verbose_name_plural = _("revoyures")
        constraints = [
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(closed_at__isnull=True), name="one_open_reconsultation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("projects:reconsultation", kwargs={"pk": self.pk})


class Recipient(models.Model):
    """One person asked in a re-consultation, once, whatever the number of ways they took part."""

    reconsultation = models.ForeignKey(Reconsultation, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reasons = models.JSONField(default=list, blank=True)  # "proposed", "supported", "voted"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reconsultation", "person"], name="one_recipient_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.reconsultation_id} · {self.person_id}"


class ReconsultationAnswer(TimeStampedModel):
    reconsultation = models.ForeignKey(Reconsultation, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(_("réponse"), max_length=12, choices=Answer.choices)
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("réponse à une revoyure")
        verbose_name_plural = _("réponses à une revoyure")
        constraints = [
            models.UniqueConstraint(fields=["reconsultation", "person"], name="one_answer_per_person")
        ]


class ReconsultationRequest(TimeStampedModel):
    """An inhabitant asks for a re-consultation of a project that has not moved for a while."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reconsultation_requests")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("pourquoi"), max_length=1000, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "person"], name="one_request_per_person")]

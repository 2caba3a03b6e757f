"""Participatory processes and their phases; what each phase allows is a declared table."""

import datetime as dt
from enum import StrEnum
from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    PROPOSALS = "proposals", _("Dépôt des propositions")
    SUPPORTS = "supports", _("Soutien aux propositions")
    VOTE = "vote", _("Vote")
    REALISATION = "realisation", _("Réalisation")
    EVALUATION = "evaluation", _("Évaluation")


class Action(StrEnum):
    SUBMIT = "submit"
    EDIT = "edit"
    WITHDRAW = "withdraw"
    COMMENT = "comment"
    SUPPORT = "support"
    VOTE = "vote"


# What inhabitants may do in each kind of phase. Reporting and reading are always possible.
ALLOWED_ACTIONS: Final[dict[PhaseKind, frozenset[Action]]] = {
    PhaseKind.INFORMATION: frozenset({Action.COMMENT}),
    PhaseKind.PROPOSALS: frozenset({Action.SUBMIT, Action.EDIT, Action.WITHDRAW, Action.COMMENT}),
    PhaseKind.SUPPORTS: frozenset({Action.SUPPORT, Action.WITHDRAW, Action.COMMENT}),
    PhaseKind.VOTE: frozenset({Action.VOTE, Action.COMMENT}),
    PhaseKind.REALISATION: frozenset({Action.COMMENT}),
    PhaseKind.EVALUATION: frozenset({Action.COMMENT}),
}


# What each kind of phase lets inhabitants do, in words, for the agents who plan a timeline.
ACTION_WORDS: Final[dict[Action, Promise]] = {
    Action.SUBMIT: _("déposer des propositions"),
    Action.EDIT: _("modifier leurs propositions"),
    Action.WITHDRAW: _("retirer leurs propositions ou leurs soutiens"),
    Action.COMMENT: _("commenter"),
    Action.SUPPORT: _("soutenir des propositions"),
    Action.VOTE: _("voter pour le budget participatif"),
}


class Component(models.TextChoices):
    """The parts of the site a process uses; a part switched off has no pages for that process."""

    PROPOSALS = "proposals", _("Propositions")
    BOUQUETS = "bouquets", _("Bouquets de propositions")
    BUDGET = "budget", _("Budget participatif")
    CONVERSATION = "conversation", _("Conversation")


def default_components() -> list[str]:
    """Every component but the conversation (which has no pages yet), as a new process starts."""
    return [Component.PROPOSALS.value, Component.BOUQUETS.value, Component.BUDGET.value]


class ProcessStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    OPEN = "open", _("Publiée")
    CLOSED = "closed", _("Clôturée")


class ProcessQuerySet(models.QuerySet["Process"]):
    def published(self) -> "ProcessQuerySet":
        """Processes the public can see."""
        return self.filter(is_published=True)


class Process(TimeStampedModel):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant"), max_length=200, unique=True)
    summary = models.CharField(_("résumé"), max_length=300)
    description = models.TextField(_("description"))
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("quartier concerné"),
        on_delete=models.PROTECT,  # a district with processes must not vanish silently
        null=True,
        blank=True,
        related_name="processes",
        help_text=_("Laisser vide si la démarche concerne tout le territoire."),
    )
    # The named place the process is about, when there is one: its page shows what the place remembers, and the
    # process joins the place's timeline.
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("lieu concerné"),
        on_delete=models.SET_NULL,  # the process outlives the place's removal; it only loses the link
        null=True,
        blank=True,
        related_name="processes",
        help_text=_("Un lieu nommé (une place, un parc, un bâtiment), s'il y en a un."),
    )
    image = models.ImageField(_("image"), upload_to="processes/", blank=True)
    image_alt = models.CharField(_("description de l'image"), max_length=200, blank=True)
    is_published = models.BooleanField(_("publiée"), default=True)
    # A closed process stays readable, and allows nothing any more, whatever its phases say.
    closed_at = models.DateTimeField(_("clôturée le"), null=True, blank=True)
    components = models.JSONField(_("composants utilisés"), default=default_components, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("démarche participative")
        verbose_name_plural = _("démarches participatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:detail", kwargs={"slug": self.slug})

    @property
    def status(self) -> ProcessStatus:
        """In preparation (not published), published, or closed."""
        if self.closed_at is not None:
            return ProcessStatus.CLOSED
        return ProcessStatus.OPEN if self.is_published else ProcessStatus.DRAFT

    def uses(self, component: Component) -> bool:
        """Whether the process uses a component (its pages exist for this process)."""
        return component.value in self.components


class Phase(TimeStampedModel):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("type"), max_length=20, choices=PhaseKind.choices)
    title = models.CharField(_("titre"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))

    class Meta:
        ordering = ["process", "starts_on", "id"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The phase's own title, or the name of its kind."""
        return self.title or str(PhaseKind(self.kind).label)

    def is_running(self, on: dt.date | None = None) -> bool:
        """Whether the phase includes the given day (today by default, in the authority's time zone)."""
        day = on or timezone.localdate()
        return self.starts_on <= day <= self.ends_on

    def allows(self, action: Action) -> bool:
        """Whether this kind of phase allows the action."""
        return action in ALLOWED_ACTIONS[PhaseKind(self.kind)]

    @property
    def allowed_words(self) -> list[Promise]:
        """What inhabitants may do during the phase, in words, in the order of ``Action``."""
        return allowed_words(PhaseKind(self.kind))


def allowed_words(kind: PhaseKind) -> list[Promise]:
    """What inhabitants may do during a kind of phase, in words, in the order of ``Action``."""
    return [ACTION_WORDS[action] for action in Action if action in ALLOWED_ACTIONS[kind]]

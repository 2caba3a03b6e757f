"""Ballots: check a ballot against the budget's kind and envelopes, cast it online, record it from paper.

One ``Participation`` row per person and budget (unique per account and per keyed identity) carries the channel:
whoever voted on paper cannot vote online and the reverse, and simultaneous submissions by one person give one
ballot. A paper ballot needs no account: the agent checks the person's name, birth date and address at the desk. Secret
ballots take another path (``services.secret``): sealed at once, written in the clear only by the mix.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bouquet.accounts.models import User, Verification
from bouquet.accounts.verification import TAKEN, check_person, identity_hash, verification_of
from bouquet.budgets import events
from bouquet.budgets.explain import euros
from bouquet.budgets.models import (
    Ballot,
    BallotKind,
    BallotLine,
    Budget,
    BudgetProject,
    Channel,
)
from bouquet.budgets.rules import age_refusal, may_choose, require_manager, vote_is_open, vote_refusal
from bouquet.budgets.selectors import Part, ballot_projects, budget_parts, has_envelopes, part_of
from bouquet.budgets.services.participation import record_participation
from bouquet.budgets.services.secret import Cast, cast_secret_ballot
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.text import fold

GENERAL = "__all__"


@dataclass(frozen=True)
class PartUse:
    """How much of one part of the budget a ballot uses."""

    part: Part
    chosen: int

    @property
    def left(self) -> int:
        """Money left in this part (negative when the ballot goes over)."""
        return self.part.amount - self.chosen

    @property
    def over(self) -> bool:
        """Whether the ballot spends more than this part holds."""
        return self.chosen > self.part.amount


@dataclass
class BallotCheck:
    """A ballot as the person filled it, what it leaves of their budget or points, and what is wrong."""

    budget: Budget
    choices: dict[int, int]
    projects: dict[int, BudgetProject]
    parts: list[PartUse]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the ballot may be cast."""
        return not self.errors

    @property
    def count(self) -> int:
        """Number of projects chosen."""
        return len(self.choices)

    @property
    def cost(self) -> int:
        """Total cost of the projects chosen."""
        return sum(self.projects[pk].cost for pk in self.choices)

    @property
    def points_used(self) -> int:
        """Points given (cumulative ballots)."""
        return sum(self.choices.values())

    @property
    def points_left(self) -> int | None:
        """Points still to give (cumulative ballots)."""
        total = self.budget.points_total
        return None if total is None else total - self.points_used

    @property
    def picks_left(self) -> int | None:
        """Projects one may still choose or rank, when there is a maximum."""
        top = self.budget.max_projects
        return None if top is None else top - self.count


def _error(errors: dict[str, str], key: str, message: str) -> None:
    errors.setdefault(key, message)


def check_ballot(*, budget: Budget, voter: User | None, choices: Mapping[int, int]) -> BallotCheck:
    """Validate a ballot (project id -> 1, points or rank) and compute what it leaves; never writes."""
    projects = {p.pk: p for p in ballot_projects(budget)}
    parts = budget_parts(budget)
    envelopes = has_envelopes(parts)
    errors: dict[str, str] = {}
    clean: dict[int, int] = {}
    for pk, value in choices.items():
        project = projects.get(pk)
        if project is None:
            _error(errors, GENERAL, _("Un projet choisi ne fait pas partie de ce bulletin."))
            continue
        if value < 0:
            _error(errors, f"projet-{pk}", _("Une valeur négative n'est pas possible."))
            continue
        if value == 0:
            continue
        if voter is not None and not may_choose(voter, budget, project, has_envelopes=envelopes):
            _error(
                errors,
                f"projet-{pk}",
                _("« %(title)s » concerne un autre quartier que le vôtre : vous ne pouvez pas le choisir.")
                % {"title": project.title},
            )
            continue
        clean[pk] = value
    uses = [
        PartUse(
            part=part, chosen=sum(projects[pk].cost for pk in clean if part_of(projects[pk], parts) == part)
        )
        for part in parts
    ]
    kind = BallotKind(budget.ballot_kind)
    count = len(clean)
    if kind.ticks_projects and any(v != 1 for v in clean.values()):
        _error(errors, GENERAL, _("Cochez les projets choisis, sans leur donner de points."))
    if kind == BallotKind.KNAPSACK:
        for use in uses:
            if use.over:
                _error(
                    errors,
                    GENERAL,
                    _(
                        "Votre choix dépasse le budget de %(over)s : les projets choisis coûtent %(cost)s "
                        "pour %(amount)s disponibles (%(part)s)."
                    )
                    % {
                        "over": euros(use.chosen - use.part.amount),
                        "cost": euros(use.chosen),
                        "amount": euros(use.part.amount),
                        "part": use.part.label,
                    },
                )
    if kind == BallotKind.CUMULATIVE:
        total = budget.points_total or 0
        cap = budget.max_points_per_project
        for pk, value in clean.items():
            if cap is not None and value > cap:
                _error(
                    errors,
                    f"projet-{pk}",
                    _("%(cap)d points au plus par projet.") % {"cap": cap},
                )
        used = sum(clean.values())
        if used > total:
            _error(
                errors,
                GENERAL,
                _("Vous avez donné %(used)d points sur les %(total)d à répartir.")
                % {"used": used, "total": total},
            )
    if kind == BallotKind.RANKED:
        ranks = sorted(clean.values())
        if ranks != list(range(1, count + 1)):
            _error(
                errors,
                GENERAL,
                _("Numérotez les projets choisis 1, 2, 3… sans sauter ni répéter de rang."),
            )
    if count == 0 and not errors:
        _error(errors, GENERAL, _("Choisissez au moins un projet."))
    elif count < budget.min_projects and not errors:
        _error(
            errors,
            GENERAL,
            ngettext(
                "Choisissez au moins %(n)d projet (vous en avez choisi %(c)d).",
                "Choisissez au moins %(n)d projets (vous en avez choisi %(c)d).",
                budget.min_projects,
            )
            % {"n": budget.min_projects, "c": count},
        )
    if budget.max_projects is not None and count > budget.max_projects:
        _error(
            errors,
            GENERAL,
            ngettext(
                "Choisissez au plus %(n)d projet (vous en avez choisi %(c)d).",
                "Choisissez au plus %(n)d projets (vous en avez choisi %(c)d).",
                budget.max_projects,
            )
            % {"n": budget.max_projects, "c": count},
        )
    return BallotCheck(budget=budget, choices=clean, projects=projects, parts=uses, errors=errors)


def _refuse(check: BallotCheck) -> None:
    if not check.ok:
        specific = [message for key, message in check.errors.items() if key != GENERAL]
        raise InvalidInput(
            check.errors.get(GENERAL) or (specific[0] if specific else _("Le bulletin n'est pas valable.")),
            field_errors=check.errors,
        )


def cast_ballot(
    *,
    voter: User,
    budget: Budget,
    choices: Mapping[int, int],
    channel: Channel = Channel.ONLINE,
    recorded_by: User | None = None,
    receipt: str = "",
) -> Cast:
    """Cast (or replace) a person's ballot; the last one counts. A secret ballot is sealed until the mix, and
    replacing it takes the receipt given when it was first cast."""
    refusal = vote_refusal(voter, budget)
    if refusal is not None:
        raise ActionNotAllowed(refusal)
    verification = verification_of(voter)
    cast = _cast(
        budget=budget,
        voter=voter,
        identity=verification.identity if verification is not None else "",
        choices=choices,
        channel=channel,
        recorded_by=recorded_by,
        receipt=receipt,
    )
    # Online only (a paper ballot is the agent's act), and for a secret ballot only at the first one (it gave a
    # receipt): a replaced secret ballot writes nothing beside the person's name.
    if channel == Channel.ONLINE and (not budget.is_secret or cast.receipt):
        events.voted(voter, budget)
    return cast


def _cast(
    *,
    budget: Budget,
    voter: User | None,
    identity: str,
    choices: Mapping[int, int],
    channel: Channel,
    recorded_by: User | None,
    receipt: str = "",
) -> Cast:
    """Check the ballot and store it with the person's participation (plain or sealed)."""
    check = check_ballot(budget=budget, voter=voter, choices=choices)
    _refuse(check)
    if budget.is_secret:
        return cast_secret_ballot(
            voter=voter,
            identity=identity,
            budget=budget,
            choices=check.choices,
            on_ballot=len(check.projects),
            channel=channel,
            recorded_by=recorded_by,
            receipt=receipt,
        )
    now = timezone.now()
    with transaction.atomic():
        participation, created = record_participation(
            budget=budget, voter=voter, identity=identity, channel=channel, recorded_by=recorded_by, at=now
        )
        if not created:
            # replacement_refusal refuses a participation without a ballot; checked again here, since an
            # assert would vanish under `python -O` and the old ballot would then stay beside the new one.
            if participation.ballot_ref is None:
                raise Conflict(_("Vous avez déjà voté : ce bulletin ne peut plus être modifié."))
            Ballot.objects.filter(pk=participation.ballot_ref, budget=budget).delete()
        ballot = Ballot.objects.create(budget=budget, cast_on=timezone.localdate())
        BallotLine.objects.bulk_create(
            BallotLine(ballot=ballot, project_id=pk, **BallotKind(budget.ballot_kind).line_fields(value))
            for pk, value in sorted(check.choices.items())
        )
        participation.ballot_ref = ballot.pk
        participation.recorded_by = recorded_by
        participation.updated_at = now
        participation.save(update_fields=["ballot_ref", "recorded_by", "updated_at"])
    return Cast(ballot=ballot)


@dataclass(frozen=True)
class PaperVoter:
    """The person who handed in a paper ballot, as the agent checked them at the desk (with a document). Only
    the keyed hash of their name and birth date is stored, never these details."""

    given_name: str
    family_name: str
    birthdate: dt.date | None
    address: str


NOT_THE_ACCOUNT = gettext_lazy(
    "L'identité saisie ne correspond pas à l'identité vérifiée de ce compte : vérifiez le nom, le prénom et la "
    "date de naissance."
)


def record_paper_ballot(
    *,
    agent: User,
    budget: Budget,
    choices: Mapping[int, int],
    person: PaperVoter | None = None,
    voter: User | None = None,
) -> Cast:
    """An agent types in the paper ballot a person handed in during the vote. The person is known by the name,
    birth date and address the agent checked (``person``: no account needed) and, when they have one, by their
    account (``voter``, or the account their verified identity belongs to). One vote per person across channels:
    the keyed hash of their identity and their account are each unique in the budget."""
    require_manager(agent, _("Seuls les agents de la collectivité saisissent les bulletins papier."))
    if not vote_is_open(budget):
        raise ActionNotAllowed(_("Le vote n'est pas ouvert pour ce budget."))
    if person is None and voter is None:
        raise InvalidInput(_("Indiquez qui a remis ce bulletin."))
    identity = ""
    if person is not None:
        errors = check_person(
            given_name=person.given_name, family_name=person.family_name, birthdate=person.birthdate
        )
        if not fold(person.address):
            errors["address"] = _("Indiquez l'adresse vérifiée.")
        if errors:
            raise InvalidInput(_("Le bulletin papier n'a pas été enregistré."), field_errors=errors)
        assert person.birthdate is not None  # nosec B101 - type narrowing: a missing date was refused above
        too_young = age_refusal(budget, person.birthdate)
        if too_young is not None:
            raise ActionNotAllowed(too_young, field_errors={"birthdate": too_young})
        identity = identity_hash(
            given_name=person.given_name, family_name=person.family_name, birthdate=person.birthdate
        )
        owner = Verification.objects.filter(identity=identity).select_related("user").first()
        if voter is None and owner is not None:
            voter = owner.user
        elif voter is not None and owner is not None and owner.user_id != voter.pk:
            raise Conflict(TAKEN)
    if voter is not None:
        verification = verification_of(voter)
        if verification is not None:
            if identity and verification.identity != identity:
                raise Conflict(NOT_THE_ACCOUNT)
            identity = verification.identity
            too_young = age_refusal(budget, verification.birthdate)
            if too_young is not None:
                raise ActionNotAllowed(too_young)
        elif person is None and (budget.requires_verification or budget.minimum_age):
            raise InvalidInput(
                _(
                    "Ce vote demande une identité vérifiée : saisissez le nom, la date de naissance et l'adresse "
                    "vérifiés à l'accueil."
                )
            )
    return _cast(
        budget=budget,
        voter=voter,
        identity=identity,
        choices=choices,
        channel=Channel.PAPER,
        recorded_by=agent,
    )

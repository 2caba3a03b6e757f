"""Who may do what with budgets, right now, and what a budget's dates allow. Services check these; views and
templates only reuse them.

What is checked about voters, honestly: being signed in and active; for the "territory" and "project
district" eligibilities, having a district on one's profile (declared by the person, not verified); when the
budget asks for it, a verified identity (``accounts.verification``); a minimum age, against the birth date of a
verified identity (so a budget with a minimum age takes only verified voters online).
"""

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.accounts.verification import age_on, verification_of
from bouquet.budgets.models import Budget, BudgetProject, Channel, Eligibility, Participation
from bouquet.core.errors import ActionNotAllowed
from bouquet.core.predicates import add_perm, predicate
from bouquet.processes.models import Action, Component


def vote_is_open(budget: Budget) -> bool:
    """Whether the budget's vote phase runs today (imported budgets never open to votes here, nor does a closed
    process or one that does not use budgets)."""
    return (
        not budget.is_imported
        and budget.process.is_published
        and budget.process.closed_at is None
        and budget.process.uses(Component.BUDGET)
        and budget.phase.allows(Action.VOTE)
        and budget.phase.is_running()
    )


def vote_has_started(budget: Budget) -> bool:
    """Once the vote has started, the projects and their costs are frozen: every voter saw the same ballot."""
    return budget.is_imported or timezone.localdate() >= budget.phase.starts_on


def results_can_be_computed(budget: Budget) -> bool:
    """Results wait until the vote is over (imported budgets are over already)."""
    return budget.is_imported or timezone.localdate() > budget.phase.ends_on


def vote_refusal(user: Any, budget: Budget) -> str | None:
    """Why this person may not vote in this budget now, in French; None when they may."""
    if not is_signed_in(user):
        return _("Connectez-vous pour voter.")
    if not vote_is_open(budget):
        return _("Le vote n'est pas ouvert pour ce budget.")
    if budget.eligibility in (Eligibility.TERRITORY, Eligibility.PROJECT_DISTRICT) and not user.district_id:
        return _(
            "Ce vote est réservé aux habitants du territoire : indiquez votre quartier dans votre profil."
        )
    if budget.requires_verification or budget.minimum_age:
        verification = verification_of(user)
        if verification is None:
            return str(GET_VERIFIED) % {
                "why": _("Ce vote est réservé aux personnes dont l'identité est vérifiée")
                if not budget.minimum_age
                else _(
                    "Ce vote est réservé aux personnes de %(age)d ans ou plus, d'après une identité vérifiée"
                )
                % {"age": budget.minimum_age}
            }
        return age_refusal(budget, verification.birthdate)
    return None


GET_VERIFIED = gettext_lazy(
    "%(why)s : vérifiez la vôtre sur la page « Vérifier mon identité » de votre compte (avec FranceConnect ou "
    "la liste des habitants), ou présentez une pièce d'identité à l'accueil de la mairie."
)


def age_refusal(budget: Budget, birthdate: dt.date) -> str | None:
    """Why a person born on ``birthdate`` is too young for this budget today; None when they are not."""
    if budget.minimum_age and age_on(birthdate, timezone.localdate()) < budget.minimum_age:
        return _("Ce vote est réservé aux personnes de %(age)d ans ou plus.") % {"age": budget.minimum_age}
    return None


def replacement_refusal(budget: Budget, participation: Participation, channel: str) -> str | None:
    """Why a new ballot cast through `channel` may not replace the one this person already cast; None when it
    may (same channel; online only in a secret budget, where the person must also give their receipt)."""
    if participation.channel != channel:
        if channel == Channel.PAPER:
            return _("Cette personne a déjà voté en ligne : son bulletin papier ne peut pas être ajouté.")
        return _("Votre bulletin papier a déjà été enregistré : vous ne pouvez pas voter aussi en ligne.")
    if budget.is_secret:
        if channel == Channel.PAPER:
            return _(
                "Cette personne a déjà voté. Le vote est secret : son bulletin ne peut plus être remplacé."
            )
        return None  # the person replaces their sealed ballot with the receipt only they hold
    if participation.ballot_ref is None:
        return _("Vous avez déjà voté : ce bulletin ne peut plus être modifié.")
    return None


def may_choose(user: Any, budget: Budget, project: BudgetProject, *, has_envelopes: bool) -> bool:
    """Whether this person may put this project on their ballot (district rules); `has_envelopes` comes from
    ``selectors.has_envelopes``."""
    if project.district_id is None:
        return True
    if has_envelopes or budget.eligibility == Eligibility.PROJECT_DISTRICT:
        return bool(user.district_id) and user.district_id == project.district_id
    return True


@predicate
def can_vote(user: Any, budget: Budget) -> bool:
    """Eligible people may vote while the vote phase runs."""
    return vote_refusal(user, budget) is None


@predicate
def can_manage(user: Any, budget: object = None) -> bool:
    """Agents and administrators set up budgets, projects, paper ballots, imports, results and means."""
    return bool(is_agent(user))


def require_manager(user: Any, message: str | None = None) -> None:
    """Refuse anyone but agents and administrators (a 403 in pages and API)."""
    if not can_manage(user):
        raise ActionNotAllowed(message or _("Seuls les agents de la collectivité gèrent les budgets."))


add_perm("budgets.vote", can_vote)
add_perm("budgets.manage", can_manage)

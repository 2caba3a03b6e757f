"""Who may do what with budgets, right now. Services check these; templates only reuse them.

What is checked about voters, honestly: being signed in and active; for the "territory" and "project
district" eligibilities, having a district on one's profile (declared by the person, not verified). The
minimum age is shown but not checked: profiles have no birth year yet.
"""

from typing import Any

import rules
from django.utils.translation import gettext as _

from bouquet.accounts.rules import is_agent
from bouquet.budgets.models import Budget, BudgetProject, Eligibility
from bouquet.processes.models import Action


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def vote_is_open(budget: Budget) -> bool:
    """Whether the budget's vote phase runs today (imported budgets never open to votes here)."""
    return (
        not budget.is_imported
        and budget.process.is_published
        and budget.phase.allows(Action.VOTE)
        and budget.phase.is_running()
    )


def vote_refusal(user: Any, budget: Budget) -> str | None:
    """Why this person may not vote in this budget now, in French; None when they may."""
    if not _signed_in(user):
        return _("Connectez-vous pour voter.")
    if not vote_is_open(budget):
        return _("Le vote n'est pas ouvert pour ce budget.")
    if budget.eligibility in (Eligibility.TERRITORY, Eligibility.PROJECT_DISTRICT) and not user.district_id:
        return _(
            "Ce vote est réservé aux habitants du territoire : indiquez votre quartier dans votre profil."
        )
    return None


def may_choose(user: Any, budget: Budget, project: BudgetProject, *, has_envelopes: bool) -> bool:
    """Whether this person may put this project on their ballot (district rules)."""
    if project.district_id is None:
        return True
    if has_envelopes or budget.eligibility == Eligibility.PROJECT_DISTRICT:
        return bool(user.district_id) and user.district_id == project.district_id
    return True


@rules.predicate
def can_vote(user: Any, budget: Budget) -> bool:
    """Eligible people may vote while the vote phase runs."""
    return vote_refusal(user, budget) is None


@rules.predicate
def can_manage(user: Any, budget: object = None) -> bool:
    """Agents and administrators set up budgets, projects, paper ballots, imports, results and means."""
    return bool(is_agent(user))


rules.add_perm("budgets.vote", can_vote)
rules.add_perm("budgets.manage", can_manage)

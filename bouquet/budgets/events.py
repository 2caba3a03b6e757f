"""What the budgets app tells people: the results are out. And who votes online follows the budget.

A secret vote must stay untraceable (decision 0012): the follow is written only at the first online ballot, as
the participation is (never when a ballot is replaced), and keeps only the day, as the participation does. It
links the person to the budget, which the participation already does, and never to a ballot."""

from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import User
from bouquet.budgets.models import Budget
from bouquet.budgets.services.secret import start_of_day
from bouquet.notifications import services as notifications
from bouquet.notifications.kinds import Kind, register
from bouquet.notifications.models import Follow

RESULTS = register(
    Kind(
        code="budgets.results",
        label=_("Résultats d'un budget participatif"),
        message=_("Les résultats de « %(target)s » sont publiés."),
    )
)


def voted(voter: User, budget: Budget) -> None:
    """The voter follows the budget they voted in (a secret budget: the day only)."""
    notifications.follow(
        voter, budget, reason=Follow.Reason.VOTED, at=start_of_day() if budget.is_secret else None
    )


def results_published(budget: Budget, *, agent: User | None = None) -> int:
    """Tell the budget's followers that its results are out (once per budget, recounts tell nobody)."""
    return notifications.announce(RESULTS.code, budget, actor=agent, once="results")

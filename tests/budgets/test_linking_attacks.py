"""A database administrator tries to link secret ballots to their voters, on SQLite and PostgreSQL.

Thirty people cast thirty different secret ballots, one after the other (the easiest case for an attacker: no
concurrency blurs the order), over three days; five of them change their ballot with their receipt. The vote
closes and the results are computed. The attacker then reads every row with the columns the database adds
(PostgreSQL's `xmin` and `ctid`, SQLite's `rowid`) and knows, as the web server's access log tells, who voted
when and in which order. Each attack pairs the voters, in the order they voted, with the ballots in one order
the database offers; it must do no better than chance (a random pairing gets 1 right on average, and 8 or more
with a probability of about 1 in 100,000), and the direct matches must find nothing. See
docs/decisions/0012-secret-ballots.md.
"""

import datetime as dt
import itertools
from collections import Counter
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from bouquet.budgets.models import Participation, SealedBallot
from bouquet.budgets.services import cast_ballot, compute_results
from bouquet.processes.services import reschedule_phase
from tests.budgets.linking import ballot_contents, ballot_orders, paired_right, rows
from tests.factories import BudgetFactory, UserFactory

VOTERS = 30
CHANGERS = 5
CHANCE = 7  # a random pairing of 30 gets 8 or more right with a probability of about 1e-5
POSTGRES = connection.vendor == "postgresql"


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 17, 42, 123456)))


@pytest.fixture
def voted():
    """A secret budget voted by 30 people over three days (5 changed their ballot), then counted."""
    budget = BudgetFactory(costs=(1_000,) * 6, is_secret=True)
    today = timezone.localdate()
    reschedule_phase(phase=budget.phase, starts_on=today - dt.timedelta(days=3), ends_on=today)
    budget.refresh_from_db()
    every = [p.pk for p in budget.projects.order_by("pk")]
    firsts = [frozenset(c) for size in (2, 3) for c in itertools.combinations(every, size)][:VOTERS]
    seconds = [frozenset(c) for c in itertools.combinations(every, 4)][:CHANGERS]
    voters = [UserFactory() for _ in range(VOTERS)]
    # One voter alone on the first day, one alone on the second, the others today: days would single them out.
    days = [today - dt.timedelta(days=2), today - dt.timedelta(days=1)] + [today] * (VOTERS - 2)
    truth: dict[int, frozenset[int]] = {}
    receipts: dict[int, str] = {}
    for index, (voter, chosen, day) in enumerate(zip(voters, firsts, days, strict=True)):
        with mock.patch("django.utils.timezone.now", return_value=_at(day, 8 + index % 12)):
            receipts[voter.pk] = cast_ballot(
                voter=voter, budget=budget, choices=dict.fromkeys(chosen, 1)
            ).receipt
        truth[voter.pk] = chosen
    for voter, chosen in zip(voters[3 : 3 + CHANGERS], seconds, strict=True):
        cast_ballot(voter=voter, budget=budget, choices=dict.fromkeys(chosen, 1), receipt=receipts[voter.pk])
        truth[voter.pk] = chosen
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=3), ends_on=today - dt.timedelta(days=1)
    )
    budget.refresh_from_db()
    compute_results(agent=UserFactory(agent=True), budget=budget)
    return budget, [v.pk for v in voters], truth


@pytest.mark.django_db(transaction=True)
def test_no_attack_links_a_secret_ballot_to_its_voter(voted):
    budget, cast_order, truth = voted
    content = ballot_contents(budget)
    # Every voter's last ballot, and nothing else, is counted; the sealed pool is gone.
    assert Counter(content.values()) == Counter(truth.values())
    assert not SealedBallot.objects.filter(budget=budget).exists()

    orders = ballot_orders(budget, content)
    right = {name: paired_right(cast_order, order, truth, content) for name, order in orders.items()}
    print(f"\n{connection.vendor}: voters paired with their own ballot, out of {VOTERS}: {right}")  # noqa: T201
    assert all(count <= CHANCE for count in right.values()), right

    # Time: the participation keeps the day only, and every ballot carries the same date, the vote's last day.
    participations = Participation.objects.filter(budget=budget)
    assert {timezone.localtime(p.created_at).time() for p in participations} == {dt.time()}
    assert len({p.created_at.date() for p in participations}) == 3
    dates = Counter(
        cast_on for (cast_on,) in rows("SELECT cast_on FROM budgets_ballot WHERE budget_id = %s", [budget.pk])
    )
    singled_out = [day for day, n in dates.items() if n < VOTERS]
    assert singled_out == [], f"ballot dates single out voters: {dates}"

    if POSTGRES:
        # The query of issue 9: a ballot written in the transaction of its participation.
        same_transaction = rows(
            "SELECT p.voter_id, l.project_id FROM budgets_participation p "
            "JOIN budgets_ballot b ON b.xmin = p.xmin AND b.budget_id = p.budget_id "
            "JOIN budgets_ballotline l ON l.ballot_id = b.id WHERE p.budget_id = %s",
            [budget.pk],
        )
        assert same_transaction == []
        # Every ballot and line was written by one transaction, which wrote no participation.
        xmins = rows(
            "SELECT DISTINCT xmin::text FROM budgets_ballot WHERE budget_id = %s UNION "
            "SELECT DISTINCT l.xmin::text FROM budgets_ballotline l JOIN budgets_ballot b ON b.id = l.ballot_id "
            "WHERE b.budget_id = %s",
            [budget.pk, budget.pk],
        )
        assert len(xmins) == 1

"""Ballots under concurrency: real threads, real connections, on SQLite and PostgreSQL."""

import pytest

from bouquet.budgets.models import Ballot, BallotLine, Budget, Participation
from bouquet.budgets.services import cast_ballot, mix_sealed_ballots, record_paper_ballot
from bouquet.core.errors import Conflict
from tests.concurrency import THREADS, run_together
from tests.factories import BudgetFactory, UserFactory


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("secret", [False, True], ids=["changeable", "secret"])
def test_twenty_simultaneous_submissions_by_one_person_give_one_ballot(secret):
    budget = BudgetFactory(costs=(30_000, 20_000, 10_000), is_secret=secret, vote_open=True)
    choices = {p.pk: 1 for p in budget.projects.order_by("pk")[:2]}
    voter = UserFactory()

    def vote(_index: int) -> None:
        cast_ballot(
            voter=voter,
            budget=Budget.objects.select_related("phase", "process").get(pk=budget.pk),
            choices=choices,
        )

    errors = run_together(vote)
    unexpected = [e for e in errors if not isinstance(e, Conflict)]
    assert unexpected == []
    assert len(errors) == (THREADS - 1 if secret else 0)
    assert Participation.objects.filter(budget=budget, voter=voter).count() == 1
    assert mix_sealed_ballots(budget=budget) == (1 if secret else 0)
    assert Ballot.objects.filter(budget=budget).count() == 1
    assert BallotLine.objects.filter(ballot__budget=budget).count() == 2


@pytest.mark.django_db(transaction=True)
def test_paper_and_online_at_the_same_time_keep_a_single_vote():
    budget = BudgetFactory(costs=(30_000, 20_000), vote_open=True)
    first = budget.projects.order_by("pk")[0]
    voter, agent = UserFactory(), UserFactory(agent=True)

    def vote(index: int) -> None:
        fresh = Budget.objects.select_related("phase", "process").get(pk=budget.pk)
        if index % 2:
            record_paper_ballot(agent=agent, budget=fresh, voter=voter, choices={first.pk: 1})
        else:
            cast_ballot(voter=voter, budget=fresh, choices={first.pk: 1})

    errors = run_together(vote)
    assert all(isinstance(e, Conflict) for e in errors)
    assert len(errors) == THREADS // 2  # every call of the other channel was refused
    assert Participation.objects.filter(budget=budget).count() == 1
    assert Ballot.objects.filter(budget=budget).count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_people_voting_at_once_in_a_secret_budget_give_twenty_ballots_after_the_mix():
    budget = BudgetFactory(costs=(30_000, 20_000, 10_000), is_secret=True, vote_open=True)
    every = list(budget.projects.order_by("pk"))
    voters = [UserFactory() for _ in range(THREADS)]
    receipts: list[str] = []

    def vote(index: int) -> None:
        cast = cast_ballot(
            voter=voters[index],
            budget=Budget.objects.select_related("phase", "process").get(pk=budget.pk),
            choices={every[index % 3].pk: 1},
        )
        receipts.append(cast.receipt)

    assert run_together(vote) == []
    assert Participation.objects.filter(budget=budget).count() == THREADS
    assert len(set(receipts)) == THREADS
    assert mix_sealed_ballots(budget=budget) == THREADS
    assert Ballot.objects.filter(budget=budget).count() == THREADS
    chosen = sorted(BallotLine.objects.filter(ballot__budget=budget).values_list("project_id", flat=True))
    assert chosen == sorted(every[i % 3].pk for i in range(THREADS))

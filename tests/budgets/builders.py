"""Helpers shared by the budget tests (and the browser test): a process with a vote phase, a budget, its projects."""

import datetime as dt
from typing import Any

from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.budgets.models import BallotKind, Budget, BudgetProject
from bouquet.budgets.services import BudgetInput, ProjectInput, create_budget, create_project
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.services import reschedule_phase
from tests.factories import ProcessFactory, UserFactory


def vote_process(**kwargs: Any) -> Process:
    """A process in its proposals phase, with a vote phase later on."""
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS, **kwargs)
    today = timezone.localdate()
    Phase.objects.create(
        process=process,
        kind=PhaseKind.VOTE,
        starts_on=today + dt.timedelta(days=40),
        ends_on=today + dt.timedelta(days=60),
    )
    return process


def staff() -> User:
    return UserFactory(role=Role.AGENT)


def make_budget(
    *, agent: User | None = None, process: Process | None = None, costs: tuple[int, ...] = (), **settings: Any
) -> Budget:
    """A budget of 100 000 € (knapsack ballots by default) with one project per cost, vote not yet open."""
    agent = agent or staff()
    process = process or vote_process()
    data = {
        "title": "Budget participatif 2026",
        "amount": 100_000,
        "ballot_kind": BallotKind.KNAPSACK,
    } | settings
    budget = create_budget(agent=agent, process=process, data=BudgetInput(**data))
    for index, cost in enumerate(costs, start=1):
        create_project(agent=agent, budget=budget, data=ProjectInput(title=f"Projet {index}", cost=cost))
    return budget


def projects(budget: Budget) -> list[BudgetProject]:
    return list(BudgetProject.objects.filter(budget=budget).order_by("id"))


def open_vote(budget: Budget) -> Budget:
    """Move the vote phase so that it runs today."""
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5)
    )
    budget.refresh_from_db()
    return budget


def close_vote(budget: Budget) -> Budget:
    """Move the vote phase into the past."""
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=10), ends_on=today - dt.timedelta(days=1)
    )
    budget.refresh_from_db()
    return budget

"""Services that lock a row run in their own transaction, as they would under a web request (no test wrapper).

On PostgreSQL, ``select_for_update`` outside a transaction is an error; SQLite ignores the lock."""

import pytest

from bouquet.budgets.models import BudgetProject, Feasibility
from bouquet.budgets.services import ProjectInput, answer_feasibility, edit_project
from tests.factories import BudgetFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_project_services_that_lock_the_project_run_outside_any_outer_transaction():
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent, costs=(10_000,))
    project = budget.projects.order_by("pk")[0]
    answer_feasibility(
        agent=agent, project=project, feasibility=Feasibility.NOT_FEASIBLE, note="Terrain privé."
    )
    edit_project(agent=agent, project=project, data=ProjectInput(title="Projet 1 bis", cost=12_000))
    project = BudgetProject.objects.get(pk=project.pk)
    assert (project.feasibility, project.title, project.cost) == (
        Feasibility.NOT_FEASIBLE,
        "Projet 1 bis",
        12_000,
    )

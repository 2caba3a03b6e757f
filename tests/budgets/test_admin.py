"""The Django admin shows budgets but changes nothing: the services are the only way to change them."""

import pytest
from django.test import Client

from bouquet.accounts.models import User
from bouquet.budgets.models import Budget, BudgetProject, BudgetResult
from bouquet.budgets.services import compute_results
from tests.factories import BudgetFactory, UserFactory, close_vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(email="admin@exemple.fr", password="x"))
    return client


def test_budget_pages_can_be_viewed(admin_client):
    budget = BudgetFactory(costs=(10_000,))
    project = budget.projects.order_by("pk")[0]
    for url in (
        "/admin/budgets/budget/",
        f"/admin/budgets/budget/{budget.pk}/change/",
        "/admin/budgets/budgetproject/",
        f"/admin/budgets/budgetproject/{project.pk}/change/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert 'name="_save"' not in response.content.decode(), url


def test_a_post_to_the_change_page_changes_nothing_once_the_vote_has_started(admin_client):
    budget = BudgetFactory(costs=(10_000,), rule="mes_cost_add1u", vote_open=True)
    project = budget.projects.order_by("pk")[0]
    response = admin_client.post(
        f"/admin/budgets/budget/{budget.pk}/change/", {"title": "Autre", "rule": "greedy_cost", "amount": 1}
    )
    assert response.status_code == 403
    budget.refresh_from_db()
    assert (budget.title, budget.rule, budget.amount) == (
        "Budget participatif 2026",
        "mes_cost_add1u",
        100_000,
    )
    response = admin_client.post(
        f"/admin/budgets/budgetproject/{project.pk}/change/", {"title": "Projet 1", "cost": 1, "code": "1"}
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.cost == 10_000


def test_nothing_is_added_or_deleted_through_the_admin(admin_client):
    budget = BudgetFactory(costs=(10_000,))
    assert admin_client.get("/admin/budgets/budget/add/").status_code == 403
    assert (
        admin_client.post("/admin/budgets/budgetproject/add/", {"title": "X", "cost": 5}).status_code == 403
    )
    assert admin_client.post(f"/admin/budgets/budget/{budget.pk}/delete/", {"post": "yes"}).status_code == 403
    changelist = admin_client.post(
        "/admin/budgets/budget/",
        {"action": "delete_selected", "_selected_action": [budget.pk], "post": "yes"},
    )
    assert changelist.status_code in (200, 302, 403)
    assert Budget.objects.filter(pk=budget.pk).exists()
    assert BudgetProject.objects.filter(budget=budget).count() == 1


def test_results_are_evidence_that_cannot_be_edited(admin_client):
    budget = close_vote(BudgetFactory(costs=(10_000,), vote_open=True))
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    url = f"/admin/budgets/budgetresult/{result.pk}/change/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"winners": '["1"]'}).status_code == 403
    assert (
        admin_client.post(f"/admin/budgets/budgetresult/{result.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert BudgetResult.objects.get(pk=result.pk).pb_sha256 == result.pb_sha256

"""Voting in a participatory budget in a real browser, with and without JavaScript, checked by axe.

Vote within the budget (what is left shows as one chooses: htmx with JavaScript, « Vérifier mon vote »
without), try to go over it, change the ballot, then read the results once the vote is over.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from bouquet.budgets.models import Ballot
from bouquet.budgets.services import compute_results
from tests.e2e.accessibility import AxeChecker
from tests.factories import BudgetFactory, UserFactory, close_vote

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


def _left(page: Page, amount: str) -> None:
    expect(page.locator("#reste")).to_contain_text(re.compile(rf"Il vous reste {amount}\s€"))


@BOTH_WAYS
def test_vote_change_and_results(page: Page, axe: AxeChecker, js_enabled: bool, log_in) -> None:
    budget = BudgetFactory(costs=(60_000, 30_000, 20_000), vote_open=True)
    first, second, third = budget.projects.order_by("pk")
    voter = UserFactory()
    log_in(voter)

    page.goto(f"/budgets/{budget.pk}/")
    axe(page, "budget")
    page.get_by_role("link", name="Voter").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mon vote")
    _left(page, r"100\s000")
    axe(page, "bulletin")

    page.get_by_label("Projet 1", exact=True).check()
    page.get_by_label("Projet 2", exact=True).check()
    if js_enabled:
        _left(page, r"10\s000")  # updated by htmx, nothing saved
    else:
        page.get_by_role("button", name="Vérifier mon vote").click()
        _left(page, r"10\s000")
        expect(page.get_by_label("Projet 2", exact=True)).to_be_checked()
    assert not Ballot.objects.exists()

    # Over the budget: refused, explained, nothing saved.
    page.get_by_label("Projet 3", exact=True).check()
    if js_enabled:
        expect(page.locator("#reste")).to_contain_text("Dépassement")
    page.get_by_role("button", name="Valider mon vote").click()
    expect(page.get_by_role("alert")).to_contain_text("dépasse le budget de 10")
    axe(page, "bulletin refusé")
    assert not Ballot.objects.exists()

    page.get_by_label("Projet 3", exact=True).uncheck()
    page.get_by_role("button", name="Valider mon vote").click()
    expect(page.get_by_role("status").first).to_contain_text("Votre vote est enregistré")
    expect(page.get_by_label("Projet 1", exact=True)).to_be_checked()
    axe(page, "vote enregistré")

    # Change the ballot: the last one counts.
    page.get_by_label("Projet 2", exact=True).uncheck()
    page.get_by_label("Projet 3", exact=True).check()
    page.get_by_role("button", name="Modifier mon vote").click()
    expect(page.get_by_role("status").first).to_contain_text("Votre vote est enregistré")
    assert Ballot.objects.count() == 1
    assert set(Ballot.objects.get().lines.values_list("project_id", flat=True)) == {first.pk, third.pk}

    close_vote(budget)
    compute_results(agent=UserFactory(agent=True), budget=budget)
    page.goto(f"/budgets/{budget.pk}/")
    page.get_by_role("link", name="Voir les résultats").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Résultats")
    expect(page.get_by_role("row", name=re.compile(r"^Projet 1 "))).to_contain_text("Retenu")
    expect(page.get_by_role("row", name=re.compile(r"^Projet 2 "))).to_contain_text("Non retenu")
    expect(page.get_by_role("img", name=re.compile("Budget accordé par quartier"))).to_be_visible()
    axe(page, "résultats")
    page.get_by_role("link", name="Recompter à partir du fichier publié").click()
    expect(page.get_by_text("Conforme")).to_be_visible()
    axe(page, "recomptage")
    assert second.pk not in Ballot.objects.get().lines.values_list("project_id", flat=True)

"""An agent records the paper ballot of a person without an account, in a real browser, with and without
JavaScript, checked by axe: an impossible date is refused beside its field, then the ballot is recorded once,
and the same person cannot vote again on paper."""

import pytest
from playwright.sync_api import Page, expect

from bouquet.budgets.models import Ballot, Participation
from tests.e2e.accessibility import AxeChecker
from tests.factories import BudgetFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


def _fill_person(page: Page, birthdate: str) -> None:
    page.get_by_label("Prénom (le premier, comme sur la pièce)").fill("Anne")
    page.get_by_label("Nom de famille (comme sur la pièce)").fill("Roy")
    page.get_by_label("Date de naissance").fill(birthdate)
    page.get_by_label("Adresse vérifiée").fill("5 rue Neuve")


@BOTH_WAYS
def test_an_agent_records_a_paper_ballot_for_a_person_without_account(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    budget = BudgetFactory(costs=(60_000, 30_000), vote_open=True, is_secret=True, minimum_age=16)
    log_in(UserFactory(agent=True))

    page.goto(f"/budgets/{budget.pk}/")
    page.get_by_role("link", name="Saisir un bulletin papier").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Saisir un bulletin papier")
    axe(page, "bulletin papier")

    _fill_person(page, "31/02/1980")
    page.get_by_label("Projet 2").check()
    page.get_by_role("button", name="Enregistrer le bulletin papier").click()
    expect(page.get_by_role("alert").first).to_contain_text("« 31/02/1980 » n'est pas une date qui existe")
    expect(page.get_by_label("Adresse vérifiée")).to_have_value("5 rue Neuve")  # nothing typed is lost
    axe(page, "bulletin papier refusé")
    assert not Participation.objects.exists()

    page.get_by_label("Date de naissance").fill("01/01/1960")
    page.get_by_label("Projet 2").check()
    page.get_by_role("button", name="Enregistrer le bulletin papier").click()
    expect(page.get_by_role("status").first).to_contain_text("Le bulletin papier est enregistré")
    participation = Participation.objects.get()
    assert participation.voter is None and participation.channel == "paper"
    assert not Ballot.objects.exists()  # sealed until the vote is over (secret ballot)

    _fill_person(page, "1960-01-01")
    page.get_by_label("Projet 1").check()
    page.get_by_role("button", name="Enregistrer le bulletin papier").click()
    expect(page.get_by_role("alert").first).to_contain_text("ne peut plus être remplacé")
    axe(page, "deuxième bulletin refusé")
    assert Participation.objects.count() == 1

"""One person, one voice in a real browser, with and without JavaScript, checked by axe: an agent sends the list
of inhabitants and reads what was refused, an inhabitant verifies their identity against it, and an agent records
a document checked at the desk."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bouquet.accounts.models import CensusEntry, Verification
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
CENSUS = (
    "nom;prénom;date de naissance;adresse\n"
    "Dupont;Marie;17/05/1990;12 rue des Lilas\n"
    "Durand;Luc;31/02/1980;1 rue Haute\n"
)


@BOTH_WAYS
def test_census_then_an_inhabitant_verifies_their_identity(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in, tmp_path: Path
) -> None:
    log_in(UserFactory(agent=True))
    page.goto("/gestion/")
    page.get_by_role("link", name="Liste des habitants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Liste des habitants")
    axe(page, "liste des habitants")
    upload = tmp_path / "habitants.csv"
    upload.write_text(CENSUS, encoding="utf-8")
    page.get_by_label("Liste des habitants (CSV ou Excel .xlsx)").set_input_files(str(upload))
    page.get_by_role("button", name="Envoyer la liste").click()
    expect(page.get_by_role("status").first).to_contain_text("2 lignes lues")
    expect(page.get_by_role("row", name="3")).to_contain_text("« 31/02/1980 »")
    axe(page, "liste envoyée")
    assert CensusEntry.objects.count() == 1

    page.context.clear_cookies()
    person = UserFactory()
    log_in(person)
    page.goto("/compte/profil/")
    page.get_by_role("link", name="Vérifier mon identité").click()
    axe(page, "vérifier mon identité")
    page.get_by_label("Prénom").fill("marie")
    page.get_by_label("Nom de famille").fill("DUPONT")
    page.get_by_label("Date de naissance").fill("17/05/1990")
    page.get_by_label("Adresse").fill("12, rue des Lilas")
    page.get_by_role("button", name="Vérifier mon identité").click()
    expect(page.locator(".messages")).to_contain_text("Votre identité est vérifiée.")
    axe(page, "identité vérifiée")
    assert Verification.objects.get(user=person).method == "census"


@BOTH_WAYS
def test_an_agent_records_a_desk_check(page: Page, axe: AxeChecker, js_enabled: bool, log_in) -> None:
    agent = UserFactory(agent=True)
    person = UserFactory(email="karim@exemple.fr")
    log_in(agent)
    page.goto("/gestion/")
    page.get_by_role("link", name="Vérifier une identité").click()
    axe(page, "vérification à l'accueil")
    page.get_by_label("Adresse e-mail du compte de la personne").fill("karim@exemple.fr")
    page.get_by_label("Pièce présentée").select_option("passport")
    page.get_by_label("Prénom (le premier, comme sur la pièce)").fill("Karim")
    page.get_by_label("Nom de famille (comme sur la pièce)").fill("Benali")
    page.get_by_label("Date de naissance").fill("31/02/1975")
    page.get_by_role("button", name="Enregistrer la vérification").click()
    expect(page.get_by_role("alert")).to_contain_text("« 31/02/1975 » n'est pas une date qui existe")
    axe(page, "vérification refusée")
    page.get_by_label("Date de naissance").fill("03/01/1975")
    page.get_by_role("button", name="Enregistrer la vérification").click()
    expect(page.locator(".messages")).to_contain_text("L'identité de la personne est vérifiée")
    verification = Verification.objects.get(user=person)
    assert (verification.checked_by, verification.document_kind) == (agent, "passport")

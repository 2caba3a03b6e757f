"""The lab in a real browser, with and without JavaScript, checked by axe on every page.

A social worker starts a collective action with two beneficiaries who have no account; one of them later opens
the link she was given, creates her account and takes her place. A co-lead publishes a need, another
initiative's co-lead says they helped, and the exchange appears on the chain page."""

import re

import pytest
from playwright.sync_api import Page, expect

from bouquet.incubator import services
from bouquet.incubator.models import Exchange, Initiative
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory
from tests.incubator.factories import facilitator, lead_of, start

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


@BOTH_WAYS
def test_a_social_worker_starts_a_collective_action_and_a_beneficiary_claims_her_place(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    log_in(facilitator())
    page.goto("/initiatives/")
    axe(page, "liste des initiatives")
    page.get_by_role("link", name="Lancer une initiative").click()
    axe(page, "lancer une initiative")
    page.get_by_label(re.compile(r"^Titre")).fill("Cuisine partagée du centre social")
    page.get_by_label(re.compile(r"^Le besoin auquel elle répond")).fill("Cuisiner ensemble à petit prix")
    page.get_by_label(re.compile(r"^Pour qui")).fill("Les familles accompagnées par le centre social")
    page.get_by_label("Bénéficiaire 1 : prénom ou nom d'usage").fill("Samira")
    page.get_by_label("Cette personne a donné son accord pour être inscrite").first.check()
    page.get_by_label("Bénéficiaire 2 : prénom ou nom d'usage").fill("Jean-Luc")
    page.get_by_label("Cette personne a donné son accord pour être inscrite").nth(1).check()
    page.get_by_role("button", name="Lancer l'initiative").click()
    expect(page.get_by_text("L'initiative est lancée")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Places de bénéficiaires qui attendent d'être prises")
    ).to_be_visible()
    axe(page, "membres et places")
    link = page.get_by_role("link", name=re.compile(r"lien pour prendre sa place \(Samira\)")).get_attribute(
        "href"
    )
    assert link is not None
    initiative = Initiative.objects.get()
    assert initiative.collective_action

    # Samira opens her link in a browser of her own, creates her account, comes back and takes her place.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_text("Samira, une place vous attend")).to_be_visible()
    axe(page, "prendre sa place")
    samira = UserFactory(display_name="Samira B.")
    log_in(samira)
    page.goto(link)
    page.get_by_role("button", name="Prendre ma place avec mon compte").click()
    expect(page.get_by_text("Vous avez pris votre place dans le groupe.")).to_be_visible()
    axe(page, "initiative, place prise")
    assert initiative.memberships.filter(person=samira, beneficiary=True).exists()
    page.goto(f"/initiatives/{initiative.pk}/espace/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Espace du groupe")
    axe(page, "espace du groupe")


@BOTH_WAYS
def test_a_need_an_offer_and_the_exchange_on_the_chain_page(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    garden = start(title="Jardin partagé des Lilas")
    repair = start(title="Repair café")
    services.publish_offer(
        person=lead_of(repair),
        initiative=repair,
        data=services.ResourceInput(kind="tool", title="Prêt d'outils de jardin"),
    )
    log_in(lead_of(garden))
    page.goto(f"/initiatives/{garden.pk}/besoins/nouveau/")
    axe(page, "publier un besoin")
    page.get_by_label(re.compile(r"^Nature")).select_option(label="Outil ou matériel")
    page.get_by_label(re.compile(r"^Intitulé")).fill("Des outils de jardin")
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("C'est publié sur la chaîne de solidarité.")).to_be_visible()
    axe(page, "initiative avec son besoin")

    page.context.clear_cookies()
    log_in(lead_of(repair))
    page.goto(garden.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"Nous avons aidé ou pouvons aider")).first.click()
    axe(page, "noter un échange")
    page.get_by_label(re.compile(r"^Avec quoi")).fill("Prêt d'une grelinette")
    page.get_by_role("button", name="Enregistrer l'échange").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("La chaîne de solidarité")
    expect(page.get_by_role("cell", name="Prêt d'une grelinette")).to_be_visible()
    axe(page, "chaîne de solidarité")
    assert Exchange.objects.get().helper == repair

"""Duplicates appear while someone types a proposal (htmx), and without JavaScript a step comes before publishing."""

import pytest
from playwright.sync_api import Page, expect

from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal
from bouquet.proposals.services import request_coauthorship
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, ProposalFactory, UserFactory


@pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
def test_similar_proposals_before_duplicating(page: Page, log_in, axe: AxeChecker, js_enabled: bool) -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    existing = ProposalFactory(
        process=process,
        title="Un parking à vélos sécurisé",
        body="Des arceaux pour garer les vélos près du marché.",
    )
    ProposalFactory(
        process=process, title="Une fontaine à eau", body="Pour boire pendant les fortes chaleurs."
    )
    log_in(UserFactory())
    page.goto(f"/demarches/{process.slug}/propositions/nouvelle/")
    page.get_by_label("Titre").fill("Garer les vélos devant le marché")
    page.get_by_label("Titre").press("End")  # a keystroke, as a person types
    if js_enabled:
        box = page.locator("#similaires")
        expect(box).to_contain_text(existing.title)
        expect(box).not_to_contain_text("Une fontaine à eau")
        axe(page, "formulaire avec propositions proches")
    page.get_by_label("Description").fill("Il manque des arceaux pour attacher les vélos le samedi.")
    page.get_by_role("button", name="Publier ma proposition").click()
    # Before publishing, the similar proposals are offered (with or without JavaScript).
    expect(
        page.get_by_role("heading", name="Avant de publier : des propositions proches existent déjà")
    ).to_be_visible()
    axe(page, "étape des propositions proches")
    assert Proposal.objects.count() == 2
    # Never an instant takeover: the person asks, and the authors answer.
    page.get_by_role("link", name=f"Demander à rejoindre : {existing.title}").click()
    page.get_by_label("Un mot pour les auteurs (facultatif)").fill("Je pensais aux mêmes arceaux.")
    axe(page, "demande pour rejoindre une proposition")
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.get_by_text("Votre demande est envoyée")).to_be_visible()
    assert Proposal.objects.count() == 2
    assert existing.coauthors.count() == 0
    assert existing.coauthor_requests.get().message == "Je pensais aux mêmes arceaux."


@pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
def test_an_author_accepts_a_request_and_only_the_first_author_withdraws(
    page: Page, log_in, axe: AxeChecker, js_enabled: bool
) -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    author, asker = UserFactory(display_name="Inès"), UserFactory(display_name="Marc")
    proposal = ProposalFactory(process=process, author=author, title="Un composteur dans la cour")
    request_coauthorship(citizen=asker, proposal=proposal, message="J'ai un composteur en trop.")
    log_in(author)
    page.goto(proposal.get_absolute_url())
    expect(page.get_by_text("Marc demande à co-signer la proposition")).to_be_visible()
    axe(page, "proposition avec une demande à traiter")
    page.get_by_role("button", name="Accepter : Marc").click()
    expect(page.get_by_text("Marc co-signe maintenant la proposition.")).to_be_visible()
    page.get_by_role("link", name="Retirer ma proposition").click()
    expect(page.get_by_role("heading", name="Retirer votre proposition ?")).to_be_visible()
    axe(page, "confirmation du retrait")
    page.get_by_role("button", name="Oui, retirer ma proposition").click()
    expect(page.get_by_text("Votre proposition est retirée.")).to_be_visible()
    page.get_by_role("link", name="Historique").click()
    expect(page.get_by_text("Inès a accepté Marc comme co-auteur.")).to_be_visible()
    expect(page.get_by_text("Inès a retiré la proposition.")).to_be_visible()
    axe(page, "historique de la proposition")

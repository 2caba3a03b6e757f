"""Duplicates appear while someone types a proposal (htmx), and without JavaScript a step comes before publishing."""

import pytest
from playwright.sync_api import Page, expect

from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal
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
    page.get_by_role("button", name=f"Rejoindre comme co-auteur : {existing.title}").click()
    expect(page.get_by_text("Vous êtes maintenant co-auteur")).to_be_visible()
    assert Proposal.objects.count() == 2
    assert existing.coauthors.count() == 1

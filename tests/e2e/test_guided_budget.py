"""An agent creates a budget through the guided form in a real browser, with and without JavaScript, checked by
axe: the process has no vote phase yet, so the form asks for its dates first and creates it with the budget."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.budgets.counting.catalogue import DEFAULT_RULE
from bouquet.budgets.models import Budget
from bouquet.budgets.wording import RULE_WORDING
from bouquet.processes.models import PhaseKind
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, UserFactory


@pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
def test_agent_creates_a_budget_and_its_vote_phase(
    page: Page, log_in, axe: AxeChecker, js_enabled: bool
) -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS, title="Budget des quartiers")
    log_in(UserFactory(agent=True))
    page.goto(f"/demarches/{process.slug}/budget/nouveau/")
    expect(page.get_by_text("Cette démarche n'a pas encore de phase de vote.")).to_be_visible()
    recommended = page.get_by_label(str(RULE_WORDING[DEFAULT_RULE].label))
    expect(recommended).to_be_checked()
    expect(page.get_by_label("En cas d'égalité entre deux projets, passe d'abord")).to_be_hidden()
    axe(page, "formulaire guidé du budget")

    # A vote that would start yesterday is refused beside its field, and nothing typed is lost.
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    page.get_by_label("Début du vote").fill(yesterday.isoformat())
    page.get_by_label("Fin du vote (dernier jour inclus)").fill(
        (yesterday + dt.timedelta(days=14)).isoformat()
    )
    page.get_by_label("Titre").fill("Budget participatif 2027")
    page.get_by_label("Enveloppe totale (en euros)").fill("150000")
    page.get_by_role("button", name="Créer le budget").click()
    expect(page.get_by_text("Le vote ne peut pas commencer dans le passé.").last).to_be_visible()
    expect(page.get_by_label("Titre")).to_have_value("Budget participatif 2027")
    axe(page, "formulaire guidé du budget, avec une erreur")
    assert not Budget.objects.exists()

    start = timezone.localdate() + dt.timedelta(days=40)
    page.get_by_label("Début du vote").fill(start.isoformat())
    page.get_by_label("Fin du vote (dernier jour inclus)").fill((start + dt.timedelta(days=14)).isoformat())
    page.get_by_text("Options avancées").click()
    expect(page.get_by_label("En cas d'égalité entre deux projets, passe d'abord")).to_be_visible()
    page.get_by_role("button", name="Créer le budget").click()
    expect(page.get_by_text("Le budget est créé : ajoutez-lui des projets.")).to_be_visible()
    budget = Budget.objects.get()
    assert budget.rule == DEFAULT_RULE.value and budget.amount == 150_000
    assert (budget.phase.kind, budget.phase.starts_on) == (PhaseKind.VOTE, start)

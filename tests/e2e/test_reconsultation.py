"""A re-consultation in a real browser, with and without JavaScript, checked by axe on every page.

An agent sees a drifting project first on the gap dashboard, opens a re-consultation on it; the inhabitant who
proposed it opens the project's page, answers « à adapter » with a comment, and sees the answers counted."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.projects import selectors, services
from bouquet.projects.models import Answer, Project, ReconsultationAnswer
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


@BOTH_WAYS
def test_an_agent_opens_a_reconsultation_and_an_inhabitant_answers_it(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    agent = UserFactory(agent=True, display_name="Agnès")
    inhabitant = UserFactory(display_name="Camille")
    process = ProcessFactory(title="Les berges de la Loirette")
    proposal = ProposalFactory(process=process, author=inhabitant, title="Un ponton pour les pêcheurs")
    project = services.create_project(
        agent=agent,
        process=process,
        data=services.ProjectInput(title="Ponton des pêcheurs", department="Service des berges"),
        proposal=proposal,
    )
    today = selectors.this_month()
    Project.objects.filter(pk=project.pk).update(
        conceived_month=today - 40, planned_delivery_month=today - 20, first_planned_delivery_month=today - 20
    )

    # The agent finds it first among drifting projects, and opens a re-consultation.
    log_in(agent)
    page.goto("/gestion/projets/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Projets et écart entre le vote et la réalisation"
    )
    axe(page, "tableau de bord de l'écart")
    page.get_by_role("link", name="Ponton des pêcheurs").first.click()
    expect(page.get_by_text("Ce projet dérive")).to_be_visible()
    axe(page, "projet dans la gestion")
    closes = (timezone.localdate() + dt.timedelta(days=20)).strftime("%d/%m/%Y")
    page.get_by_label(re.compile(r"^Réponses jusqu'au")).fill(closes)
    page.get_by_role("button", name="Ouvrir la revoyure").click()
    expect(page.get_by_text("La revoyure est ouverte : les participants sont prévenus.")).to_be_visible()
    axe(page, "revoyure ouverte")

    # The inhabitant who proposed it answers from the project's page.
    page.context.clear_cookies()
    log_in(inhabitant)
    page.goto(project.get_absolute_url())
    axe(page, "page du projet")
    page.get_by_role("link", name="Répondre à la revoyure").click()
    axe(page, "revoyure")
    page.get_by_label("À adapter").check()
    page.get_by_label("Votre commentaire").fill("Plutôt près du pont, là où on pêche vraiment.")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.get_by_text("Merci : votre réponse est enregistrée.")).to_be_visible()
    expect(page.get_by_text("1 réponse sur 1 personne interrogée.")).to_be_visible()
    axe(page, "réponse enregistrée")
    answer = ReconsultationAnswer.objects.get()
    assert (answer.person, answer.answer) == (inhabitant, Answer.TO_ADAPT)

    # On a phone, no page of the gap watch scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ("/projets/ecart/", "/projets/", project.get_absolute_url(), "/odd/", page.url):
        page.goto(url)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width} px wide on a 320 px screen"
    axe(page, "revoyure sur un téléphone")

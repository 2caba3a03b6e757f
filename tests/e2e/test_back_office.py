"""An agent runs a process from the back-office in a real browser, with and without JavaScript, checked by axe:
add a district, prepare a process in it, give it a calendar (an overlap is refused, a gap is a warning),
publish it, and find it on the public pages."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.processes.models import Process, ProcessStatus
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


def _add_phase(page: Page, kind: str, starts_on: dt.date, ends_on: dt.date, title: str = "") -> None:
    page.get_by_role("link", name="Ajouter une phase").click()
    page.get_by_role("combobox", name="Type de phase").select_option(label=kind)
    page.get_by_role("textbox", name="Titre").fill(title)
    page.get_by_label("Début").fill(starts_on.isoformat())
    page.get_by_label(re.compile(r"^Fin \(")).fill(ends_on.isoformat())
    page.get_by_role("button", name="Ajouter la phase").click()


@BOTH_WAYS
def test_an_agent_prepares_and_publishes_a_process(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    log_in(UserFactory(agent=True))
    today = timezone.localdate()

    page.goto("/")
    page.get_by_role("link", name="Gestion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gestion")
    axe(page, "accueil de la gestion")

    # A district
    page.get_by_role("navigation", name="Menu de la gestion").get_by_role("link", name="Quartiers").click()
    page.get_by_label("Nom").fill("Les Rives")
    page.get_by_role("button", name="Ajouter le quartier").click()
    expect(page.get_by_role("status").first).to_contain_text("Le quartier est ajouté.")
    expect(page.get_by_role("rowheader", name="Les Rives")).to_be_visible()
    axe(page, "quartiers")

    # A process in that district
    page.get_by_role("navigation", name="Menu de la gestion").get_by_role("link", name="Démarches").click()
    page.get_by_role("link", name="Nouvelle démarche").click()
    axe(page, "nouvelle démarche")
    page.get_by_role("button", name="Créer la démarche").click()  # empty: refused beside each field
    expect(page.get_by_role("alert")).to_contain_text("Titre")
    page.get_by_label("Titre").fill("Les berges de la Loirette")
    page.get_by_label("Résumé").fill("Comment aménager les berges ?")
    page.get_by_label(re.compile(r"^Description \(")).fill(
        "Les berges seront refaites : proposez, puis votez."
    )
    page.get_by_label("Quartier concerné").select_option(label="Les Rives")
    expect(page.get_by_label("Conversation")).not_to_be_checked()
    page.get_by_role("button", name="Créer la démarche").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les berges de la Loirette")
    expect(page.get_by_text("En préparation", exact=True).first).to_be_visible()

    # Its calendar: proposals, then a vote after a gap; an overlapping phase is refused.
    _add_phase(page, "Dépôt des propositions", today, today + dt.timedelta(days=20))
    expect(page.get_by_role("status").first).to_contain_text("La phase est ajoutée")
    _add_phase(page, "Soutien aux propositions", today + dt.timedelta(days=10), today + dt.timedelta(days=25))
    expect(page.get_by_role("alert")).to_contain_text("Cette phase chevauche « Dépôt des propositions »")
    axe(page, "phase refusée")
    page.get_by_role("link", name="Les berges de la Loirette").click()
    _add_phase(page, "Vote", today + dt.timedelta(days=30), today + dt.timedelta(days=40), "Vote du budget")
    calendar = page.get_by_role("list").filter(has_text="Vote du budget")
    expect(calendar).to_contain_text("voter pour le budget participatif")
    expect(calendar).to_contain_text(re.compile(r"aucune phase pendant 9 jours"))
    axe(page, "démarche avec son calendrier")

    page.get_by_role("button", name="Publier la démarche").click()
    expect(page.get_by_role("status").first).to_contain_text("La démarche est publiée")
    process = Process.objects.get(title="Les berges de la Loirette")
    assert process.status == ProcessStatus.OPEN
    assert process.district is not None and process.district.name == "Les Rives"
    assert process.phases.count() == 2

    page.get_by_role("link", name="Voir la page publique").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les berges de la Loirette")
    expect(page.get_by_role("heading", name="Vote du budget")).to_be_visible()
    axe(page, "page publique")

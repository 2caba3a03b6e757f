"""The open-data page and the authority's dashboard in a real browser, with and without JavaScript, checked by
axe (no serious or critical violation) and at 320 px wide without sideways scrolling."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import AxeChecker
from tests.factories import DistrictFactory, ProposalFactory, UserFactory, busy_process

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


def _no_sideways_scroll(page: Page) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 900})


@BOTH_WAYS
def test_the_open_data_page_lists_files_with_their_schema_and_licence(
    page: Page, axe: AxeChecker, js_enabled: bool
) -> None:
    busy = busy_process(3)
    ProposalFactory(process=busy.process, title='=HYPERLINK("http://example.com","piège")')
    page.goto("/donnees-ouvertes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Données ouvertes")
    expect(page.get_by_role("link", name="Licence Ouverte 2.0 (Etalab)")).to_be_visible()
    table = page.get_by_role("table", name=f"Fichiers de la démarche « {busy.process.title} »")
    expect(table.get_by_role("rowheader").first).to_contain_text("Propositions")
    axe(page, "données ouvertes")
    _no_sideways_scroll(page)

    response = page.request.get(f"/donnees-ouvertes/{busy.process.slug}/propositions.csv")
    assert response.ok and response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "'=HYPERLINK" in response.text()
    schema = page.request.get(f"/donnees-ouvertes/{busy.process.slug}/propositions.schema.json").json()
    assert schema["fields"][0]["name"] == "id"


@BOTH_WAYS
def test_an_agent_reads_a_process_dashboard_and_downloads_a_figure(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    busy = busy_process(3)
    DistrictFactory(name="Les Prés", population=1500)
    log_in(UserFactory(agent=True, display_name="Agnès"))
    page.goto("/gestion/tableaux-de-bord/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableaux de bord")
    page.get_by_label("Démarche", exact=True).select_option(label=busy.process.title)
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(busy.process.title)
    expect(page.get_by_role("img", name="Propositions selon leur origine")).to_be_visible()
    expect(page.get_by_role("heading", name="Les quartiers les moins atteints")).to_be_visible()
    axe(page, "tableau de bord d'une démarche")
    _no_sideways_scroll(page)

    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Télécharger ces chiffres (CSV) — Propositions selon leur origine"
        ).click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Origine,Propositions,Part"

    page.goto(f"/gestion/portee/?demarche={busy.process.pk}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Qui participe ?")
    axe(page, "qui participe")

"""Maps in a real browser: the picker opens on the process's district, takes a point inside and refuses one outside;
the proposal page shows where, on an interactive map or, without JavaScript, on a drawn plan. axe checks each page.

With BOUQUET_SCREENSHOTS set to a folder, the test also saves the pictures used in the docs (docs/screenshots/).
"""

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bouquet.accounts.models import User
from bouquet.places.models import Article, District, FeatureKind
from bouquet.places.services import add_map_feature
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal
from tests.e2e.accessibility import AxeChecker
from tests.factories import DistrictFactory, ProcessFactory, UserFactory, square_area

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
SHOTS = os.environ.get("BOUQUET_SCREENSHOTS", "")


def _town() -> None:
    DistrictFactory(name="Centre", boundary=square_area(0.99, 46.99, 1.01, 47.01))
    DistrictFactory(name="Les Rives", boundary=square_area(1.01, 46.99, 1.03, 47.01))
    add_map_feature(
        kind=FeatureKind.SQUARE,
        name="place du Marché",
        article=Article.LA,
        shape=square_area(0.9995, 46.9995, 1.0005, 47.0005),
    )
    add_map_feature(
        kind=FeatureKind.AVENUE,
        name="Grand-Rue",
        article=Article.LA,
        shape={"type": "LineString", "coordinates": [[0.99, 47.0], [1.03, 47.0]]},
    )
    add_map_feature(
        kind=FeatureKind.RIVER,
        name="Loirette",
        article=Article.LA,
        shape={"type": "LineString", "coordinates": [[0.98, 46.995], [1.04, 46.996]]},
    )


def _shot(page: Page, selector: str, name: str) -> None:
    if SHOTS:
        page.locator(selector).screenshot(path=str(Path(SHOTS) / name))


def test_picker_takes_a_point_in_the_district_and_refuses_one_outside(
    page: Page, axe: AxeChecker, log_in: Callable[[User], None]
) -> None:
    _town()
    centre = District.objects.get(name="Centre")
    process = ProcessFactory(title="Un été plus frais", current_phase=PhaseKind.PROPOSALS, district=centre)
    log_in(UserFactory())
    page.goto(f"/demarches/{process.slug}/propositions/nouvelle/")
    picker = page.locator("#choix-lieu")
    expect(picker).to_be_visible()
    # The territory is drawn (no tile server): the district's name shows on the map.
    expect(picker.get_by_text("Centre", exact=True)).to_be_visible()
    axe(page, "formulaire avec la carte")
    box = picker.bounding_box()
    assert box is not None
    # The map opens on the district (square) in a wide box: its far left edge lies outside the territory.
    picker.click(position={"x": 8, "y": box["height"] / 2})
    expect(page.locator("#message-lieu")).to_have_text(re.compile("en dehors du territoire"))
    expect(page.locator("#id_latitude")).to_have_value("")
    # The middle of the map is the middle of the district.
    picker.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(page.locator("#message-lieu")).to_be_hidden()
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert 46.99 < latitude < 47.01 and 0.99 < longitude < 1.01
    _shot(page, "fieldset:has(#choix-lieu)", "carte-choix-du-lieu.png")
    page.get_by_label("Titre").fill("Des bancs à l'ombre sur la place")
    page.get_by_label("Description").fill(
        "Pour se reposer entre le marché et l'arrêt de bus, à l'ombre des arbres."
    )
    page.get_by_role("button", name=re.compile("Publier")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Des bancs à l'ombre sur la place")
    proposal = Proposal.objects.get()
    assert proposal.district == centre and abs(proposal.latitude - latitude) < 1e-6
    expect(page.locator("figcaption")).to_have_text(
        re.compile(r"^Près de la place du Marché, quartier Centre$")
    )
    expect(page.locator("#carte-lieu")).to_be_visible()
    expect(page.locator("#carte-lieu .leaflet-marker-icon")).to_be_visible()
    axe(page, "proposition avec sa carte")
    _shot(page, "#lieu-proposition", "carte-proposition.png")


@BOTH_WAYS
def test_address_search_places_the_point(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in: Callable[[User], None]
) -> None:
    _town()
    process = ProcessFactory(title="Un été plus frais", current_phase=PhaseKind.PROPOSALS)
    log_in(UserFactory())
    page.goto(f"/demarches/{process.slug}/propositions/nouvelle/")
    if js_enabled:
        page.get_by_label("Chercher une adresse ou un lieu").fill("marche")
        page.get_by_role("button", name="Chercher", exact=True).click()
        page.get_by_role("button", name=re.compile("^Placer ici : place du Marché")).click()
    else:
        expect(page.locator("#choix-lieu")).to_be_hidden()
        page.get_by_role("link", name="Chercher une adresse ou un lieu du territoire").click()
        page.get_by_label(re.compile("^Adresse, rue ou lieu")).fill("marche")
        page.get_by_role("button", name="Chercher").click()
        axe(page, "recherche d'adresse")
        page.get_by_role("link", name=re.compile("^Placer ma proposition ici")).click()
    expect(page.locator("#id_latitude")).to_have_value("47.000000")
    expect(page.locator("#id_longitude")).to_have_value("1.000000")
    expect(page.locator("#id_address")).to_have_value("place du Marché")


@BOTH_WAYS
def test_proposal_page_shows_its_place(page: Page, axe: AxeChecker, js_enabled: bool) -> None:
    _town()
    process = ProcessFactory(title="Un été plus frais")
    proposal = Proposal.objects.create(
        process=process,
        author=UserFactory(),
        title="Une fontaine sur la place",
        body="Pour boire de l'eau fraîche les jours de marché.",
        latitude=47.0003,
        longitude=1.0002,
    )
    page.goto(proposal.get_absolute_url())
    expect(page.locator("figcaption")).to_have_text("Près de la place du Marché, quartier Centre")
    plan = page.get_by_role("img", name="Plan : Centre")
    if js_enabled:
        expect(page.locator("#carte-lieu")).to_be_visible()
        expect(plan).to_be_hidden()
    else:
        expect(plan).to_be_visible()
        expect(page.locator("#carte-lieu")).to_be_hidden()
        _shot(page, "#lieu-proposition", "plan-sans-javascript.png")
    assert "47,0003" not in page.inner_text("main") and "47.0003" not in page.inner_text("main")
    axe(page, "proposition")

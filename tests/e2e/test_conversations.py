"""Conversations in a real browser: a participant votes through a conversation on a phone and sees the map (with
and without JavaScript); a facilitator runs a live room with three phones while the projector follows. axe checks
every page (no serious or critical violation)."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from bouquet.conversations.models import Access, Room, Vote
from tests.conversations.conftest import camps, make_conversation
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def no_map_throttle(settings):
    settings.BOUQUET_MAP_SECONDS = 0


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@BOTH_WAYS
def test_a_participant_votes_on_a_phone_and_sees_the_map(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in
) -> None:
    conversation = make_conversation(UserFactory(agent=True))
    camps(conversation, people=24)
    person = UserFactory(display_name="Nadia")
    log_in(person)
    page.set_viewport_size(PHONE)
    page.goto(conversation.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Comment partager les rues du centre ?")
    axe(page, "conversation, première affirmation")
    _no_sideways_scroll(page)
    for number in range(7):
        said = (
            f"Vous avez répondu à {number} affirmation{'s' if number > 1 else ''} sur 10."
            if number
            else "Vous n'avez encore répondu à aucune affirmation (10 en tout)."
        )
        expect(page.get_by_text(said)).to_be_visible()
        page.get_by_role("button", name="D'accord" if number % 2 else "Pas d'accord", exact=True).click()
    expect(page.get_by_text("Vous avez répondu à 7 affirmations sur 10.")).to_be_visible()
    assert Vote.objects.filter(participant__user=person).count() == 7
    page.goto(conversation.get_absolute_url())
    expect(page.get_by_role("heading", name="Où vous vous situez")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Carte des opinions"))).to_be_visible()
    expect(page.locator("#carte-desc")).to_contain_text(
        re.compile(r"Vous êtes (dans le groupe [A-E]|sur la carte)")
    )
    axe(page, "conversation avec la carte")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="Voir la carte des opinions").click()
    expect(page.get_by_role("table", name="Les groupes et leurs affirmations, en tableau")).to_be_visible()
    axe(page, "carte des opinions")


def test_a_facilitator_runs_a_live_room_with_three_phones(
    browser: Browser, live_server: LiveServer, page: Page, axe: AxeChecker, log_in
) -> None:
    facilitator = UserFactory(agent=True, display_name="Léa")
    conversation = make_conversation(facilitator, access=Access.SIGNED_IN)
    log_in(facilitator)
    page.goto(f"/gestion/conversations/{conversation.pk}/")
    axe(page, "conversation (gestion)")
    page.get_by_label(re.compile("^Nom de l'atelier")).fill("Atelier des berges")
    page.get_by_role("button", name="Ouvrir une salle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Atelier des berges")
    axe(page, "console de la salle")
    room = Room.objects.get()

    projector = page.context.new_page()
    refused: list[str] = []
    projector.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    projector.goto(f"/salle/{room.code}/ecran/")
    expect(projector.get_by_text(room.code).first).to_be_visible()
    expect(projector.get_by_role("img", name="Code QR pour rejoindre la salle")).to_be_visible()
    axe(projector, "écran de la salle")

    phones = []
    for _ in range(3):
        context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="fr-FR")
        phone = context.new_page()
        phone.goto("/salle/")
        phone.get_by_label(re.compile("^Code de la salle")).fill(room.code.lower())
        phone.get_by_role("button", name="Rejoindre").click()
        phone.get_by_label(re.compile("J'accepte que mes réponses")).check()
        phone.get_by_role("button", name="Rejoindre la salle sans compte").click()
        expect(phone.get_by_role("heading", name="Affirmation à l'écran")).to_be_visible()
        phones.append(phone)
    axe(phones[0], "salle sur un téléphone")
    for phone, answer in zip(phones, ("D'accord", "D'accord", "Pas d'accord"), strict=True):
        phone.get_by_role("button", name=answer, exact=True).click()
        expect(phone.get_by_text("Votre réponse est enregistrée")).to_be_visible()
    # The projector follows without being reloaded (htmx every 2 s).
    expect(projector.locator(".count-agree dd [aria-hidden]")).to_have_text("2", timeout=10_000)
    expect(projector.locator(".count-disagree dd [aria-hidden]")).to_have_text("1")

    # A scribe's remark goes to every phone and to the projector.
    page.get_by_label("Ce qui vient d'être dit, en une affirmation").fill("Il manque des bancs à l'ombre.")
    page.get_by_role("button", name="Mettre au vote de la salle").click()
    expect(projector.get_by_text("Il manque des bancs à l'ombre.")).to_be_visible(timeout=10_000)
    expect(phones[1].get_by_text("Il manque des bancs à l'ombre.")).to_be_visible(timeout=10_000)
    phones[1].get_by_role("button", name="Je passe").click()
    expect(projector.locator(".count-pass dd [aria-hidden]")).to_have_text("1", timeout=10_000)

    # The fishbowl: someone asks for a chair, the facilitator seats them, the projector shows them in the centre.
    phones[2].get_by_text("Demander à venir au centre").click()
    phones[2].get_by_label("Votre prénom ou un pseudonyme").fill("Yanis")
    phones[2].get_by_role("button", name="Demander une chaise").click()
    page.reload()
    page.get_by_role("button", name="Faire entrer Yanis").click()
    expect(projector.locator(".projector-fishbowl li", has_text="Yanis")).to_be_visible(timeout=10_000)

    page.get_by_role("button", name="Fermer la salle et enregistrer son compte rendu").click()
    expect(page.get_by_role("heading", name="Compte rendu de l'atelier")).to_be_visible()
    axe(page, "compte rendu")
    phones[0].reload()
    expect(phones[0].get_by_role("heading", name="Salle fermée")).to_be_visible()
    for phone in phones:
        phone.context.close()
    assert not refused, f"the projector was blocked by the Content-Security-Policy: {refused}"

"""The memory of places in a real browser, with and without JavaScript, checked by axe on every page.

An inhabitant finds a place in the list, adds a memory with a photo (dated « années 60 »), and reads it on the
place's timeline, photo and description included. A newcomer on a phone opens a process about a place: it tells
what the place remembers first, and leads to what goes on around it.
"""

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from bouquet.conversations.services import open_conversation
from bouquet.places.models import Memory
from bouquet.projects.services import ProjectInput, create_project
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, UserFactory
from tests.outreach.factories import make_workshop
from tests.places.factories import make_memory, make_place

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@BOTH_WAYS
def test_an_inhabitant_adds_a_memory_with_a_photo_and_sees_it_on_the_timeline(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in, tmp_path: Path
) -> None:
    place = make_place("Kiosque à musique", description="Le kiosque du jardin public.")
    make_memory(place, title="Le marché du samedi", when="vers 1975")
    photo = tmp_path / "kiosque.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Téléphone de Josette"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "#8a6a3a").save(buffer, format="JPEG", exif=exif)
    photo.write_bytes(buffer.getvalue())
    log_in(UserFactory(display_name="Josette R."))

    page.goto("/lieux/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Les lieux et leur mémoire")
    axe(page, "liste des lieux")
    page.get_by_role("link", name="Kiosque à musique").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiosque à musique")
    axe(page, "page du lieu")

    page.get_by_role("link", name="Ajouter un souvenir").click()
    axe(page, "formulaire de souvenir")
    page.get_by_label(re.compile(r"^Titre du souvenir")).fill("Les concerts du dimanche")
    page.get_by_label(re.compile(r"^Quand")).fill("années 2090")
    page.get_by_label(re.compile(r"^Votre souvenir")).fill("La fanfare jouait tous les dimanches de mai.")
    page.get_by_label(re.compile(r"^Une photo")).set_input_files(str(photo))
    page.get_by_role("button", name="Publier le souvenir").click()
    # A date in the future and a photo without its description: both said beside their fields.
    expect(page.get_by_text("Un souvenir ne peut pas être daté dans le futur.").first).to_be_visible()
    expect(page.get_by_text("Décrivez la photo en quelques mots").first).to_be_visible()
    axe(page, "formulaire de souvenir avec erreurs")
    assert not Memory.objects.filter(title="Les concerts du dimanche").exists()

    page.get_by_label(re.compile(r"^Quand")).fill("années 60")
    page.get_by_label(re.compile(r"^Une photo")).set_input_files(str(photo))
    page.get_by_label(re.compile(r"^Description de la photo")).fill("La fanfare devant le kiosque")
    page.get_by_role("button", name="Publier le souvenir").click()
    expect(page.get_by_text("Merci : votre souvenir est ajouté à l'histoire du lieu.")).to_be_visible()
    expect(page.get_by_role("heading", name="Les concerts du dimanche")).to_be_visible()
    expect(page.get_by_role("img", name="La fanfare devant le kiosque")).to_be_visible()
    timeline = page.locator("ol.timeline > li")
    # Newest first: « vers 1975 » before « années 60 ».
    expect(timeline.first).to_contain_text("Le marché du samedi")
    expect(timeline.nth(1)).to_contain_text("années 60")
    expect(timeline.nth(1)).to_contain_text("Josette R.")
    axe(page, "page du lieu avec le souvenir")
    # On a phone 320 px wide, the page with its photo and the list with its map scroll only downwards.
    page.set_viewport_size({"width": 320, "height": 640})
    for address in (page.url, "/lieux/"):
        page.goto(address)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, address
    memory = Memory.objects.get(title="Les concerts du dimanche")
    with memory.photo.open("rb") as stored, Image.open(stored) as picture:
        assert not picture.getexif()  # re-encoded on the server: the phone's name is gone


@BOTH_WAYS
def test_a_newcomer_on_a_phone_finds_what_goes_on_around_a_process_about_a_place(
    page: Page, axe: AxeChecker, js_enabled: bool
) -> None:
    """At 320 px, with or without JavaScript: the process page tells what its place remembers before its steps,
    then leads to the place, the conversation and its opinion map, the workshops and the projects."""
    agent = UserFactory(agent=True)
    place = make_place("Place des Tilleuls, entre les deux tours Ronsard et Du Bellay")
    make_memory(place, title="La fête des voisins de 1998", when="juin 1998")
    process = ProcessFactory(place=place, title="Réinventons la place des Tilleuls")
    conversation = open_conversation(by=agent, process=process, question="Faut-il garder le parking ?")
    make_workshop(
        agent, process, "Balade diagnostic", days=4, place_name="Devant la tour Ronsard", published=True
    )
    create_project(agent=agent, process=process, data=ProjectInput(title="Replanter huit tilleuls"))

    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(process.get_absolute_url())
    remembers = page.get_by_role("complementary", name=re.compile("se souvient"))
    expect(remembers).to_contain_text("La fête des voisins de 1998")
    steps = page.get_by_role("heading", name="Les étapes")
    assert remembers.bounding_box()["y"] < steps.bounding_box()["y"]  # type: ignore[index]
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe(page, "page d'une démarche sur un lieu, 320 px")
    around = page.locator("section.around")
    expect(around.get_by_role("heading", name="Dans cette démarche")).to_be_visible()
    for name in (
        "Faut-il garder le parking ?",
        "La carte des opinions",
        "Balade diagnostic",
        "Replanter huit tilleuls",
    ):
        expect(around.get_by_role("link", name=re.compile(re.escape(name))).first).to_be_visible()

    around.get_by_role("link", name=re.compile("Place des Tilleuls")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Place des Tilleuls")
    # The process is now on the place's timeline, with the day it opened.
    expect(page.locator("ol.timeline")).to_contain_text("Réinventons la place des Tilleuls")
    expect(page.locator("ol.timeline")).to_contain_text("démarche ouverte le")
    page.go_back()
    page.locator("section.around").get_by_role("link", name="Balade diagnostic").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Balade diagnostic")
    page.go_back()
    page.locator("section.around").get_by_role("link", name="Faut-il garder le parking ?", exact=True).click()
    expect(page).to_have_url(re.compile(conversation.get_absolute_url()))

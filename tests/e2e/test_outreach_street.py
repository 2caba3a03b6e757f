"""Going out to people in a real browser, at phone size, with and without JavaScript, checked by axe.

A facilitator schedules a workshop and publishes it, then records five contributions from the street page. With
JavaScript the network is cut in the middle: what is typed waits in the browser and leaves once the network is
back; nothing is lost, nothing is doubled. Without JavaScript the same page works as plain forms."""

import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.accounts.models import Role, User
from bouquet.outreach.models import Contribution, Workshop
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Origin, Proposal
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, RoleGrantFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
PHONE = {"width": 375, "height": 740}
PEOPLE = [
    (
        "Zoé",
        "Des composteurs au pied des immeubles",
        "Installer des composteurs partagés au pied des immeubles.",
    ),
    (
        "Karim",
        "Un atelier de réparation de vélos",
        "Ouvrir un atelier de réparation de vélos le samedi matin.",
    ),
    ("Lou", "Des bancs le long du canal", "Poser des bancs à l'ombre le long du canal pour les anciens."),
    ("Sam", "Une fontaine au square", "Remettre en service la fontaine du square des Lilas cet été."),
    ("Inès", "Un jardin partagé à l'école", "Créer un jardin partagé dans la cour de l'école du quartier."),
]


def _type_entry(page: Page, name: str, title: str, body: str) -> None:
    page.get_by_label(re.compile(r"^Prénom ou pseudonyme de la personne")).fill(name)
    page.get_by_label(re.compile(r"^Titre de la proposition")).fill(title)
    page.get_by_label("Ce que la personne propose").fill(body)
    page.get_by_label(re.compile(r"^La personne accepte")).check()
    page.get_by_role("button", name="Enregistrer la contribution").click()


@BOTH_WAYS
def test_a_facilitator_records_a_workshop_and_five_contributions_from_the_street(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in: Callable[[User], None]
) -> None:
    process = ProcessFactory(title="Quartier des Lilas", current_phase=PhaseKind.PROPOSALS)
    facilitator = UserFactory(display_name="Camille")
    RoleGrantFactory(person=facilitator, role=Role.FACILITATOR, process=process)
    log_in(facilitator)
    page.set_viewport_size(PHONE)

    # The workshop, scheduled and published from the back-office.
    page.goto("/gestion/ateliers/")
    axe(page, "ateliers (gestion)")
    page.get_by_role("link", name="Programmer un atelier").click()
    axe(page, "programmer un atelier")
    page.get_by_label(re.compile(r"^Thème")).fill("Gestion des biodéchets")
    page.get_by_label(re.compile(r"^Format")).select_option("fishbowl")
    page.get_by_label(re.compile(r"^Jour")).fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_label(re.compile(r"^Heure de début")).fill("08:00")
    page.get_by_label(re.compile(r"^Heure de fin")).fill("23:59")
    page.get_by_label(re.compile(r"^Lieu \(")).fill("Maison de quartier des Lilas")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("L'atelier est programmé.")).to_be_visible()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'atelier est publié.")).to_be_visible()
    axe(page, "atelier programmé")
    workshop = Workshop.objects.get()
    assert workshop.is_published and workshop.format == "fishbowl"

    # The street page, for this workshop.
    page.get_by_role("link", name="Saisir des contributions").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saisie dans la rue")
    axe(page, "saisie dans la rue")
    no_sideways = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert no_sideways

    if js_enabled:
        for name, title, body in PEOPLE[:2]:
            _type_entry(page, name, title, body)
        expect(page.locator("#etat-envoi")).to_be_empty()
        page.wait_for_function(
            "() => JSON.parse(localStorage.getItem('bouquet.rue.attente') || '[]').length === 0"
        )
        page.context.set_offline(True)
        for name, title, body in PEOPLE[2:4]:
            _type_entry(page, name, title, body)
        expect(page.locator("#etat-envoi")).to_contain_text("2 contributions attendent le réseau")
        axe(page, "saisies en attente")
        assert Contribution.objects.count() == 2  # nothing has left the phone
        page.context.set_offline(False)
        page.evaluate("() => window.dispatchEvent(new Event('online'))")
        expect(page.locator("#etat-envoi")).to_be_empty()
        _type_entry(page, *PEOPLE[4])
        page.wait_for_function(
            "() => JSON.parse(localStorage.getItem('bouquet.rue.attente') || '[]').length === 0"
        )
        expect(page.locator("#etat-envoi")).to_be_empty()
        page.reload()  # the list of the latest entries shows all five
        expect(page.locator("#saisies-recentes li")).to_have_count(5)
    else:
        for name, title, body in PEOPLE:
            _type_entry(page, name, title, body)
            expect(page.get_by_text("La contribution est enregistrée.")).to_be_visible()
        # one entry refused without consent: the page says why, keeps the text, saves nothing
        page.get_by_label(re.compile(r"^Prénom ou pseudonyme de la personne")).fill("Noé")
        page.get_by_label("Ce que la personne propose").fill("Une boîte à livres devant la mairie annexe.")
        page.get_by_label(re.compile(r"^Titre de la proposition")).fill("Une boîte à livres")
        page.get_by_role("button", name="Enregistrer la contribution").click()
        expect(page.get_by_text("Sans le consentement de la personne").first).to_be_visible()
        axe(page, "saisie refusée")

    titles = sorted(Proposal.objects.values_list("title", flat=True))
    assert titles == sorted(title for _name, title, _body in PEOPLE)  # nothing lost, nothing doubled
    assert Contribution.objects.filter(workshop=workshop).count() == 5
    assert set(Proposal.objects.values_list("origin", flat=True)) == {Origin.WORKSHOP}

    # The public page of the workshop lists what was gathered there.
    page.goto(f"/ateliers/{workshop.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gestion des biodéchets")
    expect(page.get_by_role("link", name="Une fontaine au square")).to_be_visible()
    axe(page, "page de l'atelier")
    page.get_by_role("link", name="Une fontaine au square").click()
    expect(page.get_by_text("Contribution recueillie en atelier par Camille")).to_be_visible()

    # The list of workshops and the page where a person finds their gathered contributions.
    page.goto("/ateliers/")
    expect(page.get_by_role("link", name="Gestion des biodéchets")).to_be_visible()
    axe(page, "ateliers")
    page.goto("/compte/contributions-recueillies/")
    page.get_by_label(re.compile(r"^Le contact que vous aviez donné")).fill("personne@exemple.fr")
    page.get_by_role("button", name="Retrouver mes contributions").click()
    expect(page.get_by_text("Ce contact n'est pas l'adresse e-mail de votre compte").first).to_be_visible()
    axe(page, "retrouver ses contributions")

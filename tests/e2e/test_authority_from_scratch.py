"""The authority runs Bouquet on its own, from a database with no demo content, in a real browser and without
Django admin: an agent adds a district, prepares a process in it with its calendar and publishes it, creates its
participatory budget through the guided form (which adds the vote phase), puts a project on the ballot, invites a
moderator for the process, and opens the vote by bringing its start to today; an inhabitant then finds the
ballot. With and without JavaScript, checked by axe on the way."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.budgets.models import Budget
from bouquet.budgets.rules import vote_is_open
from bouquet.processes.models import Process, ProcessStatus
from bouquet.roles.models import Invitation
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory


@pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
def test_an_agent_opens_a_vote_from_an_empty_database(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in, mailoutbox: list
) -> None:
    assert not Process.objects.exists()
    agent = UserFactory(agent=True, display_name="Agnès")
    log_in(agent)
    today = timezone.localdate()
    menu = page.get_by_role("navigation", name="Menu de la gestion")

    page.goto("/")
    page.get_by_role("link", name="Gestion").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gestion")

    # A district of the territory.
    menu.get_by_role("link", name="Quartiers").click()
    page.get_by_label("Nom").fill("Les Rives")
    page.get_by_role("button", name="Ajouter le quartier").click()
    expect(page.get_by_role("rowheader", name="Les Rives")).to_be_visible()

    # A process in that district, with a proposals phase on its calendar.
    menu.get_by_role("link", name="Démarches").click()
    page.get_by_role("link", name="Nouvelle démarche").click()
    page.get_by_label("Titre").fill("Budget des Rives")
    page.get_by_label("Résumé").fill("Proposez, puis votez pour les projets des Rives.")
    page.get_by_label(re.compile(r"^Description \(")).fill(
        "Un budget de 50 000 € pour le quartier des Rives."
    )
    page.get_by_label("Quartier concerné").select_option(label="Les Rives")
    page.get_by_role("button", name="Créer la démarche").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Budget des Rives")
    page.get_by_role("link", name="Ajouter une phase").click()
    page.get_by_role("combobox", name="Type de phase").select_option(label="Dépôt des propositions")
    page.get_by_label("Début").fill((today - dt.timedelta(days=30)).isoformat())
    page.get_by_label(re.compile(r"^Fin \(")).fill((today - dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Ajouter la phase").click()
    expect(page.get_by_role("status").first).to_contain_text("La phase est ajoutée")
    axe(page, "démarche en préparation")

    page.get_by_role("button", name="Publier la démarche").click()
    expect(page.get_by_role("status").first).to_contain_text("La démarche est publiée")
    process = Process.objects.get()
    assert process.status == ProcessStatus.OPEN

    # Its budget, through the guided form: the vote phase is created with it, to start tomorrow.
    page.get_by_role("link", name="Créer un budget participatif").click()
    expect(page.get_by_text("Cette démarche n'a pas encore de phase de vote.")).to_be_visible()
    page.get_by_label("Début du vote").fill((today + dt.timedelta(days=1)).isoformat())
    page.get_by_label("Fin du vote (dernier jour inclus)").fill((today + dt.timedelta(days=14)).isoformat())
    page.get_by_label("Titre").fill("Budget des Rives 2027")
    page.get_by_label("Enveloppe totale (en euros)").fill("50000")
    axe(page, "formulaire guidé du budget")
    page.get_by_role("button", name="Créer le budget").click()
    expect(page.get_by_text("Le budget est créé : ajoutez-lui des projets.")).to_be_visible()
    budget = Budget.objects.get()
    assert not vote_is_open(budget)

    # A project on the ballot.
    page.get_by_role("link", name=re.compile("Ajouter un projet")).first.click()
    page.get_by_label("Titre").fill("Un ponton pour les pêcheurs")
    page.get_by_label("Description").fill("Un ponton en bois au bout du chemin de halage.")
    page.get_by_label("Coût estimé (en euros)").fill("18000")
    page.get_by_role("button", name=re.compile("Ajouter|Enregistrer")).click()
    expect(page.get_by_text("Un ponton pour les pêcheurs").first).to_be_visible()

    # A moderator for this process, invited by e-mail.
    page.goto("/gestion/personnes/")
    page.get_by_role("link", name="Inviter une personne").click()
    page.get_by_label("Adresse e-mail de la personne").fill("sacha.modo@exemple.fr")
    page.get_by_label(re.compile(r"^Rôle")).select_option(label="Modérateur·rice")
    page.get_by_label("Une démarche", exact=True).check()
    page.get_by_label(re.compile(r"^Démarche \(si")).select_option(label="Budget des Rives")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("L'invitation est envoyée par e-mail.")).to_be_visible()
    assert Invitation.objects.filter(email="sacha.modo@exemple.fr").exists()
    assert [m.to for m in mail.outbox] == [["sacha.modo@exemple.fr"]]

    # The vote opens today: the agent brings its phase's start forward in the calendar.
    menu.get_by_role("link", name="Démarches").click()
    page.get_by_role("link", name="Budget des Rives").first.click()
    expect(page.get_by_role("link", name="Budget des Rives 2027")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Modifier .*[Vv]ote")).first.click()
    page.get_by_label("Début").fill(today.isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("status").first).to_be_visible()
    axe(page, "le vote commence aujourd'hui")
    budget.refresh_from_db()
    assert vote_is_open(budget)

    # An inhabitant finds the ballot.
    page.context.clear_cookies()
    log_in(UserFactory(display_name="Camille"))
    page.goto(process.get_absolute_url())
    page.get_by_role("link", name="Voter pour le budget").first.click()
    page.get_by_role("link", name=re.compile("Budget des Rives 2027")).first.click()
    expect(page.get_by_text("Un ponton pour les pêcheurs").first).to_be_visible()
    axe(page, "le vote ouvert")

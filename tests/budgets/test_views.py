"""Budget pages: vote without JavaScript and with htmx, status codes, results, downloads, agent pages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bouquet.bouquets.models import Allocation, Bouquet, Placement
from bouquet.budgets.models import Ballot, BallotLine, Budget, BudgetProject, Participation
from bouquet.budgets.services import cast_ballot, compute_results, mix_sealed_ballots
from tests.factories import (
    BudgetFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    close_vote,
    open_vote,
    verified,
)

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def budget():
    return BudgetFactory(costs=(60_000, 30_000, 20_000), vote_open=True)


def test_budget_page_lists_projects_and_the_vote(budget):
    response = Client().get(f"/budgets/{budget.pk}/")
    assert response.status_code == 200
    assert "Projet 1" in response.content.decode()
    assert f"/budgets/{budget.pk}/voter/" in response.content.decode()


def test_anonymous_visitors_are_asked_to_log_in(budget):
    response = Client().get(f"/budgets/{budget.pk}/voter/")
    assert "Connectez-vous pour voter." in response.content.decode()


def test_check_without_javascript_shows_what_is_left_and_saves_nothing(budget):
    a, b, _c = budget.projects.order_by("pk")
    response = client_for(UserFactory()).post(
        f"/budgets/{budget.pk}/voter/", {"projet": [a.pk, b.pk], "action": "verifier"}
    )
    assert response.status_code == 200
    assert "Il vous reste <strong>10\u202f000\u202f€</strong>" in response.content.decode()
    assert not Ballot.objects.exists()


def test_htmx_check_returns_the_summary_only(budget):
    a = budget.projects.order_by("pk")[0]
    response = client_for(UserFactory()).post(
        f"/budgets/{budget.pk}/voter/verifier/", {"projet": [a.pk]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "40\u202f000\u202f€" in body


def test_over_budget_is_refused_with_422_and_nothing_saved(budget):
    response = client_for(UserFactory()).post(
        f"/budgets/{budget.pk}/voter/",
        {"projet": [p.pk for p in budget.projects.order_by("pk")], "action": "valider"},
    )
    assert response.status_code == 422
    assert "dépasse le budget de 10\u202f000\u202f€" in response.content.decode()
    assert not Ballot.objects.exists() and not Participation.objects.exists()


def test_vote_then_change_it(budget):
    a, b, c = budget.projects.order_by("pk")
    voter = UserFactory()
    client = client_for(voter)
    response = client.post(f"/budgets/{budget.pk}/voter/", {"projet": [a.pk], "action": "valider"})
    assert response.status_code == 302
    page = client.get(f"/budgets/{budget.pk}/voter/").content.decode()
    assert "Modifier mon vote" in page and f'value="{a.pk}" id="projet-{a.pk}" checked' in page
    client.post(f"/budgets/{budget.pk}/voter/", {"projet": [b.pk, c.pk], "action": "valider"})
    assert Ballot.objects.count() == 1
    assert set(Ballot.objects.get().lines.values_list("project_id", flat=True)) == {b.pk, c.pk}


def test_a_secret_vote_shows_its_receipt_once_and_takes_it_to_change():
    budget = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
    a, b = budget.projects.order_by("pk")
    client = client_for(UserFactory())
    response = client.post(f"/budgets/{budget.pk}/voter/", {"projet": [a.pk], "action": "valider"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    receipt = re.search(r'id="recu">([A-Z2-7-]+)<', response.content.decode()).group(1)
    page = client.get(f"/budgets/{budget.pk}/voter/").content.decode()
    assert receipt not in page and "saisissez le reçu" in page and 'name="recu"' in page
    refused = client.post(f"/budgets/{budget.pk}/voter/", {"projet": [b.pk], "action": "valider"})
    assert refused.status_code == 409 and "Saisissez votre reçu." in refused.content.decode()
    changed = client.post(
        f"/budgets/{budget.pk}/voter/", {"projet": [b.pk], "action": "valider", "recu": receipt}
    )
    assert changed.status_code == 302
    mix_sealed_ballots(budget=budget)
    assert list(BallotLine.objects.values_list("project_id", flat=True)) == [b.pk]


def test_voting_outside_the_phase_is_a_403():
    budget = BudgetFactory(costs=(10,))
    response = client_for(UserFactory()).post(
        f"/budgets/{budget.pk}/voter/",
        {"projet": [budget.projects.order_by("pk")[0].pk], "action": "valider"},
    )
    assert response.status_code == 403
    assert "pas ouvert" in response.content.decode()


@pytest.fixture
def results_budget():
    budget = BudgetFactory(costs=(60_000, 30_000, 20_000), vote_open=True)
    a, b, c = budget.projects.order_by("pk")
    for chosen in ([a, b], [a, c], [b, c], [a], [c]):
        cast_ballot(voter=UserFactory(), budget=budget, choices={p.pk: 1 for p in chosen})
    close_vote(budget)
    compute_results(agent=UserFactory(agent=True), budget=budget)
    return budget


def test_results_page_explains_and_charts(results_budget):
    body = Client().get(f"/budgets/{results_budget.pk}/resultats/").content.decode()
    assert "Retenu" in body and "Non retenu" in body
    assert "Méthode des parts égales" in body
    assert 'role="img"' in body and "<title id=" in body and "<desc id=" in body
    assert "<table" in body
    assert "bulletins-territoire.pb" in body


def test_downloads_and_recount(results_budget):
    client = Client()
    pb = client.get(f"/budgets/{results_budget.pk}/bulletins-territoire.pb")
    assert pb.status_code == 200 and pb.content.decode().startswith("META\n")
    csv = client.get(f"/budgets/{results_budget.pk}/bulletins-territoire.csv").content.decode()
    assert csv.splitlines()[0] == "bulletin;projet;titre;points;rang"
    assert len(csv.splitlines()) == 1 + 8  # one line per ballot and project
    recount = client.get(f"/budgets/{results_budget.pk}/recomptage/").content.decode()
    assert "Conforme" in recount


def test_inhabitants_cannot_reach_agent_pages(budget):
    client = client_for(UserFactory())
    for url in (
        f"/demarches/{budget.process.slug}/budget/nouveau/",
        f"/demarches/{budget.process.slug}/budget/importer/",
        f"/budgets/{budget.pk}/vote-papier/",
        f"/budgets/{budget.pk}/projets/nouveau/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/budgets/{budget.pk}/calculer/").status_code == 403


def test_agent_creates_a_budget_and_a_project_from_a_proposal():
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    client = client_for(agent)
    response = client.post(
        f"/demarches/{process.slug}/budget/nouveau/",
        {
            "title": "Budget des quartiers",
            "amount": "80000",
            "ballot_kind": "knapsack",
            "min_projects": "1",
            "eligibility": "signed_in",
            "rule": "mes_cost_add1u",
            "tie_break": "votes",
            "tie_break_seed": "bouquet",
        },
    )
    assert response.status_code == 302
    budget = Budget.objects.get()
    proposal = ProposalFactory(process=process)
    response = client.post(
        f"/budgets/{budget.pk}/projets/nouveau/", {"proposal": proposal.pk, "cost": "12000"}
    )
    assert response.status_code == 302
    assert BudgetProject.objects.get().title == proposal.title


def test_agent_makes_a_bouquet_a_project_and_allocates_means():
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent)
    bouquet = Bouquet.objects.create(process=budget.process, key="k", label="Des arbres partout")
    for _ in range(3):
        Placement.objects.create(
            proposal=ProposalFactory(process=budget.process), process=budget.process, bouquet=bouquet
        )
    client = client_for(agent)
    assert client.get(f"/bouquets/{bouquet.pk}/projet-budget/").status_code == 200
    response = client.post(f"/bouquets/{bouquet.pk}/projet-budget/", {"budget": budget.pk, "cost": "45000"})
    assert response.status_code == 302
    assert BudgetProject.objects.get().proposals.count() == 3
    response = client.post(f"/bouquets/{bouquet.pk}/moyens/", {"kind": "staff_time", "amount": "35"})
    assert response.status_code == 302
    assert Allocation.objects.get().unit == "h"
    report = Client().get(f"/demarches/{budget.process.slug}/sobriete/").content.decode()
    assert "Des arbres partout" in report


def test_import_page_refuses_a_malformed_file_with_its_line():
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    upload = SimpleUploadedFile("faux.pb", b"META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n")
    response = client_for(agent).post(f"/demarches/{process.slug}/budget/importer/", {"file": upload})
    assert response.status_code == 422
    assert "ligne" in response.content.decode()
    assert not Budget.objects.exists()


ODD_FILE = b"META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\nVOTES\nvoter_id;vote\na;1,1\n"


def test_import_page_shows_the_oddities_of_a_file_it_reads(django_capture_on_commit_callbacks):
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    upload = SimpleUploadedFile("double.pb", ODD_FILE)
    client = client_for(agent)
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # the import task runs once the page's work is saved
        sent = client.post(f"/demarches/{process.slug}/budget/importer/", {"file": upload})
    response = client.get(sent["Location"])
    body = response.content.decode()
    budget = Budget.objects.get()
    assert response.status_code == 200 and "Import terminé : 1 bulletin écrit, résultat calculé." in body
    assert "ligne 10 : le projet « 1 » est cité plusieurs fois" in body
    assert f'href="/budgets/{budget.pk}/resultats/"' in body


def test_import_page_refuses_an_absurd_number_in_french():
    agent = UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    upload = SimpleUploadedFile("enorme.pb", ODD_FILE.replace(b"1;60", b"1;" + b"9" * 40))
    response = client_for(agent).post(f"/demarches/{process.slug}/budget/importer/", {"file": upload})
    assert response.status_code == 422
    assert "(ligne 7) : le coût du projet « 1 » est démesuré" in response.content.decode()
    assert not Budget.objects.exists()


def test_paper_ballot_page(budget):
    agent, voter = UserFactory(agent=True), UserFactory()
    response = client_for(agent).post(
        f"/budgets/{budget.pk}/vote-papier/",
        {
            "given_name": "Marie",
            "family_name": "Dupont",
            "birthdate": "17/05/1990",
            "address": "12 rue des Lilas",
            "email": voter.email,
            "projet": [budget.projects.order_by("pk")[1].pk],
        },
    )
    assert response.status_code == 302
    assert Participation.objects.get().channel == "paper"
    response = client_for(voter).post(
        f"/budgets/{budget.pk}/voter/",
        {"projet": [budget.projects.order_by("pk")[2].pk], "action": "valider"},
    )
    assert response.status_code == 409


def test_process_page_links_to_the_budget(budget):
    body = Client().get(f"/demarches/{budget.process.slug}/").content.decode()
    assert f"/demarches/{budget.process.slug}/budget/" in body


def test_agent_edits_a_project_until_the_vote_starts():
    budget = BudgetFactory(costs=(60_000,))
    [project] = budget.projects.order_by("pk")
    agent = client_for(UserFactory(agent=True))
    url = f"/budgets/{budget.pk}/projets/{project.pk}/modifier/"
    form = agent.get(url)
    assert form.status_code == 200 and 'value="60000"' in form.content.decode()
    refused = agent.post(url, {"title": "Projet 1", "cost": "0"})
    assert refused.status_code == 422
    project.refresh_from_db()
    assert project.cost == 60_000  # nothing saved
    done = agent.post(url, {"title": "Des bancs à l'ombre", "cost": "45000", "min_cost": "30000"})
    assert done.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.cost, project.min_cost, project.code) == (
        "Des bancs à l'ombre",
        45_000,
        30_000,
        "1",
    )
    assert client_for(UserFactory()).get(url).status_code == 403
    open_vote(budget)
    assert agent.get(url).status_code == 409
    assert agent.post(url, {"title": "Autre titre", "cost": "1000"}).status_code == 409
    project.refresh_from_db()
    assert project.title == "Des bancs à l'ombre"


def test_paper_ballot_page_without_account_and_its_refusals(budget):
    agent = client_for(UserFactory(agent=True))
    url = f"/budgets/{budget.pk}/vote-papier/"
    person = {"given_name": "Anne", "family_name": "Roy", "address": "5 rue Neuve"}
    project = [budget.projects.order_by("pk")[1].pk]
    impossible = agent.post(url, {**person, "birthdate": "31/02/1980", "projet": project})
    assert impossible.status_code == 422
    assert "« 31/02/1980 » n&#x27;est pas une date qui existe" in impossible.content.decode()
    assert agent.post(url, {**person, "birthdate": "01/01/1960", "projet": project}).status_code == 302
    participation = Participation.objects.get()
    assert participation.voter is None and len(participation.identity) == 64
    again = agent.post(url, {**person, "family_name": "ROY", "birthdate": "1960-01-01", "projet": project})
    assert again.status_code == 302  # a plain paper ballot is corrected by the next one: still one vote
    assert Participation.objects.count() == 1
    assert "sans faire vérifier son identité" in agent.get(url).content.decode()


def test_a_paper_ballot_for_someone_who_voted_online_is_refused_on_the_page(budget):
    person = verified()
    cast_ballot(voter=person, budget=budget, choices={budget.projects.order_by("pk")[1].pk: 1})
    response = client_for(UserFactory(agent=True)).post(
        f"/budgets/{budget.pk}/vote-papier/",
        {
            "given_name": "Marie",
            "family_name": "Dupont",
            "birthdate": "17/05/1990",
            "address": "12 rue des Lilas",
            "projet": [budget.projects.order_by("pk")[2].pk],
        },
    )
    assert response.status_code == 409
    assert "Cette personne a déjà voté en ligne" in response.content.decode()
    assert Participation.objects.get().channel == "online"


def test_the_vote_page_sends_an_unverified_person_to_verification():
    budget = BudgetFactory(costs=(10,), vote_open=True, requires_verification=True)
    page = client_for(UserFactory()).get(f"/budgets/{budget.pk}/voter/").content.decode()
    assert "réservé aux personnes dont l&#x27;identité est vérifiée" in page
    assert 'href="/compte/identite/"' in page

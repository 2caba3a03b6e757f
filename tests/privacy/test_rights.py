"""A person downloads everything held about them, and deletes their account without breaking any count."""

import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bouquet.accounts.models import Role, User
from bouquet.accounts.services import issue_api_token
from bouquet.budgets.models import Ballot, Participation
from bouquet.budgets.services import cast_ballot
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.privacy.services import erase_account, export_personal_data
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal, Support
from bouquet.proposals.services import (
    ProposalInput,
    add_comment,
    add_support,
    report_item,
    request_coauthorship,
    submit_proposal,
)
from tests.factories import (
    BudgetFactory,
    DistrictFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "jeanne.testeliere@exemple.fr"
NAME = "Jeanne Testelière"


@pytest.fixture
def jeanne() -> User:
    person = UserFactory(email=EMAIL, display_name=NAME, district=DistrictFactory(name="Les Tilleuls"))
    EmailAddress.objects.create(user=person, email=EMAIL, verified=True, primary=True)
    return person


@pytest.fixture
def her_traces(jeanne: User) -> dict[str, object]:
    """Jeanne proposes, comments, supports, reports, votes twice (named and secret), holds a token and a
    session, and an administrator once edited her account."""
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    proposal = submit_proposal(
        author=jeanne,
        process=process,
        data=ProposalInput(
            title="Un composteur partagé", body="Dans la cour de l'école, pour tout le quartier."
        ),
    )
    other = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    add_support(citizen=jeanne, proposal=other)
    add_comment(author=jeanne, proposal=proposal, body="J'ajoute : des bacs pour les feuilles mortes.")
    report_item(reporter=jeanne, reason="Hors sujet", proposal=ProposalFactory(process=process))
    request_coauthorship(
        citizen=jeanne, proposal=ProposalFactory(process=process), message="Je voudrais co-signer."
    )
    token = issue_api_token(user=jeanne, name="tableur de Jeanne")
    named = BudgetFactory(costs=(30_000, 50_000), title="Budget nominatif", is_secret=False, vote_open=True)
    secret = BudgetFactory(costs=(40_000, 20_000), title="Budget secret", is_secret=True, vote_open=True)
    cast_ballot(voter=jeanne, budget=named, choices={named.projects.order_by("pk")[0].pk: 1})
    cast_ballot(voter=jeanne, budget=secret, choices={secret.projects.order_by("pk")[1].pk: 1})
    admin = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    LogEntry.objects.log_actions(
        user_id=admin.pk, queryset=[jeanne], action_flag=CHANGE, change_message=f"Adresse {EMAIL} vérifiée"
    )
    client = Client()
    client.force_login(jeanne)
    return {"proposal": proposal, "other": other, "client": client, "token": token}


def _export(person: User) -> dict[str, list[dict[str, object]]]:
    archive = zipfile.ZipFile(io.BytesIO(export_personal_data(person=person)))
    assert {"LISEZMOI.txt", "donnees.json", "propositions.csv", "soutiens.csv"} <= set(archive.namelist())
    return json.loads(archive.read("donnees.json"))


def test_the_export_holds_everything_about_the_person_and_no_secret_ballot(jeanne, her_traces) -> None:
    data = _export(jeanne)
    assert data["compte"][0]["adresse_email"] == EMAIL
    assert data["compte"][0]["quartier"] == "Les Tilleuls"
    assert [p["title"] for p in data["propositions"]] == ["Un composteur partagé"]
    assert len(data["commentaires"]) == 1 and len(data["soutiens"]) == 1 and len(data["signalements"]) == 1
    assert [t["name"] for t in data["jetons_api"]] == ["tableur de Jeanne"]
    assert [r["message"] for r in data["demandes_de_coecriture"]] == ["Je voudrais co-signer."]
    assert {p["budget"] for p in data["participations_budgets"]} == {"Budget nominatif", "Budget secret"}
    # Her named ballot's choices are hers; the secret one cannot be found, so it is not there.
    assert [c["ballot__budget__title"] for c in data["choix_des_votes_nominatifs"]] == ["Budget nominatif"]


def test_a_formula_typed_in_a_title_is_text_in_the_export(jeanne) -> None:
    ProposalFactory(author=jeanne, title='=HYPERLINK("http://x";"y")')
    archive = zipfile.ZipFile(io.BytesIO(export_personal_data(person=jeanne)))
    assert "'=HYPERLINK" in archive.read("propositions.csv").decode("utf-8-sig")


def _every_stored_text() -> str:
    """Every row of every table, as text (what a database administrator could read)."""
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names come from the database
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_erasure_leaves_no_trace_and_keeps_every_count(jeanne, her_traces) -> None:
    other: Proposal = her_traces["other"]  # type: ignore[assignment]
    assert EMAIL in _every_stored_text() and NAME in _every_stored_text()
    ballots_before = Ballot.objects.count()

    erase_account(person=jeanne, confirmation=EMAIL.upper())

    stored = _every_stored_text()
    assert (
        EMAIL not in stored and NAME not in stored and "Les Tilleuls" in stored
    )  # the district itself stays
    assert "jeanne" not in stored.lower()
    jeanne.refresh_from_db()
    assert jeanne.public_name == "Compte supprimé" and not jeanne.is_active and jeanne.district is None
    # Her contributions stay, signed « Compte supprimé »; supports and participations still count.
    other.refresh_from_db()
    assert other.support_count == Support.objects.filter(proposal=other).count() == 1
    assert Participation.objects.filter(voter=jeanne).count() == 2
    assert Ballot.objects.count() == ballots_before
    page = Client().get(reverse("proposals:detail", kwargs={"pk": her_traces["proposal"].pk}))  # type: ignore[attr-defined]
    assert "Compte supprimé" in page.content.decode() and NAME not in page.content.decode()
    # Her open session is closed and her token no longer opens the API.
    client: Client = her_traces["client"]  # type: ignore[assignment]
    assert client.get(reverse("accounts:profile")).status_code == 302
    api = Client().post(
        f"/api/v1/proposals/{other.pk}/support", headers={"Authorization": f"Bearer {her_traces['token']}"}
    )
    assert api.status_code == 401


def test_erasure_needs_the_exact_address_and_is_refused_to_administrators(jeanne) -> None:
    with pytest.raises(InvalidInput):
        erase_account(person=jeanne, confirmation="quelqu.un@exemple.fr")
    assert User.objects.get(pk=jeanne.pk).email == EMAIL
    with pytest.raises(ActionNotAllowed):
        erase_account(person=UserFactory(role=Role.ADMINISTRATOR), confirmation="x")


def test_the_pages_download_the_data_and_erase_the_account(jeanne) -> None:
    client = Client()
    client.force_login(jeanne)
    assert client.get(reverse("accounts:my-data")).status_code == 200
    download = client.get(reverse("accounts:download-my-data"))
    assert download["Content-Type"] == "application/zip"
    refused = client.post(reverse("accounts:erase"), {"confirmation": "autre@exemple.fr"})
    assert refused.status_code == 422
    assert "Recopiez exactement votre adresse e-mail" in refused.content.decode()
    done = client.post(reverse("accounts:erase"), {"confirmation": EMAIL}, follow=True)
    assert "Votre compte est supprimé" in done.content.decode()
    assert not User.objects.filter(email=EMAIL).exists()
    assert not EmailAddress.objects.filter(email=EMAIL).exists()


def test_django_admin_cannot_delete_a_person() -> None:
    admin_user = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    person = UserFactory()
    client = Client()
    client.force_login(admin_user)
    url = reverse("admin:accounts_user_delete", args=[person.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=person.pk).exists()


def test_the_export_is_explained_in_the_reader_s_language(jeanne) -> None:
    with translation.override("en"):
        archive = zipfile.ZipFile(io.BytesIO(export_personal_data(person=jeanne)))
    assert archive.read("LISEZMOI.txt").decode().startswith("Here is")

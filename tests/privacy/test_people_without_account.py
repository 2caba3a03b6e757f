"""People who took part without an account (a contribution gathered in the street, a beneficiary's place): an agent
gives them their data or erases it on their request, after a confirmation; retention drops contacts and the names
of places never claimed. Their contributions stay and still count."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.incubator import services as incubator
from bouquet.incubator.models import JournalEntry, Membership
from bouquet.incubator.selectors import PlaceNotFound, membership_from_token, place_token
from bouquet.outreach import services as outreach
from bouquet.outreach.models import Contributor
from bouquet.privacy.services import purge_expired_data
from bouquet.processes.models import PhaseKind, Process
from bouquet.proposals.models import Proposal
from tests.factories import ProcessFactory, ProposalFactory, RoleGrantFactory, UserFactory
from tests.outreach.factories import make_workshop

pytestmark = pytest.mark.django_db

CONTACT = "zoe.dupont@exemple.fr"


@pytest.fixture
def process() -> Process:
    return ProcessFactory(current_phase=PhaseKind.PROPOSALS)


@pytest.fixture
def facilitator(process: Process) -> User:
    person = UserFactory()
    RoleGrantFactory(person=person, role=Role.FACILITATOR, process=process)
    return person


def _gather(facilitator: User, process: Process, *, name: str = "Zoé", contact: str = CONTACT) -> Contributor:
    workshop = make_workshop(facilitator, process, "Place du marché", days=-2, place_name="Halle")
    outreach.record_report(
        facilitator=facilitator,
        workshop=workshop,
        attendance=9,
        named_attendees=[name, "Marc"],
        minutes="",
        outcomes="",
    )
    person = outreach.ContributorInput(name=name, consent=True, contact=contact)
    outreach.record_contribution(
        facilitator=facilitator,
        data=outreach.GatheredInput(
            process=process, person=person, title="Un abri vélo", body="Près de la halle.", workshop=workshop
        ),
    )
    outreach.record_contribution(
        facilitator=facilitator,
        data=outreach.GatheredInput(process=process, person=person, join=ProposalFactory(process=process)),
    )
    return Contributor.objects.get(name=name)


def _place(name: str = "Samira") -> Membership:
    lead = UserFactory(role=Role.FACILITATOR, display_name="Paul Porteur")
    started = incubator.start_initiative(
        starter=lead,
        data=incubator.InitiativeInput(
            title="Cuisine partagée", need="Cuisiner ensemble.", for_whom="Les voisins."
        ),
        beneficiaries=[incubator.BeneficiaryInput(name=name, consent=True)],
    )
    return started.places[0]


def test_an_agent_downloads_then_erases_a_contributor_after_confirming(
    facilitator: User, process: Process
) -> None:
    contributor = _gather(facilitator, process)
    voiced = Proposal.objects.exclude(contributions__kind="proposal").get(
        contributions__contributor=contributor
    )
    supports = voiced.support_count
    agent = UserFactory(agent=True)
    client = Client()
    client.force_login(agent)

    listed = client.get(reverse("backoffice:personal-data"), {"q": "zoé"})
    assert listed.status_code == 200 and CONTACT in listed.content.decode()
    download = client.get(reverse("backoffice:contributor-download", args=[contributor.pk]))
    assert download["Content-Type"] == "application/zip"
    data = json.loads(zipfile.ZipFile(io.BytesIO(download.content)).read("donnees.json"))
    assert data["personne"][0]["contact"] == CONTACT and len(data["contributions_recueillies"]) == 2

    erase = reverse("backoffice:contributor-erase", args=[contributor.pk])
    page = client.get(erase)
    assert page.status_code == 200 and "Effacer définitivement" in page.content.decode()
    refused = client.post(erase, {"confirmation": "Zoe Martin"})
    assert refused.status_code == 422 and "Recopiez exactement" in refused.content.decode()
    assert Contributor.objects.get(pk=contributor.pk).contact == CONTACT
    done = client.post(erase, {"confirmation": " zoé "}, follow=True)
    assert "signées « Contribution anonyme »" in done.content.decode()

    contributor.refresh_from_db()
    assert (contributor.name, contributor.contact) == ("Contribution anonyme", "")
    assert contributor.erased_at is not None and CONTACT not in contributor.identity
    assert contributor.contributions.count() == 2  # what they said stays
    voiced.refresh_from_db()
    assert voiced.support_count == supports
    assert all("Zoé" not in w.named_attendees for w in process.workshops.all())
    assert client.get(erase).status_code == 404  # already erased: nothing left to erase
    # Another person gives the same contact later: a new record, not the erased one.
    assert _gather(facilitator, process, name="Zoé").pk != contributor.pk


def test_only_agents_see_the_pages_and_the_services_refuse_others(
    facilitator: User, process: Process
) -> None:
    contributor = _gather(facilitator, process)
    client = Client()
    client.force_login(facilitator)
    assert client.get(reverse("backoffice:personal-data")).status_code == 404
    assert (
        client.post(
            reverse("backoffice:contributor-erase", args=[contributor.pk]), {"confirmation": "Zoé"}
        ).status_code
        == 404
    )
    with pytest.raises(ActionNotAllowed):
        outreach.erase_contributor(agent=facilitator, contributor=contributor, confirmation="Zoé")
    with pytest.raises(ActionNotAllowed):
        incubator.erase_beneficiary(agent=facilitator, place=_place(), confirmation="Samira")
    assert Contributor.objects.get(pk=contributor.pk).name == "Zoé"


def test_an_agent_erases_a_beneficiary_s_place_which_still_counts() -> None:
    place = _place()
    token = place_token(place)
    agent = UserFactory(agent=True)
    client = Client()
    client.force_login(agent)
    download = client.get(reverse("backoffice:beneficiary-download", args=[place.pk]))
    data = json.loads(zipfile.ZipFile(io.BytesIO(download.content)).read("donnees.json"))
    assert data["place_de_beneficiaire"][0]["prenom_ou_nom_d_usage"] == "Samira"
    assert any("Samira" in row["text"] for row in data["journal"])

    with pytest.raises(InvalidInput):
        incubator.erase_beneficiary(agent=agent, place=place, confirmation="Sami")
    response = client.post(
        reverse("backoffice:beneficiary-erase", args=[place.pk]), {"confirmation": "samira"}
    )
    assert response.status_code == 302

    place.refresh_from_db()
    assert place.beneficiary_name == "Bénéficiaire" and place.erased_at is not None
    assert Membership.objects.filter(initiative=place.initiative, beneficiary=True).count() == 1
    assert not JournalEntry.objects.filter(text__contains="Samira").exists()
    with pytest.raises(PlaceNotFound):
        membership_from_token(token)  # the link no longer serves


def test_retention_drops_old_contacts_and_the_names_of_places_never_claimed(
    facilitator: User, process: Process
) -> None:
    old = _gather(facilitator, process)
    claimed = _gather(facilitator, process, name="Léon", contact="leon@exemple.fr")
    leon = UserFactory(email="leon@exemple.fr")
    outreach.claim_contributions(user=leon, contact="leon@exemple.fr")
    unclaimed, taken = _place("Samira"), _place("Bilal")
    claimer = (
        UserFactory()
    )  # never confirmed nor signed in (made here by the service): holding a place keeps it
    incubator.claim_place(token=place_token(taken), person=claimer)

    soon = purge_expired_data(now=timezone.now() + dt.timedelta(days=100))
    assert (
        soon["contacts_des_contributeurs_sans_compte"] == soon["places_de_beneficiaires_jamais_prises"] == 0
    )
    later = timezone.now() + dt.timedelta(days=400)
    removed = purge_expired_data(now=later)
    assert removed["contacts_des_contributeurs_sans_compte"] == 1
    assert removed["places_de_beneficiaires_jamais_prises"] == 1

    old.refresh_from_db()
    assert (old.name, old.contact) == ("Zoé", "") and CONTACT not in old.identity
    assert old.contributions.count() == 2
    assert (
        Contributor.objects.get(pk=claimed.pk).contact == "leon@exemple.fr"
    )  # claimed: theirs, with the account
    unclaimed.refresh_from_db()
    taken.refresh_from_db()
    assert unclaimed.beneficiary_name == "Bénéficiaire" and taken.beneficiary_name == "Bilal"
    assert User.objects.filter(pk=claimer.pk).exists() and removed["comptes_jamais_confirmes"] == 0
    again = purge_expired_data(now=later)
    assert (
        again["contacts_des_contributeurs_sans_compte"] == again["places_de_beneficiaires_jamais_prises"] == 0
    )


def test_the_privacy_page_shows_the_new_durations_and_how_to_ask(settings) -> None:  # type: ignore[no-untyped-def]
    settings.BOUQUET_RETENTION_DAYS = {**settings.BOUQUET_RETENTION_DAYS, "contributor_contacts": 123}
    text = Client().get("/confidentialite/").content.decode()
    assert "123 jours après votre dernier accord" in text
    assert (
        "180 jours si vous n&#x27;avez pas pris votre place" in text
        or "180 jours si vous n'avez pas pris" in text
    )
    assert "demandez à un agent" in text

"""The outreach pages through plain HTML forms (no JavaScript): the street page, workshops, printed sheets, the
paper import, claiming, and the API."""

import datetime as dt
import html
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.core.models import ImportRecord
from bouquet.outreach import services
from bouquet.outreach.models import Contribution, Contributor, Workshop
from bouquet.processes.models import PhaseKind, Process
from bouquet.proposals.models import Origin, Proposal
from tests.factories import DistrictFactory, ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Installer des composteurs partagés au pied des immeubles du quartier."


def text(response: object) -> str:
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


@pytest.fixture
def facilitator_client(client: Client, facilitator: User) -> Client:
    client.force_login(facilitator)
    return client


def _entry(process: Process, **extra: object) -> dict[str, object]:
    return {
        "process": process.pk,
        "name": "Zoé",
        "title": "Des composteurs partagés",
        "body": BODY,
        "consent": "on",
        "cle": str(uuid.uuid4()),
        **extra,
    }


def test_the_street_page_records_a_contribution_once_without_javascript(
    facilitator_client: Client, proposals_process: Process
) -> None:
    page = facilitator_client.get("/rue/")
    assert page.status_code == 200
    assert "Saisie dans la rue" in text(page)
    entry = _entry(proposals_process)
    response = facilitator_client.post("/rue/", entry)
    assert response.status_code == 302
    assert response["Location"] == f"/rue/?demarche={proposals_process.pk}"
    again = facilitator_client.post("/rue/", entry)  # the page sent again: same key
    assert again.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.origin == Origin.OUTREACH
    assert Contribution.objects.count() == 1
    detail = text(facilitator_client.get(proposal.get_absolute_url()))
    assert "Contribution recueillie dans la rue par" in detail


def test_the_street_page_answers_json_to_the_script(
    facilitator_client: Client, proposals_process: Process
) -> None:
    entry = _entry(proposals_process)
    first = facilitator_client.post("/rue/", entry, headers={"Accept": "application/json"})
    second = facilitator_client.post("/rue/", entry, headers={"Accept": "application/json"})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    refused = facilitator_client.post(
        "/rue/", _entry(proposals_process, consent=""), headers={"Accept": "application/json"}
    )
    assert refused.status_code == 422
    assert "consentement" in refused.json()["errors"]["consent"]
    assert Proposal.objects.count() == 1


def test_without_consent_the_page_says_why_and_keeps_what_was_typed(
    facilitator_client: Client, proposals_process: Process
) -> None:
    response = facilitator_client.post("/rue/", _entry(proposals_process, consent=""))
    assert response.status_code == 422
    body = text(response)
    assert "Sans le consentement de la personne" in body
    assert BODY in body
    assert not Proposal.objects.exists()


def test_recording_for_a_process_one_does_not_facilitate_is_refused_403(facilitator_client: Client) -> None:
    other = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    response = facilitator_client.post("/rue/", _entry(other))
    assert response.status_code == 403
    assert "Vous n'animez pas la démarche" in text(response)
    assert not Proposal.objects.exists()


def test_similar_proposals_are_shown_and_a_voice_joins_one(
    facilitator_client: Client, proposals_process: Process
) -> None:
    existing = ProposalFactory(
        process=proposals_process, title="Composteurs partagés au pied des immeubles", body=BODY
    )
    shown = facilitator_client.post("/rue/", {**_entry(proposals_process), "proches": "1"})
    assert shown.status_code == 200
    assert f'value="{existing.pk}"' in text(shown)
    assert not Contribution.objects.exists()
    asked = {"process": proposals_process.pk, "title": "", "body": "composteurs partagés immeubles"}
    fragment = facilitator_client.get("/rue/proches/", asked, headers={"HX-Request": "true"})
    assert existing.title in text(fragment)
    # opened as a page (no htmx), the fragment's address leads back to the street page
    assert facilitator_client.get("/rue/proches/", asked)["Location"] == "/rue/"
    joined = facilitator_client.post("/rue/", _entry(proposals_process, title="", body="", join=existing.pk))
    assert joined.status_code == 302
    existing.refresh_from_db()
    assert existing.support_count == 1
    assert Proposal.objects.count() == 1


def test_people_who_do_not_facilitate_have_no_street_page(client: Client) -> None:
    assert client.get("/rue/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/rue/").status_code == 404


def test_a_workshop_page_registration_and_calendar(client: Client, workshop: Workshop) -> None:
    assert client.get(f"/ateliers/{workshop.pk}/").status_code == 404  # not published yet
    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    page = client.get(f"/ateliers/{workshop.pk}/")
    assert page.status_code == 200
    assert "Gestion des biodéchets" in text(page)
    assert "Gestion des biodéchets" in text(client.get("/ateliers/"))
    ics = client.get(f"/ateliers/{workshop.pk}/atelier.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "BEGIN:VEVENT" in body and "SUMMARY:Gestion des biodéchets" in body and "\r\n" in body
    agenda = client.get(f"/demarches/{workshop.process.slug}/ateliers.ics").content.decode()
    assert agenda.count("BEGIN:VEVENT") == 1
    person = UserFactory()
    client.force_login(person)
    assert client.post(f"/ateliers/{workshop.pk}/inscription/").status_code == 302
    assert "Vous êtes inscrit" in text(client.get(f"/ateliers/{workshop.pk}/"))
    assert client.post(f"/ateliers/{workshop.pk}/desinscription/").status_code == 302
    assert not workshop.registrations.exists()


def test_the_printed_form_is_a_pdf_holding_a_qr_code(client: Client, proposals_process: Process) -> None:
    response = client.get(f"/demarches/{proposals_process.slug}/formulaire.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" in data  # the QR code
    assert b"/MediaBox [0 0 595.28 841.89]" in data  # A4
    closed = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
    assert client.get(f"/demarches/{closed.slug}/formulaire.pdf").status_code == 404
    assert client.get(f"/d/{proposals_process.pk}/")["Location"] == proposals_process.get_absolute_url()


def test_the_workshop_poster_is_a_pdf(client: Client, workshop: Workshop) -> None:
    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    data = client.get(f"/ateliers/{workshop.pk}/affiche.pdf").content
    assert data.startswith(b"%PDF-") and b"/Subtype /Image" in data


def test_a_facilitator_schedules_publishes_and_reports_a_workshop(
    facilitator_client: Client, proposals_process: Process
) -> None:
    day = (timezone.localdate() + dt.timedelta(days=5)).strftime("%d/%m/%Y")
    form = {
        "process": proposals_process.pk,
        "kind": "workshop",
        "title": "Permaculture au jardin partagé",
        "format": "fishbowl",
        "day": day,
        "starts": "18:00",
        "ends": "20:00",
        "place_name": "Jardin des Lilas",
        "capacity": "12",
        "registration_open": "on",
        "step_free": "on",
    }
    assert facilitator_client.get("/gestion/ateliers/").status_code == 200
    created = facilitator_client.post("/gestion/ateliers/nouveau/", form)
    assert created.status_code == 302
    workshop = Workshop.objects.get()
    assert (workshop.format, workshop.capacity, workshop.is_published) == ("fishbowl", 12, False)
    facilitator_client.post(f"/gestion/ateliers/{workshop.pk}/publier/", {"publier": "1"})
    report = facilitator_client.post(
        f"/gestion/ateliers/{workshop.pk}/compte-rendu/",
        {"attendance": "9", "named_attendees": "Camille\nKarim", "minutes": "Tour de table.", "outcomes": ""},
    )
    assert report.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.is_published, workshop.attendance, workshop.named_attendees) == (
        True,
        9,
        ["Camille", "Karim"],
    )
    other = ProcessFactory()
    refused = facilitator_client.post("/gestion/ateliers/nouveau/", {**form, "process": other.pk})
    assert refused.status_code == 403
    assert "Vous n'animez pas la démarche" in text(refused)


def test_paper_forms_are_imported_through_the_staged_page(
    facilitator_client: Client, proposals_process: Process, django_capture_on_commit_callbacks: Any
) -> None:
    DistrictFactory(name="Les Lilas")
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    rows = [
        "date;prénom;quartier;contact;consentement;titre;proposition",
        f"{today:%d/%m/%Y};Zoé;Les Lilas;zoe@exemple.fr;oui;Des composteurs;{BODY}",
        f"{today:%d/%m/%Y};Ali;;;non;Un banc;Un banc à l'ombre près de l'école, pour les parents.",
        f"{tomorrow:%d/%m/%Y};Lou;;;oui;Un jardin;Un jardin partagé derrière la médiathèque du quartier.",
        f"{today:%d/%m/%Y};Sam;Atlantide;;oui;;Des bancs et des fontaines le long du canal.",
    ]
    data = "\n".join(rows).encode("latin-1")
    url = f"/gestion/imports/formulaires-papier/{proposals_process.pk}/"
    staged = facilitator_client.post(url, {"file": SimpleUploadedFile("papier.csv", data)})
    assert staged.status_code == 302
    columns = facilitator_client.get(staged["Location"])
    assert columns.status_code == 200
    record = ImportRecord.objects.get()
    preview_url = f"/gestion/imports/fichier/{record.pk}/apercu/"
    preview = text(facilitator_client.get(preview_url))
    assert "1 ligne bonne, qui sera importée" in preview
    assert "consentement" in preview
    assert "date dans le futur" in preview
    assert "quartier inconnu : « Atlantide »" in preview
    with django_capture_on_commit_callbacks(execute=True) as placing:
        assert facilitator_client.post(preview_url).status_code == 302
    assert len(placing) == 1  # one background task places the file's proposals in their bouquets
    proposal = Proposal.objects.get()
    assert (proposal.origin, proposal.title) == (Origin.IMPORT, "Des composteurs")
    assert Contributor.objects.get().district is not None
    again = facilitator_client.post(url, {"file": SimpleUploadedFile("copie.csv", data)})
    assert again.status_code == 409
    assert "Ce fichier a déjà été importé" in text(again)
    other = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    assert facilitator_client.get(f"/gestion/imports/formulaires-papier/{other.pk}/").status_code == 403


def test_claiming_with_the_accounts_email(
    client: Client, facilitator: User, proposals_process: Process
) -> None:
    services.record_contribution(
        facilitator=facilitator,
        data=services.GatheredInput(
            process=proposals_process,
            person=services.ContributorInput(name="Zoé", consent=True, contact="zoe@exemple.fr"),
            title="Des composteurs partagés",
            body=BODY,
        ),
    )
    client.force_login(UserFactory(email="zoe@exemple.fr"))
    refused = client.post("/compte/contributions-recueillies/", {"contact": "autre@exemple.fr"})
    assert refused.status_code == 422
    assert client.post("/compte/contributions-recueillies/", {"contact": "zoe@exemple.fr"}).status_code == 302
    assert "Des composteurs partagés" in text(client.get("/compte/contributions-recueillies/"))


def test_the_api_lists_published_workshops_naming_only_who_agreed(
    client: Client, workshop: Workshop, facilitator: User
) -> None:
    assert client.get("/api/v1/workshops").json()["count"] == 0
    services.publish_workshop(facilitator=facilitator, workshop=workshop)
    services.record_report(
        facilitator=facilitator,
        workshop=workshop,
        attendance=5,
        named_attendees=["Camille"],
        minutes="RAS",
        outcomes="",
    )
    services.record_contribution(
        facilitator=facilitator,
        data=services.GatheredInput(
            process=workshop.process,
            person=services.ContributorInput(name="Zoé Secrète", consent=True, contact="zoe@exemple.fr"),
            title="Des composteurs partagés",
            body=BODY,
            workshop=workshop,
        ),
    )
    listed = client.get("/api/v1/workshops").json()["items"][0]
    assert (listed["attendance"], listed["contribution_count"], listed["format"]) == (5, 1, "round_table")
    detail = client.get(f"/api/v1/workshops/{workshop.pk}")
    assert detail.json()["named_attendees"] == ["Camille"]
    assert "Zoé" not in detail.content.decode() and "zoe@" not in detail.content.decode()
    proposal_id = detail.json()["proposal_ids"][0]
    assert client.get(f"/api/v1/proposals/{proposal_id}").json()["origin"] == "workshop"
    assert client.get("/api/v1/workshops/999999").status_code == 404
    facilitator.role = Role.INHABITANT

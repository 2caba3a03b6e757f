"""A person who took part everywhere (workshops, gathered contributions, conversations and their fishbowl, the lab,
places, re-consultations, notifications) downloads it all, then deletes their account: every table, every log line
and every uploaded file is scanned for their e-mail and name, and the counts stay true."""

import datetime as dt
import io
import json
import logging
import zipfile
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from PIL import Image

from bouquet.accounts.models import Role, User
from bouquet.conversations import services as conversations
from bouquet.conversations.models import Access, Participant, Room, Vote
from bouquet.incubator import services as incubator
from bouquet.incubator.models import Energy, Membership
from bouquet.incubator.selectors import place_token
from bouquet.outreach import services as outreach
from bouquet.outreach.models import Contributor, Registration
from bouquet.places import services as places
from bouquet.privacy.services import erase_account, export_personal_data
from bouquet.processes.models import PhaseKind
from bouquet.projects import services as projects
from bouquet.projects.models import Answer, ReconsultationAnswer, ReconsultationRequest
from bouquet.proposals.models import Proposal, Support
from bouquet.proposals.services import ProposalInput, add_support, submit_proposal
from tests.factories import ProcessFactory, ProposalFactory, RoleGrantFactory, UserFactory
from tests.outreach.factories import make_workshop
from tests.places.factories import make_place

pytestmark = pytest.mark.django_db

EMAIL = "jeanne.testeliere@exemple.fr"
NAME = "Jeanne Testelière"
TRACES = (EMAIL, NAME, "Testelière", "testeliere", "Jeannette T.")


@pytest.fixture(autouse=True)
def own_folders(settings: Any, tmp_path: Path) -> None:
    """Uploaded files land in folders of this test alone, so that the scan reads only them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BOUQUET_PRIVATE_ROOT = tmp_path / "private"
    settings.BOUQUET_MAP_SECONDS = 0


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(f"photo de {NAME}.png", buffer.getvalue(), content_type="image/png")


def _take_part_everywhere(jeanne: User) -> dict[str, Any]:
    agent = UserFactory(agent=True, display_name="Agent Martin")
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    facilitator = UserFactory(display_name="Animatrice Léa")
    RoleGrantFactory(person=facilitator, role=Role.FACILITATOR, process=process)
    seen: dict[str, Any] = {}

    # Outreach: a seat at a workshop to come (another waits for it), one at a past workshop where she was named;
    # what she said in the street, with her address, claimed later with her account.
    coming = make_workshop(
        facilitator, process, "Biodéchets", published=True, registration_open=True, capacity=1
    )
    outreach.register_for_workshop(person=jeanne, workshop=coming)
    waiting = UserFactory()
    outreach.register_for_workshop(person=waiting, workshop=coming)
    past = make_workshop(
        facilitator,
        process,
        "Arbres de la place",
        place_name="Salle des fêtes",
        published=True,
        registration_open=True,
    )
    outreach.register_for_workshop(person=jeanne, workshop=past)
    outreach.record_report(
        facilitator=facilitator,
        workshop=past,
        attendance=12,
        named_attendees=[NAME, "Marc"],
        minutes="Douze personnes.",
        outcomes="Trois arbres.",
    )
    past.starts_at = timezone.now() - dt.timedelta(days=3)
    past.ends_at = past.starts_at + dt.timedelta(hours=2)
    past.save()
    other = ProposalFactory(process=process)
    outreach.record_contribution(
        facilitator=facilitator,
        data=outreach.GatheredInput(
            process=process,
            person=outreach.ContributorInput(name="Jeanne", consent=True, contact=EMAIL.upper()),
            title="Des bancs à l'ombre",
            body="Près de l'école, pour les parents qui attendent.",
            workshop=past,
        ),
    )
    outreach.record_contribution(
        facilitator=facilitator,
        data=outreach.GatheredInput(
            process=process,
            person=outreach.ContributorInput(name="Jeanne", consent=True, contact=EMAIL),
            join=other,
        ),
    )
    assert outreach.claim_contributions(user=jeanne, contact=EMAIL) == 2
    seen["supported"] = other

    # Conversations: she votes, adds a statement, takes a chair in the fishbowl under her name; the room closes.
    conversation = conversations.open_conversation(
        by=agent,
        process=process,
        question="Comment partager la place ?",
        seeds=["Plus de bancs.", "Moins de voitures."],
        access=Access.SIGNED_IN,
    )
    room = conversations.open_room(by=agent, conversation=conversation, title="Atelier de la place")
    participant = conversations.participant_for_user(conversation=conversation, user=jeanne, room=room)
    for statement in conversation.statements.all():
        conversations.cast_vote(participant=participant, statement=statement, value=1)
    conversations.add_statement(participant=participant, text="Un point d'eau pour les chiens.")
    chair = conversations.ask_to_enter(room=room, name=NAME, participant=participant)
    conversations.seat(by=agent, seat=chair)
    conversations.close_room(by=agent, room=room)
    seen["conversation"] = conversation

    # The lab: she starts an initiative and writes in its space (a document named after her, a task), offers her
    # energy, joins another group, claims a beneficiary's place recorded for her, is invited to a third.
    mine = incubator.start_initiative(
        starter=jeanne,
        data=incubator.InitiativeInput(
            title="Repair café", need="Réparer au lieu de jeter.", for_whom="Tout le quartier."
        ),
    ).initiative
    incubator.add_entry(
        author=jeanne, initiative=mine, kind="decision", title="Nos règles", body="On se retrouve le jeudi."
    )
    incubator.add_task(author=jeanne, initiative=mine, title="Trouver une salle", owner=jeanne, due_on=None)
    incubator.upload_document(
        author=jeanne,
        initiative=mine,
        name=f"Liste de {NAME}",
        upload=SimpleUploadedFile("liste.txt", b"Tournevis, fer a souder.", content_type="text/plain"),
    )
    incubator.save_energy(
        person=jeanne, data=incubator.EnergyInput(free_text="Je sais coudre.", hours_per_month=4)
    )
    lead = UserFactory(display_name="Paul Porteur", role=Role.FACILITATOR)
    theirs = incubator.start_initiative(
        starter=lead,
        data=incubator.InitiativeInput(title="Jardin", need="Cultiver ensemble.", for_whom="Les voisins."),
        beneficiaries=[incubator.BeneficiaryInput(name="Jeannette T.", consent=True)],
    )
    incubator.claim_place(token=place_token(theirs.places[0]), person=jeanne)
    third = incubator.start_initiative(
        starter=lead,
        data=incubator.InitiativeInput(title="Fresque", need="Peindre.", for_whom="Les enfants."),
    ).initiative
    incubator.join_initiative(person=jeanne, initiative=third)
    fourth = incubator.start_initiative(
        starter=lead, data=incubator.InitiativeInput(title="Troc", need="Échanger.", for_whom="Tous.")
    ).initiative
    incubator.invite_person(inviter=lead, initiative=fourth, person=jeanne, message=f"Bonjour {NAME} !")
    seen["beneficiary_initiative"] = theirs.initiative

    # Places: a memory with its photo.
    place = make_place()
    places.add_memory(
        author=jeanne,
        place=place,
        title="Le kiosque",
        story="On y dansait le dimanche.",
        when="vers 1980",
        photo=_png(),
        photo_alt="Le kiosque en été",
    )

    # Projects: her proposal became a project; she is asked again, answers, and asks for news.
    proposal = submit_proposal(
        author=jeanne,
        process=process,
        data=ProposalInput(title="Un composteur", body="Dans la cour de l'école, pour tous."),
    )
    add_support(
        citizen=jeanne, proposal=ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    )
    project = projects.create_project(
        agent=agent, process=process, data=projects.ProjectInput(title="Composteur"), proposal=proposal
    )
    asked = projects.open_reconsultation(
        agent=agent,
        project=project,
        question="Toujours utile ?",
        closes_on=timezone.localdate() + dt.timedelta(30),
    )
    projects.answer_reconsultation(
        person=jeanne, reconsultation=asked, answer=Answer.STILL_RIGHT, comment="Oui, vite."
    )
    ReconsultationRequest.objects.create(project=project, person=jeanne, message="Des nouvelles ?")
    seen["waiting"] = waiting
    seen["coming"] = coming
    return seen


def _every_stored_text() -> str:
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names come from the database
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def _every_file(*roots: Path) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for root in roots
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    }


def _found(traces: tuple[str, ...], text: str) -> list[str]:
    return [trace for trace in traces if trace.casefold() in text.casefold()]


def test_a_person_who_took_part_everywhere_is_exported_then_leaves_no_trace(
    settings: Any, caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    jeanne = UserFactory(email=EMAIL, display_name=NAME)
    EmailAddress.objects.create(user=jeanne, email=EMAIL, verified=True, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        seen = _take_part_everywhere(jeanne)
    assert _found(TRACES, _every_stored_text())  # the scan does find her before

    # The export holds every table of the reviewed list that she filled.
    archive = zipfile.ZipFile(io.BytesIO(export_personal_data(person=jeanne)))
    data = json.loads(archive.read("donnees.json"))
    for table in (
        "inscriptions_aux_ateliers",
        "contributions_recueillies_rattachees",
        "conversations_rejointes",
        "affirmations_proposees",
        "votes_sur_les_affirmations",
        "places_dans_l_aquarium",
        "initiatives_lancees",
        "groupes_d_initiatives",
        "invitations_a_des_initiatives",
        "energie_proposee",
        "notes_de_l_espace_prive",
        "taches",
        "documents_deposes",
        "souvenirs",
        "reconsultations_recues",
        "reponses_aux_reconsultations",
        "demandes_de_reconsultation",
        "suivis",
        "notifications",
    ):
        assert data[table], table
        assert f"{table}.csv" in archive.namelist()
    assert data["souvenirs"][0]["photo"].startswith(settings.MEDIA_URL)

    supported: Proposal = seen["supported"]
    conversation = seen["conversation"]
    supported.refresh_from_db()
    supports_before = supported.support_count
    assert (
        supports_before == 1
    )  # her voice gathered in the street, carried to her account when she claimed it
    votes_before = Vote.objects.filter(conversation=conversation).count()
    beneficiaries_before = Membership.objects.filter(
        initiative=seen["beneficiary_initiative"], beneficiary=True
    ).count()

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(person=jeanne, confirmation=EMAIL)

    stored = _every_stored_text()
    assert not _found(TRACES, stored), [line for line in stored.splitlines() if _found(TRACES, line)][:5]
    files = _every_file(Path(settings.MEDIA_ROOT), Path(settings.BOUQUET_PRIVATE_ROOT))
    assert files  # the photo and the document are still there, for the place and the group
    for path, content in files.items():
        assert not _found(TRACES, path), path
        for trace in TRACES:
            assert trace.encode() not in content and trace.encode("utf-16-le") not in content, path
    # What the platform logged along the whole journey (the test tools' own chatter aside) never named her.
    logged = "\n".join(
        record.getMessage() for record in caplog.records if not record.name.startswith(("factory", "PIL"))
    )
    assert not _found(TRACES, logged), [line for line in logged.splitlines() if _found(TRACES, line)][:5]

    # The counts stay true: her gathered voice and her contributions, her votes, the beneficiaries.
    supported.refresh_from_db()
    assert supported.support_count == supports_before >= Support.objects.filter(proposal=supported).count()
    assert Vote.objects.filter(conversation=conversation).count() == votes_before
    assert Participant.objects.filter(conversation=conversation, user=jeanne).count() == 1
    assert (
        Membership.objects.filter(initiative=seen["beneficiary_initiative"], beneficiary=True).count()
        == beneficiaries_before
    )
    assert Contributor.objects.get().name == "Contribution anonyme"
    assert ReconsultationAnswer.objects.filter(person=jeanne).count() == 1
    # What she offered and what waited for her goes; her seat to come goes to the person waiting.
    assert not Energy.objects.filter(person=jeanne).exists()
    assert Registration.objects.get(workshop=seen["coming"]).person == seen["waiting"]
    assert Registration.objects.get(workshop=seen["coming"]).state == Registration.State.CONFIRMED
    closed = Room.objects.get(conversation=conversation)
    assert closed.record["speakers"] == ["Compte supprimé"]

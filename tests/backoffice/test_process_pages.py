"""The agents' process pages: prepare a process, give it phases, publish it, close and reopen it."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from bouquet.accounts.models import Role
from bouquet.processes.models import Component, Phase, PhaseKind, Process, ProcessStatus
from tests.backoffice.conftest import text
from tests.factories import DistrictFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db


def _process_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Réinventer la place du marché",
        "summary": "Que voulez-vous pour la place du marché ?",
        "description": "La place sera refaite en 2028. Dites-nous ce que vous y voulez.",
        "components": ["proposals", "budget"],
        "image_alt": "",
    }
    data.update(changes)
    return data


def _photo_with_exif() -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[0x010F] = "Appareil de la mairie"  # Make
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#2a7").save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("place.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_an_agent_prepares_a_process_with_an_image_stripped_of_its_metadata(agent_client: Client) -> None:
    district = DistrictFactory(name="Centre")
    response = agent_client.post(
        reverse("backoffice:process-create"),
        _process_data(district=district.pk, image=_photo_with_exif(), image_alt="La place un jour de marché"),
    )
    process = Process.objects.get(title="Réinventer la place du marché")
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:process", kwargs={"pk": process.pk})
    assert process.status == ProcessStatus.DRAFT
    assert process.district == district
    assert process.components == [Component.PROPOSALS, Component.BUDGET]
    with Image.open(process.image.path) as saved:
        assert saved.format == "JPEG"
        assert not saved.getexif()
    page = agent_client.get(response["Location"]).content.decode()
    assert "En préparation" in page
    assert "Ajoutez au moins une phase" not in page  # said only when publishing without phases
    assert "Aucune phase : ajoutez-en avant de publier." in page


def test_a_file_that_is_not_a_picture_is_refused_beside_the_image_field(agent_client: Client) -> None:
    fake = SimpleUploadedFile("place.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = agent_client.post(
        reverse("backoffice:process-create"), _process_data(image=fake, image_alt="Une image")
    )
    assert response.status_code == 422
    assert "n'est pas une image lisible" in text(response)
    assert not Process.objects.exists()


def test_an_image_needs_its_description(agent_client: Client) -> None:
    response = agent_client.post(
        reverse("backoffice:process-create"), _process_data(image=_photo_with_exif())
    )
    assert response.status_code == 422
    assert "Décrivez l'image" in text(response)
    assert not Process.objects.exists()


def test_phases_are_added_shown_in_words_and_the_process_published(agent_client: Client) -> None:
    process = ProcessFactory(is_published=False)
    process.phases.all().delete()
    today = timezone.localdate()
    add = reverse("backoffice:phase-create", kwargs={"pk": process.pk})
    first = agent_client.post(
        add,
        {"kind": "proposals", "starts_on": today, "ends_on": today + dt.timedelta(days=20), "title": ""},
    )
    assert first.status_code == 302
    second = agent_client.post(
        add,
        {
            "kind": "vote",
            "starts_on": today + dt.timedelta(days=30),
            "ends_on": today + dt.timedelta(days=40),
            "title": "Vote du budget",
        },
    )
    assert second.status_code == 302
    page = agent_client.get(reverse("backoffice:process", kwargs={"pk": process.pk})).content.decode()
    assert "déposer des propositions" in page
    assert "voter pour le budget participatif" in page
    assert "aucune phase pendant 9 jours." in page  # the gap is a warning, not a refusal
    published = agent_client.post(reverse("backoffice:process-publish", kwargs={"pk": process.pk}))
    assert published.status_code == 302
    process.refresh_from_db()
    assert process.status == ProcessStatus.OPEN
    assert agent_client.get(process.get_absolute_url()).status_code == 200


def test_an_overlapping_phase_is_refused_with_its_neighbour_named(agent_client: Client) -> None:
    process = ProcessFactory()  # its proposals phase runs from 30 days ago to 30 days ahead
    today = timezone.localdate()
    response = agent_client.post(
        reverse("backoffice:phase-create", kwargs={"pk": process.pk}),
        {
            "kind": "supports",
            "starts_on": today + dt.timedelta(days=10),
            "ends_on": today + dt.timedelta(days=50),
        },
    )
    assert response.status_code == 409
    assert "Cette phase chevauche « Dépôt des propositions »" in text(response)
    assert process.phases.count() == 2


def test_a_vote_phase_in_the_past_is_refused(agent_client: Client) -> None:
    process = ProcessFactory()
    process.phases.all().delete()
    today = timezone.localdate()
    response = agent_client.post(
        reverse("backoffice:phase-create", kwargs={"pk": process.pk}),
        {"kind": "vote", "starts_on": today - dt.timedelta(days=3), "ends_on": today + dt.timedelta(days=3)},
    )
    assert response.status_code == 422
    assert "Un vote ne peut pas commencer dans le passé" in text(response)
    assert not process.phases.exists()


def test_a_phase_ending_before_it_starts_is_refused(agent_client: Client) -> None:
    process = ProcessFactory()
    process.phases.all().delete()
    today = timezone.localdate()
    response = agent_client.post(
        reverse("backoffice:phase-create", kwargs={"pk": process.pk}),
        {"kind": "information", "starts_on": today + dt.timedelta(days=3), "ends_on": today},
    )
    assert response.status_code == 422
    assert "La date de fin est avant la date de début." in text(response)
    assert not process.phases.exists()


def test_a_phase_is_edited_then_deleted_after_confirmation(agent_client: Client) -> None:
    process = ProcessFactory()
    phase = process.phases.get(kind=PhaseKind.PROPOSALS)
    today = timezone.localdate()
    edited = agent_client.post(
        reverse("backoffice:phase-edit", kwargs={"pk": phase.pk}),
        {
            "kind": "proposals",
            "title": "Vos idées",
            "starts_on": phase.starts_on,
            "ends_on": today + dt.timedelta(5),
        },
    )
    assert edited.status_code == 302
    phase.refresh_from_db()
    assert (phase.title, phase.ends_on) == ("Vos idées", today + dt.timedelta(days=5))
    confirm = agent_client.get(reverse("backoffice:phase-delete", kwargs={"pk": phase.pk}))
    assert "Supprimer la phase « Vos idées » ?" in text(confirm)
    assert agent_client.post(reverse("backoffice:phase-delete", kwargs={"pk": phase.pk})).status_code == 302
    assert not Phase.objects.filter(pk=phase.pk).exists()


def test_closing_then_reopening_a_process(agent_client: Client) -> None:
    process = ProcessFactory()
    assert (
        agent_client.post(reverse("backoffice:process-close", kwargs={"pk": process.pk})).status_code == 302
    )
    process.refresh_from_db()
    assert process.status == ProcessStatus.CLOSED
    twice = agent_client.post(reverse("backoffice:process-close", kwargs={"pk": process.pk}))
    assert twice.status_code == 409
    assert (
        agent_client.post(reverse("backoffice:process-reopen", kwargs={"pk": process.pk})).status_code == 302
    )
    process.refresh_from_db()
    assert process.status == ProcessStatus.OPEN


def test_publishing_without_a_phase_is_refused(agent_client: Client) -> None:
    process = ProcessFactory(is_published=False)
    process.phases.all().delete()
    response = agent_client.post(reverse("backoffice:process-publish", kwargs={"pk": process.pk}))
    assert response.status_code == 409
    assert "Ajoutez au moins une phase avant de publier la démarche." in text(response)
    process.refresh_from_db()
    assert not process.is_published


def test_an_agent_edits_a_process_and_switches_a_component_off(agent_client: Client) -> None:
    process = ProcessFactory()
    response = agent_client.post(
        reverse("backoffice:process-edit", kwargs={"pk": process.pk}),
        _process_data(title="Un nouveau titre", components=["proposals"]),
    )
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.title == "Un nouveau titre"
    assert process.components == ["proposals"]


@pytest.mark.parametrize("role", [Role.INHABITANT, Role.MODERATOR, Role.FACILITATOR])
def test_others_cannot_reach_a_process_page(client: Client, role: Role) -> None:
    process = ProcessFactory(is_published=False)
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("backoffice:process", kwargs={"pk": process.pk})).status_code == 404
    assert client.post(reverse("backoffice:process-publish", kwargs={"pk": process.pk})).status_code == 404
    process.refresh_from_db()
    assert not process.is_published

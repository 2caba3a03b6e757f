"""The lab's pages, as people use them with plain HTML forms (no JavaScript): list, start with the similar ones
first, join, members, claim, the private space and its documents (404 to outsiders), stages, energies, chain."""

import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from bouquet.accounts.models import User
from bouquet.incubator import rules, services
from bouquet.incubator.models import Document, Exchange, Initiative, MemberRole, Need, Stage
from bouquet.incubator.selectors import membership_from_token
from tests.factories import PASSWORD, DistrictFactory, UserFactory
from tests.incubator.factories import facilitator, lead_of, mentor, skills, start

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_the_public_list_filters_by_stage_and_district() -> None:
    north = DistrictFactory(name="Nord")
    start(title="Jardin du Nord", district=north)
    start(title="Repair café")
    page = Client().get(reverse("incubator:list"), {"district": north.pk})
    assert page.status_code == 200
    assert "Jardin du Nord" in page.text and "Repair café" not in page.text
    page = Client().get(reverse("incubator:list"), {"stage": Stage.GROUP})
    assert "Jardin du Nord" not in page.text


def test_starting_shows_similar_initiatives_first_with_join_then_start_anyway() -> None:
    start(title="Jardin partagé des Lilas", need="Cultiver des légumes ensemble entre voisins du quartier.")
    person = UserFactory()
    client = signed_in(person)
    data = {
        "title": "Un jardin partagé",
        "need": "Cultiver des légumes ensemble entre voisins",
        "for_whom": "Les voisins du quartier",
    }
    page = client.post(reverse("incubator:start"), data)
    assert page.status_code == 200
    assert "Rejoindre cette initiative" in page.text
    assert Initiative.objects.count() == 1  # nothing made yet
    page = client.post(reverse("incubator:start"), {**data, "anyway": "1"})
    assert page.status_code == 302
    made = Initiative.objects.get(title="Un jardin partagé")
    assert rules.is_lead(person, made)


def test_a_bad_start_form_answers_422_with_the_messages() -> None:
    page = signed_in(UserFactory()).post(
        reverse("incubator:start"), {"title": "", "need": "", "for_whom": ""}
    )
    assert page.status_code == 422
    assert "Le formulaire contient des erreurs" in page.text


def test_a_social_worker_starts_with_two_beneficiaries_and_one_claims_their_place() -> None:
    worker = facilitator()
    client = signed_in(worker)
    page = client.post(
        reverse("incubator:start"),
        {
            "title": "Cuisine partagée au centre social",
            "need": "Préparer des repas à petit prix, apprendre à cuisiner ensemble",
            "for_whom": "Les familles accompagnées par le centre social",
            "beneficiary_1": "Samira",
            "consent_1": "on",
            "beneficiary_2": "Jean-Luc",
            "consent_2": "on",
            "anyway": "1",
        },
    )
    initiative = Initiative.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse("incubator:members", args=[initiative.pk])
    members = client.get(page["Location"])
    assert "Samira" in members.text and "Jean-Luc" in members.text
    place = initiative.memberships.get(beneficiary_name="Samira")
    links = re.findall(r'href="http://testserver(/place/[^"]+/)"', members.text)
    assert len(links) == 2
    link = next(found for found in links if membership_from_token(found.split("/")[2]).pk == place.pk)
    # the public page counts the places, without naming the people
    public = Client().get(initiative.get_absolute_url())
    assert "Samira" not in public.text and "2 places de bénéficiaires" in public.text
    # Samira opens her link, without an account first
    assert "Créer mon compte" in Client().get(link).text
    samira = UserFactory(display_name="Samira B.")
    answer = signed_in(samira).post(link)
    assert answer.status_code == 302
    place.refresh_from_db()
    assert place.person == samira
    assert signed_in(samira).post(link).status_code == 409


def test_without_consent_the_form_says_so_and_nothing_is_saved() -> None:
    page = signed_in(facilitator()).post(
        reverse("incubator:start"),
        {
            "title": "Atelier",
            "need": "Se former",
            "for_whom": "Les jeunes",
            "beneficiary_1": "Léa",
            "anyway": "1",
        },
    )
    assert page.status_code == 422 and "consentement" in page.text
    assert not Initiative.objects.exists()


def test_join_and_leave_by_forms() -> None:
    initiative = start()
    person = UserFactory()
    client = signed_in(person)
    assert client.post(reverse("incubator:join", args=[initiative.pk])).status_code == 302
    assert rules.is_member(person, initiative)
    assert client.post(reverse("incubator:join", args=[initiative.pk])).status_code == 409
    assert client.post(reverse("incubator:leave", args=[initiative.pk])).status_code == 302
    rules.forget_roles(person)
    assert not rules.is_member(person, initiative)


def test_the_last_co_lead_reads_what_will_happen_before_leaving() -> None:
    initiative = start(members=1)
    client = signed_in(lead_of(initiative))
    page = client.get(reverse("incubator:leave", args=[initiative.pk]))
    assert "dernier co-porteur" in page.text
    assert client.post(reverse("incubator:leave", args=[initiative.pk])).status_code == 409
    assert (
        client.post(reverse("incubator:leave", args=[initiative.pk]), {"confirmed": "1"}).status_code == 302
    )
    initiative.refresh_from_db()
    assert initiative.held_by_lab


def test_inviting_by_address_and_refusing() -> None:
    initiative = start()
    guest = UserFactory()
    client = signed_in(lead_of(initiative))
    url = reverse("incubator:members", args=[initiative.pk])
    assert client.post(url, {"email": "personne@nulle-part.fr", "role": "member"}).status_code == 422
    assert client.post(url, {"email": guest.email, "role": "lead"}).status_code == 302
    again = client.post(url, {"email": guest.email, "role": "lead"})
    assert again.status_code == 409 and "attend déjà" in again.text
    guest_client = signed_in(guest)
    mine = guest_client.get(reverse("incubator:invitations"))
    assert initiative.title in mine.text
    invitation = initiative.invitations.get()
    assert guest_client.post(reverse("incubator:invitation-refuse", args=[invitation.pk])).status_code == 302
    assert not rules.is_member(guest, initiative)
    # somebody else's invitation does not exist for them
    assert (
        signed_in(UserFactory())
        .post(reverse("incubator:invitation-accept", args=[invitation.pk]))
        .status_code
        == 404
    )


def _png(with_exif: bool = True) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (20, 20), "green")
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"
    image.save(buffer, format="JPEG", exif=exif.tobytes() if with_exif else b"")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("outsider", 404), ("agent", 404), ("member", 200), ("lead", 200), ("mentor", 200)],
)
def test_the_private_space_and_its_documents_by_role(who: str, status: int, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.BOUQUET_PRIVATE_ROOT = tmp_path
    initiative = start(members=1)
    lead = lead_of(initiative)
    guide = mentor()
    services.assign_mentor(lab=UserFactory(agent=True), initiative=initiative, mentor=guide)
    document = services.upload_document(
        author=lead,
        initiative=initiative,
        name="Compte rendu",
        upload=SimpleUploadedFile("cr.pdf", b"%PDF-1.7 test"),
    )
    member = initiative.memberships.get(role=MemberRole.MEMBER).person
    clients = {
        "anonymous": Client(),
        "outsider": signed_in(UserFactory()),
        "agent": signed_in(UserFactory(agent=True)),
        "member": signed_in(member),
        "lead": signed_in(lead),
        "mentor": signed_in(guide),
    }
    client = clients[who]
    for url in (
        reverse("incubator:space", args=[initiative.pk]),
        reverse("incubator:journal", args=[initiative.pk]),
        reverse("incubator:document", args=[initiative.pk, document.pk]),
        reverse("incubator:mentoring", args=[initiative.pk]),
    ):
        answer = client.get(url)
        assert answer.status_code == status, url
    if status == 200:
        download = client.get(reverse("incubator:document", args=[initiative.pk, document.pk]))
        assert download.content == b"%PDF-1.7 test"
        assert download["Content-Disposition"].startswith("attachment")
        assert download["X-Content-Type-Options"] == "nosniff"


def test_uploads_are_what_they_say_and_pictures_lose_their_metadata(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.BOUQUET_PRIVATE_ROOT = tmp_path
    initiative = start()
    client = signed_in(lead_of(initiative))
    url = reverse("incubator:space", args=[initiative.pk])
    fake = client.post(
        url, {"form": "document", "doc-file": SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf")}
    )
    assert fake.status_code == 422 and "pas ce que son nom annonce" in fake.text
    exe = client.post(url, {"form": "document", "doc-file": SimpleUploadedFile("outil.exe", b"MZ")})
    assert exe.status_code == 422 and "pas accepté" in exe.text
    assert not Document.objects.exists()
    photo = client.post(
        url, {"form": "document", "doc-name": "Photo", "doc-file": SimpleUploadedFile("p.jpg", _png())}
    )
    assert photo.status_code == 302
    stored = Document.objects.get()
    with stored.file.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif()
    assert stored.content_type == "image/jpeg"


def test_notes_tasks_and_decisions_in_the_space() -> None:
    initiative = start(members=1)
    lead = lead_of(initiative)
    client = signed_in(lead)
    url = reverse("incubator:space", args=[initiative.pk])
    assert (
        client.post(
            url,
            {
                "form": "entry",
                "entry-kind": "decision",
                "entry-title": "Nos règles",
                "entry-body": "On décide ensemble.",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            url,
            {
                "form": "task",
                "task-title": "Réserver la salle",
                "task-owner": str(lead.pk),
                "task-due_on": "12/01/2027",
            },
        ).status_code
        == 302
    )
    task = initiative.tasks.get()
    assert task.owner == lead and task.due_on.isoformat() == "2027-01-12"
    assert client.post(reverse("incubator:task-done", args=[initiative.pk, task.pk])).status_code == 302
    page = client.get(url)
    assert "Nos règles" in page.text and "Réserver la salle" in page.text
    assert (
        client.post(url, {"form": "task", "task-title": "", "task-due_on": "31/02/2027"}).status_code == 422
    )


def test_a_stage_move_without_criteria_answers_409_and_a_french_message() -> None:
    initiative = start()
    client = signed_in(lead_of(initiative))
    page = client.post(reverse("incubator:stage", args=[initiative.pk]), {"to_stage": Stage.GROUP})
    assert page.status_code == 409 and "Au moins trois membres actifs" in page.text
    assert Client().get(reverse("incubator:stage", args=[initiative.pk])).status_code == 200


def test_co_leads_see_matching_energies_with_the_reason_and_invite() -> None:
    north = DistrictFactory(name="Nord")
    initiative = start(district=north)
    lead = lead_of(initiative)
    services.publish_need(
        person=lead,
        initiative=initiative,
        data=services.ResourceInput(
            kind="skill", title="Quelqu'un pour le potager", skills=skills("jardinage"), hours_per_month=4
        ),
    )
    gardener = UserFactory(display_name="Odile")
    services.save_energy(
        person=gardener,
        data=services.EnergyInput(skills=skills("jardinage"), hours_per_month=4, districts=[north]),
    )
    cook = UserFactory(display_name="Marc")
    services.save_energy(person=cook, data=services.EnergyInput(skills=skills("cuisine"), hours_per_month=1))
    client = signed_in(lead)
    page = client.get(reverse("incubator:energies", args=[initiative.pk]))
    assert page.status_code == 200
    assert "jardinage · Nord · 4\u202fh/mois" in page.text or "jardinage · Nord · 4 h/mois" in page.text
    assert page.text.index("Odile") < (page.text.index("Marc") if "Marc" in page.text else len(page.text))
    energy = gardener.energy
    assert (
        client.post(reverse("incubator:energies", args=[initiative.pk]), {"energy": energy.pk}).status_code
        == 302
    )
    assert initiative.invitations.filter(person=gardener).exists()
    # a plain member does not see energies
    member = UserFactory()
    services.join_initiative(person=member, initiative=initiative)
    assert signed_in(member).get(reverse("incubator:energies", args=[initiative.pk])).status_code == 404
    # the gardener sees the initiative that needs them
    mine = signed_in(gardener).get(reverse("incubator:my-energy"))
    assert initiative.title in mine.text


def test_energy_pause_and_withdraw_erases() -> None:
    person = UserFactory()
    client = signed_in(person)
    assert (
        client.post(
            reverse("incubator:my-energy"), {"hours_per_month": "3", "free_text": "Bricolage"}
        ).status_code
        == 302
    )
    assert client.post(reverse("incubator:my-energy"), {"action": "pause"}).status_code == 302
    person.energy.refresh_from_db()
    assert person.energy.paused
    assert client.post(reverse("incubator:my-energy"), {"action": "withdraw"}).status_code == 302
    assert (
        not type(person)
        .objects.get(pk=person.pk)
        .__class__.objects.filter(energy__isnull=False, pk=person.pk)
        .exists()
    )
    assert client.post(reverse("incubator:my-energy"), {}).status_code == 422


def test_a_need_an_offer_and_the_exchange_appear_on_the_chain_page() -> None:
    garden = start(title="Jardin partagé")
    repair = start(title="Repair café")
    services.publish_need(
        person=lead_of(garden),
        initiative=garden,
        data=services.ResourceInput(kind="tool", title="Des outils de jardin"),
    )
    offer = services.publish_offer(
        person=lead_of(repair),
        initiative=repair,
        data=services.ResourceInput(kind="tool", title="Prêt d'outils de jardin"),
    )
    chain = html.unescape(
        re.sub(r"<[^>]+>", "", Client().get(reverse("incubator:chain")).text)
    )  # the words, tags aside
    assert "Des outils de jardin" in chain and "« Prêt d'outils de jardin » de" in chain
    need = Need.objects.get()
    client = signed_in(lead_of(repair))
    url = reverse("incubator:exchange-create", args=[garden.pk]) + f"?besoin={need.pk}&offre={offer.pk}"
    form = client.get(url)
    assert form.status_code == 200
    done = client.post(
        url, {"helper": repair.pk, "need": need.pk, "what": "Prêt d'une grelinette", "need_met": "on"}
    )
    assert done.status_code == 302
    assert Exchange.objects.get().helper == repair
    page = Client().get(reverse("incubator:chain")).text
    chain = html.unescape(re.sub(r"<[^>]+>", "", page))  # the words, tags aside
    assert "Prêt d'une grelinette" in chain
    assert "<svg" in page and "<table" in page
    # someone in no initiative cannot record one
    assert signed_in(UserFactory()).get(url).status_code == 404

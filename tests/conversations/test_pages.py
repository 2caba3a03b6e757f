"""The pages without JavaScript (plain forms, POST then redirect), the back-office and the API."""

import html
import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.conversations import exports, services
from bouquet.conversations.models import Access, Conversation, MapSnapshot, Room, StatementState, Vote
from tests.conversations.conftest import camps, make_conversation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _logged(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_participant_votes_seven_times_with_plain_forms_and_sees_the_map(conversation, citizen):
    camps(conversation, people=20)
    client = _logged(citizen)
    url = conversation.get_absolute_url()
    for _ in range(7):
        page = client.get(url)
        assert page.status_code == 200
        statement = page.context["statement"]
        answer = client.post(
            reverse("conversations:vote", args=[conversation.pk, statement.pk]), {"value": "agree"}
        )
        assert answer.status_code == 302 and answer["Location"] == url
    page = client.get(url)
    assert page.context["answered"] == 7
    text = html.unescape(page.content.decode())
    assert "Où vous vous situez" in text and "Vous" in text
    assert Vote.objects.filter(participant__user=citizen).count() == 7
    assert (
        str(page.context["participant"].pk)
        in MapSnapshot.objects.get(conversation=conversation).data["positions"]
    )


def test_an_unknown_answer_is_refused(conversation, citizen):
    statement = conversation.statements.first()
    answer = _logged(citizen).post(
        reverse("conversations:vote", args=[conversation.pk, statement.pk]), {"value": "oui"}
    )
    assert answer.status_code == 422
    assert "d'accord" in html.unescape(answer.content.decode())


def test_a_vote_on_a_statement_set_aside_answers_409(conversation, citizen, facilitator):
    statement = conversation.statements.first()
    services.moderate_statement(by=facilitator, statement=statement, accept=False)
    answer = _logged(citizen).post(
        reverse("conversations:vote", args=[conversation.pk, statement.pk]), {"value": "agree"}
    )
    assert answer.status_code == 409
    assert "écartée par la modération" in html.unescape(answer.content.decode())


def test_adding_a_statement_shows_similar_ones_first(conversation, citizen):
    client = _logged(citizen)
    url = reverse("conversations:add", args=[conversation.pk])
    first = client.post(url, {"text": "Il faut plus de pistes cyclables séparées"})
    assert first.status_code == 200
    assert "Des affirmations proches existent déjà" in html.unescape(first.content.decode())
    assert conversation.statements.count() == 10
    confirmed = client.post(url, {"text": "Il faut plus de pistes cyclables séparées", "confirm": "True"})
    assert confirmed.status_code == 302
    assert conversation.statements.count() == 11


def test_a_statement_over_the_limit_comes_back_with_its_message(conversation, citizen):
    page = _logged(citizen).post(reverse("conversations:add", args=[conversation.pk]), {"text": "x" * 300})
    assert page.status_code == 422
    assert conversation.statements.count() == 10


def test_a_visitor_joins_with_a_pass_and_consent(facilitator):
    conversation = make_conversation(facilitator, access=Access.PASS)
    client = Client()
    refused = client.post(reverse("conversations:join", args=[conversation.pk]), {})
    assert refused.status_code == 422 and "Cochez la case" in html.unescape(refused.content.decode())
    assert (
        client.post(reverse("conversations:join", args=[conversation.pk]), {"consent": "on"}).status_code
        == 302
    )
    statement = client.get(conversation.get_absolute_url()).context["statement"]
    client.post(reverse("conversations:vote", args=[conversation.pk, statement.pk]), {"value": "pass"})
    assert Vote.objects.get().value == 0


def test_a_live_room_on_phones_and_the_projector(conversation, facilitator):
    room = services.open_room(by=facilitator, conversation=conversation, title="Atelier des berges")
    phone = Client()
    assert phone.get(reverse("conversations:room", args=[room.code.lower()])).status_code == 200
    phone.post(reverse("conversations:room-join", args=[room.code]), {"consent": "on"})
    voted = phone.post(
        reverse("conversations:room-vote", args=[room.code, room.current_statement_id]), {"value": "agree"}
    )
    assert voted.status_code == 302
    screen = Client().get(reverse("conversations:projector", args=[room.code]))
    assert screen.status_code == 200
    assert screen.context["state"].agree == 1
    assert "<svg" in html.unescape(screen.content.decode()) and room.code in html.unescape(
        screen.content.decode()
    )
    polled = Client().get(
        reverse("conversations:projector", args=[room.code]), headers={"HX-Request": "true"}
    )
    assert polled.status_code == 200 and b"<html" not in polled.content
    qr = Client().get(reverse("conversations:room-qr", args=[room.code]))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    # The room closes: the pass kept in the phone's session no longer works.
    services.close_room(by=facilitator, room=room)
    again = phone.post(
        reverse(
            "conversations:room-vote",
            args=[room.code, room.current_statement_id or conversation.statements.first().pk],
        ),
        {"value": "disagree"},
    )
    assert again.status_code == 410
    assert "fermé" in html.unescape(again.content.decode())
    assert phone.get(reverse("conversations:room", args=[room.code])).status_code == 410
    assert Vote.objects.get().value == 1


def test_the_facilitator_runs_the_room_from_the_back_office(conversation, facilitator):
    client = _logged(facilitator)
    opened = client.post(
        reverse("backoffice:room-open", args=[conversation.pk]),
        {"title": "Atelier", "chairs": 3, "timer_seconds": 120},
    )
    room = Room.objects.get()
    assert opened["Location"] == reverse("backoffice:room", args=[room.pk])
    act = lambda action, **data: client.post(reverse("backoffice:room-action", args=[room.pk, action]), data)  # noqa: E731
    assert act("remark", text="Il manque des bancs à l'ombre.").status_code == 302
    room.refresh_from_db()
    assert room.current_statement.text == "Il manque des bancs à l'ombre."
    act("queue", name="Awa")
    seat = room.seats.get()
    act("seat", seat=seat.pk)
    act("timer")
    act("next")
    assert client.get(reverse("backoffice:room", args=[room.pk])).status_code == 200
    act("close")
    room.refresh_from_db()
    assert not room.is_open and room.record["speakers"] == ["Awa"]
    assert "Compte rendu de l'atelier" in html.unescape(
        client.get(reverse("backoffice:room", args=[room.pk])).content.decode()
    )


def test_back_office_pages_open_and_moderate(conversation, facilitator):
    client = _logged(facilitator)
    camps(conversation, people=12)
    for name in (
        "backoffice:conversations",
        "backoffice:conversation-create",
        "backoffice:conversation-import",
    ):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("backoffice:conversation", args=[conversation.pk])).status_code == 200
    report = client.get(reverse("backoffice:conversation-report", args=[conversation.pk]))
    assert report.status_code == 200 and "Participation dans le temps" in html.unescape(
        report.content.decode()
    )
    statement = conversation.statements.first()
    client.post(
        reverse("backoffice:conversation-moderate", args=[conversation.pk, statement.pk]),
        {"decision": "reject"},
    )
    statement.refresh_from_db()
    assert statement.state == StatementState.REJECTED
    exported = client.get(reverse("backoffice:conversation-export", args=[conversation.pk, "polis.zip"]))
    assert zipfile.ZipFile(io.BytesIO(exported.content)).namelist()
    officers = client.get(reverse("backoffice:conversation-export", args=[conversation.pk, "agents.csv"]))
    assert html.unescape(officers.content.decode()).lstrip("\ufeff").startswith("numéro;")


def test_seeds_are_suggested_from_the_bouquets_then_saved_as_edited(facilitator):
    from tests.factories import BouquetFactory

    bouquet = BouquetFactory(label="Des jardins partagés")
    client = _logged(facilitator)
    url = reverse("backoffice:conversation-create")
    data = {
        "process": bouquet.process.pk,
        "question": "Que faire des friches ?",
        "moderation": "after",
        "access": "signed_in",
    }
    suggested = client.post(url, {**data, "suggest": "1"})
    assert "La priorité devrait aller à : Des jardins partagés." in html.unescape(suggested.content.decode())
    saved = client.post(
        url,
        {**data, "seeds": "Les friches doivent devenir des jardins partagés.", "participants_may_add": "on"},
    )
    assert saved.status_code == 302
    conversation = Conversation.objects.get()
    assert list(conversation.statements.values_list("text", flat=True)) == [
        "Les friches doivent devenir des jardins partagés."
    ]


def test_a_bad_import_file_answers_in_french_and_saves_nothing(facilitator, conversation):
    client = _logged(facilitator)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("comments.csv", "comment-id,comment-body\n0,Des bancs\n")
        out.writestr("votes.csv", "comment-id,voter-id,vote\n0,1,oui\n")
    archive.seek(0)
    archive.name = "export.zip"
    page = client.post(
        reverse("backoffice:conversation-import"), {"process": conversation.process.pk, "archive": archive}
    )
    assert page.status_code == 422
    assert "vote « oui » inconnu" in html.unescape(page.content.decode())
    assert Conversation.objects.count() == 1


def test_an_import_through_the_page(facilitator, conversation):
    camps(conversation, people=8)
    archive = io.BytesIO(exports.polis_zip(conversation))
    archive.name = "export.zip"
    page = _logged(facilitator).post(
        reverse("backoffice:conversation-import"), {"process": conversation.process.pk, "archive": archive}
    )
    assert page.status_code == 302
    assert Conversation.objects.count() == 2


def test_inhabitants_do_not_see_the_back_office_pages(conversation, citizen):
    assert _logged(citizen).get(reverse("backoffice:conversation", args=[conversation.pk])).status_code == 404


def test_the_api_lists_details_and_votes(conversation, citizen):
    camps(conversation, people=20)
    listed = Client().get("/api/v1/conversations")
    assert listed.status_code == 200 and listed.json()["items"][0]["id"] == conversation.pk
    detail = Client().get(f"/api/v1/conversations/{conversation.pk}").json()
    assert len(detail["statements"]) == 10 and len(detail["groups"]) == 2
    statement = conversation.statements.first()
    client = _logged(citizen)
    voted = client.post(
        f"/api/v1/conversations/{conversation.pk}/votes",
        json.dumps({"statement_id": statement.pk, "value": "disagree"}),
        content_type="application/json",
    )
    assert voted.status_code == 201
    assert Vote.objects.get(participant__user=citizen).value == -1
    wrong = client.post(
        f"/api/v1/conversations/{conversation.pk}/votes",
        json.dumps({"statement_id": statement.pk, "value": "maybe"}),
        content_type="application/json",
    )
    assert wrong.status_code == 422
    services.moderate_statement(by=UserFactory(agent=True), statement=statement, accept=False)
    refused = client.post(
        f"/api/v1/conversations/{conversation.pk}/votes",
        json.dumps({"statement_id": statement.pk, "value": "agree"}),
        content_type="application/json",
    )
    assert refused.status_code == 409 and "modération" in refused.json()["message"]
    assert Client().post(
        f"/api/v1/conversations/{conversation.pk}/votes",
        json.dumps({"statement_id": statement.pk, "value": "agree"}),
        content_type="application/json",
    ).status_code in (401, 403)

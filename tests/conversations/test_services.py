"""The conversation's use cases, on SQLite and PostgreSQL."""

import pytest
from django.test import override_settings

from bouquet.conversations import flows, selectors, services
from bouquet.conversations.errors import Gone
from bouquet.conversations.models import (
    STATEMENT_MAX,
    Access,
    MapSnapshot,
    Moderation,
    Participant,
    StatementState,
    Vote,
)
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from tests.conversations.conftest import camps, make_conversation
from tests.factories import ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_inhabitant_may_not_open_a_conversation():
    with pytest.raises(ActionNotAllowed):
        services.open_conversation(by=UserFactory(), process=ProcessFactory(), question="Pourquoi ?")


def test_seed_statements_are_published_and_marked(conversation):
    statements = list(conversation.statements.all())
    assert len(statements) == 10
    assert all(s.is_seed and s.state == StatementState.ACCEPTED for s in statements)


def test_seed_lines_over_the_limit_are_refused_with_their_line():
    with pytest.raises(InvalidInput) as refused:
        services.clean_seed_lines("Une phrase courte.\n\n" + "x" * (STATEMENT_MAX + 1))
    assert "Ligne 3" in str(refused.value.message)


def test_the_latest_vote_wins(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    statement = conversation.statements.first()
    services.cast_vote(participant=participant, statement=statement, value=1)
    services.cast_vote(participant=participant, statement=statement, value=-1)
    assert list(Vote.objects.filter(participant=participant).values_list("value", flat=True)) == [-1]


def test_an_unknown_vote_value_is_refused(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    with pytest.raises(InvalidInput):
        services.cast_vote(participant=participant, statement=conversation.statements.first(), value=2)
    assert not Vote.objects.exists()


def test_a_vote_on_a_statement_set_aside_is_refused(conversation, citizen, facilitator):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    statement = conversation.statements.first()
    services.moderate_statement(by=facilitator, statement=statement, accept=False)
    with pytest.raises(Conflict) as refused:
        services.cast_vote(participant=participant, statement=statement, value=1)
    assert refused.value.status_code == 409
    assert "écartée par la modération" in str(refused.value.message)
    assert not Vote.objects.exists()


def test_a_closed_conversation_takes_no_vote(conversation, citizen, facilitator):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    services.close_conversation(by=facilitator, conversation=conversation)
    with pytest.raises(ActionNotAllowed):
        services.cast_vote(participant=participant, statement=conversation.statements.first(), value=1)


def test_a_statement_over_the_limit_is_refused(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    with pytest.raises(InvalidInput) as refused:
        services.add_statement(participant=participant, text="a" * (STATEMENT_MAX + 1))
    assert "280 caractères" in str(refused.value.message)
    assert conversation.statements.count() == 10


def test_moderation_before_keeps_a_statement_pending_and_its_author_votes_later(facilitator, citizen):
    conversation = make_conversation(facilitator, moderation=Moderation.BEFORE)
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    statement = services.add_statement(participant=participant, text="Un kiosque à musique sur la place.")
    assert statement.state == StatementState.PENDING
    assert not Vote.objects.exists()
    with pytest.raises(Conflict):
        services.cast_vote(participant=participant, statement=statement, value=1)


def test_moderation_after_publishes_and_the_author_agrees(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    statement = services.add_statement(participant=participant, text="Un kiosque à musique sur la place.")
    assert statement.state == StatementState.ACCEPTED
    assert Vote.objects.get(statement=statement).value == 1
    with pytest.raises(Conflict):
        services.add_statement(participant=participant, text="un kiosque à musique sur la place.")


def test_participants_may_not_add_when_the_rules_say_so(facilitator, citizen):
    conversation = make_conversation(facilitator, participants_may_add=False)
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    with pytest.raises(ActionNotAllowed):
        services.add_statement(participant=participant, text="Encore une idée.")


def test_joining_without_an_account_needs_the_rule_and_consent(conversation, facilitator):
    with pytest.raises(ActionNotAllowed):
        services.join_with_pass(conversation=conversation, consent=True)
    open_one = make_conversation(facilitator, access=Access.PASS)
    with pytest.raises(InvalidInput):
        services.join_with_pass(conversation=open_one, consent=False)
    participant = services.join_with_pass(conversation=open_one, consent=True)
    assert participant.pass_token and participant.consent_at is not None
    assert services.participant_for_pass(conversation=open_one, token=participant.pass_token) == participant


def test_a_room_pass_is_refused_after_the_room_closed(conversation, facilitator):
    room = services.open_room(by=facilitator, conversation=conversation, title="Atelier du jeudi")
    participant = services.join_with_pass(conversation=conversation, consent=True, room=room)
    statement = room.current_statement
    services.cast_vote(participant=participant, statement=statement, value=1)
    services.close_room(by=facilitator, room=room)
    with pytest.raises(Gone) as refused:
        services.participant_for_pass(conversation=conversation, token=participant.pass_token)
    assert refused.value.status_code == 410
    with pytest.raises(Gone):
        services.cast_vote(participant=participant, statement=statement, value=-1)
    with pytest.raises(Gone):
        services.join_with_pass(conversation=conversation, consent=True, room=room)
    assert Vote.objects.get(participant=participant).value == 1


def test_closing_a_room_saves_its_record(conversation, facilitator):
    room = services.open_room(by=facilitator, conversation=conversation, title="Atelier du jeudi")
    phones = [services.join_with_pass(conversation=conversation, consent=True, room=room) for _ in range(3)]
    remark = services.add_remark(by=facilitator, room=room, text="On manque de bancs à l'ombre.")
    for value, phone in zip((1, 1, -1), phones, strict=True):
        services.cast_vote(participant=phone, statement=remark, value=value)
    services.close_room(by=facilitator, room=room)
    room.refresh_from_db()
    assert room.record["participants"] == 3 and room.record["votes"] == 3
    said = next(s for s in room.record["statements"] if s["id"] == remark.pk)
    assert said["from_room"] and (said["agree"], said["disagree"]) == (2, 1)
    assert "map" in room.record


def test_the_fishbowl_rotates(conversation, facilitator):
    room = services.open_room(by=facilitator, conversation=conversation, title="Bocal", chairs=2)
    seats = [services.ask_to_enter(room=room, name=name) for name in ("Awa", "Bruno", "Chloé")]
    services.seat(by=facilitator, seat=seats[0])
    services.seat(by=facilitator, seat=seats[1])
    with pytest.raises(Conflict):
        services.seat(by=facilitator, seat=seats[2])
    room = services.rotate(by=facilitator, room=room)
    state = selectors.room_state(room)
    assert [s.name for s in state.centre] == ["Bruno", "Chloé"]
    assert state.queue == [] and state.seconds_left is not None


def test_the_map_is_computed_as_votes_arrive_and_shows_two_camps(conversation):
    people = camps(conversation, people=30)
    flows.ask_for_map(conversation.pk)
    snapshot = MapSnapshot.objects.get(conversation=conversation)
    assert snapshot.vote_count == 300
    assert len(snapshot.data["groups"]) == 2
    view = selectors.map_view(conversation, people[0])
    assert view.own is not None and view.own_group in {"A", "B"}
    assert all(g.polygon for g in view.groups)


def test_a_vote_through_the_flow_updates_the_stored_map(
    conversation, citizen, django_capture_on_commit_callbacks
):
    camps(conversation, people=20)
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    for statement in conversation.statements.all()[:7]:
        with django_capture_on_commit_callbacks(execute=True):
            flows.vote(participant=participant, statement=statement, value=1)
    snapshot = MapSnapshot.objects.get(conversation=conversation)
    assert snapshot.vote_count == 207
    assert str(participant.pk) in snapshot.data["positions"]


@override_settings(BOUQUET_MAP_SECONDS=30)
def test_the_map_is_throttled_per_conversation(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    statements = list(conversation.statements.all())
    assert flows.ask_for_map(conversation.pk) is True
    assert flows.ask_for_map(conversation.pk) is False  # within the window: nothing more is queued
    services.cast_vote(participant=participant, statement=statements[0], value=1)
    assert flows.ask_for_map(conversation.pk) is False


def test_next_statement_skips_what_was_answered(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    seen = set()
    for _ in range(10):
        statement = selectors.next_statement(participant)
        assert statement is not None and statement.pk not in seen
        seen.add(statement.pk)
        flows.vote(participant=participant, statement=statement, value=0)
    assert selectors.next_statement(participant) is None


def test_seed_suggestions_come_from_the_bouquets():
    from tests.factories import BouquetFactory

    bouquet = BouquetFactory(label="Des jardins partagés")
    assert selectors.seed_suggestions(bouquet.process) == [
        "La priorité devrait aller à : Des jardins partagés."
    ]


def test_similar_statements_come_first(conversation):
    similar = selectors.similar_statements(conversation, "plus de pistes cyclables séparées")
    assert similar and similar[0][0].text.startswith("Il faut plus de pistes cyclables")


def test_one_participant_per_person(conversation, citizen):
    first = services.participant_for_user(conversation=conversation, user=citizen)
    assert services.participant_for_user(conversation=conversation, user=citizen) == first
    assert Participant.objects.filter(conversation=conversation).count() == 1


def test_participants_are_told_of_new_statements(conversation, citizen, django_capture_on_commit_callbacks):
    from bouquet.notifications.models import Notification

    services.participant_for_user(conversation=conversation, user=citizen)
    author = services.participant_for_user(conversation=conversation, user=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.add_statement(participant=author, text="Des fontaines à boire sur la place.")
    told = Notification.objects.filter(kind="conversations.statement")
    assert [n.recipient_id for n in told] == [citizen.pk]  # the author is not told of their own statement

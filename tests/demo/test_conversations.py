"""The demo's conversation: realistic statements, at least 150 generated participants in opinion camps, a map
with two or three groups, and a closed live room whose record stays with the conversation."""

import pytest

from bouquet.conversations.models import Conversation
from bouquet.demo.conversations import seed_conversation
from bouquet.processes.models import Process
from tests.factories import ProcessFactory, UserFactory


@pytest.mark.django_db
def test_the_demo_conversation_has_its_camps_and_a_closed_room(settings):
    settings.BOUQUET_MAP_SECONDS = 0
    ProcessFactory(slug="place-des-tilleuls")
    conversation = seed_conversation(agent=UserFactory(agent=True))
    assert conversation.participants.filter(room=None).count() >= 150
    assert conversation.statements.count() >= 20
    groups = conversation.map_snapshot.data["groups"]
    assert 2 <= len(groups) <= 3
    assert conversation.map_snapshot.data["consensus"]["agree"]
    room = conversation.rooms.get()
    assert not room.is_open
    assert room.record["participants"] == 14 and room.record["votes"] == 14 * 7
    assert len(room.record["speakers"]) == 4
    assert sum(1 for s in room.record["statements"] if s["from_room"]) == 2
    assert Conversation.objects.count() == 1 and Process.objects.count() == 1

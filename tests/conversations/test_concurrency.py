"""Votes under concurrency: real threads, real connections, on SQLite and PostgreSQL."""

import pytest

from bouquet.conversations import services
from bouquet.conversations.models import Participant, Vote
from tests.concurrency import run_together
from tests.conversations.conftest import make_conversation
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_votes_by_one_person_on_one_statement_give_one_row():
    conversation = make_conversation(UserFactory(agent=True))
    statement = conversation.statements.order_by("id").first()
    person = UserFactory()

    def vote(index: int) -> None:
        participant = services.participant_for_user(conversation=conversation, user=person)
        services.cast_vote(participant=participant, statement=statement, value=(1, -1, 0)[index % 3])

    errors = run_together(vote)
    assert errors == []
    assert Participant.objects.filter(conversation=conversation, user=person).count() == 1
    assert Vote.objects.filter(statement=statement).count() == 1

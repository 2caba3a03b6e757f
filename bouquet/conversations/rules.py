"""Who may do what in a conversation, right now."""

from typing import Any

from bouquet.accounts.rules import is_signed_in
from bouquet.conversations.models import Access, Conversation, Room, Statement, StatementState
from bouquet.core.predicates import predicate
from bouquet.roles.rules import facilitates, facilitates_somewhere, moderates


@predicate
def runs_conversations(user: Any) -> bool:
    """Agents and facilitators (of the territory, or given a process) open conversations and run live rooms."""
    return bool(facilitates_somewhere(user))


def can_run(user: Any, conversation: Conversation) -> bool:
    """Whether the person runs this conversation: agents, facilitators of its process."""
    return bool(facilitates(user, conversation.process))


def can_moderate(user: Any, conversation: Conversation) -> bool:
    """Moderators of the process, and whoever runs the conversation, accept or set aside its statements."""
    return can_run(user, conversation) or bool(moderates(user, conversation.process))


def is_open_for_votes(conversation: Conversation) -> bool:
    """A conversation takes votes while it and its process are open and the process is published."""
    process = conversation.process
    return conversation.is_open and process.is_published and process.closed_at is None


def may_join_without_account(conversation: Conversation, room: Room | None = None) -> bool:
    """Someone without an account joins with a pass when the conversation allows it, or in an open live room."""
    return conversation.access == Access.PASS or (room is not None and room.is_open)


def may_join(user: Any, conversation: Conversation, room: Room | None = None) -> bool:
    """Whether a person (signed in or not) may take part now."""
    return is_open_for_votes(conversation) and (
        bool(is_signed_in(user)) or may_join_without_account(conversation, room)
    )


def is_votable(statement: Statement) -> bool:
    """Only published statements take votes (a statement set aside by moderation, or waiting for it, takes none)."""
    return statement.state == StatementState.ACCEPTED

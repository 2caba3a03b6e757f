"""Conversations: their statements with counts, the opinion groups and consensus; voting with the pages' rules."""

from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from bouquet.api.v1.auth import WRITE_AUTH
from bouquet.api.v1.pagination import BoundedPages
from bouquet.api.v1.params import RowId
from bouquet.conversations import flows, selectors, services
from bouquet.conversations.models import Conversation, MapSnapshot, Statement, StatementState, VoteValue

router = Router(tags=["conversations"])

VALUES = {"agree": VoteValue.AGREE, "disagree": VoteValue.DISAGREE, "pass": VoteValue.PASS}


class ConversationFields(Schema):
    id: int
    process_id: int
    question: str
    is_open: bool
    participants_may_add: bool
    statement_count: int
    participant_count: int
    url: str


class ConversationOut(ConversationFields):
    @staticmethod
    def resolve_url(obj: Conversation) -> str:
        return obj.get_absolute_url()


class StatementOut(Schema):
    id: int
    text: str
    is_seed: bool
    agree: int
    disagree: int
    passes: int
    votes: int


class RepresentativeOut(Schema):
    statement_id: int
    direction: str
    probability: float


class GroupOut(Schema):
    id: int
    members: int
    representative: list[RepresentativeOut]


class ConsensusOut(Schema):
    agree: list[int]
    disagree: list[int]


class ConversationDetailOut(ConversationFields):
    description: str
    statements: list[StatementOut]
    groups: list[GroupOut]
    consensus: ConsensusOut
    divisive: list[int]
    map_computed_at: str | None


class VoteIn(Schema):
    model_config = ConfigDict(extra="forbid")
    statement_id: RowId
    value: Literal["agree", "disagree", "pass"]


class VoteOut(Schema):
    statement_id: int
    value: Literal["agree", "disagree", "pass"]


def _conversation(pk: int) -> Conversation:
    return get_object_or_404(selectors.published_conversations(), pk=pk)


@router.get("/conversations", response=list[ConversationOut], summary="Conversations")
@paginate(BoundedPages, page_size=20)
def list_conversations(request: HttpRequest) -> object:
    """Conversations of published processes, most recent first."""
    return selectors.published_conversations()


@router.get(
    "/conversations/{pk}", response=ConversationDetailOut, summary="A conversation and its opinion map"
)
def get_conversation(request: HttpRequest, pk: RowId) -> dict[str, object]:
    """A conversation: its published statements with their counts, the opinion groups with the statements that
    speak for each, the statements all groups share and those that divide them (as last computed)."""
    conversation = _conversation(pk)
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    data = snapshot.data if snapshot else {}
    statements = selectors.counted_statements(conversation).filter(state=StatementState.ACCEPTED)
    return {
        "id": conversation.pk,
        "process_id": conversation.process_id,
        "question": conversation.question,
        "description": conversation.description,
        "is_open": conversation.is_open,
        "participants_may_add": conversation.participants_may_add,
        "statement_count": conversation.statement_count,  # type: ignore[attr-defined]
        "participant_count": conversation.participant_count,  # type: ignore[attr-defined]
        "url": conversation.get_absolute_url(),
        "statements": [
            {
                "id": s.pk,
                "text": s.text,
                "is_seed": s.is_seed,
                "agree": s.agree_count,  # type: ignore[attr-defined]
                "disagree": s.disagree_count,  # type: ignore[attr-defined]
                "passes": s.pass_count,  # type: ignore[attr-defined]
                "votes": s.vote_count,  # type: ignore[attr-defined]
            }
            for s in statements
        ],
        "groups": [
            {
                "id": g["id"],
                "members": g["members"],
                "representative": [
                    {
                        "statement_id": r["statement"],
                        "direction": r["direction"],
                        "probability": r["probability"],
                    }
                    for r in g.get("representative", [])
                ],
            }
            for g in data.get("groups", [])
        ],
        "consensus": data.get("consensus", {"agree": [], "disagree": []}),
        "divisive": data.get("divisive", []),
        "map_computed_at": snapshot.computed_at.isoformat() if snapshot else None,
    }


@router.post(
    "/conversations/{pk}/votes", response={201: VoteOut}, auth=WRITE_AUTH, summary="Vote on a statement"
)
def vote(request: HttpRequest, pk: RowId, payload: VoteIn) -> Status:
    """Agree, disagree or pass on a statement; a new vote replaces the previous one (the latest wins). A statement
    set aside by moderation answers 409; a closed conversation 403."""
    conversation = _conversation(pk)
    statement = get_object_or_404(Statement, pk=payload.statement_id, conversation=conversation)
    participant = services.participant_for_user(conversation=conversation, user=request.user)  # type: ignore[arg-type]
    flows.vote(participant=participant, statement=statement, value=VALUES[payload.value])
    return Status(201, {"statement_id": statement.pk, "value": payload.value})

"""Compute the opinion map of a conversation from its votes and store it (called by the background task)."""

import time
from typing import Any

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from bouquet.conversations.models import (
    MIN_VOTES_FOR_MAP,
    Conversation,
    MapSnapshot,
    Statement,
    StatementState,
    Vote,
)
from bouquet.conversations.opinion import VoteMatrix, compute_map, priorities

MAX_GROUPS = 5


def _ids(items: object) -> list[int]:
    """Statement ids from a list of ids or of objects carrying ``statement_id``."""
    out = []
    for item in items or []:  # type: ignore[attr-defined]
        sid = getattr(item, "statement_id", item)
        out.append(int(sid))
    return out


def map_data(conversation: Conversation) -> tuple[dict[str, Any], int, int]:
    """The map of the conversation as stored JSON, with its number of votes and of participants placed."""
    statements = list(conversation.statements.values_list("id", "state"))
    moderated_out = [sid for sid, state in statements if state == StatementState.REJECTED]
    rows = list(
        Vote.objects.filter(conversation=conversation).values_list("participant_id", "statement_id", "value")
    )
    matrix = VoteMatrix.from_votes(rows, [sid for sid, _state in statements], moderated_out=moderated_out)
    result = compute_map(matrix, min_votes=MIN_VOTES_FOR_MAP, max_groups=MAX_GROUPS, seed=0)

    labels = {int(pid): int(group) for pid, group in result.labels.items()}
    positions = {int(pid): (float(x), float(y)) for pid, (x, y) in result.positions.items()}
    wanted = set(result.divisive[:10]) | set(result.consensus.get("agree", [])[:10])
    wanted |= set(result.consensus.get("disagree", [])[:10])
    groups = []
    for group in result.groups:
        representative = [
            {
                "statement": int(r.statement_id),
                "direction": r.agree_or_disagree,
                "probability": float(r.probability),
            }
            for r in group.representative
        ]
        shown = wanted | {r["statement"] for r in representative}
        groups.append(
            {
                "id": int(group.id),
                "members": int(group.members_count),
                "hull": [[round(x, 5), round(y, 5)] for x, y in group.hull],
                "representative": representative,
                "counts": {
                    str(sid): [c.agrees, c.disagrees, c.votes]
                    for sid, c in group.counts.items()
                    if sid in shown
                },
            }
        )
    data = {
        "positions": {str(pid): [round(x, 5), round(y, 5)] for pid, (x, y) in positions.items()},
        "labels": {str(pid): group for pid, group in labels.items()},
        "groups": groups,
        "consensus": {
            "agree": _ids(result.consensus.get("agree")),
            "disagree": _ids(result.consensus.get("disagree")),
        },
        "gac": {str(int(sid)): float(v) for sid, v in result.group_aware_consensus.items()},
        "divisive": _ids(result.divisive),
        # Pol.is's priority of each statement (few votes, and those that move people, first): the participant
        # pages draw the next statement with these weights, without recomputing the map.
        "priorities": {str(int(sid)): float(w) for sid, w in priorities(matrix, result).items()},
    }
    return data, len(rows), len(labels)


def refresh_map(*, conversation_id: int) -> MapSnapshot | None:
    """Compute the conversation's map from every vote now stored and keep it (one snapshot per conversation)."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return None
    started = time.perf_counter()
    last_vote_at = Vote.objects.filter(conversation=conversation).aggregate(last=Max("updated_at"))["last"]
    data, vote_count, placed = map_data(conversation)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        snapshot, _created = MapSnapshot.objects.update_or_create(
            conversation=conversation,
            defaults={
                "data": data,
                "computed_at": timezone.now(),
                "vote_count": vote_count,
                "participant_count": placed,
                "last_vote_at": last_vote_at,
                "seconds": seconds,
            },
        )
    return snapshot


def map_is_stale(conversation: Conversation) -> bool:
    """Whether votes arrived (or changed) since the stored map was computed."""
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    stats = Vote.objects.filter(conversation=conversation).aggregate(n=Count("id"), last=Max("updated_at"))
    if snapshot is None:
        return bool(stats["n"])
    return bool(stats["n"] != snapshot.vote_count or stats["last"] != snapshot.last_vote_at)


def statement_ids(conversation: Conversation) -> list[int]:
    """Every published statement of the conversation, oldest first."""
    return list(
        Statement.objects.filter(conversation=conversation, state=StatementState.ACCEPTED).values_list(
            "id", flat=True
        )
    )

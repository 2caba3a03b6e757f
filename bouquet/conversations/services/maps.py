"""Compute the opinion map of a conversation from its votes and store it (called by the background task)."""

import time
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from bouquet.conversations.drawing import convex_hull
from bouquet.conversations.models import (
    MIN_VOTES_FOR_MAP,
    Conversation,
    MapSnapshot,
    Statement,
    StatementState,
    Vote,
)
from bouquet.conversations.opinion import VoteMatrix, compute_map

MAX_GROUPS = 5


def _direction(value: object) -> str:
    text = str(getattr(value, "value", value)).lower()
    return "disagree" if text.startswith("dis") or text in {"-1", "d"} else "agree"


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
    rows = list(Vote.objects.filter(conversation=conversation).values_list("participant_id", "statement_id", "value"))
    matrix = VoteMatrix.from_votes(rows, [sid for sid, _state in statements], moderated_out=moderated_out)
    result = compute_map(matrix, min_votes=MIN_VOTES_FOR_MAP, max_groups=MAX_GROUPS, seed=0)

    labels = {int(pid): int(group) for pid, group in result.labels.items()}
    positions = {int(pid): (float(x), float(y)) for pid, (x, y) in result.positions.items()}
    # Per group and statement: agrees, disagrees, votes (passes included), for the agreement bars.
    counts: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for pid, sid, value in rows:
        group = labels.get(pid)
        if group is None:
            continue
        cell = counts[group][sid]
        cell[2] += 1
        if value > 0:
            cell[0] += 1
        elif value < 0:
            cell[1] += 1
    groups = []
    for group in result.groups:
        gid = int(group.id)
        members = [positions[pid] for pid, g in labels.items() if g == gid and pid in positions]
        representative = [
            {
                "statement": int(r.statement_id),
                "direction": _direction(getattr(r, "agree_or_disagree", "agree")),
                "probability": float(getattr(r, "probability", 0.0)),
            }
            for r in group.representative
        ]
        groups.append(
            {
                "id": gid,
                "members": int(getattr(group, "members_count", len(members))),
                "hull": [list(p) for p in convex_hull(members)],
                "representative": representative,
                "counts": {str(sid): cell for sid, cell in counts[gid].items()},
            }
        )
    consensus = getattr(result, "consensus", {}) or {}
    data = {
        "positions": {str(pid): [round(x, 5), round(y, 5)] for pid, (x, y) in positions.items()},
        "labels": {str(pid): group for pid, group in labels.items()},
        "groups": groups,
        "consensus": {"agree": _ids(consensus.get("agree")), "disagree": _ids(consensus.get("disagree"))},
        "gac": {str(int(sid)): float(v) for sid, v in (result.group_aware_consensus or {}).items()},
        "divisive": _ids(getattr(result, "divisive", [])),
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
    return stats["n"] != snapshot.vote_count or stats["last"] != snapshot.last_vote_at


def statement_ids(conversation: Conversation) -> list[int]:
    """Every published statement of the conversation, oldest first."""
    return list(
        Statement.objects.filter(conversation=conversation, state=StatementState.ACCEPTED).values_list("id", flat=True)
    )

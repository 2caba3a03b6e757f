"""Reads of the conversations app, one per screen: the next statement, the map as drawn, the report, the room."""

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.conversations.drawing import Frame, svg_points, widened
from bouquet.conversations.models import (
    Conversation,
    FishbowlSeat,
    MapSnapshot,
    Participant,
    Room,
    SeatState,
    Statement,
    StatementState,
    Vote,
)
from bouquet.conversations.opinion import VoteMatrix
from bouquet.conversations.opinion import next_statement as informative_next
from bouquet.core.personal import Rows, rows
from bouquet.processes.models import Process

MAP_SIZE = 400.0
# Shades of the groups on the map: dark enough on white (3:1 for the outlines), told apart by their letter too.
GROUP_COLOURS = ("#1f5fa8", "#a4462b", "#2e7d4f", "#7a4fa0", "#8a6d00")
GROUP_LETTERS = "ABCDE"


def counted_statements(conversation: Conversation) -> QuerySet[Statement]:
    """The conversation's statements with their agree, disagree and pass counts."""
    return conversation.statements.annotate(
        agree_count=Count("votes", filter=Q(votes__value=1)),
        disagree_count=Count("votes", filter=Q(votes__value=-1)),
        pass_count=Count("votes", filter=Q(votes__value=0)),
        vote_count=Count("votes"),
    ).order_by("id")


def published_conversations(*, process: Process | None = None) -> QuerySet[Conversation]:
    """Conversations the public may read (in published processes), with their numbers of statements."""
    found = Conversation.objects.filter(process__is_published=True).select_related("process")
    if process is not None:
        found = found.filter(process=process)
    return found.annotate(
        statement_count=Count(
            "statements", filter=Q(statements__state=StatementState.ACCEPTED), distinct=True
        ),
        participant_count=Count("participants", distinct=True),
    )


def conversations_for_back_office() -> QuerySet[Conversation]:
    """Every conversation, with its process and its figures."""
    return Conversation.objects.select_related("process").annotate(
        statement_count=Count("statements", distinct=True),
        pending_count=Count("statements", filter=Q(statements__state=StatementState.PENDING), distinct=True),
        participant_count=Count("participants", distinct=True),
    )


def votes_of(participant: Participant) -> dict[int, int]:
    """The participant's answers, by statement."""
    return dict(participant.votes.values_list("statement_id", "value"))


# ---- the next statement -----------------------------------------------------------------------------------


def next_statement(participant: Participant) -> Statement | None:
    """The statement to show the participant next, among those they have not answered: drawn as Pol.is does, with
    a chance that grows with the statement's priority (few votes, and statements that move people on the map).

    With a stored map, the priorities computed with it are used (statements published since get the highest
    one: they have no votes yet); before any map, the opinion package's ``next_statement`` runs on the votes."""
    conversation = participant.conversation
    answered = set(participant.votes.values_list("statement_id", flat=True))
    candidates = {
        s.pk: s
        for s in conversation.statements.filter(state=StatementState.ACCEPTED)
        .exclude(id__in=answered)
        .order_by("id")
    }
    if not candidates:
        return None
    snapshot = MapSnapshot.objects.filter(conversation=conversation).only("data").first()
    stored = (snapshot.data.get("priorities") if snapshot else None) or {}
    if stored:
        top = max(stored.values())
        weights = [max(float(stored.get(str(pk), top)), 1e-9) for pk in candidates]
        draw = random.Random(f"{participant.pk}:{len(answered)}")  # nosec B311 - an order, not a secret
        return candidates[draw.choices(list(candidates), weights=weights, k=1)[0]]
    statements = list(conversation.statements.values_list("id", "state"))
    rows = Vote.objects.filter(conversation=conversation).values_list(
        "participant_id", "statement_id", "value"
    )
    matrix = VoteMatrix.from_votes(
        list(rows),
        [sid for sid, _s in statements],
        moderated_out=[sid for sid, state in statements if state != StatementState.ACCEPTED],
    )
    chosen = informative_next(matrix, None, participant.pk)
    return candidates.get(int(chosen)) if chosen is not None else None


# ---- the map as drawn -------------------------------------------------------------------------------------


@dataclass
class StatementBar:
    statement_id: int
    text: str
    agree: int
    disagree: int
    votes: int
    direction: str = "agree"

    @property
    def agree_share(self) -> float:
        return self.agree / self.votes if self.votes else 0.0

    @property
    def disagree_share(self) -> float:
        return self.disagree / self.votes if self.votes else 0.0

    @property
    def pass_share(self) -> float:
        return max(0.0, 1.0 - self.agree_share - self.disagree_share)

    @property
    def agree_percent(self) -> int:
        return round(self.agree_share * 100)

    @property
    def disagree_percent(self) -> int:
        return round(self.disagree_share * 100)

    @property
    def agree_width(self) -> int:
        return round(self.agree_share * 100)

    @property
    def disagree_width(self) -> int:
        return round(self.disagree_share * 100)


@dataclass
class GroupView:
    id: int
    letter: str
    colour: str
    members: int
    polygon: str
    label_x: float
    label_y: float
    representative: list[StatementBar] = field(default_factory=list)


@dataclass
class MapView:
    """What the map page shows: group areas (no one's dot but the viewer's own), statements that speak for each
    group, those all groups share, and those that divide them."""

    size: float
    groups: list[GroupView]
    own: tuple[float, float] | None
    own_group: str | None
    consensus_agree: list[StatementBar]
    consensus_disagree: list[StatementBar]
    divisive: list[StatementBar]
    computed_at: dt.datetime | None
    vote_count: int
    placed: int

    @property
    def empty(self) -> bool:
        return not self.groups


def _bars(conversation: Conversation, ids: list[int]) -> dict[int, StatementBar]:
    rows = counted_statements(conversation).filter(id__in=ids)
    return {
        s.pk: StatementBar(s.pk, s.text, s.agree_count, s.disagree_count, s.vote_count)  # type: ignore[attr-defined]
        for s in rows
    }


def map_view(conversation: Conversation, participant: Participant | None = None) -> MapView:
    """The stored map of the conversation, drawn for one viewer (their own position only)."""
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    data: dict[str, Any] = snapshot.data if snapshot else {}
    raw_groups = data.get("groups", [])
    hull_points = [tuple(p) for g in raw_groups for p in g.get("hull", [])]
    own_raw = data.get("positions", {}).get(str(participant.pk)) if participant is not None else None
    frame_points = hull_points + ([tuple(own_raw)] if own_raw else [])
    frame = Frame.around(frame_points, MAP_SIZE)
    wanted: list[int] = []
    for g in raw_groups:
        wanted += [r["statement"] for r in g.get("representative", [])]
    consensus = data.get("consensus", {})
    wanted += consensus.get("agree", []) + consensus.get("disagree", []) + data.get("divisive", [])
    texts = _bars(conversation, wanted)
    groups: list[GroupView] = []
    for index, g in enumerate(raw_groups):
        placed = [frame.place(tuple(p)) for p in g.get("hull", [])]
        area = widened(placed, 14.0)
        cx = sum(p[0] for p in area) / len(area) if area else MAP_SIZE / 2
        cy = sum(p[1] for p in area) / len(area) if area else MAP_SIZE / 2
        bars = []
        for r in g.get("representative", []):
            base = texts.get(r["statement"])
            if base is None:
                continue
            agree, disagree, votes = g.get("counts", {}).get(str(r["statement"]), [0, 0, 0])
            bars.append(
                StatementBar(
                    base.statement_id, base.text, agree, disagree, votes, r.get("direction", "agree")
                )
            )
        groups.append(
            GroupView(
                id=g["id"],
                letter=GROUP_LETTERS[index % len(GROUP_LETTERS)],
                colour=GROUP_COLOURS[index % len(GROUP_COLOURS)],
                members=g.get("members", 0),
                polygon=svg_points(area),
                label_x=round(cx, 1),
                label_y=round(cy, 1),
                representative=bars,
            )
        )
    own = frame.place(tuple(own_raw)) if own_raw else None
    own_group = None
    if participant is not None:
        label = data.get("labels", {}).get(str(participant.pk))
        own_group = next((g.letter for g in groups if g.id == label), None)
    return MapView(
        size=MAP_SIZE,
        groups=groups,
        own=own,
        own_group=own_group,
        consensus_agree=[texts[i] for i in consensus.get("agree", []) if i in texts][:5],
        consensus_disagree=[texts[i] for i in consensus.get("disagree", []) if i in texts][:5],
        divisive=[texts[i] for i in data.get("divisive", []) if i in texts][:5],
        computed_at=snapshot.computed_at if snapshot else None,
        vote_count=snapshot.vote_count if snapshot else 0,
        placed=snapshot.participant_count if snapshot else 0,
    )


# ---- the report -------------------------------------------------------------------------------------------


def participation_by_day(conversation: Conversation) -> list[tuple[dt.date, int, int]]:
    """Per day: the votes given (their first answer) and the people who joined (their first vote)."""
    votes = dict(
        Vote.objects.filter(conversation=conversation)
        .order_by()
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    joined: dict[dt.date, int] = {}
    firsts = (
        Vote.objects.filter(conversation=conversation)
        .order_by()
        .values("participant_id")
        .annotate(first=Min("created_at"))
        .values_list("first", flat=True)
    )
    for first in firsts:
        day = timezone.localdate(first)
        joined[day] = joined.get(day, 0) + 1
    days = sorted(set(votes) | set(joined))
    return [(day, votes.get(day, 0), joined.get(day, 0)) for day in days]


def similar_statements(
    conversation: Conversation, text: str, limit: int = 3
) -> list[tuple[Statement, float]]:
    """Published statements closest in meaning to ``text`` (by the bouquets' encoder), closest first."""
    from bouquet.bouquets.registry import configured_encoder

    statements = list(conversation.statements.filter(state=StatementState.ACCEPTED).order_by("id"))
    if not statements or not text.strip():
        return []
    vectors = configured_encoder().encode([text] + [s.text for s in statements])
    scores = vectors[1:] @ vectors[0]
    ranked = sorted(zip(statements, (float(s) for s in scores), strict=True), key=lambda pair: -pair[1])
    return [(s, score) for s, score in ranked[:limit] if score >= 0.35]


def seed_suggestions(process: Process) -> list[str]:
    """One statement per bouquet of the process, from its name, for a person to edit before saving."""
    from bouquet.bouquets.models import Bouquet

    labels = (
        Bouquet.objects.filter(process=process)
        .order_by("topic__position", "label")
        .values_list("label", flat=True)
    )
    return [
        _("La priorité devrait aller à : %(label)s.") % {"label": label.rstrip(".").strip()}
        for label in labels[:30]
    ]


# ---- live rooms -------------------------------------------------------------------------------------------


@dataclass
class RoomState:
    room: Room
    statement: Statement | None
    agree: int
    disagree: int
    passed: int
    participants: int
    centre: list[FishbowlSeat]
    queue: list[FishbowlSeat]
    seconds_left: int | None

    @property
    def votes(self) -> int:
        return self.agree + self.disagree + self.passed


def room_for_code(code: str) -> Room:
    """The room with this code (any case), with its conversation and process."""
    return Room.objects.select_related("conversation__process", "current_statement").get(
        code=code.strip().upper()
    )


def room_state(room: Room) -> RoomState:
    """What the projector and the facilitator see now: the current statement and the room's answers to it, the
    fishbowl's centre and queue, the speaking time left."""
    counts = {"agree": 0, "disagree": 0, "passed": 0}
    if room.current_statement_id:
        counts = Vote.objects.filter(
            statement_id=room.current_statement_id, participant__room=room
        ).aggregate(
            agree=Count("id", filter=Q(value=1)),
            disagree=Count("id", filter=Q(value=-1)),
            passed=Count("id", filter=Q(value=0)),
        )
    seats = list(
        room.seats.filter(state__in=[SeatState.CENTRE, SeatState.QUEUED]).order_by("created_at", "id")
    )
    left = None
    if room.timer_started_at is not None:
        elapsed = (timezone.now() - room.timer_started_at).total_seconds()
        left = max(0, int(room.timer_seconds - elapsed))
    return RoomState(
        room=room,
        statement=room.current_statement,
        agree=counts["agree"],
        disagree=counts["disagree"],
        passed=counts["passed"],
        participants=Participant.objects.filter(room=room).count(),
        centre=[s for s in seats if s.state == SeatState.CENTRE],
        queue=[s for s in seats if s.state == SeatState.QUEUED],
        seconds_left=left,
    )


def personal_data(*, person: Any) -> dict[str, Rows]:
    """What the conversations hold about a person with an account (their export, docs/decisions/0013)."""
    participants = Participant.objects.filter(user=person)
    return {
        "conversations_rejointes": rows(
            participants.order_by("id"), ["conversation__question", "room__title", "created_at"]
        ),
        "affirmations_proposees": rows(
            Statement.objects.filter(author__in=participants).order_by("id"),
            ["conversation__question", "text", "state", "created_at"],
        ),
        "votes_sur_les_affirmations": rows(
            Vote.objects.filter(participant__in=participants).order_by("id"),
            ["conversation__question", "statement__text", "value", "updated_at"],
        ),
        "places_dans_l_aquarium": rows(
            FishbowlSeat.objects.filter(participant__in=participants).order_by("id"),
            ["room__title", "name", "state", "created_at"],
        ),
    }

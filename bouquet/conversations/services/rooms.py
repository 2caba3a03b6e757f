"""Live rooms: open one, lead it (current statement, a scribe's remarks, the fishbowl and its timer), close it."""

import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.conversations.errors import Gone
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
from bouquet.conversations.rules import can_run, is_open_for_votes
from bouquet.conversations.services.maps import refresh_map
from bouquet.conversations.services.voting import add_staff_statements
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput

# Letters and digits that cannot be mistaken for one another when read aloud or on a projector.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def _check_runs(by: User, room: Room) -> None:
    if not can_run(by, room.conversation):
        raise ActionNotAllowed(_("Seuls les animateurs de cette démarche mènent la salle."))
    if not room.is_open:
        raise Gone(_("Cette salle est fermée : l'atelier est terminé."))


def new_code() -> str:
    """A short room code, easy to type on a phone."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def open_room(
    *, by: User, conversation: Conversation, title: str, chairs: int = 4, timer_seconds: int = 180
) -> Room:
    """Open a live room for a workshop on the conversation, with a fresh short code."""
    if not can_run(by, conversation):
        raise ActionNotAllowed(_("Seuls les agents et les animateurs de cette démarche ouvrent une salle."))
    if not is_open_for_votes(conversation):
        raise Conflict(_("La conversation est fermée : rouvrez-la avant d'ouvrir une salle."))
    title = " ".join(title.split()) or conversation.question[:200]
    if not 1 <= chairs <= 12:
        raise InvalidInput(
            _("Entre 1 et 12 chaises au centre."), field_errors={"chairs": _("Entre 1 et 12.")}
        )
    if not 30 <= timer_seconds <= 1800:
        message = _("Un temps de parole entre 30 secondes et 30 minutes.")
        raise InvalidInput(message, field_errors={"timer_seconds": message})
    for _attempt in range(10):
        try:
            with transaction.atomic():
                first = conversation.statements.filter(state=StatementState.ACCEPTED).order_by("id").first()
                return Room.objects.create(
                    conversation=conversation,
                    code=new_code(),
                    title=title[:200],
                    opened_by=by,
                    chairs=chairs,
                    timer_seconds=timer_seconds,
                    current_statement=first,
                )
        except IntegrityError:
            continue
    raise Conflict(_("Aucun code de salle libre n'a été trouvé : réessayez."))


@transaction.atomic
def show_statement(*, by: User, room: Room, statement: Statement | None) -> Room:
    """Put a statement on the projector and on every phone of the room."""
    _check_runs(by, room)
    if statement is not None and (
        statement.conversation_id != room.conversation_id or statement.state != StatementState.ACCEPTED
    ):
        raise InvalidInput(_("Cette affirmation n'est pas publiée dans cette conversation."))
    room.current_statement = statement
    room.save(update_fields=["current_statement", "updated_at"])
    return room


@transaction.atomic
def next_statement_in_room(*, by: User, room: Room) -> Room:
    """Show the next published statement after the current one (back to the first after the last)."""
    _check_runs(by, room)
    published = room.conversation.statements.filter(state=StatementState.ACCEPTED).order_by("id")
    after = published.filter(id__gt=room.current_statement_id or 0).first() or published.first()
    room.current_statement = after
    room.save(update_fields=["current_statement", "updated_at"])
    return room


@transaction.atomic
def add_remark(*, by: User, room: Room, text: str) -> Statement:
    """A scribe types what someone said in the centre: it becomes a statement, shown to the room to vote on."""
    _check_runs(by, room)
    (statement,) = add_staff_statements(
        by=by, conversation=room.conversation, texts=[text], room=room, seed=False
    )
    room.current_statement = statement
    room.save(update_fields=["current_statement", "updated_at"])
    return statement


@transaction.atomic
def ask_to_enter(*, room: Room, name: str, participant: Participant | None = None) -> FishbowlSeat:
    """Someone asks to come into the centre; they wait in the queue until the facilitator seats them."""
    if not room.is_open:
        raise Gone(_("Cette salle est fermée : l'atelier est terminé."))
    name = " ".join(name.split())
    if not name or len(name) > 60:
        message = _("Un prénom ou un pseudonyme de 60 caractères au plus.")
        raise InvalidInput(message, field_errors={"name": message})
    if participant is not None:
        waiting = room.seats.filter(
            participant=participant, state__in=[SeatState.QUEUED, SeatState.CENTRE]
        ).first()
        if waiting is not None:
            return waiting
    return FishbowlSeat.objects.create(room=room, name=name, participant=participant)


@transaction.atomic
def seat(*, by: User, seat: FishbowlSeat) -> FishbowlSeat:
    """Bring someone from the queue into the centre, when a chair is free."""
    room = Room.objects.select_for_update().select_related("conversation__process").get(pk=seat.room_id)
    _check_runs(by, room)
    if room.seats.filter(state=SeatState.CENTRE).count() >= room.chairs:
        raise Conflict(_("Toutes les chaises du centre sont prises : faites d'abord sortir quelqu'un."))
    seat.state = SeatState.CENTRE
    seat.seated_at = timezone.now()
    seat.save(update_fields=["state", "seated_at", "updated_at"])
    return seat


@transaction.atomic
def release(*, by: User, seat: FishbowlSeat) -> FishbowlSeat:
    """Someone leaves the centre (or the queue): their chair is free."""
    _check_runs(by, seat.room)
    seat.state = SeatState.DONE
    seat.save(update_fields=["state", "updated_at"])
    return seat


@transaction.atomic
def rotate(*, by: User, room: Room) -> Room:
    """The longest seated leaves the centre and the first in the queue comes in; the timer starts again."""
    room = Room.objects.select_for_update().select_related("conversation__process").get(pk=room.pk)
    _check_runs(by, room)
    centre = list(room.seats.filter(state=SeatState.CENTRE).order_by("seated_at", "id"))
    queued = room.seats.filter(state=SeatState.QUEUED).order_by("created_at", "id").first()
    if queued is None and not centre:
        raise Conflict(_("Personne n'est au centre ni dans la file : rien à faire tourner."))
    if centre and (queued is not None or len(centre) >= room.chairs):
        FishbowlSeat.objects.filter(pk=centre[0].pk).update(state=SeatState.DONE, updated_at=timezone.now())
        centre = centre[1:]
    if queued is not None and len(centre) < room.chairs:
        FishbowlSeat.objects.filter(pk=queued.pk).update(
            state=SeatState.CENTRE, seated_at=timezone.now(), updated_at=timezone.now()
        )
    room.timer_started_at = timezone.now()
    room.save(update_fields=["timer_started_at", "updated_at"])
    return room


@transaction.atomic
def start_timer(*, by: User, room: Room) -> Room:
    """Start the speaking time again."""
    _check_runs(by, room)
    room.timer_started_at = timezone.now()
    room.save(update_fields=["timer_started_at", "updated_at"])
    return room


def room_record(room: Room) -> dict[str, Any]:
    """What the room produced: its statements, its votes with their counts, and the map when it closed."""
    votes = Vote.objects.filter(participant__room=room)
    counts = {
        row["statement_id"]: row
        for row in votes.values("statement_id").annotate(
            agree=Count("id", filter=Q(value=1)),
            disagree=Count("id", filter=Q(value=-1)),
            passed=Count("id", filter=Q(value=0)),
        )
    }
    statements = []
    for statement in room.conversation.statements.filter(
        Q(room=room) | Q(id__in=list(counts)), state=StatementState.ACCEPTED
    ).order_by("id"):
        row: Any = counts.get(statement.pk, {})
        statements.append(
            {
                "id": statement.pk,
                "text": statement.text,
                "from_room": statement.room_id == room.pk,
                "agree": row.get("agree", 0),
                "disagree": row.get("disagree", 0),
                "pass": row.get("passed", 0),
            }
        )
    snapshot = MapSnapshot.objects.filter(conversation=room.conversation).first()
    return {
        "participants": Participant.objects.filter(room=room).count(),
        "votes": votes.count(),
        "statements": statements,
        "speakers": list(room.seats.exclude(state=SeatState.QUEUED).values_list("name", flat=True)),
        "map": {
            "groups": [
                {key: group[key] for key in ("id", "members", "hull", "representative")}
                for group in (snapshot.data.get("groups", []) if snapshot else [])
            ],
            "consensus": snapshot.data.get("consensus", {}) if snapshot else {},
            "divisive": snapshot.data.get("divisive", []) if snapshot else [],
            "vote_count": snapshot.vote_count if snapshot else 0,
        },
    }


def close_room(*, by: User, room: Room) -> Room:
    """Close the room: the map is computed once more and the room's record saved with the conversation; the passes
    given in the room stop working."""
    _check_runs(by, room)
    refresh_map(conversation_id=room.conversation_id)
    with transaction.atomic():
        locked = Room.objects.select_for_update().get(pk=room.pk)
        if not locked.is_open:
            raise Gone(_("Cette salle est déjà fermée."))
        room.record = room_record(room)
        room.closed_at = timezone.now()
        room.current_statement = None
        room.save(update_fields=["record", "closed_at", "current_statement", "updated_at"])
    return room

"""A person's account is erased: what the conversations keep of them stops saying who they were."""

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from bouquet.conversations.models import FishbowlSeat, Participant, Room, SeatState


@transaction.atomic
def forget_person(*, person: Any) -> int:
    """Their participations, votes and statements stay (the map and the counts stay true, and they were never
    signed with a name); the first name or pseudonym they gave for a chair of a fishbowl becomes « Compte
    supprimé », in the seats and in the record of rooms already closed. Returns how many seats changed."""
    participants = Participant.objects.filter(user=person)
    seats = FishbowlSeat.objects.filter(participant__in=participants)
    rooms = sorted(set(seats.values_list("room_id", flat=True)))
    label = _("Compte supprimé")
    changed = seats.exclude(name=label).update(name=label)
    for room in Room.objects.filter(pk__in=rooms, closed_at__isnull=False).exclude(Q(record={})):
        record = dict(room.record)
        record["speakers"] = list(
            room.seats.exclude(state=SeatState.QUEUED)
            .order_by("created_at", "id")
            .values_list("name", flat=True)
        )
        Room.objects.filter(pk=room.pk).update(record=record)
    return changed

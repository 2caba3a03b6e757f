"""Workshops for tests: scheduled through the real service, with the dates and room most tests do not care about."""

import datetime as dt
from typing import Any

from django.utils import timezone

from bouquet.accounts.models import User
from bouquet.outreach.models import Workshop
from bouquet.outreach.services import WorkshopInput, publish_workshop, schedule_workshop
from bouquet.processes.models import Process


def make_workshop(
    facilitator: User,
    process: Process,
    title: str = "Atelier de quartier",
    *,
    days: float = 3,
    hours: float = 2,
    place_name: str = "Maison de quartier",
    published: bool = False,
    **more: Any,
) -> Workshop:
    """A workshop starting in ``days`` (negative: it took place), lasting ``hours``; ``more`` goes to
    ``WorkshopInput`` (registration_open, capacity...); ``published`` publishes it as its facilitator would."""
    starts = timezone.now() + dt.timedelta(days=days)
    workshop = schedule_workshop(
        facilitator=facilitator,
        data=WorkshopInput(
            process=process,
            title=title,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=hours),
            place_name=place_name,
            **more,
        ),
    )
    if published:
        publish_workshop(facilitator=facilitator, workshop=workshop)
    return workshop

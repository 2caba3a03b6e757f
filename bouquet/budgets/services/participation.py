"""One participation per person and budget, whatever the channel (online or paper), also under concurrency."""

import datetime as dt

from django.db import IntegrityError, transaction

from bouquet.accounts.models import User
from bouquet.budgets.models import Budget, Channel, Participation
from bouquet.budgets.rules import replacement_refusal
from bouquet.core.errors import Conflict


def record_participation(
    *, budget: Budget, voter: User, channel: Channel, recorded_by: User | None, at: dt.datetime
) -> tuple[Participation, bool]:
    """The person's participation: created now (``True``), or, when they already took part and may replace
    their ballot, their existing row, locked until the caller's transaction ends (``False``); a refused
    replacement raises ``Conflict``. Call it inside a transaction."""
    try:
        with transaction.atomic():
            created = Participation.objects.create(
                budget=budget,
                voter=voter,
                channel=channel,
                recorded_by=recorded_by,
                created_at=at,
                updated_at=at,
            )
            return created, True
    except IntegrityError:
        # Someone (this person in another tab, or an agent with their paper ballot) got here first:
        # wait for their transaction, then decide on the row it left.
        participation = Participation.objects.select_for_update().get(budget=budget, voter=voter)
        refusal = replacement_refusal(budget, participation, channel)
        if refusal is not None:
            raise Conflict(refusal) from None
        return participation, False

"""One participation per person and budget, whatever the channel (online or paper), also under concurrency.

A person is known by their account (``voter``) and, when their identity is verified or an agent checked it at
a desk, by its keyed hash (``identity``); each is unique per budget, so a paper ballot and an online vote of the
same person cannot both be recorded, even at the same moment."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy

from bouquet.accounts.models import User
from bouquet.budgets.models import Budget, Channel, Participation
from bouquet.budgets.rules import replacement_refusal
from bouquet.core.errors import Conflict

DIFFERENT_ACCOUNT = gettext_lazy("Cette personne a déjà voté dans ce budget avec un autre compte.")


def record_participation(
    *,
    budget: Budget,
    voter: User | None,
    channel: Channel,
    recorded_by: User | None,
    at: dt.datetime,
    identity: str = "",
) -> tuple[Participation, bool]:
    """The person's participation: created now (``True``), or, when they already took part and may replace
    their ballot, their existing row, locked until the caller's transaction ends (``False``); a refused
    replacement raises ``Conflict``. Call it inside a transaction."""
    if voter is None and not identity:
        raise ValueError("a participation needs an account or an identity")
    try:
        with transaction.atomic():
            created = Participation.objects.create(
                budget=budget,
                voter=voter,
                identity=identity,
                channel=channel,
                recorded_by=recorded_by,
                created_at=at,
                updated_at=at,
            )
            return created, True
    except IntegrityError:
        # Someone (this person in another tab, or an agent with their paper ballot) got here first:
        # wait for their transaction, then decide on the row it left.
        same_person = Q(identity=identity) if identity else Q()
        if voter is not None:
            same_person = same_person | Q(voter=voter) if identity else Q(voter=voter)
        participation = Participation.objects.select_for_update().filter(same_person, budget=budget).first()
        if (
            participation is None
        ):  # pragma: no cover - the row that collided cannot vanish: nothing deletes it
            raise
        refusal = replacement_refusal(budget, participation, channel)
        if refusal is None and voter is not None and participation.voter_id not in (None, voter.pk):
            refusal = str(DIFFERENT_ACCOUNT)
        if refusal is not None:
            raise Conflict(refusal) from None
        return participation, False

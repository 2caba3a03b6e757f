"""Secret ballots: sealed at once beside the participation, opened and written in shuffled order by the mix.

The participation (one per person, under a unique constraint) and the sealed ballot are written in one
transaction, so that a vote is never lost nor doubled; the sealed ballot is ciphertext whose key is not in the
database, so that sharing a transaction id or a position with the participation tells nothing. The mix opens
the whole pool in a transaction of its own, shuffles it and writes it as ``Ballot`` rows with random ids and
the vote's closing day as their only date, then deletes the pool. See docs/decisions/0012-secret-ballots.md.
"""

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.budgets import sealing
from bouquet.budgets.models import (
    Ballot,
    BallotKind,
    BallotLine,
    Budget,
    BudgetProject,
    Channel,
    SealedBallot,
)
from bouquet.budgets.services.participation import record_participation
from bouquet.core.errors import Conflict

MIX_BATCH = 2000  # rows per INSERT while writing the shuffled pool


@dataclass(frozen=True)
class Cast:
    """What casting a ballot gave: the ballot when it is stored in the clear at once (budgets that are not
    secret), and the receipt to show once to the voter of a new secret ballot cast online."""

    ballot: Ballot | None = None
    receipt: str = ""


def start_of_day() -> dt.datetime:
    """Today at local midnight: the only time a secret budget's participation keeps."""
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time()))


def _capacity(budget: Budget, on_ballot: int) -> int:
    return min(budget.max_projects or on_ballot, on_ballot)


def _sealed_row(budget: Budget, choices: Mapping[int, int], on_ballot: int, receipt: str) -> SealedBallot:
    hashes = sealing.receipt_hashes(budget_id=budget.pk, token=receipt)
    row = SealedBallot(budget=budget, receipt=hashes[0] if hashes else "")
    row.sealed = sealing.seal(
        budget_id=budget.pk, row_id=str(row.pk), choices=choices, capacity=_capacity(budget, on_ballot)
    )
    return row


def _replace_sealed(budget: Budget, choices: Mapping[int, int], on_ballot: int, receipt: str) -> None:
    """Replace the sealed ballot this receipt points at; the participation is left untouched, so that a change
    writes nothing beside the person's name."""
    hashes = sealing.receipt_hashes(budget_id=budget.pk, token=receipt)
    if not hashes:
        raise Conflict(
            _(
                "Vous avez déjà voté. Le vote est secret : pour le modifier, saisissez le reçu remis à la fin "
                "de votre vote."
            ),
            field_errors={"recu": _("Saisissez votre reçu.")},
        )
    row = SealedBallot.objects.select_for_update().filter(budget=budget, receipt__in=hashes).first()
    if row is None:
        message = _("Ce reçu ne correspond à aucun bulletin en attente de dépouillement dans ce vote.")
        raise Conflict(message, field_errors={"recu": message})
    row.sealed = sealing.seal(
        budget_id=budget.pk, row_id=str(row.pk), choices=choices, capacity=_capacity(budget, on_ballot)
    )
    row.save(update_fields=["sealed"])


def cast_secret_ballot(
    *,
    voter: User | None,
    budget: Budget,
    choices: Mapping[int, int],
    on_ballot: int,
    channel: Channel,
    recorded_by: User | None,
    receipt: str,
    identity: str = "",
) -> Cast:
    """Record a person's participation and seal their (checked) ballot in one transaction; with the receipt of
    their first vote, replace the sealed ballot instead (online, until the mix)."""
    with transaction.atomic():
        _participation, created = record_participation(
            budget=budget,
            voter=voter,
            identity=identity,
            channel=channel,
            recorded_by=recorded_by,
            at=start_of_day(),
        )
        if not created:
            _replace_sealed(budget, choices, on_ballot, receipt)
            return Cast()
        token = sealing.new_receipt() if channel == Channel.ONLINE else ""
        _sealed_row(budget, choices, on_ballot, token).save(force_insert=True)
    return Cast(receipt=token)


@transaction.atomic
def mix_sealed_ballots(*, budget: Budget) -> int:
    """Open every sealed ballot of the budget, shuffle them and write them as anonymous ballots dated the vote's
    closing day, then delete the pool; return how many were written."""
    Budget.objects.select_for_update().get(pk=budget.pk)  # one mix at a time, and results wait for it
    rows = list(SealedBallot.objects.filter(budget=budget))
    if not rows:
        return 0
    known = set(BudgetProject.objects.filter(budget=budget).values_list("pk", flat=True))
    try:
        opened = [sealing.unseal(budget_id=budget.pk, row_id=str(row.pk), blob=row.sealed) for row in rows]
    except sealing.SealError as error:
        raise Conflict(
            _(
                "Des bulletins scellés ne s'ouvrent pas : la clé secrète du serveur (SECRET_KEY) a changé sans que "
                "l'ancienne soit gardée dans SECRET_KEY_FALLBACKS, ou la base a été modifiée."
            )
        ) from error
    random.SystemRandom().shuffle(opened)
    ballots = [Ballot(budget=budget, cast_on=budget.phase.ends_on) for _choices in opened]
    Ballot.objects.bulk_create(ballots, batch_size=MIX_BATCH)
    kind = BallotKind(budget.ballot_kind)
    BallotLine.objects.bulk_create(
        (
            BallotLine(ballot=ballot, project_id=pk, **kind.line_fields(value))
            for ballot, choices in zip(ballots, opened, strict=True)
            for pk, value in sorted(choices.items())
            if pk in known
        ),
        batch_size=MIX_BATCH,
    )
    SealedBallot.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)

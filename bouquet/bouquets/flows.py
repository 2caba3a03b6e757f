"""Use cases that go beyond one service: each is a chain of calls a reader can follow, from the request to the
work handed to the background worker.

Submitting a proposal belongs to the proposals app, which may not know bouquets (bouquets build on proposals,
not the reverse), so the use case that also places the proposal in a bouquet lives here, above both. Pages, the
API and any other caller that submits on someone's behalf call ``submit_and_place_proposal``."""

from collections.abc import Iterable
from functools import partial

from django.db import transaction

from bouquet.accounts.models import User
from bouquet.bouquets.models import Clustering
from bouquet.bouquets.services.grouping import queue_grouping
from bouquet.bouquets.tasks import place_new_proposal, regroup_proposals
from bouquet.processes.models import Process
from bouquet.proposals.models import Origin, Proposal
from bouquet.proposals.services import ProposalInput, submit_proposal


def submit_and_place_proposal(
    *,
    author: User,
    process: Process,
    data: ProposalInput,
    origin: Origin = Origin.ONLINE,
    coauthors: Iterable[User] = (),
) -> Proposal:
    """Publish a proposal, then place it in its theme and bouquet in the background once it is saved."""
    with transaction.atomic():
        proposal = submit_proposal(
            author=author, process=process, data=data, origin=origin, coauthors=coauthors
        )
        transaction.on_commit(partial(place_new_proposal.enqueue, proposal.pk))
    return proposal


def request_grouping(*, agent: User, process: Process, themes: int | None = None) -> Clustering:
    """Queue a regrouping of a process's proposals and hand it to the worker once saved (a queued or running one
    is returned instead of starting twice)."""
    with transaction.atomic():
        clustering, created = queue_grouping(agent=agent, process=process, themes=themes)
        if created:
            transaction.on_commit(partial(regroup_proposals.enqueue, clustering.pk))
    return clustering

"""Background work of the bouquets app (Django's task interface: immediate in tests, a worker in production).

Tasks call services; services never import tasks. Work is handed over by ``bouquet.bouquets.flows``."""

from django.tasks import task

from bouquet.bouquets.services.grouping import run_grouping
from bouquet.bouquets.services.placement import place_proposal
from bouquet.proposals.models import Proposal


@task
def regroup_proposals(clustering_id: int) -> None:
    """Run a queued regrouping."""
    run_grouping(clustering_id=clustering_id)


@task
def place_new_proposal(proposal_id: int) -> None:
    """Place a newly submitted proposal in its theme and bouquet."""
    proposal = Proposal.objects.select_related("process").filter(pk=proposal_id).first()
    if proposal is not None:
        place_proposal(proposal=proposal)

"""Background work of the bouquets app (Django's task interface: immediate in tests, a worker in production)."""

from django.tasks import task

from bouquet.bouquets import services
from bouquet.proposals.models import Proposal


@task
def regroup_proposals(clustering_id: int) -> None:
    """Run a queued regrouping."""
    services.run_grouping(clustering_id=clustering_id)


@task
def place_new_proposal(proposal_id: int) -> None:
    """Place a newly submitted proposal in its theme and bouquet."""
    proposal = Proposal.objects.select_related("process").filter(pk=proposal_id).first()
    if proposal is not None:
        services.place_proposal(proposal=proposal)

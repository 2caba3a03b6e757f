"""Background work of the outreach app."""

from django.tasks import task

from bouquet.bouquets.services import place_proposal
from bouquet.outreach import services
from bouquet.proposals.models import Proposal


@task
def send_workshop_reminders() -> int:
    """Remind the people registered for the workshops of the next day (once per workshop)."""
    return services.send_workshop_reminders()


@task
def place_gathered_proposals(proposal_ids: list[int]) -> int:
    """Place a batch of gathered proposals (a paper import) in their themes and bouquets; returns how many."""
    proposals = Proposal.objects.select_related("process").filter(pk__in=proposal_ids).order_by("pk")
    placed = 0
    for proposal in proposals:
        place_proposal(proposal=proposal)
        placed += 1
    return placed

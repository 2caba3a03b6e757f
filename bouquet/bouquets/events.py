"""What the bouquets app tells people: a proposal joins a bouquet (placed on arrival, or moved by an agent).

A regrouping that redraws every bouquet tells nobody: hundreds of moves at once would be noise, and the
process's page shows the new bouquets."""

from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import User
from bouquet.bouquets.models import Bouquet
from bouquet.notifications import selectors as follows
from bouquet.notifications import services as notifications
from bouquet.notifications.kinds import Kind, register
from bouquet.proposals.models import Proposal

PROPOSAL_JOINED = register(
    Kind(
        code="bouquets.proposal_joined",
        label=_("Une proposition rejoint un bouquet"),
        message=_("« %(proposal)s » a rejoint le bouquet « %(target)s »."),
    )
)


def proposal_joined(proposal: Proposal, bouquet: Bouquet, *, actor: User | None = None) -> int:
    """Tell the followers of the proposal and of the bouquet, once each (and once for this proposal in this
    bouquet, however often it is placed there again); returns how many."""
    people = follows.follower_ids([proposal, bouquet])
    if not people:
        return 0
    return notifications.announce(
        PROPOSAL_JOINED.code,
        bouquet,
        actor=actor,
        recipients=people,
        context={"proposal": proposal.title},
        once=f"proposal-{proposal.pk}",
    )

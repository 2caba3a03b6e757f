"""Proposals on a place's timeline: each public proposal about the place, and the authority's answer to it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from bouquet.places.models import Place
from bouquet.places.timeline import TimelineItem
from bouquet.proposals.models import Proposal, Status

SUMMARY_WORDS = 40
ANSWERED = (Status.ACCEPTED, Status.REJECTED)


def proposals_on_place(place: Place, *, limit: int) -> list[TimelineItem]:
    """The public proposals about the place (newest first, at most ``limit``) and the decisions on them: one
    query."""
    proposals = (
        Proposal.objects.public()
        .filter(place=place)
        .only("id", "title", "body", "status", "answer", "answered_at", "created_at")
        .order_by("-created_at", "-id")[:limit]
    )
    items: list[TimelineItem] = []
    for proposal in proposals:
        url = reverse("proposals:detail", kwargs={"pk": proposal.pk})
        items.append(
            TimelineItem(
                starts_on=timezone.localdate(proposal.created_at),
                kind="proposal",
                kind_label=_("Proposition"),
                title=proposal.title,
                url=url,
                summary=Truncator(proposal.body).words(SUMMARY_WORDS),
            )
        )
        if proposal.status in ANSWERED and proposal.answered_at is not None:
            items.append(
                TimelineItem(
                    starts_on=timezone.localdate(proposal.answered_at),
                    kind="decision",
                    kind_label=_("Décision"),
                    title=(
                        _("Proposition retenue : %(title)s")
                        if proposal.status == Status.ACCEPTED
                        else _("Proposition non retenue : %(title)s")
                    )
                    % {"title": proposal.title},
                    url=url,
                    summary=Truncator(proposal.answer).words(SUMMARY_WORDS),
                )
            )
    return items[:limit]

"""Reads of the bouquets pages count what counts: withdrawn and hidden proposals stay placed but are not counted."""

import pytest
from django.urls import reverse

from bouquet.bouquets.models import Bouquet, Placement, Topic
from bouquet.bouquets.selectors import bouquet_for_page, bouquets_overview, ungrouped_proposals
from bouquet.proposals.models import Moderation, Status
from tests.factories import ProcessFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed():
    """One theme, one bouquet of a live, a withdrawn and a hidden proposal, and the same three ungrouped."""
    process = ProcessFactory()
    topic = Topic.objects.create(process=process, key="T1", label="Cadre de vie")
    bouquet = Bouquet.objects.create(process=process, topic=topic, key="B1", label="Ombre")
    kinds = {
        "live": {},
        "withdrawn": {"status": Status.WITHDRAWN},
        "hidden": {"moderation": Moderation.HIDDEN},
    }
    proposals = {}
    for where in (bouquet, None):
        for name, fields in kinds.items():
            proposal = ProposalFactory(process=process, support_count=10, **fields)
            Placement.objects.create(proposal=proposal, process=process, topic=topic, bouquet=where)
            proposals[(name, where is not None)] = proposal
    return process, bouquet, proposals


def test_overview_counts_sizes_and_supports_of_live_proposals_only(placed):
    process, bouquet, _proposals = placed
    [topic] = bouquets_overview(process=process)
    assert (topic.size, topic.ungrouped) == (2, 1)
    [counted] = topic.bouquet_list
    assert (counted.pk, counted.size, counted.supports) == (bouquet.pk, 1, 10)


def test_a_bouquet_page_and_the_pool_list_live_proposals_only(client, placed):
    process, bouquet, proposals = placed
    assert [p.proposal_id for p in bouquet_for_page(pk=bouquet.pk).members] == [proposals[("live", True)].pk]
    assert [p.proposal_id for p in ungrouped_proposals(process=process)] == [proposals[("live", False)].pk]
    api = client.get(f"/api/v1/processes/{process.slug}/bouquets").json()
    assert [(b["size"], b["supports"]) for b in api] == [(1, 10)]
    page = client.get(reverse("bouquets:process", args=[process.slug])).content.decode()
    assert proposals[("withdrawn", False)].title not in page and proposals[("live", False)].title in page

"""Reads of the bouquets pages count what counts: withdrawn and hidden proposals stay placed but are not counted."""

import pytest
from django.urls import reverse

from bouquet.bouquets.models import Bouquet, Placement, Topic
from bouquet.bouquets.selectors import (
    bouquet_for_page,
    bouquets_overview,
    explain_placements,
    ungrouped_proposals,
)
from bouquet.bouquets.services import move_proposal
from bouquet.proposals.models import Moderation, Status
from tests.bouquets.conftest import bouquet_of, regroup
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


def test_why_here_names_the_nearest_members_and_changes_when_an_agent_moves_it(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    """« Regroupée avec « … » : elles parlent de « … » », no score; after a move, the agent's decision."""
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    placement = Placement.objects.select_related("proposal").get(proposal_id=ids["ombre"][0])
    explain_placements([placement])
    assert placement.why.startswith("Regroupée avec « ")
    assert not any(ch.isdigit() for ch in placement.why.replace(placement.proposal.title, ""))
    others = Placement.objects.filter(proposal_id__in=placement.nearest_ids).values_list(
        "proposal__title", flat=True
    )
    assert any(f"« {title} »" in placement.why for title in others)

    bikes = Bouquet.objects.get(pk=bouquet_of(ids["velo"][0]))
    move_proposal(agent=agent, proposal=placement.proposal, to=bikes)
    moved = Placement.objects.get(pk=placement.pk)
    explain_placements([moved])
    assert moved.why == "Placée dans ce bouquet par un agent de la collectivité."
    assert moved.shared_keywords == [] and moved.nearest_ids == []

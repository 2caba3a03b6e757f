"""Cross-app flows written as calls: submitting a proposal, then placing it in a bouquet, from the page and the
API; regrouping handed to the worker exactly once. No settings string links the apps any more."""

import json

import pytest
from django.conf import settings
from django.urls import reverse

from bouquet.accounts.services import issue_api_token
from bouquet.bouquets import flows
from bouquet.bouquets.models import Clustering, Placement
from bouquet.proposals.models import Proposal
from bouquet.proposals.services import ProposalInput, submit_proposal
from tests.bouquets.conftest import bouquet_of, regroup

pytestmark = pytest.mark.django_db

SHADE = {
    "title": "Des arbres pour l'ombre place des Tilleuls",
    "body": "Il fait trop chaud l'été sur la place : des arbres et de l'ombre.",
}


@pytest.fixture
def grouped(agent, process_with_needs, django_capture_on_commit_callbacks):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    return process, ids


def test_no_settings_string_links_proposals_to_bouquets():
    assert not hasattr(settings, "BOUQUET_PROPOSAL_SUBMITTED_HOOKS")
    assert not hasattr(settings, "BOUQUET_SIMILAR_PROPOSALS_FINDER")


def test_the_proposals_service_alone_places_nothing(citizen, grouped, django_capture_on_commit_callbacks):
    process, _ids = grouped
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        proposal = submit_proposal(author=citizen, process=process, data=ProposalInput(**SHADE))
    assert callbacks == [] and not Placement.objects.filter(proposal=proposal).exists()


def test_submit_and_place_places_the_new_proposal_once_saved(
    citizen, grouped, django_capture_on_commit_callbacks
):
    process, ids = grouped
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        proposal = flows.submit_and_place_proposal(
            author=citizen, process=process, data=ProposalInput(**SHADE)
        )
        assert not Placement.objects.filter(proposal=proposal).exists()  # nothing before the commit
    assert len(callbacks) == 1
    callbacks[0]()  # the commit hands it to the worker (immediate in tests)
    assert bouquet_of(proposal.pk) == bouquet_of(ids["ombre"][0])


def test_the_page_submits_and_places(logged_client, grouped, django_capture_on_commit_callbacks):
    process, ids = grouped
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_client.post(
            reverse("proposals:create", args=[process.slug]), SHADE | {"confirmer": "1"}
        )
    assert response.status_code == 302
    proposal = Proposal.objects.get(title=SHADE["title"])
    assert bouquet_of(proposal.pk) == bouquet_of(ids["ombre"][0])


def test_the_api_submits_and_places(client, citizen, grouped, django_capture_on_commit_callbacks):
    process, ids = grouped
    token = issue_api_token(user=citizen, name="tests")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v1/processes/{process.slug}/proposals",
            data=json.dumps(SHADE),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 201, response.content
    assert bouquet_of(response.json()["id"]) == bouquet_of(ids["ombre"][0])


def test_a_regrouping_is_handed_to_the_worker_once(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    process, _ids = process_with_needs
    with django_capture_on_commit_callbacks(execute=False) as first:
        queued = flows.request_grouping(agent=agent, process=process)
    with django_capture_on_commit_callbacks(execute=False) as second:
        again = flows.request_grouping(agent=agent, process=process, themes=3)
    assert again == queued and (len(first), len(second)) == (1, 0)
    first[0]()
    queued.refresh_from_db()
    assert queued.state == Clustering.State.DONE

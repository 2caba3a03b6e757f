"""Refusals and invisible things answer the same way in pages and in the API."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.accounts.models import Role
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Moderation, ModerationDecision, Proposal, Status
from bouquet.proposals.services import moderate_item
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(user: object | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize("moderation", [Moderation.HIDDEN, Moderation.PENDING])
def test_a_hidden_proposal_is_not_found_for_others_in_pages_and_api(moderation: str) -> None:
    proposal = ProposalFactory(moderation=moderation)
    page = reverse("proposals:detail", kwargs={"pk": proposal.pk})
    api = f"/api/v1/proposals/{proposal.pk}"
    for client in (_client(), _client(UserFactory())):
        assert client.get(page).status_code == 404
        assert client.get(api).status_code == 404
    # Its author and the moderators still open it, with the notice that it is hidden.
    for user in (proposal.author, UserFactory(role=Role.MODERATOR)):
        response = _client(user).get(page)
        assert response.status_code == 200
        assert "masquée au public" in response.content.decode()


def test_a_proposal_of_an_unpublished_process_is_not_found() -> None:
    proposal = ProposalFactory(process=ProcessFactory(is_published=False))
    assert _client().get(reverse("proposals:detail", kwargs={"pk": proposal.pk})).status_code == 404
    assert _client().get(f"/api/v1/proposals/{proposal.pk}").status_code == 404


def test_a_refused_action_shows_its_reason_under_its_status_and_changes_nothing() -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    stranger = _client(UserFactory())
    response = stranger.post(
        reverse("proposals:withdraw", kwargs={"pk": proposal.pk}), HTTP_REFERER="http://testserver/x/"
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Action refusée" in body
    assert 'href="http://testserver/x/"' in body  # a way back to where the person was
    proposal.refresh_from_db()
    assert proposal.status != Status.WITHDRAWN


def test_a_refusal_never_links_back_to_another_site() -> None:
    proposal = ProposalFactory()
    response = _client(UserFactory()).post(
        reverse("proposals:withdraw", kwargs={"pk": proposal.pk}), HTTP_REFERER="https://ailleurs.example/"
    )
    assert response.status_code == 403
    assert "ailleurs.example" not in response.content.decode()


def test_an_incomplete_answer_is_refused_with_422_and_the_proposal_keeps_its_status() -> None:
    proposal = ProposalFactory()
    response = _client(UserFactory(role=Role.AGENT)).post(
        reverse("proposals:answer", kwargs={"pk": proposal.pk}), {"status": "inconnu", "answer": ""}
    )
    assert response.status_code == 422
    assert Proposal.objects.get(pk=proposal.pk).status == Status.SUBMITTED


@pytest.mark.parametrize("page", ["processes:detail", "proposals:list"])
def test_an_anonymous_visitor_is_told_how_to_propose_while_proposals_are_open(page: str) -> None:
    open_process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    create = reverse("proposals:create", kwargs={"slug": open_process.slug})
    anonymous = Client().get(reverse(page, kwargs={"slug": open_process.slug})).content.decode()
    assert "Connectez-vous pour proposer" in anonymous and f"?next={create}" in anonymous
    signed_in = _client(UserFactory()).get(reverse(page, kwargs={"slug": open_process.slug})).content.decode()
    assert "Déposer une proposition" in signed_in and "Connectez-vous pour proposer" not in signed_in
    closed = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
    later = Client().get(reverse(page, kwargs={"slug": closed.slug})).content.decode()
    assert "Connectez-vous pour proposer" not in later and "Déposer une proposition" not in later


def test_the_author_of_a_hidden_proposal_sees_the_moderators_reason() -> None:
    proposal = ProposalFactory()
    moderator = UserFactory(role=Role.MODERATOR)
    moderate_item(
        moderator=moderator,
        verdict=ModerationDecision.Verdict.HIDE,
        reason="Propos injurieux envers un voisin",
        proposal=proposal,
    )
    page = _client(proposal.author).get(reverse("proposals:detail", kwargs={"pk": proposal.pk}))
    assert "Propos injurieux envers un voisin" in page.content.decode()
    assert (
        _client(UserFactory()).get(reverse("proposals:detail", kwargs={"pk": proposal.pk})).status_code == 404
    )

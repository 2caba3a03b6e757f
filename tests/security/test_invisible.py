"""What one may not read stays unreadable through every side door the authorisation matrix found open:
report forms that quote the item, a comment form that shows the proposal's title again, joining a proposal
as co-author (which would open it), and bouquet pages of a process that is not published."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.accounts.models import User
from bouquet.processes.models import PhaseKind
from bouquet.proposals import rules
from bouquet.proposals.models import Comment, Moderation, Proposal, Report
from tests.factories import (
    BouquetFactory,
    CommentFactory,
    PlacementFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Texte que personne ne doit lire"


def _signed_in(user: User | None = None) -> Client:
    client = Client()
    client.force_login(user or UserFactory())
    return client


@pytest.fixture(params=["hidden", "unpublished process"])
def unreadable(request: pytest.FixtureRequest) -> Proposal:
    if request.param == "hidden":
        return ProposalFactory(title=SECRET, body=SECRET, moderation=Moderation.HIDDEN)
    return ProposalFactory(title=SECRET, body=SECRET, process=ProcessFactory(is_published=False))


def test_the_report_form_of_an_unreadable_proposal_is_not_found(unreadable: Proposal) -> None:
    url = reverse("proposals:report", kwargs={"pk": unreadable.pk})
    response = _signed_in().get(url)
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert _signed_in().post(url, {"reason": "Propos injurieux."}).status_code == 404
    assert not Report.objects.exists()
    # Its author still reaches it.
    assert _signed_in(unreadable.author).get(url).status_code == 200


@pytest.mark.parametrize("case", ["hidden comment", "comment of a hidden proposal", "unpublished process"])
def test_the_report_form_of_an_unreadable_comment_is_not_found(case: str) -> None:
    if case == "hidden comment":
        comment = CommentFactory(body=SECRET, moderation=Moderation.HIDDEN)
    elif case == "comment of a hidden proposal":
        comment = CommentFactory(body=SECRET, proposal=ProposalFactory(moderation=Moderation.HIDDEN))
    else:
        comment = CommentFactory(
            body=SECRET, proposal=ProposalFactory(process=ProcessFactory(is_published=False))
        )
    url = reverse("proposals:report-comment", kwargs={"pk": comment.pk})
    response = _signed_in().get(url)
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert _signed_in(UserFactory(role="moderator")).get(url).status_code == 200


def test_an_empty_comment_on_an_unreadable_proposal_does_not_show_its_title(unreadable: Proposal) -> None:
    response = _signed_in().post(reverse("proposals:comment", kwargs={"pk": unreadable.pk}), {"body": ""})
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_nobody_comments_on_a_proposal_of_an_unpublished_process() -> None:
    proposal = ProposalFactory(process=ProcessFactory(is_published=False, current_phase=PhaseKind.PROPOSALS))
    response = _signed_in().post(
        reverse("proposals:comment", kwargs={"pk": proposal.pk}), {"body": "Bonjour."}
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()
    assert not rules.can_comment(proposal.author, proposal)


def test_asking_to_join_an_unreadable_proposal_does_not_open_it() -> None:
    proposal = ProposalFactory(
        title=SECRET, process=ProcessFactory(is_published=False, current_phase=PhaseKind.PROPOSALS)
    )
    stranger = UserFactory()
    url = reverse("proposals:ask-to-join", kwargs={"pk": proposal.pk})
    assert _signed_in(stranger).get(url).status_code == 404
    response = _signed_in(stranger).post(url, {"message": "Je veux la lire."})
    assert response.status_code == 404
    assert not proposal.coauthors.exists() and not proposal.coauthor_requests.exists()
    assert _signed_in(stranger).get(proposal.get_absolute_url()).status_code == 404


def test_nobody_supports_a_proposal_of_an_unpublished_process() -> None:
    proposal = ProposalFactory(process=ProcessFactory(is_published=False, current_phase=PhaseKind.SUPPORTS))
    assert not rules.can_support(UserFactory(), proposal)
    published = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    assert rules.can_support(UserFactory(), published)


def test_a_bouquet_of_an_unpublished_process_is_not_found_in_pages_and_api() -> None:
    bouquet = BouquetFactory(process=ProcessFactory(is_published=False), label=SECRET)
    PlacementFactory(proposal=ProposalFactory(process=bouquet.process), bouquet=bouquet)
    for client in (Client(), _signed_in()):
        page = client.get(reverse("bouquets:detail", kwargs={"pk": bouquet.pk}))
        assert page.status_code == 404
        assert SECRET not in page.content.decode()
        assert client.get(f"/api/v1/bouquets/{bouquet.pk}").status_code == 404

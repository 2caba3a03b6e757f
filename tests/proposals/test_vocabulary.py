"""« A proposal that counts » and « a proposal someone may read »: one definition each, and what they mean."""

import itertools

import pytest

from bouquet.accounts.models import Role
from bouquet.proposals.models import Moderation, Proposal, Status
from bouquet.proposals.rules import can_read
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

CASES = list(itertools.product(Moderation.values, Status.values, [True, False]))


def _make_all() -> dict[tuple[str, str, bool], Proposal]:
    processes = {published: ProcessFactory(is_published=published) for published in (True, False)}
    return {
        (moderation, status, published): ProposalFactory(
            process=processes[published], moderation=moderation, status=status
        )
        for moderation, status, published in CASES
    }


def test_live_means_published_by_moderation_and_not_withdrawn() -> None:
    made = _make_all()
    live = set(Proposal.objects.live().values_list("pk", flat=True))
    for (moderation, status, _published), proposal in made.items():
        expected = moderation == Moderation.PUBLISHED and status != Status.WITHDRAWN
        assert (proposal.pk in live) is expected, (moderation, status)
        assert proposal.is_live is expected  # the single-object twin says the same


def test_public_means_not_hidden_in_a_published_process_withdrawn_included() -> None:
    made = _make_all()
    public = set(Proposal.objects.public().values_list("pk", flat=True))
    anonymous = UserFactory.build(role=Role.INHABITANT)  # not saved: signed-in checks fail like an anonymous
    for (moderation, status, published), proposal in made.items():
        expected = moderation == Moderation.PUBLISHED and published
        assert (proposal.pk in public) is expected, (moderation, status, published)
        assert can_read(None, proposal) is expected
        assert can_read(anonymous, proposal) is expected


def test_hidden_proposal_is_readable_by_its_author_and_moderators_only() -> None:
    proposal = ProposalFactory(moderation=Moderation.HIDDEN)
    assert can_read(proposal.author, proposal)
    assert can_read(UserFactory(role=Role.MODERATOR), proposal)
    assert not can_read(UserFactory(), proposal)
    coauthor = UserFactory()
    proposal.coauthors.add(coauthor)
    assert can_read(coauthor, proposal)

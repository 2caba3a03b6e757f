"""Each event, announced by the app where it happens: who is told, exactly once; who follows automatically."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from bouquet.bouquets.services.curation import move_proposal
from bouquet.budgets.services import cast_ballot, compute_results
from bouquet.notifications import services as notifications
from bouquet.notifications.models import Follow, Notification
from bouquet.processes.events import announce_phase_starts
from bouquet.processes.models import Phase, PhaseKind
from bouquet.proposals import services as proposals
from bouquet.proposals.models import CoauthorRequest, ModerationDecision, Status
from bouquet.proposals.services import ProposalInput
from tests.factories import (
    BouquetFactory,
    BudgetFactory,
    CommentFactory,
    PlacementFactory,
    ProcessFactory,
    ProposalFactory,
    UserFactory,
    close_vote,
)
from tests.notifications.conftest import verified_person

pytestmark = pytest.mark.django_db


def told(kind: str) -> list[int]:
    """The recipients of this kind, sorted (a person twice would show twice)."""
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))


def follows(user, target) -> bool:
    return Follow.objects.filter(
        user=user, object_id=target.pk, content_type__model=target._meta.model_name
    ).exists()


def test_submitting_follows_the_proposal_and_its_process():
    author = UserFactory()
    process = ProcessFactory()
    proposal = proposals.submit_proposal(
        author=author,
        process=process,
        data=ProposalInput(title="Des bancs au square", body="Des bancs pour tous."),
    )
    assert Follow.objects.get(user=author, object_id=proposal.pk, content_type__model="proposal").automatic
    assert follows(author, process)


def test_the_authoritys_answer_reaches_followers_once(django_capture_on_commit_callbacks):
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    supporter, agent = verified_person(), UserFactory(agent=True)
    proposals.add_support(citizen=supporter, proposal=proposal)
    notifications.follow(supporter, proposal)  # already following: still one notification
    notifications.follow(agent, proposal)
    with django_capture_on_commit_callbacks(execute=True):
        proposals.answer_proposal(
            agent=agent, proposal=proposal, status=Status.ACCEPTED, answer="Nous le ferons."
        )
    assert told("proposals.answered") == [supporter.pk]
    assert [m.to for m in mail.outbox] == [[supporter.email]]
    assert Status.ACCEPTED.label.lower() in Notification.objects.get().message().lower()


def test_a_reply_tells_the_comment_author_and_the_others_hear_of_a_comment():
    proposal = ProposalFactory()
    commenter, replier, follower = UserFactory(), UserFactory(), UserFactory()
    notifications.follow(commenter, proposal)
    notifications.follow(follower, proposal)
    notifications.follow(replier, proposal)
    first = CommentFactory(proposal=proposal, author=commenter)
    proposals.add_comment(author=replier, proposal=proposal, body="Je réponds à votre idée.", parent=first)
    assert told("proposals.comment_reply") == [commenter.pk]
    assert told("proposals.commented") == [follower.pk]  # neither the replier nor (twice) the commenter


def test_a_moderation_decision_tells_the_author_without_naming_the_moderator(
    django_capture_on_commit_callbacks,
):
    comment = CommentFactory()
    moderator = UserFactory(moderator=True)
    with django_capture_on_commit_callbacks(execute=True):
        proposals.moderate_item(
            moderator=moderator,
            verdict=ModerationDecision.Verdict.HIDE,
            reason="Propos injurieux",
            comment=comment,
        )
    row = Notification.objects.get(kind="proposals.moderated")
    assert row.recipient == comment.author and row.actor is None
    assert "Propos injurieux" in row.message() and moderator.public_name not in row.message()


def test_coauthorship_request_and_answer():
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    asker = UserFactory()
    request = proposals.request_coauthorship(citizen=asker, proposal=proposal, message="Je vous rejoins ?")
    assert told("proposals.coauthor_request") == [proposal.author_id]
    proposals.answer_coauthor_request(author=proposal.author, request=request, accept=True)
    assert told("proposals.coauthor_answer") == [asker.pk]
    assert CoauthorRequest.objects.get().state == CoauthorRequest.State.ACCEPTED
    assert follows(asker, proposal)


def test_a_proposal_moved_into_a_bouquet_tells_followers_of_both_once():
    placement = PlacementFactory(bouquet=None, status="ungrouped")
    proposal = placement.proposal
    bouquet = BouquetFactory(process=proposal.process)
    both, only_bouquet = UserFactory(), UserFactory()
    for target in (proposal, bouquet):
        notifications.follow(both, target)
    notifications.follow(only_bouquet, bouquet)
    agent = UserFactory(agent=True)
    move_proposal(agent=agent, proposal=proposal, to=bouquet)
    move_proposal(agent=agent, proposal=proposal, to=None)
    move_proposal(agent=agent, proposal=proposal, to=bouquet)  # back again: told once
    assert told("bouquets.proposal_joined") == sorted([both.pk, only_bouquet.pk])


def test_phase_start_is_announced_once_to_the_process_followers():
    process = ProcessFactory()
    follower = UserFactory()
    notifications.follow(follower, process)
    today = timezone.localdate()
    Phase.objects.create(
        process=process,
        kind=PhaseKind.SUPPORTS,
        title="Soutiens",
        starts_on=today,
        ends_on=today + dt.timedelta(5),
    )
    assert announce_phase_starts(today=today) == 1
    assert announce_phase_starts(today=today) == 0
    assert told("processes.phase_started") == [follower.pk]
    assert "Soutiens" in Notification.objects.get().message()


def test_voting_follows_the_budget_and_results_are_announced_once():
    budget = BudgetFactory(costs=(10, 20), vote_open=True)
    voter = UserFactory()
    cast_ballot(voter=voter, budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})
    assert follows(voter, budget)
    close_vote(budget)
    agent = UserFactory(agent=True)
    compute_results(agent=agent, budget=budget)
    compute_results(agent=agent, budget=budget, force=True)
    assert told("budgets.results") == [voter.pk]


def test_a_secret_vote_follows_with_the_day_only_and_a_replaced_ballot_writes_nothing():
    budget = BudgetFactory(costs=(10, 20), vote_open=True, is_secret=True)
    voter = UserFactory()
    first, second = (p.pk for p in budget.projects.order_by("pk"))
    cast = cast_ballot(voter=voter, budget=budget, choices={first: 1})
    row = Follow.objects.get(user=voter)
    midnight = timezone.localtime(row.created_at)
    assert (midnight.hour, midnight.minute, midnight.second, midnight.microsecond) == (0, 0, 0, 0)
    notifications.unfollow(voter, budget)
    cast_ballot(voter=voter, budget=budget, choices={second: 1}, receipt=cast.receipt)
    assert not Follow.objects.filter(user=voter).exists()

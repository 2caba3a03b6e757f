"""Moderation complete: hide without a report, restore anything hidden, decisions listed, scope respected."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.core.errors import Conflict, InvalidInput
from bouquet.proposals import selectors, services
from bouquet.proposals.models import Moderation, ModerationDecision, Report
from tests.factories import CommentFactory, ProcessFactory, ProposalFactory, RoleGrantFactory, UserFactory

pytestmark = pytest.mark.django_db
HIDE, RESTORE = ModerationDecision.Verdict.HIDE, ModerationDecision.Verdict.RESTORE


def test_a_moderator_hides_without_a_report_then_restores(
    moderator, django_capture_on_commit_callbacks
) -> None:
    comment = CommentFactory()
    with (
        mock.patch("bouquet.proposals.services.decision_taken") as hook,
        django_capture_on_commit_callbacks(execute=True),
    ):
        decision = services.moderate_item(
            moderator=moderator, verdict=HIDE, reason="Propos injurieux", comment=comment
        )
    hook.assert_called_once_with(decision)  # where notifications will hook in
    comment.refresh_from_db()
    assert comment.moderation == Moderation.HIDDEN
    services.moderate_item(
        moderator=moderator, verdict=RESTORE, reason="Reformulé par son auteur", comment=comment
    )
    comment.refresh_from_db()
    assert comment.moderation == Moderation.PUBLISHED
    assert [d.verdict for d in ModerationDecision.objects.order_by("created_at", "id")] == [HIDE, RESTORE]


def test_hiding_without_a_reason_saves_nothing(moderator) -> None:
    proposal = ProposalFactory()
    with pytest.raises(InvalidInput) as error:
        services.moderate_item(moderator=moderator, verdict=HIDE, reason="  ", proposal=proposal)
    assert error.value.status_code == 422 and "reason" in error.value.field_errors
    proposal.refresh_from_db()
    assert proposal.moderation == Moderation.PUBLISHED and not ModerationDecision.objects.exists()


def test_a_decision_that_changes_nothing_is_a_conflict(moderator) -> None:
    proposal = ProposalFactory()
    with pytest.raises(Conflict, match="déjà visible"):
        services.moderate_item(
            moderator=moderator, verdict=RESTORE, reason="Rien à redire", proposal=proposal
        )
    services.moderate_item(moderator=moderator, verdict=HIDE, reason="Publicité", proposal=proposal)
    with pytest.raises(Conflict, match="déjà masqué"):
        services.moderate_item(moderator=moderator, verdict=HIDE, reason="Publicité", proposal=proposal)
    assert ModerationDecision.objects.count() == 1


def test_keeping_a_reported_item_visible_closes_its_reports(moderator) -> None:
    proposal = ProposalFactory()
    Report.objects.create(reporter=UserFactory(), proposal=proposal, reason="Je ne suis pas d'accord")
    services.moderate_item(
        moderator=moderator, verdict=RESTORE, reason="Un désaccord n'est pas un abus", proposal=proposal
    )
    assert not Report.objects.filter(resolved=False).exists()


def test_the_queue_and_decisions_stay_within_the_moderators_scope() -> None:
    process_a, process_b = ProcessFactory(), ProcessFactory()
    moderator = RoleGrantFactory(process=process_a).person
    global_moderator = UserFactory(moderator=True)
    reported_a, reported_b = ProposalFactory(process=process_a), ProposalFactory(process=process_b)
    for proposal in (reported_a, reported_b):
        Report.objects.create(reporter=UserFactory(), proposal=proposal, reason="Publicité")
    comment_b = CommentFactory(proposal=reported_b)
    services.moderate_item(moderator=global_moderator, verdict=HIDE, reason="Insulte", comment=comment_b)
    queue = selectors.moderation_queue(user=moderator)
    assert list(queue["proposals"]) == [reported_a]
    assert list(selectors.recent_decisions(user=moderator)) == []
    assert [d.comment for d in selectors.recent_decisions(user=global_moderator)] == [comment_b]
    assert list(selectors.moderation_queue(user=global_moderator, process=process_a)["proposals"]) == [
        reported_a
    ]
    assert list(selectors.processes_moderated_by(user=moderator)) == [process_a]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_pages_hide_from_the_item_and_restore_with_the_reason_shown(moderator) -> None:
    comment = CommentFactory(body="Un commentaire désagréable")
    page = comment.proposal.get_absolute_url()
    mod = _client(moderator)
    assert "Motif de la décision" in mod.get(page).content.decode()
    response = mod.post(
        reverse("proposals:moderate", args=["commentaire", comment.pk]),
        {"verdict": "hide", "reason": "Propos blessants", "next": page},
    )
    assert response.status_code == 302 and response["Location"] == page
    author_view = _client(comment.author).get(page).content.decode()
    assert "Un commentaire désagréable" in author_view and "Propos blessants" in author_view
    public = Client().get(page).content.decode()
    assert "Un commentaire désagréable" not in public and "Propos blessants" not in public
    queue = mod.get(reverse("proposals:moderation")).content.decode()
    assert "Propos blessants" in queue and moderator.public_name in queue
    mod.post(
        reverse("proposals:moderate", args=["commentaire", comment.pk]),
        {"verdict": "restore", "reason": "Erreur de ma part", "next": page},
    )
    assert "Un commentaire désagréable" in Client().get(page).content.decode()


def test_pages_refuse_a_missing_reason_and_a_moderator_out_of_scope() -> None:
    process_a = ProcessFactory()
    moderator = RoleGrantFactory(process=process_a).person
    mod = _client(moderator)
    in_a, elsewhere = ProposalFactory(process=process_a), ProposalFactory()
    response = mod.post(
        reverse("proposals:moderate", args=["proposition", in_a.pk]), {"verdict": "hide", "reason": ""}
    )
    assert response.status_code == 422 and "donnez-en le motif" in response.content.decode()
    response = mod.post(
        reverse("proposals:moderate", args=["proposition", elsewhere.pk]),
        {"verdict": "hide", "reason": "Abus"},
    )
    assert response.status_code == 403 and "pas de votre ressort" in response.content.decode()
    hidden_elsewhere = ProposalFactory(moderation=Moderation.HIDDEN)
    response = mod.post(
        reverse("proposals:moderate", args=["proposition", hidden_elsewhere.pk]),
        {"verdict": "restore", "reason": "Ok"},
    )
    assert response.status_code == 404  # out of scope and hidden: as if it did not exist
    assert not ModerationDecision.objects.exists()
    queue = mod.get(reverse("proposals:moderation"), {"demarche": process_a.slug})
    assert queue.status_code == 200

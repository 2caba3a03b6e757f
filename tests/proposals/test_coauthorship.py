"""Co-authorship by consent: a request, an author's answer, who withdraws, who edits, and the history."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.proposals.models import CoauthorRequest, Moderation, Proposal, ProposalRevision, Status
from bouquet.proposals.selectors import coauthor_requests_of, pending_coauthor_requests, proposal_history
from bouquet.proposals.services import (
    ProposalInput,
    answer_coauthor_request,
    edit_proposal,
    leave_coauthorship,
    request_coauthorship,
    withdraw_proposal,
)
from tests.concurrency import run_together
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

State = CoauthorRequest.State


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def proposal(proposals_process) -> Proposal:
    return ProposalFactory(process=proposals_process, title="Des bancs sur la place")


class TestRequest:
    def test_a_request_waits_for_an_answer(self, proposal):
        asker = UserFactory()
        made = request_coauthorship(citizen=asker, proposal=proposal, message="  J'y pensais aussi.  ")
        assert made.state == State.PENDING and made.message == "J'y pensais aussi."
        assert not proposal.coauthors.exists()  # nobody co-signs before an author says yes
        assert list(pending_coauthor_requests(proposal=proposal)) == [made]

    @pytest.mark.parametrize("who", ["author", "coauthor"])
    def test_not_for_ones_own_proposal(self, proposal, who):
        person = proposal.author if who == "author" else UserFactory()
        if who == "coauthor":
            proposal.coauthors.add(person)
        with pytest.raises(Conflict) as refused:
            request_coauthorship(citizen=person, proposal=proposal)
        assert refused.value.status_code == 409
        assert "déjà auteur" in str(refused.value.message)
        assert not CoauthorRequest.objects.exists()

    def test_a_second_pending_request_is_refused(self, proposal):
        asker = UserFactory()
        request_coauthorship(citizen=asker, proposal=proposal)
        with pytest.raises(Conflict) as refused:
            request_coauthorship(citizen=asker, proposal=proposal, message="Encore moi.")
        assert "déjà demandé" in str(refused.value.message)
        assert CoauthorRequest.objects.count() == 1

    def test_asking_again_after_a_refusal_is_possible(self, proposal):
        asker = UserFactory()
        first = request_coauthorship(citizen=asker, proposal=proposal)
        answer_coauthor_request(author=proposal.author, request=first, accept=False)
        again = request_coauthorship(citizen=asker, proposal=proposal, message="J'ai réfléchi.")
        assert again.pk != first.pk and again.state == State.PENDING

    @pytest.mark.parametrize(
        ("change", "words"),
        [
            ({"status": Status.WITHDRAWN}, "retirée"),
            ({"moderation": Moderation.HIDDEN}, "masquée"),
            ({"moderation": Moderation.PENDING}, "masquée"),
        ],
    )
    def test_not_on_a_withdrawn_or_hidden_proposal(self, proposal, change, words):
        Proposal.objects.filter(pk=proposal.pk).update(**change)
        proposal.refresh_from_db()
        with pytest.raises(Conflict) as refused:
            request_coauthorship(citizen=UserFactory(), proposal=proposal)
        assert words in str(refused.value.message)
        assert not CoauthorRequest.objects.exists()

    def test_not_once_the_proposals_phase_is_over(self, supports_process):
        proposal = ProposalFactory(process=supports_process)
        with pytest.raises(ActionNotAllowed):
            request_coauthorship(citizen=UserFactory(), proposal=proposal)

    def test_a_message_too_long_is_invalid(self, proposal):
        with pytest.raises(InvalidInput) as refused:
            request_coauthorship(citizen=UserFactory(), proposal=proposal, message="x" * 1001)
        assert refused.value.status_code == 422 and "message" in refused.value.field_errors
        assert not CoauthorRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_many_clicks_at_once_make_one_request(proposals_process):
    proposal = ProposalFactory(process=proposals_process)
    asker = UserFactory()

    def ask(_index: int) -> None:
        target = Proposal.objects.select_related("process").get(pk=proposal.pk)
        request_coauthorship(citizen=asker, proposal=target)

    errors = run_together(ask, count=6)
    assert CoauthorRequest.objects.filter(requester=asker).count() == 1
    assert len(errors) == 5 and all(isinstance(error, Conflict) for error in errors), errors


class TestAnswer:
    @pytest.mark.parametrize("answerer", ["author", "coauthor"])
    def test_any_author_accepts(self, proposal, answerer):
        existing = UserFactory()
        proposal.coauthors.add(existing)
        asker = UserFactory()
        join = request_coauthorship(citizen=asker, proposal=proposal)
        who = proposal.author if answerer == "author" else existing
        answered = answer_coauthor_request(author=who, request=join, accept=True)
        assert answered.state == State.ACCEPTED and answered.answered_by == who and answered.answered_at
        assert proposal.coauthors.filter(pk=asker.pk).exists()
        revision = ProposalRevision.objects.get(proposal=proposal)
        assert (revision.kind, revision.actor, revision.person) == (
            ProposalRevision.Kind.COAUTHOR_JOINED,
            who,
            asker,
        )

    def test_a_refusal_is_recorded_and_adds_nobody(self, proposal):
        asker = UserFactory()
        join = request_coauthorship(citizen=asker, proposal=proposal)
        answer_coauthor_request(author=proposal.author, request=join, accept=False)
        join.refresh_from_db()
        assert join.state == State.REFUSED and join.answered_by == proposal.author
        assert not proposal.coauthors.exists() and not ProposalRevision.objects.exists()
        assert list(coauthor_requests_of(person=asker)["sent"]) == [join]

    def test_only_an_author_answers(self, proposal):
        join = request_coauthorship(citizen=UserFactory(), proposal=proposal)
        for stranger in (UserFactory(), join.requester):
            with pytest.raises(ActionNotAllowed):
                answer_coauthor_request(author=stranger, request=join, accept=True)
        join.refresh_from_db()
        assert join.state == State.PENDING and not proposal.coauthors.exists()

    def test_an_answered_request_is_not_answered_twice(self, proposal):
        join = request_coauthorship(citizen=UserFactory(), proposal=proposal)
        answer_coauthor_request(author=proposal.author, request=join, accept=False)
        with pytest.raises(Conflict):
            answer_coauthor_request(author=proposal.author, request=join, accept=True)
        assert not proposal.coauthors.exists()

    def test_requests_to_answer_are_listed_for_every_author(self, proposal):
        coauthor = UserFactory()
        proposal.coauthors.add(coauthor)
        join = request_coauthorship(citizen=UserFactory(), proposal=proposal)
        assert list(coauthor_requests_of(person=proposal.author)["to_answer"]) == [join]
        assert list(coauthor_requests_of(person=coauthor)["to_answer"]) == [join]
        assert not coauthor_requests_of(person=UserFactory())["to_answer"].exists()


class TestWithdrawEditLeave:
    def test_only_the_first_author_withdraws(self, proposal):
        coauthor = UserFactory()
        proposal.coauthors.add(coauthor)
        with pytest.raises(ActionNotAllowed) as refused:
            withdraw_proposal(actor=coauthor, proposal=proposal)
        assert "quitter" in str(refused.value.message)
        assert Proposal.objects.get(pk=proposal.pk).status == Status.SUBMITTED
        withdraw_proposal(actor=proposal.author, proposal=proposal)
        assert Proposal.objects.get(pk=proposal.pk).status == Status.WITHDRAWN
        assert proposal_history(proposal=proposal).get().kind == ProposalRevision.Kind.WITHDRAWN

    def test_withdrawing_refuses_the_waiting_requests(self, proposal):
        join = request_coauthorship(citizen=UserFactory(), proposal=proposal)
        withdraw_proposal(actor=proposal.author, proposal=proposal)
        join.refresh_from_db()
        assert join.state == State.REFUSED

    def test_a_coauthor_edits_and_the_history_says_what_changed(self, proposal):
        coauthor = UserFactory()
        proposal.coauthors.add(coauthor)
        data = ProposalInput(title="Des bancs à l'ombre", body=proposal.body, place=(47.1, 1.2))
        edit_proposal(editor=coauthor, proposal=proposal, data=data)
        revision = proposal_history(proposal=proposal).get()
        assert revision.actor == coauthor and revision.kind == ProposalRevision.Kind.EDITED
        assert revision.changed_labels == ["le titre", "l'emplacement sur la carte"]

    def test_an_edit_that_changes_nothing_leaves_no_line(self, proposal):
        same = ProposalInput(title=proposal.title, body=proposal.body)
        edit_proposal(editor=proposal.author, proposal=proposal, data=same)
        assert not ProposalRevision.objects.exists()

    def test_a_coauthor_leaves_but_the_first_author_cannot(self, proposal):
        coauthor = UserFactory()
        proposal.coauthors.add(coauthor)
        leave_coauthorship(coauthor=coauthor, proposal=proposal)
        assert not proposal.coauthors.exists()
        assert proposal_history(proposal=proposal).get().kind == ProposalRevision.Kind.COAUTHOR_LEFT
        with pytest.raises(Conflict):
            leave_coauthorship(coauthor=proposal.author, proposal=proposal)
        with pytest.raises(ActionNotAllowed):
            leave_coauthorship(coauthor=UserFactory(), proposal=proposal)


class TestPages:
    def test_the_old_one_click_takeover_is_gone(self, proposal):
        response = _signed_in(UserFactory()).post(f"/propositions/{proposal.pk}/rejoindre/")
        assert response.status_code == 404
        assert not proposal.coauthors.exists()

    def test_ask_then_an_author_accepts_on_the_proposal_page(self, proposal):
        asker = UserFactory(display_name="Camille")
        url = reverse("proposals:ask-to-join", args=[proposal.pk])
        form = _signed_in(asker).get(url)
        assert form.status_code == 200 and "Un mot pour les auteurs" in form.content.decode()
        sent = _signed_in(asker).post(url, {"message": "Je peux aider."}, follow=True)
        assert "Votre demande est envoyée" in sent.content.decode()
        # The asker sees no answer buttons; the author does, with the message.
        assert "Accepter" not in _signed_in(asker).get(proposal.get_absolute_url()).content.decode()
        page = _signed_in(proposal.author).get(proposal.get_absolute_url()).content.decode()
        assert "Camille demande à co-signer la proposition" in page and "Je peux aider." in page
        join = CoauthorRequest.objects.get()
        answer = reverse("proposals:answer-request", args=[proposal.pk, join.pk])
        done = _signed_in(proposal.author).post(answer, {"decision": "accepter"}, follow=True)
        assert "Camille co-signe maintenant la proposition." in done.content.decode()
        assert proposal.coauthors.filter(pk=asker.pk).exists()
        history = _signed_in(asker).get(reverse("proposals:history", args=[proposal.pk])).content.decode()
        assert "a accepté Camille comme co-auteur" in history

    def test_bad_answers(self, proposal):
        join = request_coauthorship(citizen=UserFactory(), proposal=proposal)
        answer = reverse("proposals:answer-request", args=[proposal.pk, join.pk])
        assert _signed_in(proposal.author).post(answer, {"decision": "peut-être"}).status_code == 422
        assert _signed_in(UserFactory()).post(answer, {"decision": "accepter"}).status_code == 403
        other = ProposalFactory(process=proposal.process, author=proposal.author)
        elsewhere = reverse("proposals:answer-request", args=[other.pk, join.pk])
        assert _signed_in(proposal.author).post(elsewhere, {"decision": "accepter"}).status_code == 404
        _signed_in(proposal.author).post(answer, {"decision": "refuser"})
        again = _signed_in(proposal.author).post(answer, {"decision": "accepter"})
        assert again.status_code == 409 and "déjà reçu une réponse" in again.content.decode()

    def test_asking_for_ones_own_proposal_says_why_in_the_form(self, proposal):
        url = reverse("proposals:ask-to-join", args=[proposal.pk])
        response = _signed_in(proposal.author).post(url, {"message": "Moi-même."})
        assert response.status_code == 409
        assert "Vous êtes déjà auteur de cette proposition." in response.content.decode()
        assert "Moi-même.</textarea>" in response.content.decode()  # what was typed is kept

    def test_withdrawing_asks_for_confirmation(self, proposal):
        author = _signed_in(proposal.author)
        url = reverse("proposals:withdraw", args=[proposal.pk])
        assert f'href="{url}"' in author.get(proposal.get_absolute_url()).content.decode()
        step = author.get(url)
        assert step.status_code == 200 and "Retirer votre proposition ?" in step.content.decode()
        # A post without the confirmation shows the step again and withdraws nothing.
        assert author.post(url).status_code == 200
        assert Proposal.objects.get(pk=proposal.pk).status == Status.SUBMITTED
        assert author.post(url, {"confirmer": "oui"}).status_code == 302
        assert Proposal.objects.get(pk=proposal.pk).status == Status.WITHDRAWN

    def test_a_coauthor_gets_leave_not_withdraw(self, proposal):
        coauthor = UserFactory()
        proposal.coauthors.add(coauthor)
        client = _signed_in(coauthor)
        page = client.get(proposal.get_absolute_url()).content.decode()
        assert "Ne plus co-signer" in page and "Retirer ma proposition" not in page
        url = reverse("proposals:withdraw", args=[proposal.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"confirmer": "oui"}).status_code == 403
        assert client.post(reverse("proposals:leave", args=[proposal.pk])).status_code == 302
        assert not proposal.coauthors.exists()

    def test_the_similar_step_offers_to_ask_never_to_take_over(self, proposals_process):
        existing = ProposalFactory(
            process=proposals_process,
            title="Un parking à vélos sécurisé",
            body="Des arceaux pour garer les vélos près du marché.",
        )
        url = reverse("proposals:create", args=[proposals_process.slug])
        data = {"title": "Garer les vélos au marché", "body": "Des arceaux pour garer les vélos du marché."}
        html = _signed_in(UserFactory()).post(url, data).content.decode()
        assert "des propositions proches existent déjà" in html
        assert reverse("proposals:ask-to-join", args=[existing.pk]) in html
        assert "Rejoindre comme co-auteur" not in html

    def test_the_persons_space_lists_requests_to_answer_and_sent(self, proposal):
        asker = UserFactory(display_name="Camille")
        join = request_coauthorship(citizen=asker, proposal=proposal)
        profile = reverse("accounts:profile")
        mine = _signed_in(proposal.author).get(profile).content.decode()
        assert "Camille demande à co-signer" in mine
        assert reverse("proposals:answer-request", args=[proposal.pk, join.pk]) in mine
        answer_coauthor_request(author=proposal.author, request=join, accept=False)
        theirs = _signed_in(asker).get(profile).content.decode()
        assert "Mes demandes" in theirs and proposal.title in theirs and "Refusée" in theirs
        assert "Demandes de co-écriture" not in _signed_in(UserFactory()).get(profile).content.decode()

"""A form or request sent twice (double click, a re-sent page, a retried API call) makes one item, also when the
copies arrive at the same moment."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.accounts.services import issue_api_token
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Comment, Proposal
from bouquet.proposals.services import ProposalInput, add_comment, submit_proposal
from tests.concurrency import THREADS, run_together
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

TEXT = "Des bancs à l'ombre des tilleuls, près de l'arrêt de bus."


@pytest.mark.django_db
def test_the_same_key_gives_back_the_same_proposal_and_another_key_a_new_one() -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    author = UserFactory()
    key = uuid.uuid4()
    data = ProposalInput(title="Des bancs place du marché", body=TEXT, submission_key=key)
    first = submit_proposal(author=author, process=process, data=data)
    assert submit_proposal(author=author, process=process, data=data) == first
    other = submit_proposal(
        author=author, process=process, data=ProposalInput(title="Des bancs place du marché", body=TEXT)
    )
    assert other != first and Proposal.objects.count() == 2
    # Someone else's key never gives back another person's proposal.
    assert submit_proposal(author=UserFactory(), process=process, data=data) not in (first, other)


@pytest.mark.django_db
def test_a_comment_form_posted_twice_makes_one_comment_and_counts_once() -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    client = Client()
    client.force_login(UserFactory())
    page = client.get(reverse("proposals:detail", kwargs={"pk": proposal.pk})).content.decode()
    key = page.split('name="cle" value="')[1].split('"')[0]
    form = {"body": "Bonne idée, avec un point d'eau.", "cle": key}
    for _ in range(2):
        assert client.post(reverse("proposals:comment", kwargs={"pk": proposal.pk}), form).status_code == 302
    assert Comment.objects.filter(proposal=proposal).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).comment_count == 1
    # A new page gives a new key: the next comment is a new one.
    page = client.get(reverse("proposals:detail", kwargs={"pk": proposal.pk})).content.decode()
    assert page.split('name="cle" value="')[1].split('"')[0] != key


@pytest.mark.django_db
def test_an_api_call_retried_with_its_idempotency_key_creates_nothing_twice() -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    token = issue_api_token(user=UserFactory(), name="essai")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "envoi-42"}
    body = json.dumps({"title": "Un jardin partagé", "body": TEXT})
    url = f"/api/v1/processes/{process.slug}/proposals"
    answers = [Client().post(url, body, content_type="application/json", headers=headers) for _ in range(2)]
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Proposal.objects.count() == 1
    comment_url = f"/api/v1/proposals/{answers[0].json()['id']}/comments"
    for _ in range(2):
        Client().post(
            comment_url, json.dumps({"body": "Oui !"}), content_type="application/json", headers=headers
        )
    assert Comment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_copies_of_one_comment_at_the_same_moment_make_one() -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    author = UserFactory()
    key = uuid.uuid4()
    made: list[int] = []

    def post(_index: int) -> None:
        target = Proposal.objects.select_related("process").get(pk=proposal.pk)
        comment = add_comment(author=author, proposal=target, body="Même envoi.", submission_key=key)
        made.append(comment.pk)

    errors = run_together(post)
    assert errors == []
    assert len(made) == THREADS and len(set(made)) == 1
    assert Comment.objects.filter(proposal=proposal).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).comment_count == 1

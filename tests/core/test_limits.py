"""Abuse limits count each account tightly and each address loosely, and answer 429 with a message."""

import json

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from bouquet.accounts.services import issue_api_token
from bouquet.core.limits import Limit, TooManyRequests, check_limit, parse_limits
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Comment
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

TWO_PER_ACCOUNT = {"comment": "2/10m/account,5/h/address"}


def test_specs_are_read_with_their_periods() -> None:
    assert parse_limits("10/h/account, 300/2h/address") == [
        Limit(10, 3600, "account"),
        Limit(300, 7200, "address"),
    ]
    assert parse_limits("") == []
    with pytest.raises(ValueError):
        parse_limits("10/semaine/account")


def _request(user: object, address: str) -> object:
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.user = user
    return request


@override_settings(BOUQUET_LIMITS=TWO_PER_ACCOUNT)
def test_one_account_is_held_back_but_not_its_neighbours_behind_the_same_address() -> None:
    first, second = UserFactory(), UserFactory()
    for _ in range(2):
        check_limit(_request(first, "10.0.0.1"), "comment")
    with pytest.raises(TooManyRequests) as refused:
        check_limit(_request(first, "10.0.0.1"), "comment")
    assert refused.value.status_code == 429
    # Someone else in the same room (same address) still comments, up to the address's own, looser limit.
    check_limit(_request(second, "10.0.0.1"), "comment")
    check_limit(_request(second, "10.0.0.1"), "comment")
    third = UserFactory()
    check_limit(_request(third, "10.0.0.1"), "comment")  # the 5th accepted from this address this hour
    with pytest.raises(TooManyRequests):
        check_limit(_request(third, "10.0.0.1"), "comment")  # the address's 6th
    check_limit(_request(UserFactory(), "10.0.0.2"), "comment")  # another address is not affected


@override_settings(BOUQUET_LIMITS=TWO_PER_ACCOUNT)
def test_the_comment_page_answers_429_and_keeps_the_text() -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    client = Client()
    client.force_login(UserFactory())
    url = reverse("proposals:comment", kwargs={"pk": proposal.pk})
    for n in range(2):
        assert client.post(url, {"body": f"Avis numéro {n}."}).status_code == 302
    refused = client.post(url, {"body": "Un troisième avis tout de suite."})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Trop d&#x27;envois en peu de temps" in page or "Trop d'envois en peu de temps" in page
    assert "Un troisième avis tout de suite." in page
    assert Comment.objects.count() == 2


@override_settings(BOUQUET_LIMITS=TWO_PER_ACCOUNT)
def test_the_api_answers_429_in_json() -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    headers = {"Authorization": f"Bearer {issue_api_token(user=UserFactory(), name='t')}"}
    url = f"/api/v1/proposals/{proposal.pk}/comments"
    codes = [
        Client().post(
            url, json.dumps({"body": f"Avis {n}"}), content_type="application/json", headers=headers
        )
        for n in range(3)
    ]
    assert [c.status_code for c in codes] == [201, 201, 429]
    assert codes[2].json()["message"].startswith("Trop d'envois")

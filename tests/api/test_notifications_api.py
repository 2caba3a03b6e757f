"""The notifications API: my notifications, my follows and my e-mail choices, for me only (SQLite and
PostgreSQL)."""

import json

import pytest
from django.test import Client

from bouquet.accounts.services import issue_api_token
from bouquet.notifications import services as notifications
from bouquet.notifications.models import Follow, Notification, Preference
from tests.factories import BouquetFactory, BudgetFactory, ProcessFactory, ProposalFactory, UserFactory
from tests.notifications.conftest import TEST_KIND

pytestmark = pytest.mark.django_db


def _call(client: Client, method: str, url: str, token: str | None, data: object = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = json.dumps(data) if data is not None else ""
    return client.generic(method, url, body, content_type="application/json", headers=headers)


@pytest.fixture
def token(citizen) -> str:
    return issue_api_token(user=citizen, name="tests")


def test_every_operation_needs_a_session_or_a_token(client):
    for method, url in [
        ("GET", "/api/v1/me/notifications"),
        ("POST", "/api/v1/me/notifications/read"),
        ("POST", "/api/v1/me/notifications/1/read"),
        ("GET", "/api/v1/me/follows"),
        ("PUT", "/api/v1/me/follows/proposal/1"),
        ("DELETE", "/api/v1/me/follows/proposal/1"),
        ("GET", "/api/v1/me/preferences"),
        ("PUT", f"/api/v1/me/preferences/{TEST_KIND.code}"),
    ]:
        response = _call(client, method, url, "pas-un-jeton")
        assert response.status_code == 401, (method, url)
        assert response.json()["message"] == "Authentification requise."


def test_my_notifications_unread_first_with_a_filter_and_pages(client, citizen, token):
    other = UserFactory()
    proposals = [ProposalFactory(title=f"Proposition {i}") for i in range(3)]
    for proposal in proposals:
        notifications.announce(TEST_KIND.code, proposal, recipients=[citizen, other])
    first = Notification.objects.filter(recipient=citizen).order_by("pk").first()
    notifications.mark_read(user=citizen, notification_ids=[first.pk])
    page = _call(client, "GET", "/api/v1/me/notifications?page_size=2", token).json()
    assert page["count"] == 3 and len(page["items"]) == 2
    assert [item["read"] for item in page["items"]] == [False, False]
    item = page["items"][0]
    assert item["target_type"] == "proposal" and item["message"].startswith(" a touché « Proposition")
    assert item["url"].startswith("http://testserver/")
    unread = _call(client, "GET", "/api/v1/me/notifications?unread=true", token).json()
    assert unread["count"] == 2 and first.pk not in {i["id"] for i in unread["items"]}
    read = _call(client, "GET", "/api/v1/me/notifications?unread=false", token).json()
    assert [i["id"] for i in read["items"]] == [first.pk]
    assert _call(client, "GET", "/api/v1/me/notifications?page=0", token).status_code == 422


def test_mark_one_then_all_read_and_another_persons_is_not_found(client, citizen, token):
    other = UserFactory()
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[citizen, other])
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[citizen])
    mine = Notification.objects.filter(recipient=citizen).order_by("pk")
    theirs = Notification.objects.get(recipient=other)
    response = _call(client, "POST", f"/api/v1/me/notifications/{mine[0].pk}/read", token)
    assert response.status_code == 200 and response.json()["read"] is True
    assert _call(client, "POST", f"/api/v1/me/notifications/{theirs.pk}/read", token).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    response = _call(client, "POST", "/api/v1/me/notifications/read", token).json()
    assert response["marked"] == 1 and not mine.filter(read_at__isnull=True).exists()
    again = _call(client, "POST", "/api/v1/me/notifications/read", token).json()
    assert again["marked"] == 0 and again["message"] == "Vous n'aviez aucune notification non lue."


def test_follow_list_and_unfollow_what_one_may_see(client, citizen, token):
    proposal, bouquet, budget = ProposalFactory(title="Des bancs"), BouquetFactory(), BudgetFactory()
    for kind, target in [("proposal", proposal), ("bouquet", bouquet), ("budget", budget)]:
        response = _call(client, "PUT", f"/api/v1/me/follows/{kind}/{target.pk}", token)
        assert response.status_code == 200, response.content
        assert response.json()["following"] is True
    _call(client, "PUT", f"/api/v1/me/follows/proposal/{proposal.pk}", token)  # again: nothing more
    assert Follow.objects.filter(user=citizen).count() == 3
    listed = _call(client, "GET", "/api/v1/me/follows", token).json()
    assert listed["count"] == 3
    by_type = {item["target_type"]: item for item in listed["items"]}
    assert by_type["proposal"]["title"] == "Des bancs" and by_type["proposal"]["automatic"] is False
    assert by_type["proposal"]["url"].startswith("http://testserver/")
    response = _call(client, "DELETE", f"/api/v1/me/follows/proposal/{proposal.pk}", token)
    assert response.status_code == 200 and response.json()["following"] is False
    assert not Follow.objects.filter(
        user=citizen, object_id=proposal.pk, content_type__model="proposal"
    ).exists()


def test_what_one_may_not_see_cannot_be_followed(client, citizen, token):
    draft = ProcessFactory(is_published=False)
    hidden = ProposalFactory(process=draft)
    assert _call(client, "PUT", f"/api/v1/me/follows/process/{draft.pk}", token).status_code == 404
    assert _call(client, "PUT", f"/api/v1/me/follows/proposal/{hidden.pk}", token).status_code == 404
    assert _call(client, "DELETE", f"/api/v1/me/follows/proposal/{hidden.pk}", token).status_code == 404
    assert _call(client, "PUT", "/api/v1/me/follows/proposal/999999", token).status_code == 404
    assert _call(client, "PUT", "/api/v1/me/follows/district/1", token).status_code == 422
    assert not Follow.objects.exists()
    # Followed while it was public, then its process was unpublished: it can still be unfollowed.
    proposal = ProposalFactory()
    notifications.follow(citizen, proposal)
    proposal.process.is_published = False
    proposal.process.save(update_fields=["is_published"])
    assert _call(client, "DELETE", f"/api/v1/me/follows/proposal/{proposal.pk}", token).status_code == 200
    assert not Follow.objects.exists()


def test_read_and_change_my_preferences(client, citizen, token):
    rows = _call(client, "GET", "/api/v1/me/preferences", token).json()
    mine = next(row for row in rows if row["kind"] == TEST_KIND.code)
    assert mine == {
        "kind": TEST_KIND.code,
        "label": str(TEST_KIND.label),
        "frequency": "instant",
        "chosen": False,
    }
    url = f"/api/v1/me/preferences/{TEST_KIND.code}"
    response = _call(client, "PUT", url, token, {"frequency": "weekly"})
    assert response.status_code == 200 and response.json()["chosen"] is True
    assert Preference.objects.get(user=citizen, kind=TEST_KIND.code).frequency == "weekly"
    bad = _call(client, "PUT", url, token, {"frequency": "monthly"})
    assert bad.status_code == 422 and "frequency" in bad.json()["errors"]
    assert _call(client, "PUT", url, token, {"frequency": "daily", "extra": 1}).status_code == 422
    assert (
        _call(client, "PUT", "/api/v1/me/preferences/nope.nope", token, {"frequency": "daily"}).status_code
        == 404
    )
    assert Preference.objects.get(user=citizen, kind=TEST_KIND.code).frequency == "weekly"


def test_a_session_works_too(logged_client, citizen):
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[citizen])
    assert logged_client.get("/api/v1/me/notifications").json()["count"] == 1

"""A person's profile and API tokens."""

import pytest
from django.urls import reverse

from bouquet.accounts.models import ApiToken
from tests.factories import DistrictFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def test_profile_sets_name_and_district(logged_client, citizen):
    district = DistrictFactory()
    response = logged_client.post(
        reverse("accounts:profile"), {"display_name": "Amina", "district": district.pk}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.display_name == "Amina" and citizen.district == district
    assert citizen.email not in logged_client.get("/").content.decode()


def test_profile_rejects_too_long_name_and_keeps_input(logged_client, citizen):
    response = logged_client.post(reverse("accounts:profile"), {"display_name": "x" * 61})
    assert response.status_code == 422
    citizen.refresh_from_db()
    assert citizen.display_name != "x" * 61


def test_token_shown_once_then_usable_then_revoked(logged_client, citizen, client):
    created = logged_client.post(reverse("accounts:create-token"), {"name": "tableur"})
    key = created.context["key"]
    token = ApiToken.objects.get(user=citizen)
    assert token.key_hash == ApiToken.hash_key(key) and key not in token.key_hash
    assert key not in logged_client.get(reverse("accounts:profile")).content.decode()
    process = ProcessFactory()
    url = f"/api/v1/processes/{process.slug}/proposals"
    payload = '{"title": "Un jeton qui marche", "body": "Proposition envoyée par un programme."}'
    ok = client.post(
        url, payload, content_type="application/json", headers={"Authorization": f"Bearer {key}"}
    )
    assert ok.status_code == 201
    logged_client.post(reverse("accounts:revoke-token", args=[token.pk]))
    refused = client.post(
        url, payload, content_type="application/json", headers={"Authorization": f"Bearer {key}"}
    )
    assert refused.status_code == 401


def test_profile_needs_login(client):
    assert client.get(reverse("accounts:profile")).status_code == 302

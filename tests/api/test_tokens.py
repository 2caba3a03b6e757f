"""A personal token that is wrong, revoked or whose owner left answers 401, never a CSRF 403."""

import json

import pytest
from django.test import Client

from bouquet.accounts.models import ApiToken
from bouquet.accounts.services import issue_api_token
from bouquet.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def _submit(process_slug: str, token: str) -> tuple[int, dict[str, object]]:
    response = Client(enforce_csrf_checks=True).post(
        f"/api/v1/processes/{process_slug}/proposals",
        data=json.dumps(
            {"title": "Des bancs place du marché", "body": "Pour s'asseoir à l'ombre des tilleuls."}
        ),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    return response.status_code, response.json()


def test_an_unknown_token_is_401(proposals_process) -> None:
    status, body = _submit(proposals_process.slug, "pas-un-jeton")
    assert status == 401
    assert body["message"] == "Authentification requise."
    assert Proposal.objects.count() == 0


def test_a_revoked_token_is_401_and_a_valid_one_works(proposals_process, citizen) -> None:
    token = issue_api_token(user=citizen, name="essai")
    assert _submit(proposals_process.slug, token)[0] == 201
    ApiToken.objects.filter(user=citizen).delete()
    assert _submit(proposals_process.slug, token)[0] == 401
    assert Proposal.objects.count() == 1


def test_the_token_of_a_deactivated_account_is_401(proposals_process, citizen) -> None:
    token = issue_api_token(user=citizen, name="essai")
    citizen.is_active = False
    citizen.save(update_fields=["is_active"])
    assert _submit(proposals_process.slug, token)[0] == 401

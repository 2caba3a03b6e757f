"""Retention: what is no longer needed goes, and nothing that someone still holds does."""

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bouquet.accounts.models import ApiToken, User
from bouquet.accounts.services import issue_api_token
from bouquet.budgets.services import cast_ballot
from bouquet.privacy.services import purge_expired_data
from bouquet.proposals.models import Support
from tests.factories import BudgetFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _joined(days_ago: int, **kwargs: object) -> User:
    person = UserFactory(**kwargs)
    User.objects.filter(pk=person.pk).update(date_joined=timezone.now() - dt.timedelta(days=days_ago))
    return person


def test_only_old_unconfirmed_accounts_that_hold_nothing_go() -> None:
    old_empty = _joined(40)
    EmailAddress.objects.create(user=old_empty, email=old_empty.email, verified=False, primary=True)
    recent = _joined(5)
    confirmed = _joined(40)
    EmailAddress.objects.create(user=confirmed, email=confirmed.email, verified=True, primary=True)
    supporter = _joined(40)
    Support.objects.create(proposal=ProposalFactory(), citizen=supporter)
    paper_voter = _joined(40)
    budget = BudgetFactory(costs=(10, 20), vote_open=True)
    cast_ballot(voter=paper_voter, budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})

    removed = purge_expired_data()

    assert removed["comptes_jamais_confirmes"] == 1
    assert not User.objects.filter(pk=old_empty.pk).exists()
    assert User.objects.filter(pk__in=[recent.pk, confirmed.pk, supporter.pk, paper_voter.pk]).count() == 4
    assert purge_expired_data()["comptes_jamais_confirmes"] == 0  # twice deletes nothing more


def test_unused_tokens_and_expired_sessions_go() -> None:
    person = UserFactory()
    issue_api_token(user=person, name="ancien")
    issue_api_token(user=person, name="récent")
    long_ago = timezone.now() - dt.timedelta(days=400)
    ApiToken.objects.filter(name="ancien").update(created_at=long_ago, last_used_at=long_ago)
    expired = SessionStore()
    expired["x"] = 1
    expired.set_expiry(-10)
    expired.create()
    live = SessionStore()
    live["x"] = 1
    live.create()

    removed = purge_expired_data()

    assert list(ApiToken.objects.values_list("name", flat=True)) == ["récent"]
    assert removed["jetons_api_inutilises"] == 1
    assert removed["sessions_expirees"] >= 1
    assert SessionStore(session_key=live.session_key).exists(live.session_key)


def test_the_command_says_what_went(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("purge_expired_data")
    assert "comptes jamais confirmes : 0" in capsys.readouterr().out


def test_the_privacy_page_shows_the_durations_and_the_rights() -> None:
    page = Client().get("/confidentialite/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "30 jours" in text and "365 jours sans usage" in text
    assert "/compte/mes-donnees/" in text

"""follow, unfollow, announce: who is told, once, and who gets an e-mail (services, SQLite and PostgreSQL)."""

import pytest
from django.core import mail

from bouquet.notifications import services as notifications
from bouquet.notifications.models import EmailState, Follow, Notification
from tests.factories import ProposalFactory, UserFactory
from tests.notifications.conftest import TEST_KIND, verified_person

pytestmark = pytest.mark.django_db


def test_follow_is_idempotent_and_unfollow_removes_it(person):
    proposal = ProposalFactory()
    first = notifications.follow(person, proposal)
    again = notifications.follow(person, proposal, reason=Follow.Reason.SUPPORTED)
    assert first.pk == again.pk
    assert again.reason == Follow.Reason.FOLLOWED and not again.automatic
    assert notifications.unfollow(person, proposal) is True
    assert notifications.unfollow(person, proposal) is False
    assert not Follow.objects.exists()


def test_announce_tells_each_follower_once_but_not_the_actor(django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    actor, reader, other = verified_person(), verified_person(), verified_person()
    for someone in (actor, reader):
        notifications.follow(someone, proposal)
    with django_capture_on_commit_callbacks(execute=True):
        count = notifications.announce(TEST_KIND.code, proposal, actor=actor)
    assert count == 1
    row = Notification.objects.get()
    assert row.recipient == reader and row.email_state == EmailState.SENT
    assert row.message() == f"{actor.public_name} a touché « {proposal.title} »"
    assert row.target_url == proposal.get_absolute_url()
    assert [message.to for message in mail.outbox] == [[reader.email]]
    assert not other.notifications.exists()


def test_explicit_recipients_are_deduplicated_and_unverified_addresses_get_no_mail(
    django_capture_on_commit_callbacks,
):
    proposal = ProposalFactory()
    unverified = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        count = notifications.announce(TEST_KIND.code, proposal, recipients=[unverified, unverified])
    assert count == 1
    assert Notification.objects.get().email_state == EmailState.SKIPPED
    assert mail.outbox == []


def test_unknown_kind_is_refused(person):
    with pytest.raises(LookupError):
        notifications.announce("tests.never-registered", ProposalFactory(), recipients=[person])


def test_erasing_an_account_forgets_its_follows_notifications_and_choices(person):
    from bouquet.notifications.models import Preference
    from bouquet.privacy.services import erase_account

    proposal = ProposalFactory()
    notifications.follow(person, proposal)
    notifications.set_preference(user=person, kind=TEST_KIND.code, frequency="weekly")
    notifications.announce(TEST_KIND.code, proposal)
    erase_account(person=person, confirmation=person.email)
    assert (
        not Follow.objects.exists() and not Notification.objects.exists() and not Preference.objects.exists()
    )

"""The person's space: notification list, mark read, preferences, follow buttons, unsubscribe links."""

import pytest
from django.core import mail
from django.urls import reverse

from bouquet.notifications import services as notifications
from bouquet.notifications.mailing import ALL_KINDS, unsubscribe_token, unsubscribe_url
from bouquet.notifications.models import EmailState, Follow, Notification, Preference
from tests.factories import BouquetFactory, BudgetFactory, ProcessFactory, ProposalFactory
from tests.notifications.conftest import TEST_KIND, verified_person

pytestmark = pytest.mark.django_db


def test_the_list_shows_unread_first_and_marks_read(client, person):
    proposal = ProposalFactory()
    notifications.announce(TEST_KIND.code, proposal, recipients=[person])
    older = Notification.objects.get()
    notifications.announce(TEST_KIND.code, ProposalFactory(title="Un banc au square"), recipients=[person])
    newer = Notification.objects.exclude(pk=older.pk).get()
    notifications.mark_read(user=person, notification_ids=[newer.pk])
    client.force_login(person)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index(proposal.title) < page.index("Un banc au square")  # unread first
    assert "1 notification non lue" in page
    response = client.post(reverse("notifications:mark-read"), {"notification": older.pk})
    assert response.status_code == 302
    older.refresh_from_db()
    assert older.read_at is not None
    header = client.get(reverse("processes:list")).content.decode()
    assert "non lues" not in header


def test_the_list_needs_an_account(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_someone_cannot_mark_another_persons_notification(client, person):
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[person])
    row = Notification.objects.get()
    client.force_login(verified_person())
    client.post(reverse("notifications:mark-read"), {"notification": row.pk})
    row.refresh_from_db()
    assert row.read_at is None


@pytest.mark.parametrize(
    ("name", "factory"),
    [
        ("demarche", lambda: ProcessFactory()),
        ("proposition", lambda: ProposalFactory()),
        ("bouquet", lambda: BouquetFactory()),
        ("budget", lambda: BudgetFactory()),
    ],
)
def test_follow_and_unfollow_from_a_page(client, person, name, factory):
    target = factory()
    client.force_login(person)
    page = client.get(target.get_absolute_url())
    assert page.status_code == 200 and "Suivre" in page.content.decode()
    url = reverse("notifications:follow", args=[name, target.pk])
    assert client.post(url, {"action": "suivre"}).status_code == 302
    assert Follow.objects.filter(user=person, object_id=target.pk).count() == 1
    assert "Suivi" in client.get(target.get_absolute_url()).content.decode()
    htmx = client.post(url, {"action": "ne-plus-suivre"}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and "Suivre" in htmx.content.decode()
    assert not Follow.objects.exists()


def test_a_visitor_who_follows_is_sent_to_sign_in(client):
    proposal = ProposalFactory()
    response = client.post(reverse("notifications:follow", args=["proposition", proposal.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Follow.objects.exists()


def test_preferences_are_saved_per_kind(client, person):
    client.force_login(person)
    assert client.get(reverse("notifications:preferences")).status_code == 200
    response = client.post(reverse("notifications:preferences"), {TEST_KIND.code: "weekly"})
    assert response.status_code == 302
    assert Preference.objects.get(user=person, kind=TEST_KIND.code).frequency == "weekly"
    refused = client.post(reverse("notifications:preferences"), {TEST_KIND.code: "hourly"})
    assert refused.status_code == 400 and "Choisissez une des fréquences" in refused.content.decode()
    assert Preference.objects.get(user=person, kind=TEST_KIND.code).frequency == "weekly"


def test_unsubscribe_link_confirms_then_stops_that_kind(client, person):
    link = unsubscribe_url(person.pk, TEST_KIND.code)
    path = link.split("localhost:8000", 1)[-1]
    page = client.get(path)
    assert page.status_code == 200 and "Confirmer le désabonnement" in page.content.decode()
    assert not Preference.objects.exists()
    done = client.post(path)
    assert done.status_code == 200
    assert Preference.objects.get(user=person, kind=TEST_KIND.code).frequency == "never"


def test_one_click_unsubscribe_needs_no_csrf_token_and_drops_pending_mail(person):
    from django.test import Client

    notifications.set_preference(user=person, kind=TEST_KIND.code, frequency="daily")
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[person])
    strict = Client(enforce_csrf_checks=True)
    token = unsubscribe_token(person.pk, ALL_KINDS)
    response = strict.post(
        reverse("notifications:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Preference.objects.get(user=person, kind=TEST_KIND.code).frequency == "never"
    assert Notification.objects.get().email_state == EmailState.NONE


@pytest.mark.parametrize("token", ["nimportequoi", "AAAA:BBBB:CCCC"])
def test_a_tampered_unsubscribe_link_changes_nothing(client, person, token):
    good = unsubscribe_token(person.pk, TEST_KIND.code)
    for bad in (token, good[:-2] + ("xy" if not good.endswith("xy") else "zz")):
        response = client.post(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "n'est pas valide" in response.content.decode()
    assert not Preference.objects.exists()


def test_instant_email_has_both_parts_and_rfc8058_headers(django_capture_on_commit_callbacks, person):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.announce(TEST_KIND.code, proposal, recipients=[person])
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert proposal.title in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and proposal.title in html


def test_a_hidden_proposal_shows_its_author_no_follow_button(client):
    from bouquet.proposals.models import Moderation

    proposal = ProposalFactory(moderation=Moderation.HIDDEN)
    client.force_login(proposal.author)
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200 and "suivre-proposition" not in page.content.decode()

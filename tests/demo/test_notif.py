"""The demo's follows and notifications: inhabitants find news in their space, and the seeding sent no e-mail."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from bouquet.accounts.models import User
from bouquet.notifications.models import EmailState, Follow, Newsletter, Notification


@pytest.mark.django_db
def test_demo_inhabitants_have_notifications_and_no_email_left(client):
    call_command("seed_demo", port=8102, stdout=io.StringIO())
    first = User.objects.get(email="habitant1@val-de-loirette.test")
    assert Follow.objects.filter(user=first).count() >= 2
    assert Newsletter.objects.filter(sent_at__isnull=False).count() == 1
    mine = Notification.objects.filter(recipient=first)
    assert mine.filter(read_at__isnull=True).exists() and mine.filter(read_at__isnull=False).exists()
    # The demo's past is told in people's spaces: nothing waits to be e-mailed, nothing was sent.
    assert not Notification.objects.exclude(email_state=EmailState.NONE).exists()
    assert mail.outbox == []
    client.force_login(first)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Réunion publique" in page and "non lue" in page

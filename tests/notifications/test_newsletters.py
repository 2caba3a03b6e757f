"""Newsletters in the back-office: write, preview, test, send once to the followers (verified addresses only)."""

import pytest
from django.core import mail
from django.urls import reverse

from bouquet.notifications import services as notifications
from bouquet.notifications.models import Newsletter, Notification
from tests.factories import DistrictFactory, ProcessFactory, UserFactory
from tests.notifications.conftest import verified_person

pytestmark = pytest.mark.django_db

TEXT = "Bonjour à toutes et à tous,\n\nLa réunion publique aura lieu jeudi à la mairie annexe."


def write(client, audience: str) -> Newsletter:
    response = client.post(
        reverse("backoffice:newsletter-create"),
        {"audience": audience, "subject": "Réunion publique jeudi", "body": TEXT},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Newsletter.objects.get()


def test_an_agent_writes_previews_tests_and_sends_once(client, django_capture_on_commit_callbacks):
    process = ProcessFactory()
    verified, unverified, bystander = verified_person(), UserFactory(), verified_person()
    for person in (verified, unverified):
        notifications.follow(person, process)
    agent = verified_person(agent=True)
    client.force_login(agent)
    letter = write(client, f"process:{process.pk}")
    preview = client.get(reverse("backoffice:newsletter", args=[letter.pk])).content.decode()
    assert "La réunion publique aura lieu jeudi" in preview and "Envoyer à 2 personnes" in preview
    client.post(reverse("backoffice:newsletter-test", args=[letter.pk]))
    assert [m.to for m in mail.outbox] == [[agent.email]] and "[Essai]" in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("backoffice:newsletter-send", args=[letter.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("backoffice:newsletter-send", args=[letter.pk]), follow=True)
    assert "déjà été envoyée" in again.content.decode()
    assert [m.to for m in mail.outbox] == [[verified.email]]  # once; never to an unverified address
    [message] = mail.outbox
    assert message.subject.endswith("Réunion publique jeudi") and "mairie annexe" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        [verified.pk, unverified.pk]
    )
    assert not bystander.notifications.exists()
    client.force_login(verified)
    page = client.get(reverse("notifications:newsletter", args=[letter.pk]))
    assert page.status_code == 200 and "mairie annexe" in page.content.decode()
    client.force_login(bystander)
    assert client.get(reverse("notifications:newsletter", args=[letter.pk])).status_code == 404


def test_a_district_letter_goes_to_followers_of_its_processes_and_of_the_district(client):
    district = DistrictFactory()
    process, elsewhere = ProcessFactory(district=district), ProcessFactory()
    of_process, of_district, of_elsewhere = UserFactory(), UserFactory(), UserFactory()
    notifications.follow(of_process, process)
    notifications.follow(of_district, district)
    notifications.follow(of_elsewhere, elsewhere)
    agent = UserFactory(agent=True)
    client.force_login(agent)
    letter = write(client, f"district:{district.pk}")
    client.post(reverse("backoffice:newsletter-send", args=[letter.pk]))
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert told == {of_process.pk, of_district.pk}


def test_bad_input_and_people_without_the_right(client):
    agent = UserFactory(agent=True)
    client.force_login(agent)
    refused = client.post(
        reverse("backoffice:newsletter-create"), {"audience": "", "subject": "x", "body": ""}
    )
    assert refused.status_code == 422 and not Newsletter.objects.exists()
    client.force_login(UserFactory())
    assert client.get(reverse("backoffice:newsletters")).status_code == 404

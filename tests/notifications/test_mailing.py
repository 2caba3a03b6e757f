"""E-mails: sent once whatever the retries, summaries, nothing to unverified addresses (SQLite and PostgreSQL)."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from bouquet.notifications import services as notifications
from bouquet.notifications.digests import queue_digests
from bouquet.notifications.mailing import send_instant
from bouquet.notifications.models import EmailState, Notification
from bouquet.notifications.tasks import send_digest_batch, send_instant_emails
from tests.concurrency import run_together
from tests.factories import ProposalFactory, UserFactory
from tests.notifications.conftest import TEST_KIND, verified_person

pytestmark = pytest.mark.django_db


def pending_instant(people) -> list[int]:
    """Announce without letting the e-mails leave (no commit in a test): the ids of the pending rows."""
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=people)
    return list(Notification.objects.filter(email_state=EmailState.PENDING).values_list("pk", flat=True))


def test_a_task_run_twice_sends_nothing_twice():
    people = [verified_person() for _ in range(3)]
    ids = pending_instant(people)
    assert len(ids) == 3 and mail.outbox == []
    send_instant_emails.enqueue(ids)
    send_instant_emails.enqueue(ids)  # retried by the worker
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.SENT}


@pytest.mark.django_db(transaction=True)
def test_workers_racing_on_one_batch_send_each_email_once():
    people = [verified_person() for _ in range(5)]
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=people)  # committed: sent at once
    Notification.objects.update(email_state=EmailState.PENDING)  # as if that task had not run yet
    mail.outbox.clear()
    ids = list(Notification.objects.values_list("pk", flat=True))
    sent: list[int] = []
    errors = run_together(lambda _index: sent.append(send_instant(ids)), count=4)
    assert errors == []
    assert sum(sent) == 5 and len(mail.outbox) == 5


def test_an_unverified_address_gets_nothing_now_or_in_a_summary():
    stranger = UserFactory()  # no verified address
    notifications.set_preference(user=stranger, kind=TEST_KIND.code, frequency="daily")
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[stranger])
    queue_digests(frequency="daily")
    assert mail.outbox == []
    assert Notification.objects.get().email_state == EmailState.SKIPPED


def test_daily_summary_lists_each_pending_notification_once_and_only_daily_ones():
    daily, weekly = verified_person(), verified_person()
    notifications.set_preference(user=daily, kind=TEST_KIND.code, frequency="daily")
    notifications.set_preference(user=weekly, kind=TEST_KIND.code, frequency="weekly")
    first, second = ProposalFactory(title="Un jardin partagé"), ProposalFactory(title="Une piste cyclable")
    for proposal in (first, second):
        notifications.announce(TEST_KIND.code, proposal, recipients=[daily, weekly])
    assert queue_digests(frequency="daily") == (1, 1)
    [message] = mail.outbox
    assert message.to == [daily.email] and "résumé du jour" in message.subject
    assert "Un jardin partagé" in message.body and "Une piste cyclable" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Un jardin partagé" in message.alternatives[0][0]
    send_digest_batch.enqueue("daily", [daily.pk])  # the same batch again
    assert queue_digests(frequency="daily") == (0, 0)
    assert len(mail.outbox) == 1
    call_command("send_digests", "--weekly")
    assert [m.to for m in mail.outbox[1:]] == [[weekly.email]]
    assert "résumé de la semaine" in mail.outbox[1].subject


def test_never_means_no_email_but_the_notification_is_there(person):
    notifications.set_preference(user=person, kind=TEST_KIND.code, frequency="never")
    notifications.announce(TEST_KIND.code, ProposalFactory(), recipients=[person])
    queue_digests(frequency="daily")
    row = Notification.objects.get()
    assert row.email_state == EmailState.NONE and mail.outbox == []


def test_the_digest_command_needs_a_frequency():
    with pytest.raises(CommandError):
        call_command("send_digests")


def test_the_written_message_reads_back_as_the_same_email():
    import email
    import email.policy

    from bouquet.notifications.fastmail import PlainEmail, RawMessage

    person = verified_person()
    notifications.announce(
        TEST_KIND.code, ProposalFactory(title="Des bancs à l'ombre « près du lavoir »"), recipients=[person]
    )
    send_instant([Notification.objects.get().pk])
    [sent] = mail.outbox
    raw = sent.message(policy=email.policy.SMTP)
    assert isinstance(raw, RawMessage) and b"\r\n" in raw.as_bytes()
    parsed = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == sent.subject and "près du lavoir" in parsed["Subject"]
    assert parsed["To"] == person.email
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed["List-Unsubscribe"] == sent.extra_headers["List-Unsubscribe"]
    plain = parsed.get_body(preferencelist=("plain",)).get_content()
    html = parsed.get_body(preferencelist=("html",)).get_content()
    assert "près du lavoir" in plain and "/desabonnement/" in plain and "<a href=" in html
    # A line longer than SMTP allows goes through Django's own writer.
    long = PlainEmail(subject="Objet", body="mot " * 400, to=["a@exemple.fr"])
    long.attach_alternative("<p>court</p>", "text/html")
    assert not isinstance(long.message(), RawMessage)


def test_the_unsubscribe_token_is_djangos_signed_token():
    from django.core import signing

    from bouquet.notifications.mailing import UNSUBSCRIBE_SALT, read_unsubscribe_token, unsubscribe_token

    token = unsubscribe_token(42, TEST_KIND.code)
    assert read_unsubscribe_token(token) == (42, TEST_KIND.code)
    assert signing.loads(token, salt=UNSUBSCRIBE_SALT) == {"u": 42, "k": TEST_KIND.code}
    value, signature = token.rsplit(":", 1)
    assert signature == signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).signature(value)
    with pytest.raises(signing.BadSignature):
        read_unsubscribe_token(value + ":" + signature[:-2] + "xx")


def test_a_batch_takes_the_same_few_queries_whatever_its_size(django_assert_max_num_queries):
    people = [verified_person() for _ in range(30)]
    ids = pending_instant(people)
    with django_assert_max_num_queries(7):  # claim, read, addresses, mark skipped and sent (+ savepoint)
        assert send_instant(ids) == 30
    assert len(mail.outbox) == 30 and len({m.extra_headers["List-Unsubscribe"] for m in mail.outbox}) == 30

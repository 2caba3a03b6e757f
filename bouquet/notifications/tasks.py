"""Background sending of the notifications' e-mails (Django's task interface: immediate in tests, a worker in
production). Each task handles one batch and may run twice: ``mailing`` claims rows before sending."""

from django.tasks import task

from bouquet.notifications import mailing


@task
def send_instant_emails(notification_ids: list[int]) -> int:
    """Send the « à chaque fois » e-mails of one batch of notifications; returns how many left."""
    return mailing.send_instant(notification_ids)


@task
def send_digest_batch(frequency: str, user_ids: list[int]) -> int:
    """Send the daily or weekly summary to one batch of people; returns how many left."""
    return mailing.send_digests(frequency=frequency, user_ids=user_ids)


@task
def send_newsletter_batch(newsletter_id: int, user_ids: list[int]) -> int:
    """Send a newsletter to one batch of its readers; returns how many left."""
    return mailing.send_newsletter(newsletter_id=newsletter_id, user_ids=user_ids)

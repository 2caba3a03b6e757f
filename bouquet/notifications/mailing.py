"""Building and sending the e-mails: one per notification (« à chaque fois »), summaries (daily, weekly), newsletters.

Every e-mail has a plain-text part and an HTML part, and the one-click unsubscribe of RFC 8058 (``List-Unsubscribe``
with a signed https link, ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``). Nothing goes to an address the
person has not verified. Rows are claimed by a conditional UPDATE (``pending`` → ``sending`` with this run's token)
before anything is sent: a task run twice, or two workers on the same batch, never send an e-mail twice. A
crash between the claim and the send loses those e-mails rather than repeating them (at most once)."""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bouquet.notifications.models import EmailState, FrequencyChoice, Notification

UNSUBSCRIBE_SALT = "bouquet.notifications.unsubscribe"
ALL_KINDS = "*"


def site_url() -> str:
    """The public address of the site, for links in e-mails (no request to build them from)."""
    return str(getattr(settings, "BOUQUET_SITE_URL", "http://localhost:8000")).rstrip("/")


def unsubscribe_token(user_id: int, kind: str) -> str:
    """A signed token naming a person and a kind of e-mail (``*``: all of them)."""
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The person and kind a token names; ``signing.BadSignature`` when it was tampered with."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data["u"], data["k"]


def unsubscribe_url(user_id: int, kind: str) -> str:
    """The absolute one-click unsubscribe link of an e-mail."""
    return site_url() + reverse(
        "notifications:unsubscribe", kwargs={"token": unsubscribe_token(user_id, kind)}
    )


def verified_user_ids(user_ids: Iterable[int]) -> set[int]:
    """Those of these people whose account address is verified (allauth's EmailAddress)."""
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True, erased_at__isnull=True)
    pairs = users.values_list("pk", "email")
    emails = {pk: email.lower() for pk, email in pairs}
    verified = EmailAddress.objects.filter(user_id__in=list(emails), verified=True).values_list(
        "user_id", "email"
    )
    return {user_id for user_id, email in verified if emails.get(user_id) == email.lower()}


def build_message(
    *, to: str, user_id: int, kind: str, subject: str, template: str, context: dict[str, Any]
) -> EmailMultiAlternatives:
    """One e-mail with its plain-text and HTML parts and its RFC 8058 unsubscribe headers."""
    link = unsubscribe_url(user_id, kind)
    page = {
        **context,
        "unsubscribe_url": link,
        "site_url": site_url(),
        "authority": settings.BOUQUET_AUTHORITY,
    }
    text = render_to_string(f"notifications/email/{template}.txt", page)
    html = render_to_string(f"notifications/email/{template}.html", page)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    message = EmailMultiAlternatives(
        subject=f"{prefix}{subject}",
        body=text,
        to=[to],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    return message


def _claim(queryset: Any) -> list[Notification]:
    """Claim the pending rows of a queryset for this run; only the rows this run claimed come back."""
    token = uuid.uuid4().hex
    queryset.filter(email_state=EmailState.PENDING).update(email_state=EmailState.SENDING, email_claim=token)
    return list(Notification.objects.filter(email_claim=token).select_related("recipient").order_by("pk"))


def _send(messages: list[EmailMultiAlternatives]) -> None:
    if messages:
        connection = mailers.default
        connection.send_messages(messages)


def _finish(sent: Iterable[int], skipped: Iterable[int]) -> None:
    Notification.objects.filter(pk__in=list(sent)).update(
        email_state=EmailState.SENT, emailed_at=timezone.now()
    )
    Notification.objects.filter(pk__in=list(skipped)).update(email_state=EmailState.SKIPPED)


def send_instant(notification_ids: list[int]) -> int:
    """Send one e-mail per pending « à chaque fois » notification of this batch; returns how many were sent."""
    claimed = _claim(
        Notification.objects.filter(pk__in=notification_ids, email_frequency=FrequencyChoice.INSTANT)
    )
    verified = verified_user_ids({row.recipient_id for row in claimed})
    messages, sent, skipped = [], [], []
    with translation.override(settings.LANGUAGE_CODE):
        for row in claimed:
            if row.recipient_id not in verified:
                skipped.append(row.pk)
                continue
            messages.append(
                build_message(
                    to=row.recipient.email,
                    user_id=row.recipient_id,
                    kind=row.kind,
                    subject=row.message(),
                    template="notification",
                    context={
                        "notification": row,
                        "link": site_url() + row.target_url if row.target_url else "",
                    },
                )
            )
            sent.append(row.pk)
    _send(messages)
    _finish(sent, skipped)
    return len(sent)


def digest_recipients(frequency: str) -> list[int]:
    """The people who have pending notifications for this summary."""
    rows = Notification.objects.filter(email_state=EmailState.PENDING, email_frequency=frequency)
    return sorted(set(rows.values_list("recipient_id", flat=True)))


def send_digests(*, frequency: str, user_ids: list[int]) -> int:
    """Send one summary e-mail per person of this batch, listing their pending notifications of that frequency."""
    claimed = _claim(
        Notification.objects.filter(recipient_id__in=user_ids, email_frequency=frequency).filter(
            Q(email_state=EmailState.PENDING)
        )
    )
    by_person: dict[int, list[Notification]] = defaultdict(list)
    for row in claimed:
        by_person[row.recipient_id].append(row)
    verified = verified_user_ids(by_person)
    messages, sent, skipped = [], [], []
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Votre résumé du jour")
            if frequency == FrequencyChoice.DAILY
            else _("Votre résumé de la semaine")
        )
        for user_id, rows in by_person.items():
            ids = [row.pk for row in rows]
            if user_id not in verified:
                skipped.extend(ids)
                continue
            items = [
                {
                    "message": row.message(),
                    "link": site_url() + row.target_url if row.target_url else "",
                    "row": row,
                }
                for row in rows
            ]
            messages.append(
                build_message(
                    to=rows[0].recipient.email,
                    user_id=user_id,
                    kind=ALL_KINDS,
                    subject=subject,
                    template="digest",
                    context={"items": items, "frequency": frequency, "subject": subject},
                )
            )
            sent.extend(ids)
    _send(messages)
    _finish(sent, skipped)
    return len(messages)


def send_newsletter(*, newsletter_id: int, user_ids: list[int]) -> int:
    """Send a newsletter to a batch of its readers (filled in by the newsletter code)."""
    from bouquet.notifications.newsletters import send_newsletter_to  # noqa: PLC0415

    return send_newsletter_to(newsletter_id=newsletter_id, user_ids=user_ids)

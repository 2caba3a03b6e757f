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
from django.utils.html import escape
from django.utils.translation import gettext as _

from bouquet.notifications.fastmail import PlainEmail
from bouquet.notifications.models import EmailState, FrequencyChoice, Newsletter, Notification

UNSUBSCRIBE_SALT = "bouquet.notifications.unsubscribe"
ALL_KINDS = "*"
NEWSLETTER_KIND = "notifications.newsletter"


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


PLACEHOLDER = "BOUQUETUNSUBSCRIBELINK"


def render_parts(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The plain-text and HTML parts of an e-mail, with a placeholder where each reader's unsubscribe link goes."""
    page = {
        **context,
        "unsubscribe_url": PLACEHOLDER,
        "site_url": site_url(),
        "authority": settings.BOUQUET_AUTHORITY,
    }
    return (
        render_to_string(f"notifications/email/{template}.txt", page),
        render_to_string(f"notifications/email/{template}.html", page),
    )


def build_message(
    *,
    to: str,
    user_id: int,
    kind: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    parts: tuple[str, str] | None = None,
) -> EmailMultiAlternatives:
    """One e-mail with its plain-text and HTML parts and its RFC 8058 unsubscribe headers. ``parts``: the
    parts already rendered for this content (one event's e-mails differ only by their unsubscribe link)."""
    link = unsubscribe_url(user_id, kind)
    text, html = parts if parts is not None else render_parts(template, context)
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    message = PlainEmail(
        subject=f"{prefix}{subject}",
        body=text.replace(PLACEHOLDER, link),
        to=[to],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html.replace(PLACEHOLDER, escape(link)), "text/html")
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
    letter_ids = {row.object_id for row in claimed if row.kind == NEWSLETTER_KIND}
    newsletters = Newsletter.objects.in_bulk(letter_ids) if letter_ids else {}
    rendered: dict[tuple[object, ...], tuple[str, str, str]] = {}
    messages, sent, skipped = [], [], []
    with translation.override(settings.LANGUAGE_CODE):
        for row in claimed:
            if row.recipient_id not in verified:
                skipped.append(row.pk)
                continue
            letter = newsletters.get(row.object_id) if row.kind == NEWSLETTER_KIND else None
            template = "newsletter" if letter is not None else "notification"
            context = {
                "notification": row,
                "newsletter": letter,
                "link": site_url() + row.target_url if row.target_url else "",
            }
            # The rows of one event say the same thing: render it once per batch.
            key = (
                row.kind,
                row.content_type_id,
                row.object_id,
                row.actor_name,
                repr(row.context),
                row.target_url,
            )
            if key not in rendered:
                subject = letter.subject if letter is not None else row.message()
                rendered[key] = (subject, *render_parts(template, context))
            subject, text, html = rendered[key]
            messages.append(
                build_message(
                    to=row.recipient.email,
                    user_id=row.recipient_id,
                    kind=row.kind,
                    subject=subject,
                    template=template,
                    context=context,
                    parts=(text, html),
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
    rendered: dict[tuple[tuple[str, str], ...], tuple[str, str]] = {}
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
                {"message": row.message(), "link": site_url() + row.target_url if row.target_url else ""}
                for row in rows
            ]
            # People who follow the same things get the same summary: render it once, per batch.
            key = tuple((item["message"], item["link"]) for item in items)
            context = {"items": items, "frequency": frequency, "subject": subject}
            if key not in rendered:
                rendered[key] = render_parts("digest", context)
            messages.append(
                build_message(
                    to=rows[0].recipient.email,
                    user_id=user_id,
                    kind=ALL_KINDS,
                    subject=subject,
                    template="digest",
                    context=context,
                    parts=rendered[key],
                )
            )
            sent.extend(ids)
    _send(messages)
    _finish(sent, skipped)
    return len(messages)

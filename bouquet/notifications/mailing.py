"""Building and sending the e-mails: one per notification (« à chaque fois »), summaries (daily, weekly), newsletters.

Every e-mail has a plain-text part and an HTML part, and the one-click unsubscribe of RFC 8058 (``List-Unsubscribe``
with a signed https link, ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``). Nothing goes to an address the
person has not verified. Rows are claimed by a conditional UPDATE (``pending`` → ``sending`` with this run's token)
before anything is sent: a task run twice, or two workers on the same batch, never send an e-mail twice. A
crash between the claim and the send loses those e-mails rather than repeating them (at most once)."""

import hashlib
import hmac
import uuid
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
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


class _UnsubscribeSigner(signing.TimestampSigner):
    """Django's timestamped signer with its derived key computed once: ``signing.dumps`` derives the same key
    (a SHA-256 of salt and secret) for every token, a sixth of the cost of one e-mail when 100,000 leave at
    once. The tokens are byte for byte those of ``signing.dumps(..., salt=UNSUBSCRIBE_SALT)`` and
    ``signing.loads`` reads them (tested)."""

    def __init__(self, key: str) -> None:
        super().__init__(key=key, salt=UNSUBSCRIBE_SALT)
        derived = hashlib.sha256(force_bytes(self.salt) + b"signer" + force_bytes(key)).digest()
        self._mac = hmac.new(derived, digestmod=hashlib.sha256)

    def signature(self, value: str | bytes, key: str | bytes | None = None) -> str:
        if key is not None and key != self.key:  # a fallback key, when reading
            return super().signature(value, key)
        mac = self._mac.copy()
        mac.update(value.encode() if isinstance(value, str) else value)
        return signing.b64_encode(mac.digest()).decode()


@lru_cache(maxsize=4)
def _signer(key: str) -> _UnsubscribeSigner:
    return _UnsubscribeSigner(key)


def unsubscribe_token(user_id: int, kind: str) -> str:
    """A signed token naming a person and a kind of e-mail (``*``: all of them)."""
    # Not compressed: zlib never shortens a payload this short (it tried, for 60 µs a token); ``signing.loads``
    # reads compressed and plain tokens alike.
    return _signer(settings.SECRET_KEY).sign_object({"u": user_id, "k": kind})


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The person and kind a token names; ``signing.BadSignature`` when it was tampered with."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data["u"], data["k"]


_TOKEN_SLOT = "TOKEN0SLOT"  # nosec B105 - a placeholder in an address, replaced by each signed token


def _unsubscribe_prefix_suffix() -> tuple[str, str]:
    """The unsubscribe address around its token (one ``reverse`` per batch, not per e-mail)."""
    address = site_url() + reverse("notifications:unsubscribe", kwargs={"token": _TOKEN_SLOT})
    prefix, _slot, suffix = address.partition(_TOKEN_SLOT)
    return prefix, suffix


def unsubscribe_url(user_id: int, kind: str, *, around: tuple[str, str] | None = None) -> str:
    """The absolute one-click unsubscribe link of an e-mail; ``around``: the address around the token, already
    worked out for this batch."""
    prefix, suffix = around or _unsubscribe_prefix_suffix()
    return prefix + unsubscribe_token(user_id, kind) + suffix


def verified_addresses(user_ids: Iterable[int]) -> dict[int, str]:
    """The account address of those of these people whose address is verified (allauth's EmailAddress),
    active and not erased: one query."""
    rows = EmailAddress.objects.filter(
        user_id__in=list(user_ids),
        verified=True,
        user__is_active=True,
        user__erased_at__isnull=True,
    ).values_list("user_id", "email", "user__email")
    return {user_id: account for user_id, email, account in rows if email.lower() == account.lower()}


def verified_user_ids(user_ids: Iterable[int]) -> set[int]:
    """Those of these people whose account address is verified (allauth's EmailAddress)."""
    return set(verified_addresses(user_ids))


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
    around: tuple[str, str] | None = None,
) -> EmailMultiAlternatives:
    """One e-mail with its plain-text and HTML parts and its RFC 8058 unsubscribe headers. ``parts``: the
    parts already rendered for this content (one event's e-mails differ only by their unsubscribe link);
    ``around``: the unsubscribe address around its token, worked out once per batch."""
    link = unsubscribe_url(user_id, kind, around=around)
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


_CLAIMED_FIELDS = (
    "pk",
    "recipient_id",
    "kind",
    "content_type_id",
    "object_id",
    "target_title",
    "target_url",
    "actor_name",
    "context",
)


def _claim(queryset: Any) -> tuple[str, list[dict[str, Any]]]:
    """Claim the pending rows of a queryset for this run: this run's token, and only the rows it claimed, as
    plain values (building 500 model instances per batch cost more than writing their e-mails)."""
    token = uuid.uuid4().hex
    queryset.filter(email_state=EmailState.PENDING).update(email_state=EmailState.SENDING, email_claim=token)
    return token, list(Notification.objects.filter(email_claim=token).order_by("pk").values(*_CLAIMED_FIELDS))


def _said(row: dict[str, Any]) -> tuple[object, ...]:
    """What a notification says, whoever reads it: rows with the same key render the same sentence."""
    return (
        row["kind"],
        row["content_type_id"],
        row["object_id"],
        row["actor_name"],
        repr(row["context"]),
        row["target_title"],
        row["target_url"],
    )


def _notification(row: dict[str, Any]) -> Notification:
    """A notification built from claimed values, for its sentence and the templates (not saved)."""
    values = dict(row)
    return Notification(id=values.pop("pk"), **values)


def _send(messages: list[EmailMultiAlternatives]) -> None:
    """Hand a batch to the mail backend in one call: one connection for the batch."""
    if messages:
        connection = mailers.default
        connection.send_messages(messages)


def _finish(token: str, skipped: list[int]) -> None:
    """Mark this run's claimed rows sent, except those skipped (no verified address): found by the claim's
    token, not by a list of 500 ids."""
    claimed = Notification.objects.filter(email_claim=token, email_state=EmailState.SENDING)
    with transaction.atomic():  # one commit per batch (SQLite writes its journal once)
        if skipped:
            claimed.filter(pk__in=skipped).update(email_state=EmailState.SKIPPED)
        claimed.update(email_state=EmailState.SENT, emailed_at=timezone.now())


def send_instant(notification_ids: list[int]) -> int:
    """Send one e-mail per pending « à chaque fois » notification of this batch; returns how many were sent.

    Five queries per batch whatever its size: claim, read the claimed rows, the verified addresses, the
    newsletters (when some rows are letters), mark sent and skipped."""
    token, claimed = _claim(
        Notification.objects.filter(pk__in=notification_ids, email_frequency=FrequencyChoice.INSTANT)
    )
    addresses = verified_addresses({row["recipient_id"] for row in claimed})
    letter_ids = {row["object_id"] for row in claimed if row["kind"] == NEWSLETTER_KIND}
    newsletters = Newsletter.objects.in_bulk(letter_ids) if letter_ids else {}
    rendered: dict[tuple[object, ...], tuple[str, str, str, str]] = {}
    around = _unsubscribe_prefix_suffix()
    messages, sent, skipped = [], [], []
    with translation.override(settings.LANGUAGE_CODE):
        for row in claimed:
            address = addresses.get(row["recipient_id"])
            if address is None:
                skipped.append(row["pk"])
                continue
            # The rows of one event say the same thing: render it once per batch.
            key = _said(row)
            if key not in rendered:
                notification = _notification(row)
                letter = newsletters.get(row["object_id"]) if row["kind"] == NEWSLETTER_KIND else None
                template = "newsletter" if letter is not None else "notification"
                context = {
                    "notification": notification,
                    "newsletter": letter,
                    "link": site_url() + row["target_url"] if row["target_url"] else "",
                }
                subject = letter.subject if letter is not None else notification.message()
                rendered[key] = (template, subject, *render_parts(template, context))
            template, subject, text, html = rendered[key]
            messages.append(
                build_message(
                    to=address,
                    user_id=row["recipient_id"],
                    kind=row["kind"],
                    subject=subject,
                    template=template,
                    context={},
                    parts=(text, html),
                    around=around,
                )
            )
            sent.append(row["pk"])
    _send(messages)
    _finish(token, skipped)
    return len(sent)


def digest_recipients(frequency: str) -> list[int]:
    """The people who have pending notifications for this summary."""
    rows = Notification.objects.filter(email_state=EmailState.PENDING, email_frequency=frequency)
    return sorted(set(rows.values_list("recipient_id", flat=True)))


def send_digests(*, frequency: str, user_ids: list[int]) -> int:
    """Send one summary e-mail per person of this batch, listing their pending notifications of that frequency.

    Four queries per batch: claim, read the claimed rows, the verified addresses, mark sent and skipped."""
    token, claimed = _claim(
        Notification.objects.filter(recipient_id__in=user_ids, email_frequency=frequency).filter(
            Q(email_state=EmailState.PENDING)
        )
    )
    by_person: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in claimed:
        by_person[row["recipient_id"]].append(row)
    addresses = verified_addresses(by_person)
    rendered: dict[tuple[tuple[str, str], ...], tuple[str, str]] = {}
    items_of: dict[tuple[object, ...], dict[str, str]] = {}
    around = _unsubscribe_prefix_suffix()
    messages, sent, skipped = [], [], []
    with translation.override(settings.LANGUAGE_CODE):
        subject = (
            _("Votre résumé du jour")
            if frequency == FrequencyChoice.DAILY
            else _("Votre résumé de la semaine")
        )
        for user_id, rows in by_person.items():
            ids = [row["pk"] for row in rows]
            address = addresses.get(user_id)
            if address is None:
                skipped.extend(ids)
                continue
            items = []
            for row in rows:  # one sentence per distinct event in the batch, not per reader
                said = _said(row)
                if said not in items_of:
                    items_of[said] = {
                        "message": _notification(row).message(),
                        "link": site_url() + row["target_url"] if row["target_url"] else "",
                    }
                items.append(items_of[said])
            # People who follow the same things get the same summary: render it once, per batch.
            key = tuple((item["message"], item["link"]) for item in items)
            if key not in rendered:
                context = {"items": items, "frequency": frequency, "subject": subject}
                rendered[key] = render_parts("digest", context)
            messages.append(
                build_message(
                    to=address,
                    user_id=user_id,
                    kind=ALL_KINDS,
                    subject=subject,
                    template="digest",
                    context={},
                    parts=rendered[key],
                    around=around,
                )
            )
            sent.extend(ids)
    _send(messages)
    _finish(token, skipped)
    return len(messages)

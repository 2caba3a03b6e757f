"""Writes of the notifications app: follow, unfollow, announce an event, choose how often to be told.

Other apps call these after their own write (``transaction.on_commit`` when they are inside a transaction):
``announce("proposals.answered", proposal, actor=agent)`` tells the proposal's followers, once each."""

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from bouquet.notifications import kinds
from bouquet.notifications.mailing import ALL_KINDS
from bouquet.notifications.models import (
    Announcement,
    EmailState,
    Follow,
    FrequencyChoice,
    Notification,
    Preference,
)
from bouquet.notifications.tasks import send_instant_emails

BATCH = 500  # notifications written per INSERT and e-mailed per task

_held = threading.local()


@contextmanager
def emails_held() -> Iterator[None]:
    """Within this block, announcements make notifications but no e-mail (the demo's seeding: its past is told
    in people's spaces, not by a flood of e-mails)."""
    previous = getattr(_held, "on", False)
    _held.on = True
    try:
        yield
    finally:
        _held.on = previous


def _content_type(target: models.Model) -> ContentType:
    return ContentType.objects.get_for_model(target, for_concrete_model=True)


def follow(
    user: Any, target: models.Model, *, reason: str = Follow.Reason.FOLLOWED, at: dt.datetime | None = None
) -> Follow:
    """Make a person follow a target (idempotent: a second call keeps the first follow and its reason).
    ``at``: the time to keep (a secret vote keeps only the day)."""
    content_type = _content_type(target)
    try:
        with transaction.atomic():
            follow_row, _created = Follow.objects.get_or_create(
                user=user,
                content_type=content_type,
                object_id=target.pk,
                defaults={"reason": reason, "created_at": at or timezone.now()},
            )
    except IntegrityError:  # the same person followed it at the same instant in another request
        follow_row = Follow.objects.get(user=user, content_type=content_type, object_id=target.pk)
    return follow_row


def unfollow(user: Any, target: models.Model) -> bool:
    """Stop following a target (idempotent); True when a follow was removed."""
    deleted, _details = Follow.objects.filter(
        user=user, content_type=_content_type(target), object_id=target.pk
    ).delete()
    return deleted > 0


def set_preference(*, user: Any, kind: str, frequency: str) -> Preference:
    """Record how often a person wants e-mails for one kind of event."""
    kinds.get(kind)
    if frequency not in FrequencyChoice.values:
        raise ValueError(f"Unknown frequency {frequency!r}")
    preference, _created = Preference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )
    return preference


def _title(target: models.Model) -> str:
    for attribute in ("title", "label", "name"):
        value = getattr(target, attribute, None)
        if isinstance(value, str) and value:
            return value[:255]
    return str(target)[:255]


def _url(target: models.Model) -> str:
    getter = getattr(target, "get_absolute_url", None)
    if getter is None:
        return ""
    try:
        return str(getter())[:500]
    except Exception:  # noqa: BLE001 - a target without a public page is announced without a link
        return ""


def announce(
    kind: str,
    target: models.Model,
    *,
    actor: Any = None,
    recipients: Iterable[Any] | None = None,
    context: dict[str, str | int] | None = None,
    once: str | None = None,
) -> int:
    """Tell people that something happened to ``target``: its followers, or ``recipients`` when given.

    Each person is told once, the actor never about their own act, closed or erased accounts never. E-mails
    chosen « à chaque fois » are handed to background tasks once the transaction commits. Returns the number of
    notifications created. With ``once`` (a key), an event already announced under that key tells nobody."""
    the_kind = kinds.get(kind)
    if once is not None:
        with transaction.atomic():
            _row, first_time = Announcement.objects.get_or_create(
                kind=kind, content_type=_content_type(target), object_id=target.pk, key=once[:100]
            )
        if not first_time:
            return 0
    users = get_user_model().objects.filter(is_active=True, erased_at__isnull=True)
    if recipients is None:
        followers = Follow.objects.filter(content_type=_content_type(target), object_id=target.pk)
        ids = set(users.filter(pk__in=followers.values("user_id")).values_list("pk", flat=True))
    else:
        wanted = {getattr(person, "pk", person) for person in recipients}
        ids = set()
        wanted_list = sorted(wanted)
        for start in range(0, len(wanted_list), BATCH):
            chunk = wanted_list[start : start + BATCH]
            ids.update(users.filter(pk__in=chunk).values_list("pk", flat=True))
    if actor is not None:
        ids.discard(actor.pk)
    if not ids:
        return 0
    chosen = dict(Preference.objects.filter(kind=kind).values_list("user_id", "frequency"))
    content_type = _content_type(target)
    common = {
        "kind": kind,
        "content_type": content_type,
        "object_id": target.pk,
        "target_title": _title(target),
        "target_url": _url(target),
        "actor": actor,
        "actor_name": actor.public_name[:100] if actor is not None else "",
        "context": dict(context or {}),
    }
    instant_ids: list[int] = []
    ordered = sorted(ids)
    held = getattr(_held, "on", False)
    with transaction.atomic():  # one transaction for the event's rows (SQLite commits once, not per batch)
        for start in range(0, len(ordered), BATCH):
            told: list[tuple[int, str, str]] = []
            for user_id in ordered[start : start + BATCH]:
                frequency = chosen.get(user_id, the_kind.default_frequency)
                quiet = frequency == FrequencyChoice.NEVER or held
                told.append((user_id, frequency, EmailState.NONE if quiet else EmailState.PENDING))
            instant_ids.extend(
                pk
                for pk, (_user, frequency, state) in zip(_insert(common, told), told, strict=True)
                if state == EmailState.PENDING and frequency == FrequencyChoice.INSTANT
            )
    _send_later(instant_ids)
    return len(ids)


_VARYING = ("recipient_id", "email_frequency", "email_state")


def _insert(common: dict[str, Any], told: list[tuple[int, str, str]]) -> list[int]:
    """Write one batch of an event's notifications in one INSERT and return their ids, in order.

    The rows differ only by recipient, frequency and e-mail state: the other columns are prepared once for the
    batch (``bulk_create`` prepared every field of every row, a quarter of the time of an event told to
    100,000 people). ``RETURNING`` (SQLite and PostgreSQL) gives each row's id with its recipient, who is
    told once per event: the ids come back in the order of ``told`` whatever order the database returns."""
    model = Notification(recipient_id=0, email_frequency="", email_state="", **common)
    fields = [field for field in Notification._meta.concrete_fields if not field.primary_key]
    prepared = []
    for field in fields:
        value = field.pre_save(model, add=True)  # created_at: now, once for the batch
        prepared.append(field.get_db_prep_save(value, connection=connection))
    varying = [index for index, field in enumerate(fields) if field.attname in _VARYING]
    order = [_VARYING.index(fields[index].attname) for index in varying]
    params: list[Any] = []
    for values in told:
        for index, position in zip(varying, order, strict=True):
            prepared[index] = values[position]
        params.extend(prepared)
    quote = connection.ops.quote_name
    table = quote(Notification._meta.db_table)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(str(field.column)) for field in fields)}) "  # nosec B608 - our own names
        f"VALUES {', '.join([row] * len(told))} "
        f"RETURNING {quote(str(Notification._meta.pk.column))}, {quote('recipient_id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        pk_of = {recipient: pk for pk, recipient in cursor.fetchall()}
    return [pk_of[user_id] for user_id, _frequency, _state in told]


def _send_later(ids: list[int]) -> None:
    """Hand the instant e-mails to background tasks, one per batch, once the transaction commits."""
    for start in range(0, len(ids), BATCH):
        transaction.on_commit(partial(send_instant_emails.enqueue, ids[start : start + BATCH]))


def mark_read(*, user: Any, notification_ids: Iterable[int] | None = None) -> int:
    """Mark some of a person's notifications read (all when ``notification_ids`` is None); returns how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def unsubscribe(*, user_id: int, kind: str) -> int:
    """Stop the e-mails of one kind (``*``: of every kind) for a person; their notifications stay in their space.
    Returns how many kinds changed. Pending e-mails of those kinds are dropped too."""
    codes = [known.code for known in kinds.all_kinds()] if kind == ALL_KINDS else [kinds.get(kind).code]
    changed = 0
    with transaction.atomic():
        for code in codes:
            Preference.objects.update_or_create(
                user_id=user_id, kind=code, defaults={"frequency": FrequencyChoice.NEVER}
            )
            changed += 1
        Notification.objects.filter(
            recipient_id=user_id, kind__in=codes, email_state=EmailState.PENDING
        ).update(email_state=EmailState.NONE)
    return changed


def forget_person(*, user: Any) -> int:
    """Delete what a person followed, was told and chose to receive (their account is being erased); the
    newsletters they wrote as an agent stay, as the authority's. Returns how many rows went."""
    # Others' notifications about what they did keep the act, not the name.
    Notification.objects.filter(actor=user).update(actor_name=gettext("Compte supprimé"))
    deleted = 0
    for model in (Follow, Notification, Preference):
        count, _details = model.objects.filter(
            **{"recipient" if model is Notification else "user": user}
        ).delete()
        deleted += count
    return deleted

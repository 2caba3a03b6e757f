"""Reads of the notifications app: a person's notifications, their preferences, who follows what."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, QuerySet

from bouquet.core.personal import iso
from bouquet.notifications import kinds
from bouquet.notifications.mailing import NEWSLETTER_KIND
from bouquet.notifications.models import Follow, Newsletter, Notification, Preference


def notifications_of(*, user: Any) -> QuerySet[Notification]:
    """A person's notifications, unread first, newest first."""
    return Notification.objects.filter(recipient=user).order_by(
        F("read_at").desc(nulls_first=True), "-created_at", "-pk"
    )


def unread_count(*, user: Any) -> int:
    """How many of a person's notifications are unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def is_following(*, user: Any, target: models.Model) -> bool:
    """Whether a person follows this target."""
    if not getattr(user, "is_authenticated", False):
        return False
    meta = (
        target._meta.concrete_model or type(target)
    )._meta  # a join, not the content-type cache: one query
    return Follow.objects.filter(
        user=user,
        object_id=target.pk,
        content_type__app_label=meta.app_label,
        content_type__model=meta.model_name,
    ).exists()


def follower_ids(targets: Iterable[models.Model]) -> set[int]:
    """The people who follow at least one of these targets."""
    ids: set[int] = set()
    by_type: dict[ContentType, list[int]] = {}
    for target in targets:
        content_type = ContentType.objects.get_for_model(target, for_concrete_model=True)
        by_type.setdefault(content_type, []).append(target.pk)
    for content_type, pks in by_type.items():
        rows = Follow.objects.filter(content_type=content_type, object_id__in=pks)
        ids.update(rows.values_list("user_id", flat=True))
    return ids


@dataclass(frozen=True)
class KindPreference:
    kind: kinds.Kind
    frequency: str
    chosen: bool  # False: the kind's default


def preferences_of(*, user: Any) -> list[KindPreference]:
    """For every kind, how often the person wants e-mails about it."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    return [
        KindPreference(
            kind=kind, frequency=chosen.get(kind.code, kind.default_frequency), chosen=kind.code in chosen
        )
        for kind in kinds.all_kinds()
    ]


def received_newsletter(*, user: Any, newsletter: Newsletter) -> bool:
    """Whether this person was among a newsletter's readers."""
    content_type = ContentType.objects.get_for_model(Newsletter)
    return Notification.objects.filter(
        recipient=user, kind=NEWSLETTER_KIND, content_type=content_type, object_id=newsletter.pk
    ).exists()


def personal_data(*, person: Any) -> dict[str, list[dict[str, Any]]]:
    """What the notifications hold about a person (their export, docs/decisions/0013): what they follow, what they
    were told, how often they want e-mails, the letters they wrote as an agent."""

    return {
        "suivis": [
            {
                "type": f.content_type.model,
                "numero": f.object_id,
                "pourquoi": f.reason,
                "depuis": iso(f.created_at),
            }
            for f in Follow.objects.filter(user=person).select_related("content_type").order_by("id")
        ],
        "notifications": [
            {
                "message": n.message(),
                "sujet": n.target_title,
                "le": iso(n.created_at),
                "lue_le": iso(n.read_at),
                "envoyee_par_e_mail_le": iso(n.emailed_at),
            }
            for n in Notification.objects.filter(recipient=person).order_by("id")
        ],
        "preferences_de_notification": [
            {"type": p.kind, "frequence": p.frequency}
            for p in Preference.objects.filter(user=person).order_by("kind")
        ],
        "lettres_d_information_ecrites": [
            {"objet": n.subject, "destinataires": n.audience_label, "envoyee_le": iso(n.sent_at)}
            for n in Newsletter.objects.filter(author=person).order_by("id")
        ],
    }


def follows_of(*, user: Any) -> QuerySet[Follow]:
    """What a person follows, newest first, each with its target (one query per kind of target)."""
    return (
        Follow.objects.filter(user=user)
        .select_related("content_type")
        .prefetch_related("target")
        .order_by("-created_at", "-pk")
    )

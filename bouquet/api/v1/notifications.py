"""A person's notifications, what they follow and how often they want e-mails (issue 12), for themselves only:
every operation needs a session or a personal token."""

import datetime as dt
from typing import Any, Literal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from bouquet.api.v1.auth import WRITE_AUTH
from bouquet.api.v1.pagination import BoundedPages
from bouquet.bouquets.models import Bouquet
from bouquet.budgets.models import Budget
from bouquet.conversations.models import Conversation
from bouquet.incubator.models import Initiative
from bouquet.notifications import kinds, selectors, services
from bouquet.notifications.models import Follow, FrequencyChoice, Notification
from bouquet.places.models import Moderation, Place
from bouquet.processes.models import Process
from bouquet.projects.models import Project
from bouquet.proposals.models import Proposal

router = Router(tags=["notifications"], auth=WRITE_AUTH)

TargetType = Literal[
    "process", "proposal", "bouquet", "budget", "project", "place", "initiative", "conversation"
]
Frequency = Literal["instant", "daily", "weekly", "never"]


def _visible(kind: str) -> models.QuerySet[Any]:
    """The rows of a kind anyone may see, as the pages and the API's reads show them."""
    querysets: dict[str, Any] = {
        "process": lambda: Process.objects.published(),
        "proposal": lambda: Proposal.objects.public(),
        "bouquet": lambda: Bouquet.objects.filter(process__is_published=True),
        "budget": lambda: Budget.objects.filter(process__is_published=True),
        "project": lambda: Project.objects.public(),
        "place": lambda: Place.objects.filter(moderation=Moderation.PUBLISHED),
        "initiative": lambda: Initiative.objects.all(),
        "conversation": lambda: Conversation.objects.filter(process__is_published=True),
    }
    return querysets[kind]()  # type: ignore[no-any-return]


_TYPE_OF_MODEL = {
    "processes.process": "process",
    "proposals.proposal": "proposal",
    "bouquets.bouquet": "bouquet",
    "budgets.budget": "budget",
    "projects.project": "project",
    "places.place": "place",
    "incubator.initiative": "initiative",
    "conversations.conversation": "conversation",
}


def _type_name(content_type: ContentType) -> str:
    """The API's name of a target's type (a model outside the list keeps its own name: a district)."""
    return _TYPE_OF_MODEL.get(f"{content_type.app_label}.{content_type.model}", content_type.model)


def _title(target: Any) -> str:
    for attribute in ("title", "label", "name"):
        value = getattr(target, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(target)


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


class NotificationOut(Schema):
    id: int
    kind: str
    message: str
    target_type: str
    target_id: int
    target_title: str
    url: str
    actor_name: str
    created_at: dt.datetime
    read_at: dt.datetime | None
    read: bool


class NotificationFilters(Schema):
    unread: bool | None = Field(None, description="true: unread only; false: read only.")


class MarkedOut(Schema):
    marked: int
    unread: int
    message: str


class FollowOut(Schema):
    target_type: str
    target_id: int
    title: str
    url: str
    reason: str
    automatic: bool
    created_at: dt.datetime


class FollowingOut(Schema):
    target_type: str
    target_id: int
    following: bool
    message: str


class PreferenceOut(Schema):
    kind: str
    label: str
    frequency: Frequency
    chosen: bool = Field(description="false: the kind's default, never chosen.")


class PreferenceIn(Schema):
    model_config = {"extra": "forbid"}
    frequency: Frequency


def _notification_row(request: HttpRequest, row: Notification) -> dict[str, Any]:
    return {
        "id": row.pk,
        "kind": row.kind,
        "message": row.message(),
        "target_type": _type_name(ContentType.objects.get_for_id(row.content_type_id)),
        "target_id": row.object_id,
        "target_title": row.target_title,
        "url": _absolute(request, row.target_url),
        "actor_name": row.actor_name,
        "created_at": row.created_at,
        "read_at": row.read_at,
        "read": row.read_at is not None,
    }


@router.get("/me/notifications", response=list[NotificationOut], summary="My notifications")
@paginate(BoundedPages, page_size=20)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilters]) -> object:
    """Unread first, newest first, twenty a page; ``unread=true`` for the unread ones only."""
    rows = selectors.notifications_of(user=request.user)
    if filters.unread is not None:
        rows = rows.filter(read_at__isnull=filters.unread)
    return _LazyRows(request, rows)


class _LazyRows:
    """A page's rows turned into the API's shape when the pagination slices them (only that page is read)."""

    def __init__(self, request: HttpRequest, rows: models.QuerySet[Any]) -> None:
        self.request, self.rows = request, rows

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [_notification_row(self.request, row) for row in self.rows[index]]


@router.post("/me/notifications/read", response=MarkedOut, summary="Mark all my notifications read")
def mark_all_read(request: HttpRequest) -> dict[str, Any]:
    marked = services.mark_read(user=request.user)
    return {
        "marked": marked,
        "unread": 0,
        "message": _("Toutes vos notifications sont marquées comme lues.")
        if marked
        else _("Vous n'aviez aucune notification non lue."),
    }


@router.post(
    "/me/notifications/{notification_id}/read", response=NotificationOut, summary="Mark one notification read"
)
def mark_one_read(request: HttpRequest, notification_id: int) -> dict[str, Any]:
    """Mark one of my notifications read (marking it again changes nothing); another's answers 404."""
    user: Any = request.user
    row = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if row is None:
        raise Http404
    services.mark_read(user=request.user, notification_ids=[row.pk])
    row.refresh_from_db(fields=["read_at"])
    return _notification_row(request, row)


@router.get("/me/follows", response=list[FollowOut], summary="What I follow")
@paginate(BoundedPages, page_size=50)
def list_follows(request: HttpRequest) -> object:
    """Newest first; ``automatic``: followed by creating, supporting, voting or joining it, not by choice."""
    return _LazyFollows(request, selectors.follows_of(user=request.user))


class _LazyFollows(_LazyRows):
    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for follow in self.rows[index]:
            assert isinstance(follow, Follow)  # nosec B101 - narrows the type for mypy
            target = follow.target
            url = getattr(target, "get_absolute_url", None) if target is not None else None
            rows.append(
                {
                    "target_type": _type_name(follow.content_type),
                    "target_id": follow.object_id,
                    "title": _title(target) if target is not None else "",
                    "url": _absolute(self.request, str(url())) if url is not None else "",
                    "reason": follow.reason,
                    "automatic": follow.automatic,
                    "created_at": follow.created_at,
                }
            )
        return rows


def _target(target_type: str, target_id: int) -> models.Model:
    target = _visible(target_type).filter(pk=target_id).first()
    if target is None:
        raise Http404
    return target  # type: ignore[no-any-return]


@router.put(
    "/me/follows/{target_type}/{target_id}", response=FollowingOut, summary="Follow a process, a proposal…"
)
def follow(request: HttpRequest, target_type: TargetType, target_id: int) -> dict[str, Any]:
    """Follow something one may see (following it again changes nothing): its events reach me."""
    services.follow(request.user, _target(target_type, target_id))
    return {
        "target_type": target_type,
        "target_id": target_id,
        "following": True,
        "message": _("Vous suivez ce contenu : vous serez prévenu·e de ce qui s'y passe."),
    }


@router.delete("/me/follows/{target_type}/{target_id}", response=FollowingOut, summary="Stop following")
def unfollow(request: HttpRequest, target_type: TargetType, target_id: int) -> dict[str, Any]:
    """Stop following (a target hidden since it was followed can still be unfollowed)."""
    model = _visible(target_type).model
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    user: Any = request.user
    mine = Follow.objects.filter(user=user, content_type=content_type, object_id=target_id)
    if not mine.exists():
        _target(target_type, target_id)  # 404 for what one may not see
    mine.delete()
    return {
        "target_type": target_type,
        "target_id": target_id,
        "following": False,
        "message": _("Vous ne suivez plus ce contenu."),
    }


def _preference(kind: kinds.Kind, chosen: dict[str, str]) -> dict[str, Any]:
    return {
        "kind": kind.code,
        "label": str(kind.label),
        "frequency": chosen.get(kind.code, kind.default_frequency),
        "chosen": kind.code in chosen,
    }


@router.get("/me/preferences", response=list[PreferenceOut], summary="How often I want e-mails, per kind")
def list_preferences(request: HttpRequest) -> list[dict[str, Any]]:
    """Every kind of event, with my choice: an e-mail each time (``instant``), a ``daily`` or ``weekly``
    summary, or ``never``."""
    return [
        {
            "kind": row.kind.code,
            "label": str(row.kind.label),
            "frequency": row.frequency,
            "chosen": row.chosen,
        }
        for row in selectors.preferences_of(user=request.user)
    ]


@router.put("/me/preferences/{kind}", response=PreferenceOut, summary="Choose how often, for one kind")
def set_preference(request: HttpRequest, kind: str, payload: PreferenceIn) -> dict[str, Any]:
    """Choose for one kind of event (its code, from the list); an unknown kind answers 404."""
    try:
        known = kinds.get(kind)
    except LookupError:
        raise Http404 from None
    services.set_preference(user=request.user, kind=known.code, frequency=payload.frequency)
    assert payload.frequency in FrequencyChoice.values  # nosec B101 - the schema allows only these
    return _preference(known, {known.code: payload.frequency})

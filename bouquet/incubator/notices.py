"""What the lab tells people (invitations, matches, hand-overs, exchanges), through the platform's notifications
(their space, and e-mail as each person chose, with a link to unsubscribe). Members follow their initiative."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import User
from bouquet.notifications import services as notifications
from bouquet.notifications.kinds import Kind, register

KINDS = (
    Kind(
        code="incubator.invitation",
        label=_("Invitation à rejoindre une initiative"),
        message=_(
            "%(actor)s vous invite à rejoindre « %(target)s » (%(role)s). Acceptez ou refusez dans « Mes invitations »."
        ),
    ),
    Kind(
        code="incubator.match",
        label=_("Une initiative a besoin de votre énergie"),
        message=_("« %(target)s » cherche ce que vous proposez : %(reason)s."),
        default_frequency="daily",
    ),
    Kind(
        code="incubator.handover",
        label=_("Une initiative n'a plus de co-porteur"),
        message=_(
            "%(actor)s, dernier co-porteur, a quitté « %(target)s » : les membres sont invités à reprendre."
        ),
    ),
    Kind(
        code="incubator.mentor",
        label=_("Vous accompagnez une initiative"),
        message=_("Le laboratoire vous confie l'accompagnement de « %(target)s »."),
    ),
    Kind(
        code="incubator.exchange",
        label=_("Un échange de la chaîne de solidarité"),
        message=_("« %(target)s » a reçu de l'aide : %(what)s."),
        default_frequency="daily",
    ),
)


def register_kinds() -> None:
    """Called from the app's ``ready()``."""
    for kind in KINDS:
        register(kind)


def announce(
    kind: str,
    target: Any,
    *,
    actor: User | None = None,
    recipients: Iterable[User] | None = None,
    context: dict[str, str | int] | None = None,
) -> int:
    """Tell ``recipients`` (or the target's followers) that ``kind`` happened."""
    return notifications.announce(kind, target, actor=actor, recipients=recipients, context=context)


def follow(person: User, target: Any) -> None:
    """A member follows their initiative (idempotent)."""
    notifications.follow(person, target)


def unfollow(person: User, target: Any) -> None:
    notifications.unfollow(person, target)

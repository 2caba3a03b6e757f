"""Newsletters: the authority writes to the followers of a process or a district.

Who reads it is decided by the back-office (which knows processes): it passes the people's ids. Each reader
gets a notification of kind ``notifications.newsletter`` (their choice for that kind applies: at once, in a
summary, or not at all), which carries the e-mail's one-shot state: a batch sent twice sends nothing twice."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bouquet.core.errors import Conflict, InvalidInput
from bouquet.notifications import services
from bouquet.notifications.builtin_kinds import NEWSLETTER
from bouquet.notifications.mailing import build_message, mailers
from bouquet.notifications.models import Newsletter

SUBJECT_MAX = 150
BODY_MAX = 20_000


def _check(subject: str, body: str) -> tuple[str, str]:
    subject, body = subject.strip(), body.strip()
    errors: dict[str, str] = {}
    if not 3 <= len(subject) <= SUBJECT_MAX:
        errors["subject"] = _("Donnez un objet de 3 à %(max)s caractères.") % {"max": SUBJECT_MAX}
    if not 10 <= len(body) <= BODY_MAX:
        errors["body"] = _("Écrivez un texte de 10 à %(max)s caractères.") % {"max": BODY_MAX}
    if errors:
        raise InvalidInput(_("La lettre n'a pas été enregistrée."), field_errors=errors)
    return subject, body


@transaction.atomic
def write_newsletter(
    *, author: Any, subject: str, body: str, audience: models.Model, audience_label: str
) -> Newsletter:
    """Save a newsletter (not sent yet) to the followers of ``audience`` (a process or a district)."""
    subject, body = _check(subject, body)
    return Newsletter.objects.create(
        author=author,
        subject=subject,
        body=body,
        content_type=ContentType.objects.get_for_model(audience, for_concrete_model=True),
        object_id=audience.pk,
        audience_label=audience_label[:255],
    )


def send_test(*, newsletter: Newsletter, to: Any) -> None:
    """Send the newsletter to its author only, as its readers will see it (nothing is recorded)."""
    with translation.override(settings.LANGUAGE_CODE):
        message = build_message(
            to=to.email,
            user_id=to.pk,
            kind=NEWSLETTER.code,
            subject=_("[Essai] %(subject)s") % {"subject": newsletter.subject},
            template="newsletter",
            context={"newsletter": newsletter},
        )
    mailers.default.send_messages([message])


@transaction.atomic
def send_newsletter(*, newsletter: Newsletter, agent: Any, recipients: Iterable[int]) -> int:
    """Send a newsletter once: each reader gets a notification, and an e-mail as they chose, in background
    batches; returns how many readers. A second send is refused."""
    locked = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    if locked.sent_at is not None:
        raise Conflict(_("Cette lettre a déjà été envoyée."))
    count = services.announce(
        NEWSLETTER.code,
        locked,
        actor=agent,
        recipients=set(recipients),
        context={"subject": locked.subject, "newsletter": locked.pk},
    )
    locked.sent_at = timezone.now()
    locked.recipient_count = count
    locked.save(update_fields=["sent_at", "recipient_count"])
    return count

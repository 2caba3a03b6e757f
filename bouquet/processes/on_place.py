"""The processes about a place, as items of the place's timeline (registered from ``ProcessesConfig.ready``)."""

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from bouquet.core.french import format_date
from bouquet.places.models import Place
from bouquet.places.timeline import TimelineItem
from bouquet.processes.models import Process

SUMMARY_WORDS = 40


def processes_on_place(place: Place, *, limit: int) -> list[TimelineItem]:
    """The published processes about the place, newest first, at most ``limit``: one query.

    A process is opened on the first day of its first phase (or the day it was prepared, without phases) and
    runs until it is closed, or until its last phase ends when that day is past."""
    processes = (
        Process.objects.published()
        .filter(place=place)
        .annotate(first_day=Min("phases__starts_on"), last_day=Max("phases__ends_on"))
        .only("id", "slug", "title", "summary", "created_at", "closed_at", "is_published")
        .order_by("-created_at", "-id")[:limit]
    )
    today = timezone.localdate()
    items = []
    for process in processes:
        opened = process.first_day or timezone.localdate(process.created_at)  # type: ignore[attr-defined]
        ended = timezone.localdate(process.closed_at) if process.closed_at else None
        if ended is None and process.last_day is not None and process.last_day < today:  # type: ignore[attr-defined]
            ended = process.last_day  # type: ignore[attr-defined]
        if ended is not None:
            ended = max(ended, opened)
            when = _("démarche ouverte le %(start)s, terminée le %(end)s") % {
                "start": format_date(opened),
                "end": format_date(ended),
            }
        elif opened > today:
            when = _("démarche qui s'ouvrira le %(start)s") % {"start": format_date(opened)}
        else:
            when = _("démarche ouverte le %(start)s") % {"start": format_date(opened)}
        items.append(
            TimelineItem(
                starts_on=opened,
                ends_on=ended,
                when_text=when,
                kind="process",
                kind_label=_("Démarche"),
                title=process.title,
                url=process.get_absolute_url(),
                summary=Truncator(process.summary).words(SUMMARY_WORDS),
                extra={"status": str(process.status.label)},
            )
        )
    return items

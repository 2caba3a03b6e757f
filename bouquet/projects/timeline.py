"""Projects on a place's timeline (registered with ``bouquet.places.timeline`` in ``apps.py``)."""

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from bouquet.places.models import Place
from bouquet.places.timeline import TimelineItem
from bouquet.projects import months
from bouquet.projects.models import Project

SUMMARY_WORDS = 30


def projects_on_place(place: Place, *, limit: int) -> list[TimelineItem]:
    """The public projects on the place, from their vote to their opening (or to now): one query."""
    projects = (
        Project.objects.public()
        .filter(place=place, conceived_month__isnull=False)
        .only("id", "title", "description", "status", "conceived_month", "delivered_month")
        .order_by("-conceived_month", "-id")[:limit]
    )
    items = []
    for project in projects:
        assert project.conceived_month is not None  # nosec B101  # narrows the type for mypy; the line above made it so
        items.append(
            TimelineItem(
                starts_on=months.first_day(project.conceived_month),
                ends_on=months.first_day(project.delivered_month) if project.delivered_month else None,
                kind="project",
                kind_label=_("Projet"),
                title=project.title,
                url=project.get_absolute_url(),
                summary=Truncator(project.description).words(SUMMARY_WORDS),
                extra={"status": project.get_status_display()},
            )
        )
    return items

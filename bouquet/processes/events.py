"""What the processes app tells people: a new phase begins (``announce_phase_starts``, run each morning by the
``announce_phases`` command, before ``send_digests``)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bouquet.notifications import services as notifications
from bouquet.notifications.kinds import Kind, register
from bouquet.processes.models import Phase

PHASE_STARTED = register(
    Kind(
        code="processes.phase_started",
        label=_("Nouvelle étape d'une démarche suivie"),
        message=_("Nouvelle étape de « %(target)s » : %(phase)s."),
    )
)


def announce_phase_starts(*, today: dt.date | None = None, since_days: int = 1) -> int:
    """Tell the followers of each published, open process whose phase began today (or in the last
    ``since_days`` days, for a job that missed a morning); each phase is announced once. Returns how many
    people were told."""
    day = today or timezone.localdate()
    phases = Phase.objects.filter(
        starts_on__lte=day,
        starts_on__gt=day - dt.timedelta(days=since_days),
        process__is_published=True,
        process__closed_at__isnull=True,
    ).select_related("process")
    told = 0
    for phase in phases:
        told += notifications.announce(
            PHASE_STARTED.code,
            phase.process,
            context={"phase": phase.display_title},
            once=f"phase-{phase.pk}-{phase.starts_on.isoformat()}",
        )
    return told

"""The running phase and what it allows."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.core.errors import InvalidInput
from bouquet.processes.models import Action, PhaseKind
from bouquet.processes.selectors import current_phase, process_allows
from bouquet.processes.services import PhaseSpec, create_process, reschedule_phase

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def test_current_phase_and_allowed_actions():
    process = create_process(
        title="Place du marché",
        summary="Réaménager la place",
        description="Texte",
        phases=[
            PhaseSpec(kind=PhaseKind.INFORMATION, starts_on=_days(-30), ends_on=_days(-11)),
            PhaseSpec(kind=PhaseKind.PROPOSALS, starts_on=_days(-10), ends_on=_days(10)),
            PhaseSpec(kind=PhaseKind.SUPPORTS, starts_on=_days(11), ends_on=_days(30)),
        ],
    )
    assert current_phase(process).kind == PhaseKind.PROPOSALS
    assert process_allows(process, Action.SUBMIT)
    assert not process_allows(process, Action.SUPPORT)
    assert process_allows(process, Action.SUPPORT, on=_days(20))
    assert current_phase(process, on=_days(40)) is None


def test_overlapping_phases_the_latest_started_wins():
    process = create_process(
        title="Chevauchement",
        summary="s",
        description="d",
        phases=[
            PhaseSpec(kind=PhaseKind.PROPOSALS, starts_on=_days(-10), ends_on=_days(10)),
            PhaseSpec(kind=PhaseKind.SUPPORTS, starts_on=_days(-2), ends_on=_days(20)),
        ],
    )
    assert current_phase(process).kind == PhaseKind.SUPPORTS


def test_incoherent_dates_are_refused_and_nothing_saved():
    from bouquet.processes.models import Process

    with pytest.raises(InvalidInput):
        create_process(
            title="Dates à l'envers",
            summary="s",
            description="d",
            phases=[PhaseSpec(kind=PhaseKind.PROPOSALS, starts_on=_days(5), ends_on=_days(1))],
        )
    assert not Process.objects.exists()


def test_reschedule_phase():
    process = create_process(
        title="Décalage",
        summary="s",
        description="d",
        phases=[PhaseSpec(kind=PhaseKind.PROPOSALS, starts_on=_days(5), ends_on=_days(9))],
    )
    phase = process.phases.get()
    reschedule_phase(phase=phase, starts_on=_days(-1), ends_on=_days(1))
    assert current_phase(process).pk == phase.pk
    with pytest.raises(InvalidInput):
        reschedule_phase(phase=phase, starts_on=_days(3), ends_on=_days(2))

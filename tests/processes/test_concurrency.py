"""Agents editing the same calendar at the same moment: the phases they add never end up overlapping."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.core.errors import Conflict
from bouquet.processes.models import Phase, PhaseKind
from bouquet.processes.services import PhaseSpec, add_phase
from tests.concurrency import run_together
from tests.factories import ProcessFactory, UserFactory

AGENTS = 6


@pytest.mark.django_db(transaction=True)
def test_overlapping_phases_added_at_once_keep_only_one() -> None:
    process = ProcessFactory(is_published=False)
    process.phases.all().delete()
    agents = [UserFactory(agent=True) for _ in range(AGENTS)]
    today = timezone.localdate()

    def add(index: int) -> None:
        # Each agent's phase shares its first days with the others'.
        spec = PhaseSpec(PhaseKind.PROPOSALS, today + dt.timedelta(days=index), today + dt.timedelta(days=20))
        add_phase(agent=agents[index], process=process, spec=spec)

    errors = run_together(add, count=AGENTS)
    assert len(errors) == AGENTS - 1
    assert all(isinstance(error, Conflict) for error in errors)
    assert Phase.objects.filter(process=process).count() == 1

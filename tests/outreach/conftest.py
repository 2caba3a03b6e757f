import datetime as dt

import pytest
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.outreach.models import Workshop
from bouquet.outreach.services import ContributorInput, WorkshopInput, schedule_workshop
from bouquet.processes.models import Process
from tests.factories import RoleGrantFactory, UserFactory


@pytest.fixture
def facilitator(proposals_process: Process) -> User:
    """A facilitator given the role on ``proposals_process`` only."""
    person = UserFactory()
    RoleGrantFactory(person=person, role=Role.FACILITATOR, process=proposals_process)
    return person


@pytest.fixture
def workshop(facilitator: User, proposals_process: Process) -> Workshop:
    starts = timezone.now() + dt.timedelta(days=3)
    return schedule_workshop(
        facilitator=facilitator,
        data=WorkshopInput(
            process=proposals_process,
            title="Gestion des biodéchets",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            place_name="Maison de quartier",
            registration_open=True,
            capacity=2,
        ),
    )


def person(name: str = "Zoé", *, contact: str = "", consent: bool = True) -> ContributorInput:
    return ContributorInput(name=name, consent=consent, contact=contact)

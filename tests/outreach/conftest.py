import pytest

from bouquet.accounts.models import Role, User
from bouquet.outreach.models import Workshop
from bouquet.outreach.services import ContributorInput
from bouquet.processes.models import Process
from tests.factories import RoleGrantFactory, UserFactory
from tests.outreach.factories import make_workshop


@pytest.fixture
def facilitator(proposals_process: Process) -> User:
    """A facilitator given the role on ``proposals_process`` only."""
    person = UserFactory()
    RoleGrantFactory(person=person, role=Role.FACILITATOR, process=proposals_process)
    return person


@pytest.fixture
def workshop(facilitator: User, proposals_process: Process) -> Workshop:
    return make_workshop(
        facilitator, proposals_process, "Gestion des biodéchets", registration_open=True, capacity=2
    )


def person(name: str = "Zoé", *, contact: str = "", consent: bool = True) -> ContributorInput:
    return ContributorInput(name=name, consent=consent, contact=contact)

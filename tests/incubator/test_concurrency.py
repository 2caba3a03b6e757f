"""One membership per person and one claim per place, however many requests arrive at once."""

import pytest

from bouquet.core.errors import Conflict
from bouquet.incubator import services
from bouquet.incubator.models import Membership
from bouquet.incubator.selectors import place_token
from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.incubator.factories import facilitator

pytestmark = pytest.mark.django_db(transaction=True)


def test_joining_twice_at_once_makes_one_membership() -> None:
    started = services.start_initiative(
        starter=facilitator(),
        data=services.InitiativeInput(title="Épicerie", need="Manger mieux", for_whom="Les familles"),
        beneficiaries=[services.BeneficiaryInput("Samira", True)],
    )
    person = UserFactory()
    errors = run_together(
        lambda _i: services.join_initiative(person=person, initiative=started.initiative), 6
    )
    assert all(isinstance(e, Conflict) for e in errors), errors
    assert Membership.objects.filter(initiative=started.initiative, person=person).count() == 1
    token = place_token(started.places[0])
    people = [UserFactory() for _ in range(6)]
    errors = run_together(lambda i: services.claim_place(token=token, person=people[i]), 6)
    assert len(errors) == 5 and all(isinstance(e, Conflict) for e in errors), errors
    assert (
        Membership.objects.filter(
            initiative=started.initiative, beneficiary=True, person__isnull=False
        ).count()
        == 1
    )

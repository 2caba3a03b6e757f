"""Fixtures of the notifications tests: a test kind, people with verified (or not) addresses."""

from typing import Any

import pytest
from allauth.account.models import EmailAddress

from bouquet.accounts.models import User
from bouquet.notifications.kinds import Kind, register
from tests.factories import UserFactory

TEST_KIND = register(
    Kind(
        code="tests.happened",
        label="Il s'est passé quelque chose",
        message="%(actor)s a touché « %(target)s »",
    )
)


def verified_person(**fields: Any) -> User:
    """Someone whose account address is verified: e-mails may reach them."""
    person = UserFactory(**fields)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


@pytest.fixture
def person() -> User:
    return verified_person()

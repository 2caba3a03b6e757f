"""Shared fixtures."""

import pytest
from django.test import Client

from bouquet.accounts.models import Role, User
from bouquet.processes.models import PhaseKind, Process
from tests.factories import ProcessFactory, UserFactory


@pytest.fixture
def citizen(db: None) -> User:
    return UserFactory()


@pytest.fixture
def moderator(db: None) -> User:
    return UserFactory(role=Role.MODERATOR)


@pytest.fixture
def agent(db: None) -> User:
    return UserFactory(role=Role.AGENT)


@pytest.fixture
def proposals_process(db: None) -> Process:
    return ProcessFactory(current_phase=PhaseKind.PROPOSALS)


@pytest.fixture
def supports_process(db: None) -> Process:
    return ProcessFactory(current_phase=PhaseKind.SUPPORTS)


@pytest.fixture
def logged_client(citizen: User) -> Client:
    client = Client()
    client.force_login(citizen)
    return client

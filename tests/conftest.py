"""Shared fixtures, and the rule for tests that need the shared data folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from bouquet.accounts.models import User
from bouquet.bouquets import registry
from bouquet.processes.models import PhaseKind, Process
from tests.factories import ProcessFactory, UserFactory
from tests.oidc_provider import oidc_provider  # noqa: F401 - the fake identity provider, for every test folder
from tests.shared_data import REQUIRE_VARIABLE, missing_shared_data, shared_data_dir, shared_data_required


def require_shared_data() -> Path:
    """The shared data folder; skip the test when it is missing, or fail it when the run requires the data."""
    reason = missing_shared_data()
    if reason is not None:
        if shared_data_required():
            pytest.fail(f"{reason}; {REQUIRE_VARIABLE}=1 makes this an error", pytrace=False)
        pytest.skip(reason)
    return shared_data_dir()


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("shared_data") is not None:
        require_shared_data()


@pytest.fixture(autouse=True)
def site_language() -> Iterator[None]:
    """Each test starts in the site's language: a page asked in English leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Each test starts with an empty cache: abuse-limit counters are keyed by ids that tests reuse."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def fresh_engines() -> Iterator[None]:
    """Each test starts with no bouquets engine cached in the process: ids are reused after a rollback, so a
    cached engine could otherwise belong to another test's process."""
    registry.forget_engines()
    yield
    registry.forget_engines()


@pytest.fixture
def shared_data() -> Path:
    """The shared data folder (the test is skipped, or failed under BOUQUET_REQUIRE_SHARED_DATA=1, without it)."""
    return require_shared_data()


@pytest.fixture
def citizen(db: None) -> User:
    return UserFactory()


@pytest.fixture
def moderator(db: None) -> User:
    return UserFactory(moderator=True)


@pytest.fixture
def agent(db: None) -> User:
    return UserFactory(agent=True)


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

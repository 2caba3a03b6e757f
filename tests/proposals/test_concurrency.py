"""Supports under concurrency: real threads, real connections, on SQLite and PostgreSQL."""

import threading

import pytest
from django.db import close_old_connections, connection

from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal, Support
from bouquet.proposals.services import add_support
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_supports_by_one_person_count_once():
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    citizen = UserFactory()
    barrier = threading.Barrier(THREADS)
    outcomes: list[bool] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def support() -> None:
        try:
            target = Proposal.objects.select_related("process").get(pk=proposal.pk)
            barrier.wait(timeout=30)
            _support, created = add_support(citizen=citizen, proposal=target)
            with lock:
                outcomes.append(created)
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=support) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()

    assert errors == []
    assert sorted(outcomes) == [False] * (THREADS - 1) + [True]
    assert Support.objects.filter(proposal=proposal, citizen=citizen).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_people_supporting_at_once_keep_the_counter_exact():
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    citizens = [UserFactory() for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def support(citizen) -> None:
        try:
            target = Proposal.objects.select_related("process").get(pk=proposal.pk)
            barrier.wait(timeout=30)
            add_support(citizen=citizen, proposal=target)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=support, args=(c,)) for c in citizens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Support.objects.filter(proposal=proposal).count() == THREADS
    assert Proposal.objects.get(pk=proposal.pk).support_count == THREADS

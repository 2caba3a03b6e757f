"""Supports under concurrency: real threads, real connections, on SQLite and PostgreSQL."""

import pytest

from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Proposal, Support
from bouquet.proposals.services import add_support
from tests.concurrency import THREADS, run_together
from tests.factories import ProcessFactory, ProposalFactory, UserFactory


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_supports_by_one_person_count_once():
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    citizen = UserFactory()
    outcomes: list[bool] = []

    def support(_index: int) -> None:
        target = Proposal.objects.select_related("process").get(pk=proposal.pk)
        _support, created = add_support(citizen=citizen, proposal=target)
        outcomes.append(created)

    assert run_together(support) == []
    assert sorted(outcomes) == [False] * (THREADS - 1) + [True]
    assert Support.objects.filter(proposal=proposal, citizen=citizen).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).support_count == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_people_supporting_at_once_keep_the_counter_exact():
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.SUPPORTS))
    citizens = [UserFactory() for _ in range(THREADS)]

    def support(index: int) -> None:
        target = Proposal.objects.select_related("process").get(pk=proposal.pk)
        add_support(citizen=citizens[index], proposal=target)

    assert run_together(support) == []
    assert Support.objects.filter(proposal=proposal).count() == THREADS
    assert Proposal.objects.get(pk=proposal.pk).support_count == THREADS

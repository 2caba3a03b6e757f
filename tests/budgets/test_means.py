"""Means per bouquet and the sobriety report."""

import pytest

from bouquet.bouquets.models import AllocationKind, Bouquet, Placement
from bouquet.bouquets.services import allocate_means
from bouquet.budgets.selectors import sobriety_report
from bouquet.budgets.services import (
    cast_ballot,
    compute_results,
    create_project_from_bouquet,
    create_project_from_proposal,
)
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from tests.factories import BudgetFactory, ProposalFactory, UserFactory, close_vote, open_vote

pytestmark = pytest.mark.django_db


def bouquet_of(process, size, label="Bouquet"):
    bouquet = Bouquet.objects.create(process=process, key=label, label=label)
    for _ in range(size):
        Placement.objects.create(proposal=ProposalFactory(process=process), process=process, bouquet=bouquet)
    return bouquet


def test_means_go_to_a_bouquet_as_a_whole():
    budget = BudgetFactory()
    bouquet = bouquet_of(budget.process, 2)
    allocation = allocate_means(
        agent=UserFactory(agent=True), bouquet=bouquet, kind=AllocationKind.MONEY, amount=5000, note="Bancs"
    )
    assert (allocation.unit, allocation.amount) == ("€", 5000)
    with pytest.raises(InvalidInput):
        allocate_means(agent=UserFactory(agent=True), bouquet=bouquet, kind=AllocationKind.ROOM, amount=0)
    with pytest.raises(ActionNotAllowed):
        allocate_means(agent=UserFactory(), bouquet=bouquet, kind=AllocationKind.ROOM, amount=3)


def test_sobriety_counts_bouquets_single_projects_and_overlaps():
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent)
    process = budget.process
    shade = bouquet_of(process, 4, "Ombre")
    benches = bouquet_of(process, 3, "Bancs")
    alone = ProposalFactory(process=process)
    shade_project = create_project_from_bouquet(agent=agent, budget=budget, bouquet=shade, cost=40_000)
    single = create_project_from_proposal(agent=agent, budget=budget, proposal=alone, cost=10_000)
    allocate_means(agent=agent, bouquet=benches, kind=AllocationKind.MONEY, amount=6_000)
    allocate_means(agent=agent, bouquet=benches, kind=AllocationKind.STAFF_TIME, amount=20)
    open_vote(budget)
    cast_ballot(voter=UserFactory(), budget=budget, choices={shade_project.pk: 1, single.pk: 1})
    close_vote(budget)
    compute_results(agent=agent, budget=budget)
    report = sobriety_report(process=process)
    assert report.euros == 40_000 + 10_000 + 6_000
    assert report.covered == 4 + 3 + 1
    assert (report.through_bouquets, report.one_by_one) == (7, 1)
    assert report.overlaps_avoided == 3 + 2
    assert report.funded_bouquets == 2
    assert report.per_thousand_euros == round(1000 * 8 / 56_000, 2)
    assert report.euros_per_proposal == 7_000
    assert {(row["bouquet"], row["kind"], row["total"]) for row in report.means} == {
        ("Bancs", "money", 6_000),
        ("Bancs", "staff_time", 20),
    }

"""Predicates of bouquet.budgets.rules: what a budget's dates allow, who may replace a ballot, who manages."""

import pytest

from bouquet.budgets import rules, selectors
from bouquet.budgets.models import BallotKind, Channel, Participation
from bouquet.budgets.services import (
    BudgetInput,
    ProjectInput,
    cast_ballot,
    create_budget,
    create_project,
    require_before_vote,
)
from bouquet.core.errors import ActionNotAllowed, Conflict
from tests.factories import BudgetFactory, DistrictFactory, ProcessFactory, UserFactory, close_vote, open_vote

pytestmark = pytest.mark.django_db


def test_a_budget_moves_from_setting_up_to_voting_to_counting():
    budget = BudgetFactory(costs=(10_000,))
    assert (
        rules.vote_has_started(budget),
        rules.vote_is_open(budget),
        rules.results_can_be_computed(budget),
    ) == (
        False,
        False,
        False,
    )
    require_before_vote(budget)  # projects may still change
    open_vote(budget)
    assert (
        rules.vote_has_started(budget),
        rules.vote_is_open(budget),
        rules.results_can_be_computed(budget),
    ) == (
        True,
        True,
        False,
    )
    with pytest.raises(Conflict, match="Le vote a commencé"):
        require_before_vote(budget)
    close_vote(budget)
    assert (
        rules.vote_has_started(budget),
        rules.vote_is_open(budget),
        rules.results_can_be_computed(budget),
    ) == (
        True,
        False,
        True,
    )


def test_budgets_accepting_projects_are_those_whose_vote_has_not_started():
    agent, process = UserFactory(agent=True), ProcessFactory(with_vote_phase=True)
    waiting = BudgetFactory(agent=agent, process=process)
    voting = BudgetFactory(agent=agent, process=ProcessFactory(with_vote_phase=True), vote_open=True)
    assert selectors.budgets_accepting_projects(process=process) == [waiting]
    assert selectors.budgets_accepting_projects(process=voting.process) == []


@pytest.mark.parametrize(
    ("secret", "first", "then", "refused"),
    [
        (False, Channel.ONLINE, Channel.ONLINE, None),
        (True, Channel.ONLINE, Channel.ONLINE, None),  # with the receipt, checked by the service
        (True, Channel.PAPER, Channel.PAPER, "Le vote est secret"),
        (True, Channel.PAPER, Channel.ONLINE, "bulletin papier a déjà été enregistré"),
        (False, Channel.PAPER, Channel.ONLINE, "bulletin papier a déjà été enregistré"),
        (False, Channel.ONLINE, Channel.PAPER, "déjà voté en ligne"),
    ],
)
def test_who_may_replace_a_ballot(secret, first, then, refused):
    budget = BudgetFactory(costs=(10_000,), is_secret=secret, vote_open=True)
    voter = UserFactory()
    cast_ballot(
        voter=voter,
        budget=budget,
        choices={budget.projects.order_by("pk")[0].pk: 1},
        channel=first,
        recorded_by=UserFactory(agent=True) if first == Channel.PAPER else None,
    )
    participation = Participation.objects.get(budget=budget, voter=voter)
    refusal = rules.replacement_refusal(budget, participation, then)
    if refused is None:
        assert refusal is None
    else:
        assert refusal is not None and refused in refusal


def test_has_envelopes_and_who_may_choose_a_district_project():
    north, south = DistrictFactory(), DistrictFactory()
    agent = UserFactory(agent=True)
    plain = BudgetFactory(agent=agent)
    split = create_budget(
        agent=agent,
        process=ProcessFactory(with_vote_phase=True),
        data=BudgetInput(title="B", amount=100_000, envelopes={north: 20_000}),
    )
    assert not selectors.has_envelopes(selectors.budget_parts(plain))
    assert selectors.has_envelopes(selectors.budget_parts(split))
    in_north = ProjectInput(title="Parc du nord", cost=5_000, district=north)
    anywhere = create_project(agent=agent, budget=plain, data=in_north)
    enveloped = create_project(agent=agent, budget=split, data=in_north)
    southerner = UserFactory(district=south)
    assert rules.may_choose(southerner, plain, anywhere, has_envelopes=False)
    assert not rules.may_choose(southerner, split, enveloped, has_envelopes=True)
    assert rules.may_choose(UserFactory(district=north), split, enveloped, has_envelopes=True)


def test_only_agents_manage():
    rules.require_manager(UserFactory(agent=True))
    with pytest.raises(ActionNotAllowed, match="Seuls les agents"):
        rules.require_manager(UserFactory())


@pytest.mark.parametrize(
    ("kind", "ticks"),
    [
        (BallotKind.APPROVAL, True),
        (BallotKind.KNAPSACK, True),
        (BallotKind.CUMULATIVE, False),
        (BallotKind.RANKED, False),
    ],
)
def test_which_ballots_tick_projects(kind, ticks):
    assert kind.ticks_projects is ticks

"""Results: computed from the published file, equal to the pure rules and the CLI, explained from the trace."""

import json
import random
import subprocess
import sys

import pytest

from bouquet.budgets.counting import parse_pb_string, run_rule
from bouquet.budgets.counting.tiebreak import TieBreak
from bouquet.budgets.counting.trace import winners_from_trace
from bouquet.budgets.explain import explain
from bouquet.budgets.models import BallotKind, BudgetResult
from bouquet.budgets.services import (
    BudgetInput,
    ProjectInput,
    cast_ballot,
    compute_results,
    create_budget,
    create_project,
    recount,
)
from bouquet.core.errors import ActionNotAllowed, Conflict
from tests.factories import BudgetFactory, DistrictFactory, ProcessFactory, UserFactory, close_vote, open_vote

pytestmark = pytest.mark.django_db

COSTS = (40_000, 30_000, 25_000, 20_000, 15_000, 10_000, 8_000, 5_000)


def voted_budget(*, voters: int = 40, seed: int = 7, **settings):
    """A closed budget with random knapsack ballots."""
    budget = BudgetFactory(costs=COSTS, **settings, vote_open=True)
    rng = random.Random(seed)
    every = list(budget.projects.order_by("pk"))
    for _ in range(voters):
        chosen, left = {}, budget.amount
        for project in rng.sample(every, k=len(every)):
            if project.cost <= left and rng.random() < 0.5:
                chosen[project.pk] = 1
                left -= project.cost
        if chosen:
            cast_ballot(voter=UserFactory(), budget=budget, choices=chosen)
    return close_vote(budget)


def test_results_wait_for_the_end_of_the_vote():
    budget = BudgetFactory(costs=(10,), vote_open=True)
    with pytest.raises(Conflict, match="après la fin du vote"):
        compute_results(agent=UserFactory(agent=True), budget=budget)


def test_only_agents_compute_results():
    with pytest.raises(ActionNotAllowed):
        compute_results(agent=UserFactory(), budget=voted_budget(voters=3))


@pytest.mark.parametrize("rule", ["mes_cost_add1u", "greedy_cost", "phragmen", "mes_card"])
def test_round_trip_database_file_rules_gives_the_same_winners(rule):
    budget = voted_budget(rule=rule)
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    election = parse_pb_string(result.pb_file)
    assert len(election.ballots) == result.ballot_count > 0
    direct = run_rule(election, rule, TieBreak("votes", "bouquet"))
    assert direct.winners == result.winners
    assert sum(p.cost for p in election.projects if p.id in result.winners) <= budget.amount


def test_the_cli_on_the_downloaded_file_agrees(tmp_path, client):
    budget = voted_budget()
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    response = client.get(f"/budgets/{budget.pk}/bulletins-territoire.pb")
    assert response.status_code == 200
    path = tmp_path / "budget.pb"
    path.write_bytes(response.content)
    done = subprocess.run(
        [sys.executable, "-m", "bouquet.budgets.counting", str(path), "--rule", budget.rule],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == result.winners


def test_explanations_are_rebuilt_from_the_trace_alone():
    budget = voted_budget()
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    titles = {p.code: p.title for p in budget.projects.order_by("pk")}
    explanation = explain(result.outcome, titles)
    assert explanation.winners == result.winners
    assert winners_from_trace(result.outcome["trace"], result.outcome["budget"]) == result.winners
    assert {code for code, item in explanation.projects.items() if item.funded} == set(result.winners)
    assert "part" in explanation.summary
    for item in explanation.projects.values():
        assert item.text
        if not item.funded:
            assert "manquait" in item.text or "dépensé leur part" in item.text or "Personne" in item.text


def test_greedy_explains_what_was_missing_after_which_project():
    budget = BudgetFactory(costs=(60_000, 50_000, 30_000), rule="greedy_cost", vote_open=True)
    big, middle, small = budget.projects.order_by("pk")
    for _ in range(3):
        cast_ballot(voter=UserFactory(), budget=budget, choices={big.pk: 1, small.pk: 1})
    cast_ballot(voter=UserFactory(), budget=budget, choices={middle.pk: 1})
    close_vote(budget)
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    assert result.winners == [small.code, big.code]  # tied on votes: the cheaper one first
    text = explain(result.outcome, {p.code: p.title for p in (big, middle, small)}).projects[middle.code].text
    assert text == "Il manquait 40\u202f000\u202f€ après le financement de « Projet 1 »."


def test_recount_matches_and_detects_tampering():
    budget = voted_budget()
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    assert recount(result).ok
    BudgetResult.objects.filter(pk=result.pk).update(winners=list(reversed(result.winners)))
    result.refresh_from_db()
    report = recount(result)
    assert not report.winners_match and not report.ok


def test_envelopes_give_one_result_and_one_file_per_part():
    north = DistrictFactory(name="Nord")
    agent = UserFactory(agent=True)
    budget = create_budget(
        agent=agent,
        process=ProcessFactory(with_vote_phase=True),
        data=BudgetInput(
            title="B", amount=50_000, envelopes={north: 20_000}, ballot_kind=BallotKind.APPROVAL
        ),
    )
    city = create_project(agent=agent, budget=budget, data=ProjectInput(title="Ville", cost=30_000))
    park = create_project(
        agent=agent, budget=budget, data=ProjectInput(title="Parc", cost=20_000, district=north)
    )
    open_vote(budget)
    cast_ballot(voter=UserFactory(district=north), budget=budget, choices={city.pk: 1, park.pk: 1})
    cast_ballot(voter=UserFactory(), budget=budget, choices={city.pk: 1})
    close_vote(budget)
    results = compute_results(agent=agent, budget=budget)
    by_part = {r.part: r for r in results}
    assert set(by_part) == {"territoire", north.slug}
    assert by_part["territoire"].winners == [city.code]
    assert by_part[north.slug].winners == [park.code]
    assert by_part[north.slug].ballot_count == 1
    assert "district;Nord" not in by_part["territoire"].pb_file

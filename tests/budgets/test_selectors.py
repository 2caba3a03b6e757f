"""Reads for the results screen and the downloads: explained, sorted and summed in the domain, not in views."""

import pytest

from bouquet.budgets import selectors
from bouquet.budgets.counting import parse_pb_string
from bouquet.budgets.models import BallotKind, BudgetResult
from bouquet.budgets.services import cast_ballot, compute_results
from tests.factories import BudgetFactory, UserFactory, close_vote, open_vote

pytestmark = pytest.mark.django_db


def _counted(budget, ballots):
    """Open the vote, cast `ballots` (lists of (project index, value)), close it and compute the results."""
    open_vote(budget)
    every = list(budget.projects.order_by("pk"))
    for ballot in ballots:
        cast_ballot(voter=UserFactory(), budget=budget, choices={every[i].pk: value for i, value in ballot})
    close_vote(budget)
    return compute_results(agent=UserFactory(agent=True), budget=budget)


def test_results_page_lists_funded_projects_first_in_the_rules_order_then_the_others():
    budget = BudgetFactory(costs=(60_000, 50_000, 30_000), rule="greedy_cost")
    big, middle, small = budget.projects.order_by("pk")
    _counted(budget, [[(0, 1), (2, 1)]] * 3 + [[(1, 1)]])
    page = selectors.results_for_page(budget=budget)
    [part] = page.parts
    assert [row.code for row in part.rows] == [small.code, big.code, middle.code]
    assert [row.why.funded for row in part.rows] == [True, True, False]
    assert [row.votes for row in part.rows] == [3, 3, 1]
    assert [row.project for row in part.rows] == [small, big, middle]
    assert page.winners == [small, big]
    assert page.spent == 90_000
    assert page.ballots == 4
    district = page.charts["district"]
    assert (list(district.labels), list(district.series[0].values)) == (["Tout le territoire"], [90_000])
    assert part.explanation.summary.startswith("Les projets sont classés par nombre de voix")


def test_results_page_is_empty_before_results():
    page = selectors.results_for_page(budget=BudgetFactory(costs=(10_000,)))
    assert (page.parts, page.winners, page.spent, page.ballots) == ([], [], 0, 0)
    assert not selectors.results_published(BudgetFactory())


def test_ballots_csv_has_one_line_per_ballot_and_project_with_ranks():
    budget = BudgetFactory(costs=(30_000, 20_000, 10_000), ballot_kind=BallotKind.RANKED, max_projects=3)
    _counted(budget, [[(0, 2), (1, 1)], [(2, 1)]])
    assert selectors.results_published(budget)
    result = selectors.result_of_part(budget=budget, part="")
    lines = selectors.ballots_csv(result=result).splitlines()
    assert lines[0] == "bulletin;projet;titre;points;rang"
    rows = sorted(line.split(";")[1:] for line in lines[1:])
    assert rows == [["1", "Projet 1", "1", "2"], ["2", "Projet 2", "1", "1"], ["3", "Projet 3", "1", "1"]]
    with pytest.raises(BudgetResult.DoesNotExist):
        selectors.result_of_part(budget=budget, part="quartier-inconnu")


@pytest.mark.parametrize(
    ("rule", "meta"), [("greedy_cost", "greedy"), ("mes_cost_add1u", "equalshares"), ("phragmen", None)]
)
def test_published_files_name_the_rule_as_pabulib_does(rule, meta):
    budget = BudgetFactory(costs=(30_000, 20_000), rule=rule)
    [result] = _counted(budget, [[(0, 1)], [(1, 1)]])
    election = parse_pb_string(result.pb_file)
    assert election.meta.get("rule") == meta  # pabulib has no name for Phragmén: none is claimed
    assert election.meta["bouquet_rule"] == rule

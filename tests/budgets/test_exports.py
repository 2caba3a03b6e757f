"""Exports run no formulas: every text cell of the ballots CSV that a spreadsheet would run is neutralised.

A project takes its proposal's title, so an inhabitant writes what lands in the agents' spreadsheets; an
imported pabulib file brings its own project and voter ids."""

import csv
import io

import pytest
from django.test import Client

from bouquet.budgets.services import (
    cast_ballot,
    compute_results,
    create_project_from_proposal,
    import_pabulib,
)
from bouquet.core.spreadsheet import FORMULA_STARTS
from tests.factories import BudgetFactory, ProcessFactory, ProposalFactory, UserFactory, close_vote, open_vote

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd", "-1+1", "@SUM(1)", "\tcmd", "\rcmd", " =1+1"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _no_cell_runs(rows: list[list[str]]) -> None:
    running = [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    assert running == []


def test_titles_typed_by_inhabitants_are_text_in_the_ballots_csv():
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent)
    for payload in PAYLOADS:
        proposal = ProposalFactory(process=budget.process, title=payload)
        create_project_from_proposal(agent=agent, budget=budget, proposal=proposal, cost=100)
    open_vote(budget)
    cast_ballot(voter=UserFactory(), budget=budget, choices={p.pk: 1 for p in budget.projects.order_by("pk")})
    compute_results(agent=agent, budget=close_vote(budget))

    response = Client().get(f"/budgets/{budget.pk}/bulletins-territoire.csv")
    rows = _cells(response.content.decode())
    _no_cell_runs(rows)
    titles = {row[2] for row in rows[1:]}
    for payload in ('=HYPERLINK("http://x","y")', "+cmd", "-1+1", "@SUM(1)"):
        assert "'" + payload in titles


def test_ids_from_an_imported_file_are_text_in_the_ballots_csv():
    data = (
        b"META\nkey;value\nbudget;1000\nvote_type;approval\n"
        b"PROJECTS\nproject_id;cost;name\n=1+1;600;-2+3\n@A1;300;Bancs\n"
        b'VOTES\nvoter_id;vote\n+cmd;"=1+1,@A1"\n-5;@A1\n'
    )
    budget = import_pabulib(
        agent=UserFactory(agent=True),
        process=ProcessFactory(with_vote_phase=True),
        data=data,
        rule="greedy_cost",
    ).budget
    response = Client().get(f"/budgets/{budget.pk}/bulletins-territoire.csv")
    rows = _cells(response.content.decode())
    _no_cell_runs(rows)
    assert ["'+cmd", "'=1+1", "'-2+3", "1", ""] in rows
    assert ["'-5", "'@A1", "Bancs", "1", ""] in rows

"""Management commands: recount a file or a budget, import a pabulib file."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bouquet.budgets.models import Budget, BudgetResult
from bouquet.budgets.services import cast_ballot, compute_results
from tests.factories import BudgetFactory, ProcessFactory, UserFactory, close_vote
from tests.shared_data import TOULOUSE_1

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_recount_a_budget_and_detect_a_difference():
    budget = BudgetFactory(costs=(10_000, 20_000), vote_open=True)
    for _ in range(3):
        cast_ballot(voter=UserFactory(), budget=budget, choices={budget.projects.order_by("pk")[0].pk: 1})
    close_vote(budget)
    [result] = compute_results(agent=UserFactory(agent=True), budget=budget)
    assert "CONFORME" in run("recount", "--budget", str(budget.pk))
    BudgetResult.objects.filter(pk=result.pk).update(winners=[])
    with pytest.raises(CommandError, match="ne se recomptent pas"):
        run("recount", "--budget", str(budget.pk))


def test_recount_a_file_and_import_it():
    out = run("recount", str(TOULOUSE_1), "--rule", "greedy_cost")
    assert "Faire des voies vélos" in out
    UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    out = run("import_pabulib", str(TOULOUSE_1), "--process", process.slug)
    assert "importé" in out
    budget = Budget.objects.get()
    assert budget.results.get().winners == ["7", "5", "9", "11", "6", "13"]


def test_malformed_file_is_a_command_error(tmp_path):
    UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    path = tmp_path / "faux.pb"
    path.write_text("META\nkey;value\nbudget;abc\nvote_type;approval\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"ligne 4\) : section PROJECTS absente"):
        run("import_pabulib", str(path), "--process", process.slug)
    assert not Budget.objects.exists()


def test_the_import_command_prints_the_file_s_oddities(tmp_path):
    UserFactory(agent=True)
    process = ProcessFactory(with_vote_phase=True)
    path = tmp_path / "double.pb"
    path.write_text(
        "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\nVOTES\nvoter_id;vote\na;1,1\n",
        encoding="utf-8",
    )
    err = StringIO()
    call_command("import_pabulib", str(path), "--process", process.slug, stdout=StringIO(), stderr=err)
    assert "attention : ligne 10 : le projet « 1 » est cité plusieurs fois" in err.getvalue()
    assert Budget.objects.get().results.get().winners == ["1"]

"""Management commands: recount a file or a budget, import a pabulib file."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bouquet.budgets.models import Budget, BudgetResult
from bouquet.budgets.services import cast_ballot, compute_results
from tests.budgets.builders import close_vote, make_budget, open_vote, projects, staff, vote_process
from tests.budgets.counting.helpers import TOULOUSE_1
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_recount_a_budget_and_detect_a_difference():
    budget = open_vote(make_budget(costs=(10_000, 20_000)))
    for _ in range(3):
        cast_ballot(voter=UserFactory(), budget=budget, choices={projects(budget)[0].pk: 1})
    close_vote(budget)
    [result] = compute_results(agent=staff(), budget=budget)
    assert "CONFORME" in run("recount", "--budget", str(budget.pk))
    BudgetResult.objects.filter(pk=result.pk).update(winners=[])
    with pytest.raises(CommandError, match="ne se recomptent pas"):
        run("recount", "--budget", str(budget.pk))


@pytest.mark.skipif(not TOULOUSE_1.exists(), reason="pabulib data not available")
def test_recount_a_file_and_import_it():
    out = run("recount", str(TOULOUSE_1), "--rule", "greedy_cost")
    assert "Faire des voies vélos" in out
    staff()
    process = vote_process()
    out = run("import_pabulib", str(TOULOUSE_1), "--process", process.slug)
    assert "importé" in out
    budget = Budget.objects.get()
    assert budget.results.get().winners == ["7", "5", "9", "11", "6", "13"]


def test_malformed_file_is_a_command_error(tmp_path):
    staff()
    process = vote_process()
    path = tmp_path / "faux.pb"
    path.write_text("META\nkey;value\nbudget;abc\nvote_type;approval\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"ligne 4\) : section PROJECTS absente"):
        run("import_pabulib", str(path), "--process", process.slug)
    assert not Budget.objects.exists()


def test_the_import_command_prints_the_file_s_oddities(tmp_path):
    staff()
    process = vote_process()
    path = tmp_path / "double.pb"
    path.write_text(
        "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;60\nVOTES\nvoter_id;vote\na;1,1\n",
        encoding="utf-8",
    )
    err = StringIO()
    call_command("import_pabulib", str(path), "--process", process.slug, stdout=StringIO(), stderr=err)
    assert "attention : ligne 10 : le projet « 1 » est cité plusieurs fois" in err.getvalue()
    assert Budget.objects.get().results.get().winners == ["1"]

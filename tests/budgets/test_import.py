"""Replaying published pabulib files: same winners as the rules on the file; malformed files save nothing."""

import pytest

from bouquet.budgets.counting import parse_pb, run_rule
from bouquet.budgets.counting.tiebreak import TieBreak
from bouquet.budgets.models import Ballot, BallotKind, BallotLine, Budget, BudgetProject
from bouquet.budgets.services import import_pabulib, recount
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from tests.factories import ProcessFactory, UserFactory
from tests.shared_data import ANIOLKI, TOULOUSE_1

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [TOULOUSE_1, ANIOLKI], ids=["toulouse", "gdansk"])
@pytest.mark.parametrize("rule", ["greedy_cost", "mes_cost_add1u"])
def test_imported_election_gives_the_winners_of_the_rules_on_the_file(path, rule):
    imported = import_pabulib(
        agent=UserFactory(agent=True),
        process=ProcessFactory(with_vote_phase=True),
        data=path.read_bytes(),
        rule=rule,
    )
    budget = imported.budget
    assert imported.warnings == []
    original = parse_pb(path)
    assert budget.projects.count() == len(original.projects)
    assert Ballot.objects.filter(budget=budget).count() == len(original.ballots)
    [result] = budget.results.all()
    assert result.winners == run_rule(original, rule, TieBreak()).winners
    assert recount(result).ok


def test_the_file_settings_become_the_budget_settings():
    toulouse = import_pabulib(
        agent=UserFactory(agent=True),
        process=ProcessFactory(with_vote_phase=True),
        data=TOULOUSE_1.read_bytes(),
    ).budget
    assert (toulouse.ballot_kind, toulouse.min_projects, toulouse.max_projects) == (BallotKind.APPROVAL, 1, 3)
    assert toulouse.rule == "greedy_cost"  # META rule;greedy
    assert toulouse.amount == 400_000
    assert "Toulouse" in toulouse.title
    gdansk = import_pabulib(
        agent=UserFactory(agent=True), process=ProcessFactory(with_vote_phase=True), data=ANIOLKI.read_bytes()
    ).budget
    assert gdansk.ballot_kind == BallotKind.CUMULATIVE and gdansk.points_total == 5


CUMULATIVE = """META
key;value
budget;1000
vote_type;cumulative
max_sum_points;5
PROJECTS
project_id;cost;name
1;600;Bancs
2;500;Arbres
VOTES
voter_id;vote;points
v1;1,2;3,2
v2;2;5
"""

GOOD = """META
key;value
budget;1000
vote_type;approval
PROJECTS
project_id;cost;name
1;600;Bancs
2;500;Arbres
VOTES
voter_id;vote
v1;1,2
v2;2
"""


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("v2;2", "v2;3"), 12, "absent de la section PROJECTS"),
        (GOOD.replace("1;600;Bancs", "1;six cents;Bancs"), 7, "n'est pas un nombre"),
        (GOOD.replace("budget;1000\n", ""), None, "budget"),
        (GOOD.replace("1;600;Bancs", "1;600.5;Bancs"), None, "nombre entier"),
        # Absurd numbers: refused in French, never a 500 (SQLite OverflowError, PostgreSQL bigint out of range).
        (GOOD.replace("1;600;Bancs", "1;" + "9" * 40 + ";Bancs"), 7, "démesuré"),
        (GOOD.replace("budget;1000", "budget;1e999999999"), 3, "démesuré"),
        (
            GOOD.replace("vote_type;approval", "vote_type;approval\nmax_length;1" + "0" * 30),
            None,
            "démesurée",
        ),
        (CUMULATIVE.replace("v1;1,2;3,2", "v1;1,2;3000000000,2"), None, "un nombre de points est démesuré"),
        (
            CUMULATIVE.replace("v1;1,2;3,2", "v1;1,2;2.5,2"),
            None,
            "un nombre de points n'est pas un nombre entier",
        ),
        (CUMULATIVE.replace("max_sum_points;5", "max_sum_points;99999999999"), None, "démesurée"),
        (
            GOOD.replace("2;500;Arbres", "2" * 41 + ";500;Arbres")
            .replace("v1;1,2", "v1;1")
            .replace("v2;2", "v2;" + "2" * 41),
            None,
            "dépasse 40",
        ),
        (GOOD.replace("v2;2", "v2;\x002"), 12, "octet nul"),
    ],
)
def test_malformed_files_are_refused_in_french_and_nothing_is_saved(text, line, words):
    with pytest.raises(InvalidInput) as error:
        import_pabulib(
            agent=UserFactory(agent=True), process=ProcessFactory(with_vote_phase=True), data=text.encode()
        )
    message = str(error.value.message)
    assert words in message
    if line is not None:
        assert f"ligne {line}" in message
    assert not Budget.objects.exists() and not BudgetProject.objects.exists() and not Ballot.objects.exists()


def test_a_small_file_is_replayed():
    budget = import_pabulib(
        agent=UserFactory(agent=True),
        process=ProcessFactory(with_vote_phase=True),
        data=GOOD.encode(),
        rule="greedy_cost",
    ).budget
    assert budget.results.get().winners == ["2"]  # 2 votes for Arbres; Bancs no longer fits


def test_only_agents_import():
    with pytest.raises(ActionNotAllowed):
        import_pabulib(agent=UserFactory(), process=ProcessFactory(with_vote_phase=True), data=GOOD.encode())


def test_a_file_with_oddities_is_imported_with_warnings_giving_the_lines():
    text = GOOD.replace("v1;1,2", "v1;1,2,1").replace("v2;2", "v1;2") + "v3;1;\n"
    text = text.replace("vote_type;approval", "vote_type;approval\nrule;sortition")
    imported = import_pabulib(
        agent=UserFactory(agent=True), process=ProcessFactory(with_vote_phase=True), data=text.encode()
    )
    assert imported.warnings == [
        "ligne 12 : le projet « 1 » est cité plusieurs fois dans le même vote ; il compte une fois",
        "ligne 13 : l'identifiant de votant « v1 » est déjà celui de la ligne 12 ; les deux votes sont comptés",
        "ligne 14 : 3 champs au lieu de 2 (en-tête : voter_id;vote) ; les champs vides en trop sont ignorés",
        "La règle « sortition » du fichier est inconnue : le budget est compté avec « mes_cost_add1u ».",
    ]
    budget = imported.budget
    assert Ballot.objects.filter(budget=budget).count() == 3
    assert sorted(
        BallotLine.objects.filter(ballot__budget=budget).values_list("project__code", flat=True)
    ) == [
        "1",
        "1",
        "2",
        "2",
    ]


def test_a_quote_inside_a_field_is_imported():
    text = GOOD.replace("2;500;Arbres", '2;500;"Odkupmy" i my - zakup')
    imported = import_pabulib(
        agent=UserFactory(agent=True), process=ProcessFactory(with_vote_phase=True), data=text.encode()
    )
    assert imported.budget.projects.get(code="2").title == "Odkupmy i my - zakup"
    assert [w.split(" : ")[0] for w in imported.warnings] == ["ligne 8"]

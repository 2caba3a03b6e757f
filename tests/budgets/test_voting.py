"""Ballots: validation for each kind, phase and eligibility, change until the deadline, secret, paper."""

import re

import pytest

from bouquet.budgets.models import (
    Ballot,
    BallotKind,
    BallotLine,
    Channel,
    Eligibility,
    Feasibility,
    Participation,
    SealedBallot,
)
from bouquet.budgets.selectors import current_choices, participation_of
from bouquet.budgets.services import (
    BudgetInput,
    Cast,
    ProjectInput,
    answer_feasibility,
    cast_ballot,
    check_ballot,
    create_budget,
    create_project,
    mix_sealed_ballots,
    record_paper_ballot,
)
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from tests.factories import BudgetFactory, DistrictFactory, ProcessFactory, UserFactory, open_vote

pytestmark = pytest.mark.django_db


def choose(*chosen, value=1):
    return {p.pk: value for p in chosen}


class TestKnapsack:
    def test_remaining_money_is_computed_as_the_person_chooses(self):
        budget = BudgetFactory(costs=(30_000, 50_000, 40_000))
        a, b, _c = budget.projects.order_by("pk")
        check = check_ballot(budget=budget, voter=None, choices=choose(a, b))
        assert check.ok
        assert check.parts[0].left == 20_000

    def test_a_ballot_over_the_budget_is_refused_with_the_amount(self):
        budget = BudgetFactory(costs=(30_000, 50_000, 40_000), vote_open=True)
        with pytest.raises(InvalidInput) as error:
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*budget.projects.order_by("pk")))
        assert error.value.status_code == 422
        assert "dépasse le budget de 20\u202f000\u202f€" in str(error.value.message)
        assert not Ballot.objects.exists() and not Participation.objects.exists()

    def test_empty_ballot_is_refused(self):
        budget = BudgetFactory(costs=(1000,), vote_open=True)
        with pytest.raises(InvalidInput, match="au moins un projet"):
            cast_ballot(voter=UserFactory(), budget=budget, choices={})

    def test_project_of_another_budget_is_refused(self):
        budget = BudgetFactory(costs=(1000,), vote_open=True)
        other = BudgetFactory(costs=(1000,))
        with pytest.raises(InvalidInput, match="ne fait pas partie"):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*other.projects.order_by("pk")))

    def test_project_found_not_feasible_is_not_on_the_ballot(self):
        budget = BudgetFactory(costs=(1000, 2000))
        first, second = budget.projects.order_by("pk")
        answer_feasibility(
            agent=UserFactory(agent=True), project=first, feasibility=Feasibility.NOT_FEASIBLE, note="Non."
        )
        open_vote(budget)
        with pytest.raises(InvalidInput):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(first))
        cast_ballot(voter=UserFactory(), budget=budget, choices=choose(second))


class TestApproval:
    def test_between_min_and_max_projects(self):
        budget = BudgetFactory(
            costs=(10, 20, 30, 40),
            ballot_kind=BallotKind.APPROVAL,
            min_projects=2,
            max_projects=3,
            vote_open=True,
        )
        every = list(budget.projects.order_by("pk"))
        with pytest.raises(InvalidInput, match="au moins 2"):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(every[0]))
        with pytest.raises(InvalidInput, match="au plus 3"):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*every))
        ballot = cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*every[:3])).ballot
        assert ballot.lines.count() == 3

    def test_costs_do_not_limit_approval_ballots(self):
        budget = BudgetFactory(costs=(90_000, 90_000), ballot_kind=BallotKind.APPROVAL, vote_open=True)
        cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*budget.projects.order_by("pk")))


class TestCumulative:
    def make(self):
        return BudgetFactory(
            costs=(10, 20, 30),
            ballot_kind=BallotKind.CUMULATIVE,
            points_total=10,
            max_points_per_project=5,
            vote_open=True,
        )

    def test_points_are_stored_and_what_is_left_is_shown(self):
        budget = self.make()
        a, b, _c = budget.projects.order_by("pk")
        check = check_ballot(budget=budget, voter=None, choices={a.pk: 5, b.pk: 3})
        assert check.ok and check.points_left == 2
        ballot = cast_ballot(voter=UserFactory(), budget=budget, choices={a.pk: 5, b.pk: 3, _c.pk: 0}).ballot
        assert sorted(ballot.lines.values_list("points", flat=True)) == [3, 5]

    def test_too_many_points_are_refused(self):
        budget = self.make()
        a, b, c = budget.projects.order_by("pk")
        with pytest.raises(InvalidInput, match="11 points sur les 10"):
            cast_ballot(voter=UserFactory(), budget=budget, choices={a.pk: 5, b.pk: 5, c.pk: 1})
        with pytest.raises(InvalidInput) as error:
            cast_ballot(voter=UserFactory(), budget=budget, choices={a.pk: 6})
        assert error.value.field_errors[f"projet-{a.pk}"] == "5 points au plus par projet."


class TestRanked:
    def test_ranks_must_be_one_two_three(self):
        budget = BudgetFactory(
            costs=(10, 20, 30), ballot_kind=BallotKind.RANKED, max_projects=2, vote_open=True
        )
        a, b, c = budget.projects.order_by("pk")
        with pytest.raises(InvalidInput, match="sans sauter"):
            cast_ballot(voter=UserFactory(), budget=budget, choices={a.pk: 1, b.pk: 3})
        with pytest.raises(InvalidInput, match="au plus 2"):
            cast_ballot(voter=UserFactory(), budget=budget, choices={a.pk: 1, b.pk: 2, c.pk: 3})
        ballot = cast_ballot(voter=UserFactory(), budget=budget, choices={c.pk: 1, a.pk: 2}).ballot
        assert dict(ballot.lines.values_list("project_id", "rank")) == {c.pk: 1, a.pk: 2}


class TestPhaseAndEligibility:
    def test_before_the_vote_is_refused(self):
        budget = BudgetFactory(costs=(1000,))
        with pytest.raises(ActionNotAllowed, match="pas ouvert") as error:
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*budget.projects.order_by("pk")))
        assert error.value.status_code == 403

    def test_after_the_vote_is_refused(self):
        budget = BudgetFactory(costs=(1000,), vote_closed=True)
        with pytest.raises(ActionNotAllowed):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*budget.projects.order_by("pk")))

    def test_residents_only_needs_a_district(self):
        budget = BudgetFactory(costs=(1000,), eligibility=Eligibility.TERRITORY, vote_open=True)
        with pytest.raises(ActionNotAllowed, match="quartier"):
            cast_ballot(voter=UserFactory(), budget=budget, choices=choose(*budget.projects.order_by("pk")))
        cast_ballot(
            voter=UserFactory(district=DistrictFactory()),
            budget=budget,
            choices=choose(*budget.projects.order_by("pk")),
        )

    def test_project_district_eligibility_refuses_other_districts(self):
        north, south = DistrictFactory(), DistrictFactory()
        budget = BudgetFactory(eligibility=Eligibility.PROJECT_DISTRICT)
        project = create_project(
            agent=UserFactory(agent=True),
            budget=budget,
            data=ProjectInput(title="Parc nord", cost=10, district=north),
        )
        open_vote(budget)
        with pytest.raises(InvalidInput, match="autre quartier"):
            cast_ballot(voter=UserFactory(district=south), budget=budget, choices=choose(project))
        cast_ballot(voter=UserFactory(district=north), budget=budget, choices=choose(project))

    def test_envelopes_per_district_keep_each_project_in_its_district(self):
        north, south = DistrictFactory(), DistrictFactory()
        agent = UserFactory(agent=True)
        budget = create_budget(
            agent=agent,
            process=ProcessFactory(with_vote_phase=True),
            data=BudgetInput(title="B", amount=100_000, envelopes={north: 20_000, south: 20_000}),
        )
        city = create_project(
            agent=agent, budget=budget, data=ProjectInput(title="Piste cyclable", cost=60_000)
        )
        park = create_project(
            agent=agent, budget=budget, data=ProjectInput(title="Parc nord", cost=15_000, district=north)
        )
        bench = create_project(
            agent=agent, budget=budget, data=ProjectInput(title="Bancs sud", cost=15_000, district=south)
        )
        big = create_project(
            agent=agent, budget=budget, data=ProjectInput(title="Halle nord", cost=25_000, district=north)
        )
        open_vote(budget)
        resident = UserFactory(district=north)
        with pytest.raises(InvalidInput, match="autre quartier"):
            cast_ballot(voter=resident, budget=budget, choices=choose(city, bench))
        with pytest.raises(InvalidInput, match="quartier"):
            cast_ballot(voter=resident, budget=budget, choices=choose(big))  # over the north envelope
        check = check_ballot(budget=budget, voter=resident, choices=choose(city, park))
        assert {u.part.key: u.left for u in check.parts} == {
            "territoire": 0,
            north.slug: 5_000,
            south.slug: 20_000,
        }
        cast_ballot(voter=resident, budget=budget, choices=choose(city, park))


class TestChangingTheBallot:
    def test_last_ballot_counts_and_the_first_is_gone(self):
        budget = BudgetFactory(costs=(10, 20, 30), vote_open=True)
        a, b, c = budget.projects.order_by("pk")
        voter = UserFactory()
        cast_ballot(voter=voter, budget=budget, choices=choose(a, b))
        cast_ballot(voter=voter, budget=budget, choices=choose(c))
        assert Ballot.objects.filter(budget=budget).count() == 1
        assert list(BallotLine.objects.values_list("project_id", flat=True)) == [c.pk]
        assert current_choices(participation_of(voter=voter, budget=budget)) == {c.pk: 1}

    def test_an_invalid_change_keeps_the_previous_ballot(self):
        budget = BudgetFactory(costs=(60_000, 50_000), vote_open=True)
        a, b = budget.projects.order_by("pk")
        voter = UserFactory()
        cast_ballot(voter=voter, budget=budget, choices=choose(a))
        with pytest.raises(InvalidInput):
            cast_ballot(voter=voter, budget=budget, choices=choose(a, b))
        assert list(BallotLine.objects.values_list("project_id", flat=True)) == [a.pk]

    def test_a_secret_ballot_is_changed_only_with_its_receipt(self):
        budget = BudgetFactory(costs=(10, 20, 30), is_secret=True, vote_open=True)
        a, b, c = budget.projects.order_by("pk")
        voter = UserFactory()
        receipt = cast_ballot(voter=voter, budget=budget, choices=choose(a)).receipt
        assert re.fullmatch(r"([A-Z2-7]{4}-){5}[A-Z2-7]{4}", receipt)
        with pytest.raises(Conflict, match="reçu") as error:
            cast_ballot(voter=voter, budget=budget, choices=choose(b))
        assert error.value.status_code == 409
        with pytest.raises(Conflict, match="aucun bulletin"):
            cast_ballot(
                voter=voter, budget=budget, choices=choose(b), receipt="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"
            )
        # Case, spaces and a 0 typed for an O do not matter; the same receipt stays valid for a second change.
        typed = receipt.lower().replace("-", " ").replace("o", "0")
        assert cast_ballot(voter=voter, budget=budget, choices=choose(b), receipt=typed) == Cast()
        cast_ballot(voter=voter, budget=budget, choices=choose(b, c), receipt=receipt)
        assert Participation.objects.get().ballot_ref is None
        assert current_choices(participation_of(voter=voter, budget=budget)) == {}
        assert SealedBallot.objects.filter(budget=budget).count() == 1
        assert mix_sealed_ballots(budget=budget) == 1
        assert set(BallotLine.objects.values_list("project_id", flat=True)) == {b.pk, c.pk}
        with pytest.raises(Conflict, match="aucun bulletin en attente"):
            cast_ballot(voter=voter, budget=budget, choices=choose(a), receipt=receipt)

    def test_a_receipt_only_opens_its_own_budget(self):
        first = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
        second = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
        voter = UserFactory()
        receipt = cast_ballot(
            voter=voter, budget=first, choices=choose(first.projects.order_by("pk")[0])
        ).receipt
        cast_ballot(voter=voter, budget=second, choices=choose(second.projects.order_by("pk")[0]))
        with pytest.raises(Conflict, match="aucun bulletin"):
            cast_ballot(
                voter=voter, budget=second, choices=choose(second.projects.order_by("pk")[1]), receipt=receipt
            )

    def test_a_secret_paper_ballot_is_final_and_gives_no_receipt(self):
        budget = BudgetFactory(costs=(10, 20), is_secret=True, vote_open=True)
        a, b = budget.projects.order_by("pk")
        voter, agent = UserFactory(), UserFactory(agent=True)
        assert record_paper_ballot(agent=agent, budget=budget, voter=voter, choices=choose(a)) == Cast()
        with pytest.raises(Conflict, match="ne peut plus être remplacé"):
            record_paper_ballot(agent=agent, budget=budget, voter=voter, choices=choose(b))
        assert SealedBallot.objects.get(budget=budget).receipt == ""


class TestPaper:
    def test_paper_then_online_is_refused(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True)
        a, b = budget.projects.order_by("pk")
        voter = UserFactory()
        record_paper_ballot(agent=UserFactory(agent=True), budget=budget, voter=voter, choices=choose(a))
        with pytest.raises(Conflict, match="papier"):
            cast_ballot(voter=voter, budget=budget, choices=choose(b))
        participation = Participation.objects.get()
        assert participation.channel == Channel.PAPER
        assert Ballot.objects.count() == 1

    def test_online_then_paper_is_refused(self):
        budget = BudgetFactory(costs=(10, 20), vote_open=True)
        a, b = budget.projects.order_by("pk")
        voter = UserFactory()
        cast_ballot(voter=voter, budget=budget, choices=choose(a))
        with pytest.raises(Conflict, match="en ligne"):
            record_paper_ballot(agent=UserFactory(agent=True), budget=budget, voter=voter, choices=choose(b))
        assert list(BallotLine.objects.values_list("project_id", flat=True)) == [a.pk]

    def test_only_agents_record_paper_ballots(self):
        budget = BudgetFactory(costs=(10,), vote_open=True)
        with pytest.raises(ActionNotAllowed):
            record_paper_ballot(
                agent=UserFactory(),
                budget=budget,
                voter=UserFactory(),
                choices=choose(*budget.projects.order_by("pk")),
            )

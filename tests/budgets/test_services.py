"""Setting a budget up: the budget and its envelopes, projects from proposals and bouquets, feasibility."""

import pytest

from bouquet.accounts.models import Role
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.budgets.models import BallotKind, BudgetEnvelope, Feasibility
from bouquet.budgets.services import (
    BudgetInput,
    ProjectInput,
    answer_feasibility,
    create_budget,
    create_project,
    create_project_from_bouquet,
    create_project_from_proposal,
)
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import PhaseKind
from tests.factories import (
    BudgetFactory,
    DistrictFactory,
    ProcessFactory,
    ProposalFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class TestCreateBudget:
    def test_agent_opens_a_budget_on_the_vote_phase_with_envelopes(self):
        process = ProcessFactory(with_vote_phase=True)
        north, south = DistrictFactory(), DistrictFactory()
        budget = create_budget(
            agent=UserFactory(agent=True),
            process=process,
            data=BudgetInput(title="Budget 2026", amount=150_000, envelopes={north: 30_000, south: 20_000}),
        )
        assert budget.phase.kind == PhaseKind.VOTE
        assert budget.rule == "mes_cost_add1u"
        assert budget.tie_break == "votes"
        assert BudgetEnvelope.objects.filter(budget=budget).count() == 2

    def test_inhabitants_cannot_open_a_budget(self):
        with pytest.raises(ActionNotAllowed):
            create_budget(
                agent=UserFactory(),
                process=ProcessFactory(with_vote_phase=True),
                data=BudgetInput(title="B", amount=1),
            )

    def test_process_without_vote_phase_is_refused(self):
        with pytest.raises(InvalidInput) as error:
            create_budget(
                agent=UserFactory(agent=True),
                process=ProcessFactory(),
                data=BudgetInput(title="B", amount=10),
            )
        assert "phase" in error.value.field_errors

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            (BudgetInput(title="B", amount=0), "amount"),
            (BudgetInput(title="B", amount=10, ballot_kind=BallotKind.CUMULATIVE), "points_total"),
            (BudgetInput(title="B", amount=10, min_projects=3, max_projects=2), "max_projects"),
            (BudgetInput(title="B", amount=10, rule="greedy_threshold"), "threshold"),
            (BudgetInput(title="B", amount=10, rule="dictator"), "rule"),
        ],
    )
    def test_incoherent_settings_are_refused_field_by_field(self, data, field):
        with pytest.raises(InvalidInput) as error:
            create_budget(
                agent=UserFactory(agent=True), process=ProcessFactory(with_vote_phase=True), data=data
            )
        assert field in error.value.field_errors

    def test_envelopes_cannot_exceed_the_total(self):
        district = DistrictFactory()
        with pytest.raises(InvalidInput) as error:
            create_budget(
                agent=UserFactory(agent=True),
                process=ProcessFactory(with_vote_phase=True),
                data=BudgetInput(title="B", amount=10_000, envelopes={district: 20_000}),
            )
        assert "dépassent" in str(error.value.field_errors["envelopes"])


class TestProjects:
    def test_numbers_follow_each_other(self):
        budget = BudgetFactory(costs=(1000, 2000, 3000))
        assert sorted(budget.projects.values_list("code", flat=True)) == ["1", "2", "3"]

    def test_project_from_a_proposal_takes_its_text_district_and_theme(self):
        budget = BudgetFactory()
        theme, district = ThemeFactory(), DistrictFactory()
        proposal = ProposalFactory(process=budget.process, theme=theme, district=district)
        project = create_project_from_proposal(
            agent=UserFactory(agent=True), budget=budget, proposal=proposal, cost=12_000
        )
        assert project.title == proposal.title
        assert project.district == district
        assert list(project.themes.all()) == [theme]
        assert list(project.proposals.all()) == [proposal]

    def test_project_from_a_bouquet_takes_all_its_proposals(self):
        budget = BudgetFactory()
        bouquet = Bouquet.objects.create(
            process=budget.process, key="b1", label="Ombre et fraîcheur", confirmed_sdgs=[11, 13]
        )
        members = [ProposalFactory(process=budget.process) for _ in range(3)]
        for proposal in members:
            Placement.objects.create(proposal=proposal, process=budget.process, bouquet=bouquet)
        project = create_project_from_bouquet(
            agent=UserFactory(agent=True), budget=budget, bouquet=bouquet, cost=40_000
        )
        assert project.title == "Ombre et fraîcheur"
        assert set(project.proposals.all()) == set(members)
        assert project.sdgs == [11, 13]
        assert project.bouquet == bouquet
        assert "3 propositions" in project.description

    def test_bouquet_of_another_process_is_refused(self):
        budget = BudgetFactory()
        bouquet = Bouquet.objects.create(process=ProcessFactory(), key="b", label="Ailleurs")
        with pytest.raises(InvalidInput):
            create_project_from_bouquet(
                agent=UserFactory(agent=True), budget=budget, bouquet=bouquet, cost=10
            )

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            (ProjectInput(title="Bancs", cost=0), "cost"),
            (ProjectInput(title="Bancs", cost=100, min_cost=200), "min_cost"),
            (ProjectInput(title="Bancs", cost=100, sdgs=[18]), "sdgs"),
            (ProjectInput(title="B", cost=100), "title"),
        ],
    )
    def test_bad_projects_are_refused(self, data, field):
        with pytest.raises(InvalidInput) as error:
            create_project(agent=UserFactory(agent=True), budget=BudgetFactory(), data=data)
        assert field in error.value.field_errors

    def test_projects_are_frozen_once_the_vote_started(self):
        budget = BudgetFactory(costs=(1000,), vote_open=True)
        with pytest.raises(Conflict):
            create_project(
                agent=UserFactory(agent=True), budget=budget, data=ProjectInput(title="Tard", cost=10)
            )

    def test_only_agents_add_projects(self):
        budget = BudgetFactory()
        with pytest.raises(ActionNotAllowed):
            create_project(
                agent=UserFactory(role=Role.MODERATOR),
                budget=budget,
                data=ProjectInput(title="Bancs", cost=10),
            )


class TestFeasibility:
    def test_not_feasible_needs_a_reason_and_leaves_the_ballot(self):
        budget = BudgetFactory(costs=(1000,))
        project = budget.projects.get()
        with pytest.raises(InvalidInput):
            answer_feasibility(
                agent=UserFactory(agent=True), project=project, feasibility=Feasibility.NOT_FEASIBLE, note=" "
            )
        project = answer_feasibility(
            agent=UserFactory(agent=True),
            project=project,
            feasibility=Feasibility.NOT_FEASIBLE,
            note="Terrain privé.",
        )
        assert project.on_ballot is False


def test_a_process_with_a_budget_can_still_be_deleted():
    budget = BudgetFactory(costs=(1000,))
    budget.process.delete()
    assert not type(budget).objects.exists()

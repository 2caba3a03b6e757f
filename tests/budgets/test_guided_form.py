"""The guided budget form: dates from the vote phase (or a vote phase created with the budget), the recommended
rule chosen beforehand and explained with the others, technical options under « Options avancées »."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bouquet.budgets.counting.catalogue import DEFAULT_RULE, Rule
from bouquet.budgets.models import Budget
from bouquet.budgets.services import BudgetInput, VoteDates, create_budget
from bouquet.budgets.wording import RULE_WORDING
from bouquet.core.errors import Conflict, InvalidInput
from bouquet.processes.models import Phase, PhaseKind
from bouquet.processes.services import reschedule_phase
from tests.factories import DistrictFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _days(n: int) -> dt.date:
    return TODAY() + dt.timedelta(days=n)


def _agent_client() -> Client:
    client = Client()
    client.force_login(UserFactory(agent=True))
    return client


def _url(process) -> str:
    return reverse("budgets:create", kwargs={"slug": process.slug})


def _post(**changes: str) -> dict[str, str]:
    data = {
        "title": "Budget des quartiers 2027",
        "amount": "150000",
        "ballot_kind": "knapsack",
        "min_projects": "1",
        "eligibility": "signed_in",
        "rule": DEFAULT_RULE.value,
        "tie_break": "votes",
        "tie_break_seed": "bouquet",
    }
    data.update(changes)
    return data


class TestService:
    def test_a_vote_phase_is_created_with_the_budget(self):
        process = ProcessFactory()
        budget = create_budget(
            agent=UserFactory(agent=True),
            process=process,
            data=BudgetInput(title="Budget 2027", amount=100_000),
            new_vote_phase=VoteDates(starts_on=_days(40), ends_on=_days(55)),
        )
        phase = Phase.objects.get(process=process, kind=PhaseKind.VOTE)
        assert budget.phase == phase and (phase.starts_on, phase.ends_on) == (_days(40), _days(55))

    @pytest.mark.parametrize(
        ("dates", "field"),
        [
            (VoteDates(starts_on=_days(-3), ends_on=_days(10)), "vote_starts_on"),
            (VoteDates(starts_on=_days(10), ends_on=_days(9)), "vote_ends_on"),
        ],
    )
    def test_bad_vote_dates_save_nothing(self, dates, field):
        process = ProcessFactory()
        with pytest.raises(InvalidInput) as refused:
            create_budget(
                agent=UserFactory(agent=True),
                process=process,
                data=BudgetInput(title="Budget 2027", amount=100_000),
                new_vote_phase=dates,
            )
        assert field in refused.value.field_errors and refused.value.status_code == 422
        assert not Phase.objects.filter(process=process, kind=PhaseKind.VOTE).exists()
        assert not Budget.objects.exists()

    def test_a_bad_budget_does_not_leave_its_new_phase_behind(self):
        process = ProcessFactory()
        with pytest.raises(InvalidInput) as refused:
            create_budget(
                agent=UserFactory(agent=True),
                process=process,
                data=BudgetInput(title="Budget 2027", amount=0),
                new_vote_phase=VoteDates(starts_on=_days(40), ends_on=_days(55)),
            )
        assert "amount" in refused.value.field_errors
        assert not Phase.objects.filter(process=process, kind=PhaseKind.VOTE).exists()

    def test_a_vote_phase_that_is_over_is_a_conflict(self):
        process = ProcessFactory(with_vote_phase=True)
        phase = Phase.objects.get(process=process, kind=PhaseKind.VOTE)
        reschedule_phase(phase=phase, starts_on=_days(-20), ends_on=_days(-5))
        with pytest.raises(Conflict) as refused:
            create_budget(
                agent=UserFactory(agent=True), process=process, data=BudgetInput(title="B", amount=10)
            )
        assert refused.value.status_code == 409 and "s'est terminée" in str(refused.value.message)
        assert not Budget.objects.exists()

    def test_a_budget_during_a_running_vote_is_still_possible(self):
        process = ProcessFactory(with_vote_phase=True)
        phase = Phase.objects.get(process=process, kind=PhaseKind.VOTE)
        reschedule_phase(phase=phase, starts_on=_days(-2), ends_on=_days(5))
        budget = create_budget(
            agent=UserFactory(agent=True), process=process, data=BudgetInput(title="B", amount=10)
        )
        assert budget.phase == phase

    @pytest.mark.parametrize("amount", [0, -5, 1_000_000_001, 10**15])
    def test_absurd_amounts(self, amount):
        with pytest.raises(InvalidInput) as refused:
            create_budget(
                agent=UserFactory(agent=True),
                process=ProcessFactory(with_vote_phase=True),
                data=BudgetInput(title="B", amount=amount),
            )
        assert "amount" in refused.value.field_errors


class TestForm:
    def test_the_dates_come_from_the_vote_phase(self):
        process = ProcessFactory(with_vote_phase=True)
        phase = Phase.objects.get(process=process, kind=PhaseKind.VOTE)
        html = _agent_client().get(_url(process)).content.decode()
        assert f"Le vote aura lieu du {phase.starts_on.day} " in html
        assert 'name="vote_starts_on"' not in html  # shown, never typed again

    def test_without_a_vote_phase_the_form_says_so_first_and_creates_it(self):
        process = ProcessFactory()
        client = _agent_client()
        html = client.get(_url(process)).content.decode()
        notice = html.index("n'a pas encore de phase de vote")
        assert notice < html.index('name="title"') and 'name="vote_starts_on"' in html
        data = _post(vote_starts_on=_days(40).isoformat(), vote_ends_on=_days(54).isoformat())
        response = client.post(_url(process), data)
        assert response.status_code == 302
        budget = Budget.objects.get()
        assert (budget.phase.process, budget.phase.kind, budget.phase.ends_on) == (
            process,
            PhaseKind.VOTE,
            _days(54),
        )

    def test_without_a_vote_phase_the_dates_are_required(self):
        process = ProcessFactory()
        response = _agent_client().post(_url(process), _post())
        assert response.status_code == 422
        assert "Ce champ est obligatoire" in response.content.decode()
        assert not Budget.objects.exists()

    def test_a_vote_starting_in_the_past_is_refused_beside_its_field(self):
        process = ProcessFactory()
        data = _post(vote_starts_on=_days(-1).isoformat(), vote_ends_on=_days(10).isoformat())
        response = _agent_client().post(_url(process), data)
        html = response.content.decode()
        assert response.status_code == 422
        assert 'id="id_vote_starts_on_error"' in html and "dans le passé" in html
        assert 'value="Budget des quartiers 2027"' in html  # nothing typed is lost
        assert not Budget.objects.exists() and not Phase.objects.filter(kind=PhaseKind.VOTE).exists()

    def test_a_vote_phase_that_is_over_asks_for_new_dates(self):
        process = ProcessFactory(with_vote_phase=True)
        phase = Phase.objects.get(process=process, kind=PhaseKind.VOTE)
        reschedule_phase(phase=phase, starts_on=_days(-20), ends_on=_days(-5))
        client = _agent_client()
        html = client.get(_url(process)).content.decode()
        assert "s'est terminée le" in html and 'name="vote_starts_on"' in html
        data = _post(vote_starts_on=_days(40).isoformat(), vote_ends_on=_days(47).isoformat())
        assert client.post(_url(process), data).status_code == 302
        assert Budget.objects.get().phase.starts_on == _days(40)

    def test_a_vote_overlapping_another_phase_is_refused_beside_its_dates(self):
        process = ProcessFactory()  # its proposals phase runs until 30 days from now
        data = _post(vote_starts_on=_days(10).isoformat(), vote_ends_on=_days(40).isoformat())
        response = _agent_client().post(_url(process), data)
        html = response.content.decode()
        assert response.status_code == 409
        assert 'id="id_vote_starts_on_error"' in html and "chevauche" in html
        assert not Budget.objects.exists() and not Phase.objects.filter(kind=PhaseKind.VOTE).exists()

    def test_an_unknown_rule_is_refused(self):
        process = ProcessFactory(with_vote_phase=True)
        response = _agent_client().post(_url(process), _post(rule="dictator"))
        assert response.status_code == 422 and 'id="id_rule_error"' in response.content.decode()
        assert not Budget.objects.exists()

    @pytest.mark.parametrize(
        ("amount", "words"),
        [
            ("0", "supérieure ou égale à 1"),
            ("-100", "supérieure ou égale à 1"),
            ("2000000000", "milliard"),
            ("cent mille", "nombre entier"),
        ],
    )
    def test_absurd_amounts_are_refused_in_french(self, amount, words):
        process = ProcessFactory(with_vote_phase=True)
        response = _agent_client().post(_url(process), _post(amount=amount))
        assert response.status_code == 422
        assert words in response.content.decode()
        assert not Budget.objects.exists()

    def test_envelopes_above_the_total_are_refused(self):
        district = DistrictFactory(name="Nord")
        process = ProcessFactory(with_vote_phase=True)
        response = _agent_client().post(
            _url(process), _post(amount="1000", **{f"envelope_{district.pk}": "5000"})
        )
        assert response.status_code == 422 and "dépassent" in response.content.decode()

    def test_the_recommended_rule_is_chosen_and_every_rule_explained(self):
        process = ProcessFactory(with_vote_phase=True)
        html = _agent_client().get(_url(process)).content.decode()
        recommended = f'value="{DEFAULT_RULE.value}" checked'
        assert recommended in html and html.count(" checked") == 1
        for rule in Rule:
            wording = RULE_WORDING[rule]
            for words in (wording.label, wording.explanation, wording.example):
                assert str(words).replace("'", "&#x27;") in html, rule

    def test_technical_options_are_folded(self):
        process = ProcessFactory(with_vote_phase=True)
        html = _agent_client().get(_url(process)).content.decode()
        start = html.index('<details class="advanced">')
        folded = html[start : html.index("</details>", start)]
        for name in ("threshold", "tie_break", "tie_break_seed"):
            assert f'name="{name}"' in folded
        assert "Options avancées" in folded and "Graine" not in html

    def test_a_refused_advanced_option_opens_its_section(self):
        process = ProcessFactory(with_vote_phase=True)
        response = _agent_client().post(_url(process), _post(rule=Rule.GREEDY_THRESHOLD.value))
        assert response.status_code == 422
        assert '<details class="advanced" open>' in response.content.decode()

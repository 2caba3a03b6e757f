"""The services behind the agents' process pages: a process prepared, given phases, published, closed."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.budgets.rules import vote_is_open
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import Action, Component, Phase, PhaseKind, ProcessStatus
from bouquet.processes.selectors import attention_points, process_allows
from bouquet.processes.services import (
    PhaseSpec,
    ProcessInput,
    add_phase,
    close_process,
    delete_phase,
    prepare_process,
    publish_process,
    reopen_process,
    update_phase,
    update_process,
)
from bouquet.processes.timeline import Span, gaps, overlaps
from tests.factories import BudgetFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2030, 1, 1)


def _today() -> dt.date:
    return timezone.localdate()


def _data(**changes: object) -> ProcessInput:
    values: dict[str, object] = {
        "title": "La place du marché",
        "summary": "Refaire la place.",
        "description": "Dites-nous ce que vous voulez.",
    }
    values.update(changes)
    return ProcessInput(**values)  # type: ignore[arg-type]


def _empty_process() -> object:
    process = ProcessFactory(is_published=False)
    process.phases.all().delete()
    return process


def test_a_prepared_process_is_a_draft_with_a_unique_address() -> None:
    agent = UserFactory(agent=True)
    first = prepare_process(agent=agent, data=_data())
    second = prepare_process(agent=agent, data=_data())
    assert first.status == second.status == ProcessStatus.DRAFT
    assert (first.slug, second.slug) == ("la-place-du-marche", "la-place-du-marche-2")
    assert first.created_by == agent
    assert first.components == ["proposals", "bouquets", "budget"]


def test_only_agents_prepare_processes() -> None:
    with pytest.raises(ActionNotAllowed):
        prepare_process(agent=UserFactory(moderator=True), data=_data())


def test_an_empty_title_is_refused_on_its_field() -> None:
    with pytest.raises(InvalidInput) as refusal:
        prepare_process(agent=UserFactory(agent=True), data=_data(title="  "))
    assert refusal.value.status_code == 422
    assert set(refusal.value.field_errors) == {"title"}


def test_updating_keeps_the_address_and_sets_the_components() -> None:
    agent = UserFactory(agent=True)
    process = prepare_process(agent=agent, data=_data())
    update_process(
        agent=agent, process=process, data=_data(title="Autre titre", components=[Component.BUDGET])
    )
    process.refresh_from_db()
    assert (process.title, process.slug, process.components) == (
        "Autre titre",
        "la-place-du-marche",
        ["budget"],
    )


def test_overlapping_phases_are_refused_and_nothing_is_saved() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    today = _today()
    add_phase(
        agent=agent, process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today + dt.timedelta(9))
    )
    with pytest.raises(Conflict) as refusal:
        add_phase(
            agent=agent,
            process=process,
            spec=PhaseSpec(PhaseKind.SUPPORTS, today + dt.timedelta(9), today + dt.timedelta(20)),
        )
    assert refusal.value.status_code == 409
    assert "chevauche « Dépôt des propositions »" in str(refusal.value.field_errors["starts_on"])
    assert process.phases.count() == 1


def test_a_gap_is_allowed_and_pointed_out() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    today = _today()
    add_phase(
        agent=agent, process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today + dt.timedelta(9))
    )
    add_phase(
        agent=agent,
        process=process,
        spec=PhaseSpec(PhaseKind.VOTE, today + dt.timedelta(20), today + dt.timedelta(30)),
    )
    assert "Un intervalle sans phase dans le calendrier." in attention_points(process)


def test_a_vote_starting_in_the_past_is_refused_when_created_but_a_running_vote_can_be_extended() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    today = _today()
    with pytest.raises(InvalidInput) as refusal:
        add_phase(
            agent=agent, process=process, spec=PhaseSpec(PhaseKind.VOTE, today - dt.timedelta(1), today)
        )
    assert "starts_on" in refusal.value.field_errors
    assert not process.phases.exists()
    vote = Phase.objects.create(
        process=process,
        kind=PhaseKind.VOTE,
        starts_on=today - dt.timedelta(3),
        ends_on=today + dt.timedelta(1),
    )
    update_phase(
        agent=agent, phase=vote, spec=PhaseSpec(PhaseKind.VOTE, vote.starts_on, today + dt.timedelta(10))
    )
    vote.refresh_from_db()
    assert vote.ends_on == today + dt.timedelta(10)


def test_a_phase_ending_before_it_starts_is_refused() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    today = _today()
    with pytest.raises(InvalidInput) as refusal:
        add_phase(
            agent=agent, process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today - dt.timedelta(1))
        )
    assert refusal.value.field_errors["ends_on"] == "La date de fin est avant la date de début."


def test_a_phase_may_be_moved_without_colliding_with_itself() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    today = _today()
    phase = add_phase(agent=agent, process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today))
    update_phase(
        agent=agent, phase=phase, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today + dt.timedelta(5))
    )
    phase.refresh_from_db()
    assert phase.ends_on == today + dt.timedelta(5)


def test_the_vote_phase_of_a_budget_is_neither_deleted_nor_turned_into_another_kind() -> None:
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent, costs=(1000,))
    with pytest.raises(Conflict):
        delete_phase(agent=agent, phase=budget.phase)
    with pytest.raises(Conflict):
        update_phase(
            agent=agent,
            phase=budget.phase,
            spec=PhaseSpec(PhaseKind.EVALUATION, budget.phase.starts_on, budget.phase.ends_on),
        )
    assert Phase.objects.filter(pk=budget.phase.pk, kind=PhaseKind.VOTE).exists()


def test_publish_close_and_reopen() -> None:
    agent, process = UserFactory(agent=True), _empty_process()
    with pytest.raises(Conflict):
        publish_process(agent=agent, process=process)  # no phase yet
    today = _today()
    add_phase(
        agent=agent, process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today + dt.timedelta(9))
    )
    publish_process(agent=agent, process=process)
    process.refresh_from_db()
    assert process.status == ProcessStatus.OPEN
    assert process_allows(process, Action.SUBMIT)
    close_process(agent=agent, process=process)
    process.refresh_from_db()
    assert process.status == ProcessStatus.CLOSED
    assert not process_allows(process, Action.SUBMIT)  # a closed process allows nothing, whatever its phases
    with pytest.raises(Conflict):
        publish_process(agent=agent, process=process)
    reopen_process(agent=agent, process=process)
    process.refresh_from_db()
    assert process.status == ProcessStatus.OPEN
    with pytest.raises(Conflict):
        reopen_process(agent=agent, process=process)


def test_only_agents_change_the_calendar() -> None:
    process = _empty_process()
    today = _today()
    with pytest.raises(ActionNotAllowed):
        add_phase(agent=UserFactory(), process=process, spec=PhaseSpec(PhaseKind.PROPOSALS, today, today))


@pytest.mark.parametrize(
    ("spans", "expected_gaps", "expected_overlaps"),
    [
        ([], [], 0),
        ([(1, 5), (6, 9)], [], 0),
        ([(1, 5), (8, 9)], [(6, 7)], 0),
        ([(1, 5), (5, 9)], [], 1),
        ([(1, 10), (2, 3), (6, 12), (20, 21)], [(13, 19)], 2),
    ],
)
def test_timeline_gaps_and_overlaps(
    spans: list[tuple[int, int]], expected_gaps: list[tuple[int, int]], expected_overlaps: int
) -> None:
    def day(n: int) -> dt.date:
        return TODAY + dt.timedelta(days=n)

    as_spans = [Span(day(a), day(b)) for a, b in spans]
    assert gaps(as_spans) == [Span(day(a), day(b)) for a, b in expected_gaps]
    assert len(overlaps(as_spans)) == expected_overlaps


def test_a_closed_process_stops_its_budget_vote() -> None:
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent, costs=(1000,), vote_open=True)
    assert vote_is_open(budget)
    close_process(agent=agent, process=budget.process)
    budget.refresh_from_db()
    assert not vote_is_open(budget)

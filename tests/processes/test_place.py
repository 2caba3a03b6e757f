"""A process about a place: the link, the process on the place's timeline, and the excerpt of what it remembers."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bouquet.core.errors import InvalidInput
from bouquet.core.french import format_date
from bouquet.places.models import Moderation
from bouquet.places.selectors import place_excerpt, place_timeline
from bouquet.processes import services
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.on_place import processes_on_place
from bouquet.processes.services import ProcessInput
from bouquet.proposals.models import Proposal
from tests.factories import ProcessFactory, ProposalFactory, UserFactory
from tests.places.factories import make_memory, make_place

pytestmark = pytest.mark.django_db


def _data(**changes: object) -> ProcessInput:
    fields: dict[str, object] = {
        "title": "Réinventer la halle",
        "summary": "Que voulez-vous pour la halle ?",
        "description": "La halle sera rénovée.",
    }
    fields.update(changes)
    return ProcessInput(**fields)  # type: ignore[arg-type]


def test_an_agent_prepares_and_edits_a_process_about_a_place() -> None:
    agent = UserFactory(agent=True)
    halle, lavoir = make_place("La halle"), make_place("Le lavoir", lat=47.01)
    process = services.prepare_process(agent=agent, data=_data(place=halle))
    assert Process.objects.get(pk=process.pk).place == halle
    services.update_process(agent=agent, process=process, data=_data(place=lavoir))
    assert Process.objects.get(pk=process.pk).place == lavoir
    services.update_process(agent=agent, process=process, data=_data(place=None))
    assert Process.objects.get(pk=process.pk).place is None


def test_a_place_waiting_for_moderation_is_refused_with_a_message() -> None:
    waiting = make_place("Le kiosque", moderation=Moderation.PENDING)
    with pytest.raises(InvalidInput) as refusal:
        services.prepare_process(agent=UserFactory(agent=True), data=_data(place=waiting))
    assert "pas encore publié" in refusal.value.field_errors["place"]
    assert not Process.objects.exists()


def test_a_place_taken_off_the_map_leaves_the_process_without_a_place() -> None:
    place = make_place()
    process = ProcessFactory(place=place)
    place.delete()
    process.refresh_from_db()
    assert process.place is None


def test_published_processes_join_the_place_timeline_from_their_first_day() -> None:
    place = make_place("La halle")
    today = timezone.localdate()
    running = ProcessFactory(place=place, title="Réinventer la halle")  # first phase began 60 days ago
    ProcessFactory(place=place, title="En préparation", is_published=False)
    ProcessFactory(title="Ailleurs")
    items = [item for item in place_timeline(place=place) if item.kind == "process"]
    assert [item.title for item in items] == ["Réinventer la halle"]
    item = items[0]
    assert item.starts_on == today - dt.timedelta(days=60)
    assert item.ends_on is None
    assert item.when_text == f"démarche ouverte le {format_date(item.starts_on)}"
    assert item.url == reverse("processes:detail", kwargs={"slug": running.slug})
    assert item.kind_label == "Démarche"


def test_a_closed_or_finished_process_covers_its_period() -> None:
    place = make_place()
    today = timezone.localdate()
    closed = ProcessFactory(place=place, title="Close")
    closed.closed_at = timezone.now() - dt.timedelta(days=2)
    closed.save()
    finished = ProcessFactory(place=place, title="Finie")
    Phase.objects.filter(process=finished).update(
        starts_on=today - dt.timedelta(days=100), ends_on=today - dt.timedelta(days=10)
    )
    coming = ProcessFactory(place=place, title="À venir")
    Phase.objects.filter(process=coming).update(
        starts_on=today + dt.timedelta(days=10), ends_on=today + dt.timedelta(days=20)
    )
    items = {item.title: item for item in processes_on_place(place, limit=10)}
    assert items["Close"].ends_on == timezone.localdate(closed.closed_at)
    assert items["Close"].when_text.startswith("démarche ouverte le ")
    assert ", terminée le " in items["Close"].when_text
    assert (items["Finie"].starts_on, items["Finie"].ends_on) == (
        today - dt.timedelta(days=100),
        today - dt.timedelta(days=10),
    )
    assert items["À venir"].ends_on is None
    assert (
        items["À venir"].when_text
        == f"démarche qui s'ouvrira le {format_date(today + dt.timedelta(days=10))}"
    )


def test_a_process_without_phases_opens_the_day_it_was_prepared() -> None:
    place = make_place()
    process = ProcessFactory(place=place)
    Phase.objects.filter(process=process).delete()
    (item,) = processes_on_place(place, limit=10)
    assert item.starts_on == timezone.localdate(process.created_at)


def test_the_source_answers_in_one_query_whatever_the_number_of_processes() -> None:
    place = make_place()
    for _ in range(2):
        ProcessFactory(place=place)
    with CaptureQueriesContext(connection) as two:
        assert len(processes_on_place(place, limit=100)) == 2
    for _ in range(8):
        ProcessFactory(place=place)
    with CaptureQueriesContext(connection) as ten:
        assert len(processes_on_place(place, limit=100)) == 10
    assert len(two.captured_queries) == len(ten.captured_queries) == 1
    assert len(processes_on_place(place, limit=3)) == 3


def test_the_excerpt_gives_the_latest_memories_and_the_latest_of_the_other_apps_but_not_the_page_itself() -> (
    None
):
    place = make_place("La halle")
    make_memory(place, title="Le vieux marché", when="vers 1960")
    make_memory(place, title="Le bal du 14 juillet", when="14 juillet 1989")
    process = ProcessFactory(place=place, title="Réinventer la halle")
    proposal = ProposalFactory(process=process, place=place, title="Un marché couvert le dimanche")
    excerpt = place_excerpt(place=place, count=3, leave_out=process.get_absolute_url())
    assert [item.title for item in excerpt.memories] == ["Le bal du 14 juillet", "Le vieux marché"]
    recent = [item.title for item in excerpt.recent]
    assert "Un marché couvert le dimanche" in recent
    assert "Réinventer la halle" not in recent  # the process page does not show itself
    assert "Réinventer la halle" in [i.title for i in place_excerpt(place=place).recent]
    assert Proposal.objects.get(pk=proposal.pk).place == place


def test_the_excerpt_asks_a_fixed_number_of_queries() -> None:
    place = make_place()
    make_memory(place)
    ProcessFactory(place=place)
    with CaptureQueriesContext(connection) as few:
        place_excerpt(place=place)
    for n in range(5):
        make_memory(place, title=f"Souvenir {n}")
        ProcessFactory(place=place, current_phase=PhaseKind.SUPPORTS)
    with CaptureQueriesContext(connection) as many:
        excerpt = place_excerpt(place=place)
    assert len(few.captured_queries) == len(many.captured_queries)
    assert len(excerpt.memories) == len(excerpt.recent) == 3

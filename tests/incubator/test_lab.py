"""The lab's back-office (dashboard, criteria, mentors) and the API: figures right, query counts flat, nothing
private in the API, energies never listed."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bouquet.incubator import services
from bouquet.incubator.analysis import biodiversity, bubbles, spread
from bouquet.incubator.dashboard import Dashboard, lab_dashboard
from bouquet.incubator.models import Initiative, SpaceEntryKind, Stage, StageCriterion
from tests.factories import DistrictFactory, ThemeFactory, UserFactory
from tests.incubator.factories import lead_of, mentor, start
from tests.incubator.test_pages import signed_in

pytestmark = pytest.mark.django_db


def test_evenness_is_one_for_an_even_spread_and_zero_for_one_value() -> None:
    assert spread("x", ["a", "b", "c", "d"]).evenness == 1.0
    assert spread("x", ["a", "a", "a"]).evenness == 0.0
    assert 0 < spread("x", ["a", "a", "a", "b"]).evenness < 1
    assert biodiversity([spread("x", ["a", "b"]), spread("y", [])]) == 1.0


def test_two_groups_that_help_each_other_are_two_bubbles() -> None:
    edges = [(1, 2), (2, 3), (3, 1), (1, 2), (10, 11), (11, 12), (12, 10), (3, 10)]
    found = bubbles(edges)
    assert frozenset({1, 2, 3}) in found and frozenset({10, 11, 12}) in found


def _lab(count: int) -> None:
    districts = [DistrictFactory(), DistrictFactory()]
    themes = [ThemeFactory(), ThemeFactory()]
    guide = mentor()
    agent = UserFactory(agent=True)
    for i in range(count):
        initiative = start(title=f"Initiative {i}", district=districts[i % 2], members=i % 3)
        initiative.themes.set([themes[i % 2]])
        services.confirm_sdgs(person=lead_of(initiative), initiative=initiative, numbers=[1 + i % 5])
        if i % 4 == 0:
            services.assign_mentor(lab=agent, initiative=initiative, mentor=guide)


def test_the_dashboard_figures() -> None:
    _lab(8)
    stale = Initiative.objects.first()
    assert stale is not None
    Initiative.objects.filter(pk=stale.pk).update(last_activity_at=timezone.now() - dt.timedelta(weeks=10))
    board = lab_dashboard(inactive_weeks=6)
    assert board.total == 8
    assert dict((code, n) for code, _label, n in board.per_stage)[Stage.IDEA] == 8
    assert [i.pk for i in board.inactive] == [stale.pk]
    assert board.mentors[0].initiatives == 2
    assert board.biodiversity > 0.5
    assert sum(n for _m, n in board.joins_per_month) >= 8
    assert board.median_days_to_autonomy is None


def test_the_dashboard_page_query_count_does_not_grow(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    agent = UserFactory(agent=True)
    client = signed_in(agent)
    _lab(4)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("backoffice:lab")).status_code == 200
    _lab(16)
    with CaptureQueriesContext(connection) as big:
        page = client.get(reverse("backoffice:lab"))
    assert page.status_code == 200
    assert len(big) == len(small)
    assert "Biodiversité des initiatives" in page.text and "<svg" in page.text and "<table" in page.text


@pytest.mark.parametrize(("role", "status"), [("inhabitant", 404), ("mentor", 404), ("agent", 200)])
def test_only_the_lab_opens_its_back_office(role: str, status: int) -> None:
    person = UserFactory(role=role)
    for name in ("backoffice:lab", "backoffice:lab-criteria", "backoffice:lab-mentors"):
        assert signed_in(person).get(reverse(name)).status_code == status


def test_the_lab_edits_a_criterion_and_assigns_a_mentor_from_its_pages() -> None:
    agent = UserFactory(agent=True)
    client = signed_in(agent)
    answer = client.post(
        reverse("backoffice:lab-criteria"),
        {
            "stage": "group",
            "label": "Une charte signée",
            "check": "person",
            "threshold": "1",
            "position": "5",
        },
    )
    assert answer.status_code == 302 and StageCriterion.objects.filter(label="Une charte signée").exists()
    assert client.post(reverse("backoffice:lab-criteria"), {"stage": "idea", "label": ""}).status_code == 422
    initiative = start()
    guide = mentor()
    answer = client.post(reverse("backoffice:lab-mentors"), {"initiative": initiative.pk, "mentor": guide.pk})
    assert answer.status_code == 302
    assert initiative.memberships.filter(person=guide, role="mentor").exists()


def test_the_api_lists_initiatives_without_private_content() -> None:
    worker = UserFactory(role="facilitator")
    started = services.start_initiative(
        starter=worker,
        data=services.InitiativeInput(
            title="Épicerie solidaire", need="Manger mieux", for_whom="Les familles"
        ),
        beneficiaries=[services.BeneficiaryInput("Samira", True)],
    )
    initiative = started.initiative
    services.add_entry(
        author=worker, initiative=initiative, kind=SpaceEntryKind.NOTE, title="Secret", body="Note privée"
    )
    services.confirm_sdgs(person=worker, initiative=initiative, numbers=[1, 2])
    listing = Client().get("/api/v1/initiatives").json()
    assert listing["count"] == 1
    item = listing["items"][0]
    assert item["sdgs"] == [1, 2] and item["member_count"] == 2 and item["stage"] == "idea"
    detail = Client().get(f"/api/v1/initiatives/{initiative.pk}")
    assert detail.status_code == 200
    assert "Samira" not in detail.text and "Note privée" not in detail.text and "Secret" not in detail.text
    assert Client().get("/api/v1/initiatives/999999").status_code == 404
    assert Client().get("/api/v1/initiatives", {"stage": "group"}).json()["count"] == 0


def test_the_api_gives_needs_with_matching_offers_exchanges_and_the_dashboard() -> None:
    garden = start(title="Jardin partagé")
    repair = start(title="Repair café")
    need = services.publish_need(
        person=lead_of(garden),
        initiative=garden,
        data=services.ResourceInput(kind="tool", title="Des outils de jardin"),
    )
    services.publish_offer(
        person=lead_of(repair),
        initiative=repair,
        data=services.ResourceInput(kind="tool", title="Prêt d'outils de jardin"),
    )
    services.save_energy(
        person=UserFactory(), data=services.EnergyInput(free_text="Je prête des outils de jardin")
    )
    needs = Client().get(f"/api/v1/initiatives/{garden.pk}/needs").json()
    assert needs["needs"][0]["id"] == need.pk
    assert needs["needs"][0]["matching_offers"][0]["initiative_id"] == repair.pk
    assert "Je prête" not in str(needs)  # energies are never listed
    services.record_exchange(
        person=lead_of(repair), helped=garden, helper=repair, need=need, what="Une grelinette"
    )
    exchanges = Client().get("/api/v1/exchanges").json()
    assert exchanges["items"][0]["helper_initiative_id"] == repair.pk
    board = Client().get("/api/v1/lab/dashboard").json()
    assert board["initiatives"] == 2 and board["bubbles"] == [sorted([garden.pk, repair.pk])]
    assert "équitabilité de Shannon" in board["biodiversity_explained"]


def _figures_without_time(board: Dashboard) -> tuple[object, ...]:
    """The figures that only change with the data (stays so far grow with the clock)."""
    return (
        board.total,
        board.per_stage,
        board.invitation_depth,
        board.median_days_to_autonomy,
        board.spreads,
    )


def test_the_dashboard_history_is_read_again_as_soon_as_the_data_changes() -> None:
    _lab(3)
    agent = UserFactory(agent=True)
    before = lab_dashboard()
    # The second read comes from the cache, and says the same.
    assert _figures_without_time(lab_dashboard()) == _figures_without_time(before)
    StageCriterion.objects.all().delete()
    moved = Initiative.objects.order_by("pk").first()
    assert moved is not None
    services.move_stage(person=agent, initiative=moved, to_stage=Stage.GROUP)
    services.join_initiative(person=UserFactory(), initiative=moved)
    after = lab_dashboard()
    assert after.per_stage != before.per_stage
    assert sum(after.invitation_depth.values()) == sum(before.invitation_depth.values()) + 1
    assert sum(n for _m, n in after.joins_per_month) == sum(n for _m, n in before.joins_per_month) + 1
    cache.clear()
    fresh = lab_dashboard()
    assert _figures_without_time(after) == _figures_without_time(fresh)
    # A stay over counts at once: the idea stage now has the stay that just ended beside the ones still going.
    assert after.days_in_stage[0][1] is not None

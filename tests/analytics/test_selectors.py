"""The dashboards' figures recomputed by hand on a small crafted dataset, and their query counts flat."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bouquet.analytics import selectors
from bouquet.analytics.stats import per_thousand, quartiles
from bouquet.proposals.models import Moderation, Origin, Proposal
from tests.factories import (
    BouquetFactory,
    DistrictFactory,
    PlacementFactory,
    ProcessFactory,
    ProposalFactory,
    SupportFactory,
    UserFactory,
    busy_process,
)

MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def test_quartiles_and_rates_on_plain_numbers():
    summary = quartiles([40, 2, 10])
    assert summary is not None and (summary.first, summary.median, summary.third) == (6, 10, 25)
    assert quartiles([]) is None
    assert per_thousand(3, 1000) == 3.0 and per_thousand(2, 4000) == 0.5 and per_thousand(5, None) is None


@pytest.fixture
def crafted(db):
    """Nord (1,000 inhabitants): 2 online, 1 workshop, 1 hidden; Sud (4,000): 1 online, 1 outreach;
    Est (population unknown): 1 online; no district: 1 import. Two weeks apart, with an empty week between."""
    nord = DistrictFactory(name="Nord", population=1000)
    sud = DistrictFactory(name="Sud", population=4000)
    est = DistrictFactory(name="Est", population=None)
    process = ProcessFactory()
    made = []
    for district, origin in [
        (nord, Origin.ONLINE),
        (nord, Origin.ONLINE),
        (nord, Origin.WORKSHOP),
        (sud, Origin.ONLINE),
        (sud, Origin.OUTREACH),
        (est, Origin.ONLINE),
        (None, Origin.IMPORT),
    ]:
        made.append(ProposalFactory(process=process, district=district, origin=origin))
    ProposalFactory(process=process, district=nord, moderation=Moderation.HIDDEN)
    ProposalFactory(district=nord)  # another process
    for index, proposal in enumerate(made):
        created = MONDAY if index < 4 else MONDAY + dt.timedelta(days=14)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=created)
    # Answers after 2, 10 and 40 days.
    for proposal, days in zip(made[:3], (2, 10, 40), strict=True):
        Proposal.objects.filter(pk=proposal.pk).update(
            answered_at=MONDAY + dt.timedelta(days=days), answer="Oui."
        )
    for person in UserFactory.create_batch(2):
        SupportFactory(proposal=made[0], citizen=person)
    big, small = BouquetFactory(process=process), BouquetFactory(process=process)
    for proposal in made[:3]:
        PlacementFactory(proposal=proposal, bouquet=big)
    PlacementFactory(proposal=made[3], bouquet=small)
    return process


def test_participation_over_time_fills_the_empty_week(crafted):
    figure = selectors.participation_over_time(process=crafted)
    assert figure.rows == [
        [dt.date(2026, 3, 2), 4, 0],
        [dt.date(2026, 3, 9), 0, 0],
        [dt.date(2026, 3, 16), 3, 0],
    ]


def test_by_origin(crafted):
    rows = {row[0]: row[1:] for row in selectors.participation_by_origin(process=crafted).rows}
    assert rows["En ligne"] == [4, round(100 * 4 / 7, 1)]
    assert rows["Atelier public"][0] == 1 and rows["Aller-vers (rue, marché, papier)"][0] == 1
    assert rows["Import"][0] == 1


def test_by_district_against_population_and_who_is_not_reached(crafted):
    rows = {row[0]: row[1:] for row in selectors.participation_by_district(process=crafted).rows}
    assert rows == {"Est": [None, 1, None], "Nord": [3.0, 3, 1000], "Sud": [0.5, 2, 4000]}
    least = selectors.least_reached(process=crafted).rows
    assert [row[0] for row in least] == ["Sud", "Nord"]  # Est has no known population
    reach = {row[0]: row[1:] for row in selectors.reach_by_origin_and_district(process=crafted).rows}
    # online, workshop, outreach, import, total, population, per 1,000
    assert reach["Nord"] == [2, 1, 0, 0, 3, 1000, 3.0]
    assert reach["Sans quartier"] == [0, 0, 0, 1, 1, None, None]


def test_bouquets_by_size_and_growth(crafted):
    sizes = dict(selectors.bouquets_by_size(process=crafted).rows)
    assert sizes["1"] == 1 and sizes["2 à 3"] == 1 and sum(sizes.values()) == 2
    assert selectors.bouquets_growth(process=crafted).rows == [[dt.date(2026, 3, 2), 4]]


def test_answer_times(crafted):
    answers = selectors.answer_times(process=crafted)
    assert answers.summary is not None
    assert (answers.summary.count, answers.summary.first, answers.summary.median, answers.summary.third) == (
        3,
        6,
        10,
        25,
    )
    assert [row[1] for row in answers.figure.rows] == [1, 1, 1, 0, 4]


def test_supports_and_totals(crafted):
    assert selectors.totals(process=crafted) == {
        "proposals": 7,
        "comments": 0,
        "supports": 2,
        "votes": 0,
        "bouquets": 2,
    }
    assert sum(row[1] for row in selectors.supports_and_votes(process=crafted).rows) == 2


def test_the_whole_territory_counts_every_process(crafted):
    assert selectors.totals(process=None)["proposals"] == 8


@pytest.mark.django_db
def test_dashboard_pages_make_as_many_queries_for_30_proposals_as_for_3():
    agent = UserFactory(agent=True)
    client = Client()
    client.force_login(agent)
    counts = []
    for size in (3, 30):
        busy = busy_process(size)
        with CaptureQueriesContext(connection) as queries:
            for url in (
                f"/gestion/tableaux-de-bord/?demarche={busy.process.pk}",
                f"/gestion/portee/?demarche={busy.process.pk}",
                f"/gestion/tableaux-de-bord/soutiens-votes.csv?demarche={busy.process.pk}",
            ):
                assert client.get(url).status_code == 200
        counts.append(len(queries))
    # The process menu lists every process (busy_process makes size - 1 others): one query, whatever their number.
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_the_dashboard_shows_charts_tables_and_csv_links(crafted):
    client = Client()
    client.force_login(UserFactory(agent=True))
    page = client.get(f"/gestion/tableaux-de-bord/?demarche={crafted.pk}").content.decode()
    assert page.count('role="img"') >= 6 and "<caption" in page
    assert f"/gestion/tableaux-de-bord/quartiers.csv?demarche={crafted.pk}" in page
    assert "Délai médian" in page
    csv = client.get(f"/gestion/tableaux-de-bord/quartiers.csv?demarche={crafted.pk}").content.decode()
    assert csv.splitlines() == [
        "Quartier,Pour 1 000 habitants,Propositions,Habitants",
        "Est,,1,",
        "Nord,3.0,3,1000",
        "Sud,0.5,2,4000",
    ]
    assert client.get("/gestion/tableaux-de-bord/nulle-part.csv").status_code == 404
    assert client.get("/gestion/tableaux-de-bord/?demarche=abc").status_code == 404


def test_origins_week_by_week(crafted):
    rows = selectors.origins_over_time(process=crafted).rows
    # online, workshop, outreach, import
    assert rows == [
        [dt.date(2026, 3, 2), 3, 1, 0, 0],
        [dt.date(2026, 3, 9), 0, 0, 0, 0],
        [dt.date(2026, 3, 16), 1, 0, 1, 1],
    ]

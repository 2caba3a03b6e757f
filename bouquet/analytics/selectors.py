"""The figures of the authority's dashboards: each is one table (its columns and rows) aggregated in SQL, so
that the number of queries does not grow with the data; pages draw a chart from it and offer it as CSV."""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, TruncWeek
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.analytics.exports.formats import csv_lines
from bouquet.analytics.exports.registry import ExportTable, tables_for
from bouquet.analytics.models import ExportJob
from bouquet.analytics.stats import Quartiles, per_thousand, quartiles
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.budgets.models import BudgetResult, Participation
from bouquet.core.personal import Rows, rows
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.proposals.models import Comment, Origin, Proposal, Support, live_condition

Kind = Literal["text", "date", "number", "decimal", "percent"]
Cell = str | int | float | dt.date | None


@dataclass(frozen=True)
class Figure:
    """One figure of a dashboard: a table whose first column labels the rows; a chart draws the others."""

    key: str  # in the CSV's URL
    title: str | Promise
    columns: list[tuple[str | Promise, Kind]]
    rows: list[list[Cell]]
    description: str | Promise = ""
    chart: Literal["bar", "line"] = "bar"
    charted: tuple[int, ...] = ()  # the columns the chart draws (all but the first when empty)

    @property
    def headers(self) -> list[str]:
        return [str(label) for label, _kind in self.columns]

    @property
    def drawn(self) -> tuple[int, ...]:
        return self.charted or tuple(range(1, len(self.columns)))

    @property
    def has_more_columns(self) -> bool:
        """Whether the table holds columns the chart does not draw (the page shows the whole table too)."""
        return len(self.drawn) < len(self.columns) - 1


def _in(queryset: QuerySet[Any], process: Process | None, via: str) -> QuerySet[Any]:
    return queryset if process is None else queryset.filter(**{via: process})


def _by_week(queryset: QuerySet[Any], stamp: str = "created_at") -> dict[dt.date, int]:
    rows = queryset.annotate(week=TruncWeek(stamp)).values_list("week").annotate(n=Count("pk")).order_by()
    return {(week.date() if isinstance(week, dt.datetime) else week): n for week, n in rows}


def _weeks(*series: dict[dt.date, int]) -> list[dt.date]:
    """Every week from the first to the last one with something, empty weeks included (a line must not jump)."""
    known = [week for one in series for week in one]
    if not known:
        return []
    week, last, weeks = min(known), max(known), []
    while week <= last:
        weeks.append(week)
        week += dt.timedelta(days=7)
    return weeks


def _proposals(process: Process | None) -> QuerySet[Proposal]:
    return _in(Proposal.objects.filter(live_condition()), process, "process")


def participation_over_time(*, process: Process | None) -> Figure:
    """Proposals and comments week by week (three queries)."""
    proposals = _by_week(_proposals(process))
    comments = _by_week(
        _in(Comment.objects.filter(live_condition(via="proposal__")), process, "proposal__process")
    )
    return Figure(
        key="participation",
        title=gettext_lazy("Participation semaine par semaine"),
        description=gettext_lazy(
            "Propositions et commentaires reçus chaque semaine (semaine commençant le lundi)."
        ),
        columns=[
            (gettext_lazy("Semaine du"), "date"),
            (gettext_lazy("Propositions"), "number"),
            (gettext_lazy("Commentaires"), "number"),
        ],
        rows=[[week, proposals.get(week, 0), comments.get(week, 0)] for week in _weeks(proposals, comments)],
        chart="line",
    )


def origins_over_time(*, process: Process | None) -> Figure:
    """Proposals week by week, one line per origin (one query)."""
    weekly: dict[str, dict[dt.date, int]] = defaultdict(dict)
    rows = (
        _proposals(process)
        .annotate(week=TruncWeek("created_at"))
        .values_list("week", "origin")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for week, origin, n in rows:
        weekly[origin][week.date() if isinstance(week, dt.datetime) else week] = n
    weeks = _weeks(*weekly.values())
    return Figure(
        key="origines-semaines",
        title=gettext_lazy("Propositions semaine par semaine, selon leur origine"),
        description=gettext_lazy(
            "En ligne, en atelier, dans la rue ou sur papier, et par import : chaque semaine."
        ),
        columns=[
            (gettext_lazy("Semaine du"), "date"),
            *[(label, "number") for _value, label in Origin.choices],
        ],
        rows=[[week, *[weekly[value].get(week, 0) for value, _label in Origin.choices]] for week in weeks],
        chart="line",
    )


def supports_and_votes(*, process: Process | None) -> Figure:
    """Supports given and budget votes cast, week by week."""
    supports = _by_week(
        _in(Support.objects.filter(live_condition(via="proposal__")), process, "proposal__process")
    )
    votes = _by_week(_in(Participation.objects.all(), process, "budget__process"))
    return Figure(
        key="soutiens-votes",
        title=gettext_lazy("Soutiens et votes semaine par semaine"),
        description=gettext_lazy(
            "Soutiens donnés aux propositions et personnes ayant voté au budget, chaque semaine."
        ),
        columns=[
            (gettext_lazy("Semaine du"), "date"),
            (gettext_lazy("Soutiens"), "number"),
            (gettext_lazy("Votes"), "number"),
        ],
        rows=[[week, supports.get(week, 0), votes.get(week, 0)] for week in _weeks(supports, votes)],
        chart="line",
    )


def participation_by_origin(*, process: Process | None) -> Figure:
    """Proposals by origin: online, workshop, street and paper, import."""
    counts = dict(_proposals(process).values_list("origin").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    return Figure(
        key="origines",
        title=gettext_lazy("Propositions selon leur origine"),
        columns=[
            (gettext_lazy("Origine"), "text"),
            (gettext_lazy("Propositions"), "number"),
            (gettext_lazy("Part"), "percent"),
        ],
        charted=(1,),
        rows=[
            [
                str(label),
                counts.get(value, 0),
                round(100 * counts.get(value, 0) / total, 1) if total else None,
            ]
            for value, label in Origin.choices
        ],
    )


@dataclass(frozen=True)
class DistrictReach:
    """How much one district took part, against its population."""

    district: District | None  # None: proposals that name no district
    population: int | None
    proposals: int
    by_origin: dict[str, int]

    @property
    def name(self) -> str:
        return self.district.name if self.district else _("Sans quartier")

    @property
    def per_thousand(self) -> float | None:
        return per_thousand(self.proposals, self.population)


def district_reach(*, process: Process | None) -> list[DistrictReach]:
    """Every district with its population and its proposals per origin (two queries), by name; proposals that
    name no district last."""
    counts: dict[int | None, dict[str, int]] = defaultdict(dict)
    for district_id, origin, n in (
        _proposals(process).values_list("district_id", "origin").annotate(n=Count("pk")).order_by()
    ):
        counts[district_id][origin] = n
    rows = [
        DistrictReach(d, d.population, sum(counts[d.pk].values()), counts[d.pk])
        for d in District.objects.order_by("name")
    ]
    if counts.get(None):
        rows.append(DistrictReach(None, None, sum(counts[None].values()), counts[None]))
    return rows


def participation_by_district(
    *, process: Process | None, reach: Sequence[DistrictReach] | None = None
) -> Figure:
    """Proposals per district against its population (per 1,000 inhabitants)."""
    reach = reach if reach is not None else district_reach(process=process)
    return Figure(
        key="quartiers",
        title=gettext_lazy("Propositions par quartier, pour 1 000 habitants"),
        description=gettext_lazy(
            "Le quartier d'une proposition est celui qu'elle nomme. Le taux se lit pour 1 000 habitants "
            "(population envoyée par la collectivité)."
        ),
        columns=[
            (gettext_lazy("Quartier"), "text"),
            (gettext_lazy("Pour 1 000 habitants"), "decimal"),
            (gettext_lazy("Propositions"), "number"),
            (gettext_lazy("Habitants"), "number"),
        ],
        rows=[[row.name, row.per_thousand, row.proposals, row.population] for row in reach if row.district],
        charted=(1,),
    )


def least_reached(
    *, process: Process | None, reach: Sequence[DistrictReach] | None = None, limit: int = 3
) -> Figure:
    """The districts with the fewest proposals per 1,000 inhabitants (those with a known population)."""
    reach = reach if reach is not None else district_reach(process=process)
    known = sorted(
        (row for row in reach if row.district and row.per_thousand is not None),
        key=lambda row: (row.per_thousand, row.name),
    )[:limit]
    return Figure(
        key="moins-atteints",
        title=gettext_lazy("Les quartiers les moins atteints"),
        description=gettext_lazy(
            "Les quartiers où la démarche a reçu le moins de propositions pour 1 000 habitants."
        ),
        columns=[
            (gettext_lazy("Quartier"), "text"),
            (gettext_lazy("Pour 1 000 habitants"), "decimal"),
            (gettext_lazy("Propositions"), "number"),
            (gettext_lazy("Habitants"), "number"),
        ],
        rows=[[row.name, row.per_thousand, row.proposals, row.population] for row in known],
        charted=(1,),
    )


def reach_by_origin_and_district(
    *, process: Process | None, reach: Sequence[DistrictReach] | None = None
) -> Figure:
    """Proposals per district and origin, against each district's population (the lab's « who we do not reach
    yet »)."""
    reach = reach if reach is not None else district_reach(process=process)
    origins = Origin.choices
    return Figure(
        key="portee",
        title=gettext_lazy("Contributions par quartier et par origine"),
        columns=[
            (gettext_lazy("Quartier"), "text"),
            *[(label, "number") for _value, label in origins],
            (gettext_lazy("Total"), "number"),
            (gettext_lazy("Habitants"), "number"),
            (gettext_lazy("Pour 1 000 habitants"), "decimal"),
        ],
        rows=[
            [
                row.name,
                *[row.by_origin.get(value, 0) for value, _label in origins],
                row.proposals,
                row.population,
                row.per_thousand,
            ]
            for row in reach
        ],
        charted=tuple(range(1, len(origins) + 1)),
    )


SIZE_BUCKETS: list[tuple[int, int | None]] = [(1, 1), (2, 3), (4, 6), (7, 10), (11, 20), (21, None)]


def _bucket_label(low: int, high: int | None) -> str:
    if high is None:
        return _("%(low)s et plus") % {"low": low}
    if low == high:
        return str(low)
    return _("%(low)s à %(high)s") % {"low": low, "high": high}


def bouquets_by_size(*, process: Process | None) -> Figure:
    """How many bouquets hold 1, 2 to 3, 4 to 6... proposals that count (one query)."""
    sizes = (
        _in(Bouquet.objects.all(), process, "process")
        .annotate(size=Count("placements", filter=live_condition(via="placements__proposal__")))
        .values_list("size", flat=True)
    )
    counts = [0] * len(SIZE_BUCKETS)
    for size in sizes:
        for index, (low, high) in enumerate(SIZE_BUCKETS):
            if size >= low and (high is None or size <= high):
                counts[index] += 1
    return Figure(
        key="bouquets-tailles",
        title=gettext_lazy("Bouquets selon leur taille"),
        description=gettext_lazy("Nombre de bouquets selon le nombre de propositions qu'ils rassemblent."),
        columns=[(gettext_lazy("Propositions par bouquet"), "text"), (gettext_lazy("Bouquets"), "number")],
        rows=[[_bucket_label(low, high), n] for (low, high), n in zip(SIZE_BUCKETS, counts, strict=True)],
    )


def bouquets_growth(*, process: Process | None) -> Figure:
    """Proposals gathered in bouquets, cumulated week by week of their submission (one query)."""
    grouped = _in(
        Placement.objects.filter(live_condition(via="proposal__"), bouquet__isnull=False), process, "process"
    )
    weekly = _by_week(grouped, stamp="proposal__created_at")
    total, rows = 0, list[list[Cell]]()
    for week in _weeks(weekly):
        total += weekly.get(week, 0)
        rows.append([week, total])
    return Figure(
        key="bouquets-croissance",
        title=gettext_lazy("Croissance des bouquets"),
        description=gettext_lazy(
            "Nombre total de propositions rassemblées en bouquets, selon la semaine de leur dépôt."
        ),
        columns=[(gettext_lazy("Semaine du"), "date"), (gettext_lazy("Propositions en bouquets"), "number")],
        rows=rows,
        chart="line",
    )


ANSWER_BUCKETS: list[tuple[int, int | None]] = [(0, 7), (8, 30), (31, 90), (91, None)]


@dataclass(frozen=True)
class AnswerTimes:
    figure: Figure
    summary: Quartiles | None  # in days
    unanswered: int


def answer_times(*, process: Process | None) -> AnswerTimes:
    """Days from a proposal to the authority's answer: quartiles, a distribution, and how many wait (one query;
    the quartiles are computed here, the same way on SQLite and PostgreSQL)."""
    delays: list[float] = []
    unanswered = 0
    for created_at, answered_at in _proposals(process).values_list("created_at", "answered_at"):
        if answered_at is None:
            unanswered += 1
        else:
            delays.append(max((answered_at - created_at).total_seconds(), 0) / 86400)
    counts = [0] * len(ANSWER_BUCKETS)
    for days in delays:
        whole = int(days)
        for index, (low, high) in enumerate(ANSWER_BUCKETS):
            if whole >= low and (high is None or whole <= high):
                counts[index] += 1
    labels = [
        _("une semaine au plus"),
        _("8 à 30 jours"),
        _("31 à 90 jours"),
        _("plus de 90 jours"),
    ]
    rows: list[list[Cell]] = [[label, n] for label, n in zip(labels, counts, strict=True)]
    rows.append([_("sans réponse pour l'instant"), unanswered])
    figure = Figure(
        key="delais-reponse",
        title=gettext_lazy("Délai de réponse de la collectivité"),
        description=gettext_lazy("Nombre de propositions selon le temps mis à leur répondre."),
        columns=[(gettext_lazy("Délai"), "text"), (gettext_lazy("Propositions"), "number")],
        rows=rows,
    )
    return AnswerTimes(figure=figure, summary=quartiles(delays), unanswered=unanswered)


@dataclass(frozen=True)
class Dashboard:
    """Every figure of one process's dashboard (or of the whole territory's)."""

    process: Process | None
    figures: list[Figure]
    answers: AnswerTimes
    totals: dict[str, int]


def totals(*, process: Process | None) -> dict[str, int]:
    """Headline counts: proposals, comments, supports, votes, bouquets (one query each)."""
    return {
        "proposals": _proposals(process).count(),
        "comments": _in(
            Comment.objects.filter(live_condition(via="proposal__")), process, "proposal__process"
        ).count(),
        "supports": _in(
            Support.objects.filter(live_condition(via="proposal__")), process, "proposal__process"
        ).count(),
        "votes": _in(Participation.objects.all(), process, "budget__process").count(),
        "bouquets": _in(Bouquet.objects.all(), process, "process").count(),
    }


def dashboard(*, process: Process | None) -> Dashboard:
    """The whole dashboard of a process (None: every process together)."""
    reach = district_reach(process=process)
    answers = answer_times(process=process)
    figures = [
        participation_over_time(process=process),
        participation_by_origin(process=process),
        origins_over_time(process=process),
        participation_by_district(process=process, reach=reach),
        least_reached(process=process, reach=reach),
        supports_and_votes(process=process),
        bouquets_by_size(process=process),
        bouquets_growth(process=process),
        answers.figure,
    ]
    return Dashboard(process=process, figures=figures, answers=answers, totals=totals(process=process))


FIGURES = {
    "participation": participation_over_time,
    "origines": participation_by_origin,
    "origines-semaines": origins_over_time,
    "quartiers": participation_by_district,
    "moins-atteints": least_reached,
    "soutiens-votes": supports_and_votes,
    "bouquets-tailles": bouquets_by_size,
    "bouquets-croissance": bouquets_growth,
    "portee": reach_by_origin_and_district,
}


def figure(*, key: str, process: Process | None) -> Figure | None:
    """One figure by its key (for its CSV download)."""
    if key == "delais-reponse":
        return answer_times(process=process).figure
    build = FIGURES.get(key)
    return build(process=process) if build is not None else None


def processes_for_dashboards() -> QuerySet[Process]:
    """Every process, with its live proposals counted (one query)."""
    return Process.objects.annotate(
        proposal_total=Count("proposals", filter=Q(live_condition(via="proposals__")))
    ).order_by("-created_at")


# -- The open-data catalogue -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedTable:
    """One published table of a process, as the open-data page lists it."""

    process: Process
    table: ExportTable
    rows: int
    updated: dt.datetime | None
    size: int  # bytes of the open-data CSV


@dataclass(frozen=True)
class PabulibFile:
    result_pk: int
    budget_pk: int
    budget_title: str
    part: str
    size: int
    updated: dt.datetime


@dataclass(frozen=True)
class ProcessData:
    process: Process
    tables: list[PublishedTable]
    pabulib: list[PabulibFile]


def _csv_size(process: Process, table: ExportTable, rows: int, updated: dt.datetime | None) -> int:
    """The size of the open-data CSV, written once per state of the data (the cache key changes as soon as a
    row is added, removed or changed)."""
    key = f"opendata-size:{process.pk}:{table.name}:{rows}:{updated.isoformat() if updated else '-'}"
    size: int | None = cache.get(key)
    if size is None:
        size = sum(len(line.encode()) for line in csv_lines(table, table.rows(process)))
        cache.set(key, size, timeout=24 * 3600)
    return size


def published_tables(process: Process) -> list[PublishedTable]:
    """The tables a public process publishes, with their rows, last change and size."""
    found = []
    for table in tables_for(process):
        rows, updated = table.count(process), table.updated(process)
        found.append(PublishedTable(process, table, rows, updated, _csv_size(process, table, rows, updated)))
    return found


def pabulib_files(process: Process) -> list[PabulibFile]:
    """The published pabulib files of a process's budgets (their sizes counted in SQL)."""
    results = (
        BudgetResult.objects.filter(budget__process=process)
        .annotate(size=Length("pb_file"))
        .order_by("budget_id", "part")
        .values_list("pk", "budget_id", "budget__title", "part", "size", "updated_at")
    )
    return [PabulibFile(*row) for row in results]


def open_data_catalogue() -> list[ProcessData]:
    """Every public process with its published tables and pabulib files."""
    processes = Process.objects.filter(is_published=True).order_by("-created_at")
    return [ProcessData(p, published_tables(p), pabulib_files(p)) for p in processes]


def personal_data(*, person: Any) -> dict[str, Rows]:
    """The exports of data an agent asked for (their export, docs/decisions/0013)."""
    return {
        "exports_demandes": rows(
            ExportJob.objects.filter(requested_by=person).order_by("id"),
            ["process__title", "table", "format", "state", "created_at"],
        )
    }

"""The 17 sustainable development goals over time: how proposals, bouquets, projects and money cover them."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from bouquet.bouquets.engine.sdg import SDGS
from bouquet.bouquets.models import Bouquet, Placement
from bouquet.core import charts
from bouquet.projects.models import Project

GOALS = tuple(range(1, 18))


@dataclass
class Coverage:
    """Per goal and year: proposals, bouquets and projects that name the goal, and the projects' cost.

    A project naming two goals counts its whole cost under each (money « touches » a goal; it is not split)."""

    years: list[int] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    proposals: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    bouquets: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    projects: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    money: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))

    def total(self, measure: str, goal: int) -> int:
        found: dict[tuple[int, int], int] = getattr(self, measure)
        return sum(found.get((goal, year), 0) for year in self.years)

    def rows(self) -> list[dict[str, object]]:
        """One row per goal, with its totals, for the page's table."""
        return [
            {
                "goal": goal,
                "name": self.names[goal],
                "proposals": self.total("proposals", goal),
                "bouquets": self.total("bouquets", goal),
                "projects": self.total("projects", goal),
                "money": self.total("money", goal),
            }
            for goal in GOALS
        ]


def _goals(values: Iterable[object]) -> list[int]:
    """Goal numbers from a JSON list of numbers or of suggestions (``{"number": 7, ...}``)."""
    numbers = (v.get("number") if isinstance(v, dict) else v for v in values)
    return sorted(
        {int(n) for n in numbers if isinstance(n, int | str) and str(n).isdigit() and 1 <= int(n) <= 17}
    )


def sdg_coverage() -> Coverage:
    """Three queries: placements of published proposals (their suggested goals), bouquets (confirmed goals, else
    suggested ones), published projects (their goals and cost, by year of vote)."""
    coverage = Coverage(names={sdg.number: _(sdg.name) for sdg in SDGS})
    years: set[int] = set()
    placements = (
        Placement.objects.filter(proposal__process__is_published=True)
        .exclude(suggested_sdgs=[])
        .annotate(year=ExtractYear("proposal__created_at"))
        .values_list("year", "suggested_sdgs")
    )
    for year, goals in placements:
        years.add(year)
        for goal in _goals(goals or []):
            coverage.proposals[(goal, year)] += 1
    bouquets = Bouquet.objects.annotate(year=ExtractYear("created_at")).values_list(
        "year", "confirmed_sdgs", "suggested_sdgs"
    )
    for year, confirmed, suggested in bouquets:
        chosen = _goals(confirmed or []) or _goals(suggested or [])
        if chosen:
            years.add(year)
        for goal in chosen:
            coverage.bouquets[(goal, year)] += 1
    for vote_year, goals, cost in (
        Project.objects.public().exclude(sdgs=[]).values_list("vote_year", "sdgs", "cost")
    ):
        if vote_year is None:
            continue
        years.add(vote_year)
        for goal in _goals(goals or []):
            coverage.projects[(goal, vote_year)] += 1
            coverage.money[(goal, vote_year)] += cost or 0
    coverage.years = sorted(years)
    return coverage


def sdg_charts(coverage: Coverage) -> dict[str, charts.Chart]:
    """The goals' totals side by side, and each measure's evolution by year over all goals."""
    labels = [f"{goal}. {coverage.names[goal]}" for goal in GOALS]
    per_year = [str(y) for y in coverage.years]
    return {
        "goals": charts.BarChart(
            title=_("Les 17 objectifs : propositions, bouquets et projets"),
            labels=labels,
            series=[
                charts.Series(_("Propositions"), [coverage.total("proposals", g) for g in GOALS]),
                charts.Series(_("Bouquets"), [coverage.total("bouquets", g) for g in GOALS]),
                charts.Series(_("Projets"), [coverage.total("projects", g) for g in GOALS]),
            ],
            label_heading=_("Objectif"),
        ),
        "money": charts.BarChart(
            title=_("Coût des projets qui touchent chaque objectif"),
            labels=labels,
            series=[charts.Series(_("Coût des projets"), [coverage.total("money", g) for g in GOALS])],
            unit=charts.Unit.MONEY,
            description=_("Un projet qui touche deux objectifs compte son coût entier sous chacun."),
            label_heading=_("Objectif"),
        ),
        "years": charts.LineChart(
            title=_("Objectifs nommés, année par année"),
            labels=per_year,
            series=[
                charts.Series(
                    _("Propositions"),
                    [sum(coverage.proposals.get((g, y), 0) for g in GOALS) for y in coverage.years],
                ),
                charts.Series(
                    _("Bouquets"),
                    [sum(coverage.bouquets.get((g, y), 0) for g in GOALS) for y in coverage.years],
                ),
                charts.Series(
                    _("Projets"),
                    [sum(coverage.projects.get((g, y), 0) for g in GOALS) for y in coverage.years],
                ),
                charts.Series(
                    _("Objectifs distincts couverts"),
                    [
                        sum(
                            1
                            for g in GOALS
                            if coverage.proposals.get((g, y))
                            or coverage.bouquets.get((g, y))
                            or coverage.projects.get((g, y))
                        )
                        for y in coverage.years
                    ],
                ),
            ],
            label_heading=_("Année"),
        ),
    }

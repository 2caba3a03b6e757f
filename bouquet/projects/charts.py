"""The gap dashboard's charts, built once from its figures for the public page and the back-office."""

from django.utils.translation import gettext as _

from bouquet.core import charts
from bouquet.projects import gap


def _ranges(found: dict[str, gap.Quartiles]) -> list[charts.Range | None]:
    return [
        charts.Range(q.q1, q.median, q.q3, q.n)
        if q.median is not None and q.q1 is not None and q.q3 is not None
        else None
        for q in found.values()
    ]


def gap_charts(figures: gap.GapFigures) -> dict[str, charts.Chart]:
    """Months from vote to opening by theme, district and year of vote; the share still waiting after N years."""
    by_year = {str(year): q for year, q in figures.by_year.items()}
    return {
        "theme": charts.RangeChart(
            title=_("Mois entre le vote et l'ouverture, par thème"),
            labels=list(figures.by_theme),
            ranges=_ranges(figures.by_theme),
            unit=charts.Unit.MONTHS,
            description=_("Pour les projets ouverts : médiane, premier et troisième quartiles."),
            label_heading=_("Thème"),
        ),
        "district": charts.RangeChart(
            title=_("Mois entre le vote et l'ouverture, par quartier"),
            labels=list(figures.by_district),
            ranges=_ranges(figures.by_district),
            unit=charts.Unit.MONTHS,
            description=_("Pour les projets ouverts : médiane, premier et troisième quartiles."),
            label_heading=_("Quartier"),
        ),
        "year": charts.RangeChart(
            title=_("Mois entre le vote et l'ouverture, par année du vote"),
            labels=list(by_year),
            ranges=_ranges(by_year),
            unit=charts.Unit.MONTHS,
            description=_(
                "Pour les projets ouverts : médiane, premier et troisième quartiles. Les votes récents n'ont "
                "encore que leurs projets les plus rapides."
            ),
            label_heading=_("Année du vote"),
        ),
        "waiting": charts.BarChart(
            title=_("Part des projets pas encore ouverts après N années"),
            labels=[
                _("après %(n)d an") % {"n": w.years}
                if w.years == 1
                else _("après %(n)d ans") % {"n": w.years}
                for w in figures.still_waiting
            ],
            series=[
                charts.Series(
                    _("Pas encore ouverts"),
                    [None if w.share is None else round(100 * w.share, 1) for w in figures.still_waiting],
                )
            ],
            unit=charts.Unit.PERCENT,
            description=_(
                "Parmi les projets votés depuis au moins N années (hors projets abandonnés), la part qui n'était "
                "pas ouverte N années après le vote."
            ),
            label_heading=_("Délai"),
        ),
    }

"""Participatory-budget projects and their results, in the layout of the schema published for
schema.data.gouv.fr (``schemas/budget-participatif/``): one row per project, its votes and whether it won once
the results are published."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext_lazy as _

from bouquet.analytics.exports.registry import Column, ExportTable, Row, register
from bouquet.budgets.models import BallotLine, BudgetProject, BudgetResult, Feasibility
from bouquet.places.selectors import authority_profile
from bouquet.processes.models import Component, Process

CHUNK = 2000


def _projects(process: Process) -> QuerySet[BudgetProject]:
    return BudgetProject.objects.filter(budget__process=process)


def _available(process: Process) -> bool:
    return process.uses(Component.BUDGET) and _projects(process).exists()


def _rows(process: Process) -> Iterator[Row]:
    """One row per project; votes and winners only for budgets whose results are published (three queries,
    whatever the number of budgets and projects)."""
    results = BudgetResult.objects.filter(budget__process=process).values_list(
        "budget_id", "winners", "created_at"
    )
    winners: dict[int, set[str]] = defaultdict(set)
    published: dict[int, dt.date] = {}
    for budget_id, codes, created_at in results:
        winners[budget_id].update(codes)
        day = created_at.astimezone(dt.UTC).date()
        published[budget_id] = max(published.get(budget_id, day), day)
    votes = dict(
        BallotLine.objects.filter(project__budget__process=process, project__budget_id__in=list(published))
        .values_list("project_id")
        .annotate(n=Count("ballot_id"))
        .order_by()
    )
    authority = authority_profile().name
    rows = (
        _projects(process)
        .order_by("budget_id", "code", "id")
        .values_list(
            "id",
            "budget_id",
            "budget__title",
            "budget__amount",
            "budget__phase__ends_on",
            "code",
            "title",
            "description",
            "district__name",
            "cost",
            "feasibility",
        )
        .iterator(chunk_size=CHUNK)
    )
    for pk, budget_id, budget, amount, ends_on, code, title, description, district, cost, feasibility in rows:
        done = budget_id in published
        yield (
            authority,
            process.title,
            budget,
            ends_on.year if ends_on else None,
            amount,
            code,
            title,
            description,
            district,
            cost,
            feasibility,
            votes.get(pk, 0) if done else None,
            (code in winners[budget_id]) if done else None,
            published.get(budget_id),
        )


def _updated(process: Process) -> dt.datetime | None:
    projects = _projects(process).aggregate(latest=Max("updated_at"))["latest"]
    results = BudgetResult.objects.filter(budget__process=process).aggregate(latest=Max("updated_at"))[
        "latest"
    ]
    return max((d for d in (projects, results) if d is not None), default=None)


COLUMNS = (
    Column(
        "nom_collectivite",
        "string",
        _("Collectivité"),
        _("Nom de la collectivité qui organise le budget participatif."),
        required=True,
        example="Ville de Val-de-Loirette",
    ),
    Column(
        "edition",
        "string",
        _("Édition"),
        _("Nom de la démarche (l'édition du budget participatif)."),
        required=True,
        example="Budget participatif 2026",
    ),
    Column("budget", "string", _("Budget"), _("Intitulé du budget soumis au vote."), required=True),
    Column(
        "annee",
        "integer",
        _("Année"),
        _("Année de fin du vote."),
        minimum=2000,
        maximum=2100,
        example="2026",
    ),
    Column(
        "enveloppe",
        "integer",
        _("Enveloppe"),
        _("Montant total du budget, en euros."),
        required=True,
        minimum=0,
        example="500000",
    ),
    Column(
        "id_projet",
        "string",
        _("Identifiant du projet"),
        _("Identifiant du projet dans le budget (le même que dans le fichier pabulib publié)."),
        required=True,
        example="12",
    ),
    Column("titre", "string", _("Titre"), _("Titre du projet."), required=True, example="Un jardin partagé"),
    Column("description", "string", _("Description"), _("Présentation du projet.")),
    Column("quartier", "string", _("Quartier"), _("Quartier du projet ; vide pour tout le territoire.")),
    Column(
        "cout",
        "integer",
        _("Coût"),
        _("Coût estimé du projet, en euros."),
        required=True,
        minimum=0,
        example="45000",
    ),
    Column(
        "faisabilite",
        "string",
        _("Faisabilité"),
        _(
            "Avis de la collectivité : pending (à l'étude), feasible (réalisable), not_feasible (non réalisable)."
        ),
        required=True,
        enum=tuple(Feasibility.values),
    ),
    Column(
        "nombre_votes",
        "integer",
        _("Nombre de votes"),
        _("Nombre de bulletins qui ont choisi le projet ; vide tant que les résultats ne sont pas publiés."),
        minimum=0,
    ),
    Column(
        "laureat",
        "boolean",
        _("Lauréat"),
        _("Vrai si le projet est retenu ; vide tant que les résultats ne sont pas publiés."),
    ),
    Column(
        "date_resultats",
        "date",
        _("Date des résultats"),
        _("Jour de publication des résultats (AAAA-MM-JJ)."),
    ),
)

PROJECTS = register(
    ExportTable(
        name="budget-participatif",
        title=_("Budget participatif : projets et résultats"),
        description=_(
            "Les projets soumis au vote du budget participatif, leur coût, l'avis de faisabilité et, une fois "
            "les résultats publiés, leurs votes et s'ils sont lauréats."
        ),
        columns=COLUMNS,
        rows=_rows,
        count=lambda process: _projects(process).count(),
        updated=_updated,
        available=_available,
        position=40,
    )
)

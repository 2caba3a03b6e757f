"""Projects through the back-office's staged import page (``core.imports``): upload, columns, preview, confirm.

The page reads each row with the same code as ``manage.py import_projects`` (``reading.read_row``): the fields
keep their cells as text, ``validate`` reads the row whole (refusing it with every French reason), and ``save``
writes the rows read. The columns are the person's choice; the vocabularies (status words, arrondissement
numbers, the vote in September when only its year is given, « Tout Paris » for city-wide projects) are the shipped
mapping's. The scope in the page's address is the process that receives the projects; without one, an archive
process is made."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.rules import is_agent
from bouquet.core import tabular
from bouquet.core.imports import ImportKind, register
from bouquet.processes.models import Process
from bouquet.projects import reading, services

# The headers of the shipped mappings, and a few French ones, so that the page guesses the columns.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("référence", "reference", "identifiant", "id"),
    "title": ("titre", "nom du projet", "projet"),
    "description": ("description",),
    "theme": ("thème", "theme", "thématique", "thematique"),
    "district": ("quartier", "arrondissement"),
    "address": ("adresse",),
    "department": ("service pilote", "direction pilote", "direction"),
    "vote_year": ("année du vote", "annee du vote", "édition", "edition", "année"),
    "conceived": ("conçu", "date de conception", "date du vote"),
    "decided": ("décidé", "date de décision"),
    "studies": ("début des études", "etudes"),
    "procedure": ("lancement des procédures", "procédure"),
    "works": ("début des travaux", "travaux"),
    "planned_delivery": ("livraison prévue", "livraison prevue"),
    "delivered": ("ouverture", "livraison réelle", "livré"),
    "cost": ("coût", "cout", "budget", "montant"),
    "status": ("avancement", "état", "statut"),
    "sdgs": ("odd", "objectifs de développement durable"),
}
SCALE = "scale"


def page_mapping() -> reading.ProjectMapping:
    """The page's mapping: each field read from its own cell, with the shipped mapping's vocabularies."""
    shipped = reading.shipped_mappings()
    base = shipped[0] if shipped else reading.ProjectMapping(name="", columns={"title": "title"})
    override = {**base.district_override, "column": SCALE} if base.district_override else {}
    return reading.ProjectMapping(
        name=_("Import depuis la page"),
        columns={name: name for name in reading.FIELDS},
        values=base.values,
        vote_month=base.vote_month,
        district_override=override,
    )


def fields(scope: int | None) -> list[tabular.Field]:
    labels = reading.field_labels()
    shipped = {
        column: name for mapping in reading.shipped_mappings() for name, column in mapping.columns.items()
    }
    scale_headers = tuple(
        str(m.district_override["column"]) for m in reading.shipped_mappings() if m.district_override
    )
    found = [
        tabular.Field(
            name=name,
            label=labels[name].capitalize(),
            required=name == "title",
            parse=tabular.text(),
            synonyms=(
                *SYNONYMS.get(name, ()),
                *(column for column, field in shipped.items() if field == name),
            ),
        )
        for name in reading.FIELDS
    ]
    found.append(
        tabular.Field(
            name=SCALE,
            label=_("Échelle (tout le territoire ou un quartier)"),
            required=False,
            parse=tabular.text(),
            synonyms=("échelle", "echelle", *scale_headers),
        )
    )
    return found


def _record(values: dict[str, object]) -> dict[str, str]:
    return {name: "" if value is None else str(value) for name, value in values.items()}


def _mapping_for(values: dict[str, object]) -> reading.ProjectMapping:
    mapping = page_mapping()
    # A field whose column was not chosen stays out, as on the command line.
    present = {name: name for name in mapping.columns if name in values and values[name] is not None}
    present.setdefault("title", "title")
    return reading.ProjectMapping(
        name=mapping.name,
        columns=present,
        values=mapping.values,
        vote_month=mapping.vote_month,
        district_override=mapping.district_override,
    )


def validate(scope: int | None) -> Any:
    def check(values: dict[str, object]) -> None:
        _row, reasons = reading.read_row(_record(values), _mapping_for(values), line=0)
        if reasons:
            raise ValueError(" ; ".join(reasons))

    return check


def save(*, user: Any, rows: list[tabular.GoodRow], scope: int | None) -> int:
    process = _process(scope)
    read = []
    for good in rows:
        row, _reasons = reading.read_row(_record(good.values), _mapping_for(good.values), line=good.line)
        read.append(row)
    report = services.save_project_rows(process=process, rows=read)
    return report.created + report.updated


def _process(scope: int | None) -> Process:
    if scope is not None:
        found = Process.objects.filter(pk=scope).first()
        if found is not None:
            return found
    return services.archive_process(title=_("Projets importés"))


def _scope_label(scope: int | None) -> str:
    if scope is None:
        return _("une démarche d'archive « Projets importés »")
    found = Process.objects.filter(pk=scope).first()
    return found.title if found else ""


PROJECTS_IMPORT = ImportKind(
    code="projects",
    label=gettext_lazy("Projets et leurs dates"),
    fields=fields,
    allowed=lambda user, scope: is_agent(user),
    save=save,
    validate=validate,
    scope_label=_scope_label,
    done_url=lambda scope: reverse("backoffice:projects"),
    help=gettext_lazy(
        "Une ligne par projet : titre, année du vote, dates des étapes (AAAA-MM), avancement. Le fichier des "
        "projets lauréats du budget participatif de Paris se lit tel quel."
    ),
)


def register_kind() -> None:
    register(PROJECTS_IMPORT)

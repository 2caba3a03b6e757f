"""The Table Schema published for schema.data.gouv.fr: participatory-budget projects and their results.

The table ``budget-participatif`` (``tables/budgets.py``) is its one source: ``schemas/budget-participatif/
schema.json`` is this function's output, written by ``manage.py open_data_schemas`` (a test checks they agree)."""

from typing import Any

from bouquet.analytics.exports.tables.budgets import PROJECTS

SCHEMA_NAME = "budget-participatif"
VERSION = "0.1.0"
CREATED = "2026-12-01"


def published_schema() -> dict[str, Any]:
    """The schema with the metadata schema.data.gouv.fr asks for (in French, whatever the page's language)."""
    from django.utils import translation  # noqa: PLC0415

    with translation.override("fr"):
        schema = PROJECTS.schema()
    schema.pop("name", None)
    return {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": SCHEMA_NAME,
        "title": "Budget participatif : projets et résultats",
        "description": (
            "Les projets soumis au vote d'un budget participatif d'une collectivité, leur coût et l'avis de "
            "faisabilité, puis, une fois les résultats publiés, le nombre de votes de chacun et s'il est lauréat. "
            "Une ligne par projet. Les bulletins anonymes, pour recompter, se publient à part au format pabulib."
        ),
        "countryCode": "FR",
        # The repository's public address is not known yet: "homepage" and an absolute "path" are to be added
        # when the schema is proposed to schema.data.gouv.fr; the example's path is relative to this file.
        "resources": [{"title": "Exemple de fichier valide", "path": "exemple-valide.csv"}],
        "sources": [
            {"title": "Pabulib, la bibliothèque des budgets participatifs", "path": "https://pabulib.org/"}
        ],
        "created": CREATED,
        "lastModified": CREATED,
        "version": VERSION,
        "contributors": [{"title": "Bouquet", "role": "author"}],
        "fields": schema["fields"],
        "missingValues": [""],
    }

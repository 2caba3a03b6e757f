"""The Table Schema published for schema.data.gouv.fr: the file in schemas/ is the code's, it is a valid
descriptor, and its example (from the demo) validates with frictionless."""

import json
from pathlib import Path

from frictionless import Schema

from bouquet.analytics.exports.published_schema import published_schema
from bouquet.analytics.exports.registry import REGISTRY
from tests.analytics.frictionless_check import errors_of

FOLDER = Path(__file__).resolve().parents[2] / "schemas" / "budget-participatif"


def test_the_published_schema_is_the_one_the_code_exports():
    on_disk = json.loads((FOLDER / "schema.json").read_text(encoding="utf-8"))
    assert on_disk == published_schema()
    assert [f["name"] for f in on_disk["fields"]] == REGISTRY["budget-participatif"].headers


def test_the_schema_is_a_valid_table_schema_with_french_titles():
    schema = published_schema()
    descriptor = {key: schema[key] for key in ("fields", "missingValues")}
    parsed = Schema.from_descriptor(descriptor)
    assert [field.name for field in parsed.fields][:3] == ["nom_collectivite", "edition", "budget"]
    assert all(field["title"] and field["description"] for field in schema["fields"])
    assert (FOLDER / "README.md").exists()


def test_the_example_file_validates(tmp_path):
    data = (FOLDER / "exemple-valide.csv").read_bytes()
    assert data.count(b"\n") > 10
    assert errors_of(data, published_schema(), tmp_path) == []


def test_a_broken_file_does_not_validate(tmp_path):
    lines = (FOLDER / "exemple-valide.csv").read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1].split(",")
    first[9] = "-12"  # a negative cost
    errors = errors_of(("\n".join([header, ",".join(first)]) + "\n").encode(), published_schema(), tmp_path)
    assert errors and any("cout" in e or "minimum" in e for e in errors)

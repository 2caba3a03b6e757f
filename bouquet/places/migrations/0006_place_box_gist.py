"""On PostgreSQL, a GiST index on the box around each place, so that « places near a point » is an index search
(``&&``, box overlap) without GeoDjango. SQLite keeps the B-tree ``place_box`` index of 0005."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

BOX = "box(point(min_lon, min_lat), point(max_lon, max_lat))"


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX place_box_gist ON places_place USING gist (({BOX}))")


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS place_box_gist")


class Migration(migrations.Migration):
    dependencies = [("places", "0005_memory_of_places")]

    operations = [migrations.RunPython(create, drop)]

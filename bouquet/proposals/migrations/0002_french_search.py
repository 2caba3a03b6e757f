"""French full-text search: a stemming configuration without accents on PostgreSQL, an FTS5 index on SQLite."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE proposals_proposal_fts USING fts5(
        title, body, content='proposals_proposal', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER proposals_proposal_fts_insert AFTER INSERT ON proposals_proposal BEGIN
        INSERT INTO proposals_proposal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER proposals_proposal_fts_delete AFTER DELETE ON proposals_proposal BEGIN
        INSERT INTO proposals_proposal_fts(proposals_proposal_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER proposals_proposal_fts_update AFTER UPDATE OF title, body ON proposals_proposal BEGIN
        INSERT INTO proposals_proposal_fts(proposals_proposal_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO proposals_proposal_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "INSERT INTO proposals_proposal_fts(proposals_proposal_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_insert",
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_delete",
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_update",
    "DROP TABLE IF EXISTS proposals_proposal_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$""",
]
POSTGRES_BACKWARD = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent"]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]

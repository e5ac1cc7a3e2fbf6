"""The database itself refuses to change a stock move (and, on PostgreSQL, to delete one).

SQLite gets no DELETE trigger: Django empties tables with DELETE between transactional tests,
while PostgreSQL uses TRUNCATE, which row triggers do not see. The ORM refuses both everywhere.
"""

from django.db import migrations

PG_FORWARD = """
CREATE FUNCTION parts_stockmove_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'stock moves are append-only: post a correcting move';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER parts_stockmove_no_update_or_delete
    BEFORE UPDATE OR DELETE ON parts_stockmove
    FOR EACH ROW EXECUTE FUNCTION parts_stockmove_append_only();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS parts_stockmove_no_update_or_delete ON parts_stockmove;
DROP FUNCTION IF EXISTS parts_stockmove_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER parts_stockmove_no_update BEFORE UPDATE ON parts_stockmove
BEGIN
    SELECT RAISE(ABORT, 'stock moves are append-only: post a correcting move');
END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS parts_stockmove_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("parts", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]

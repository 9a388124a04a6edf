"""pg_trgm and the GIN indexes of the search, on PostgreSQL only.

SQLite has neither GIN indexes nor trigram operators (its search is the
``icontains`` fallback), so the indexes are not in ``SearchDocument.Meta``:
this migration creates them when the database is PostgreSQL and does nothing
otherwise. ``TrigramExtension`` itself does nothing on other databases.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from search.models import POSTGRES_INDEXES


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("search", "SearchDocument")
    for index in POSTGRES_INDEXES:
        schema_editor.add_index(model, index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("search", "SearchDocument")
    for index in POSTGRES_INDEXES:
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_document")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]

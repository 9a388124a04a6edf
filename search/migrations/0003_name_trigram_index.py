"""The trigram index covers only names (people, agencies, regions), on PostgreSQL only.

Trigram similarity is searched on names only (``search.selectors.NAME_KINDS``):
on every title a common word is "like" most of them. A partial index over the
name rows keeps the index small and the candidates few; the index on every
title (migration 0002) goes.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations
from django.db.models import Q

NAME_KINDS = ["person", "agency", "region"]
NAME_TRIGRAM_INDEX = GinIndex(
    fields=["title"],
    opclasses=["gin_trgm_ops"],
    condition=Q(kind__in=NAME_KINDS),
    name="searchdoc_name_trgm",
)
TITLE_TRIGRAM_INDEX = GinIndex(
    fields=["title"], opclasses=["gin_trgm_ops"], name="searchdoc_title_trgm"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("search", "SearchDocument")
    schema_editor.add_index(model, NAME_TRIGRAM_INDEX)
    schema_editor.remove_index(model, TITLE_TRIGRAM_INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("search", "SearchDocument")
    schema_editor.add_index(model, TITLE_TRIGRAM_INDEX)
    schema_editor.remove_index(model, NAME_TRIGRAM_INDEX)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]

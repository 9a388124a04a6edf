"""An index on (kind, region) that serves the jurisdiction's prefix match, on PostgreSQL only.

A city's search reads, per kind, only that kind's documents in the city:
``kind = 'meeting' AND (region_id = '33.74' OR region_id LIKE '33.74.%')``. The
plain (kind, region) index cannot serve the LIKE under a non-C collation; with
``varchar_pattern_ops`` it can (at 1,000,000 documents a city's most common word
fell from about 2 s to 0.4 s: every kind's branch read the whole city). SQLite has no
operator classes, hence RunPython.
"""

from django.db import migrations, models

KIND_REGION_PREFIX_INDEX = models.Index(
    fields=["kind", "region"],
    opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
    name="searchdoc_kind_region_like",
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(
            apps.get_model("search", "SearchDocument"), KIND_REGION_PREFIX_INDEX
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(
            apps.get_model("search", "SearchDocument"), KIND_REGION_PREFIX_INDEX
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_name_trigram_index")]

    operations = [migrations.RunPython(forwards, backwards)]

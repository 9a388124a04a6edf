"""Seed the editable list of meeting topics (admins may rename, reorder or add more)."""

from django.db import migrations

TOPICS = [
    "Netralitas ASN",
    "Politik uang",
    "Hoaks",
    "Kampanye",
    "Disabilitas",
    "SARA",
    "Pengawasan partisipatif",
    "Penegakan hukum",
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("coordination", "Topic")
    for order, name in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(name=name, defaults={"order": order * 10})


def unseed_topics(apps, schema_editor):
    Topic = apps.get_model("coordination", "Topic")
    Topic.objects.filter(name__in=TOPICS, meetings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_topics, unseed_topics),
    ]

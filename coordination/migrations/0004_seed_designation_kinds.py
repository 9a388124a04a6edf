"""Seed the editable list of kelurahan designation kinds (admins may rename or add more)."""

from django.db import migrations

KINDS = [
    (
        "Kelurahan Anti Politik Uang",
        "Kelurahan whose residents commit to refuse and report money politics.",
    ),
    (
        "Kelurahan Pengawasan",
        "Kelurahan where residents take part in supervision with the Panwaslu Kelurahan.",
    ),
]


def seed_kinds(apps, schema_editor):
    DesignationKind = apps.get_model("coordination", "DesignationKind")
    for order, (name, description) in enumerate(KINDS, start=1):
        DesignationKind.objects.get_or_create(
            name=name, defaults={"description": description, "order": order * 10}
        )


def unseed_kinds(apps, schema_editor):
    DesignationKind = apps.get_model("coordination", "DesignationKind")
    names = [name for name, _description in KINDS]
    DesignationKind.objects.filter(name__in=names, designations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0003_campaigns"),
    ]

    operations = [
        migrations.RunPython(seed_kinds, unseed_kinds),
    ]

"""Seed the editable list of position roles (admins can add more)."""

from django.db import migrations

ROLES = [
    "Ketua Bawaslu",
    "Anggota Bawaslu",
    "Kepala Sekretariat Bawaslu",
    "Staf Bawaslu",
    "Ketua Panwaslu Kecamatan",
    "Anggota Panwaslu Kecamatan",
    "Anggota PKD",
    "Wali Kota",
    "Pj Wali Kota",
    "Bupati",
    "Sekretaris Daerah",
    "Asisten Pemerintahan Setda",
    "Kepala OPD",
    "Camat",
    "Sekretaris Kecamatan",
    "Lurah",
    "Kepala Desa",
    "Sekretaris Kelurahan",
    "Kepala Seksi Kelurahan",
    "Ketua KPU",
    "Kepala Kejaksaan Negeri",
    "Kapolres",
    "Dandim",
    "Ketua Partai Politik",
    "Ketua Ormas",
    "Akademisi",
]


def seed(apps, schema_editor):
    PositionRole = apps.get_model("bawaslu_portal", "PositionRole")
    for order, name in enumerate(ROLES, start=1):
        PositionRole.objects.get_or_create(name=name, defaults={"order": order * 10})


def unseed(apps, schema_editor):
    PositionRole = apps.get_model("bawaslu_portal", "PositionRole")
    PositionRole.objects.filter(name__in=ROLES, positions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("bawaslu_portal", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

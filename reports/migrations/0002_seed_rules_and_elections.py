"""Seed the editable rule data: SKB 2022 violation categories, deadline rules, 2024 elections."""

import datetime

from django.db import migrations

ETHICS = [
    "Memasang spanduk, baliho atau alat peraga lainnya terkait bakal calon peserta pemilu/pemilihan",
    "Melakukan sosialisasi atau kampanye bakal calon melalui media sosial atau media daring",
    "Menghadiri deklarasi atau kampanye bakal calon dan memberikan dukungan secara aktif",
    "Membuat, mengunggah, mengomentari, membagikan, menyukai atau mengikuti akun/grup "
    "pemenangan bakal calon di media sosial",
    "Mengunggah foto bersama bakal calon, tim sukses atau pendukungnya dengan menunjukkan "
    "simbol keberpihakan atau memakai atributnya",
    "Ikut dalam kegiatan kampanye, sosialisasi atau pengenalan bakal calon",
    "Mengikuti deklarasi atau kampanye pasangan (suami/istri) calon tanpa cuti di luar "
    "tanggungan negara",
]
DISCIPLINE = [
    "Melakukan pendekatan kepada partai politik terkait pengusulan dirinya atau orang lain "
    "sebagai bakal calon",
    "Memasang spanduk atau baliho yang mempromosikan dirinya atau orang lain sebagai bakal calon",
    "Mendeklarasikan dirinya sebagai bakal calon",
    "Menghadiri deklarasi bakal calon dengan memakai atribut bakal calon atau partai politik",
    "Mengunggah, menanggapi atau menyebarluaskan gambar, visi-misi atau materi bakal calon "
    "melalui media daring dan media sosial",
    "Berfoto bersama bakal calon dengan mengikuti simbol tangan atau gerakan keberpihakan",
    "Menjadi pembicara atau narasumber dalam pertemuan partai politik",
    "Menjadi anggota atau pengurus partai politik",
    "Ikut serta sebagai pelaksana, peserta atau tim kampanye",
    "Menggunakan fasilitas negara terkait jabatannya dalam kegiatan kampanye",
    "Membuat keputusan atau tindakan yang menguntungkan atau merugikan peserta "
    "pemilu/pemilihan selama masa kampanye",
    "Mengadakan kegiatan yang mengarah pada keberpihakan kepada peserta (pertemuan, ajakan, "
    "imbauan, seruan atau pemberian barang) kepada ASN di lingkungan kerjanya, anggota "
    "keluarga atau masyarakat",
]

# (election type, step, days, unit, legal basis)
RULES = [
    ("pemilu", "filing", 7, "working", "UU 7/2017 ps. 454 ayat (5)"),
    ("pemilu", "kajian_awal", 2, "calendar", "Perbawaslu 7/2022"),
    ("pemilu", "completion", 3, "calendar", "Perbawaslu 7/2022"),
    ("pemilu", "handling", 7, "calendar", "UU 7/2017 ps. 454 ayat (6)"),
    ("pemilu", "handling_extension", 14, "working", "UU 7/2017 ps. 454 ayat (7)"),
    ("pemilu", "handling_quiet_period", 1, "calendar", "Perbawaslu 7/2022 (1×24 jam)"),
    ("pemilu", "bkn_response", 14, "working", "SKB 2022 netralitas ASN"),
    ("pemilu", "ppk_decision", 14, "working", "SKB 2022 netralitas ASN"),
    ("pilkada", "filing", 7, "calendar", "UU 1/2015 jo. UU 10/2016 ps. 134 ayat (4)"),
    ("pilkada", "kajian_awal", 2, "calendar", "Perbawaslu 8/2020"),
    ("pilkada", "completion", 2, "calendar", "Perbawaslu 8/2020"),
    ("pilkada", "handling", 3, "calendar", "UU 1/2015 jo. UU 10/2016 ps. 134 ayat (5)"),
    ("pilkada", "handling_extension", 2, "calendar", "UU 1/2015 jo. UU 10/2016 ps. 134 ayat (6)"),
    ("pilkada", "bkn_response", 14, "working", "SKB 2022 netralitas ASN"),
    ("pilkada", "ppk_decision", 14, "working", "SKB 2022 netralitas ASN"),
]

D = datetime.date
ELECTIONS = [
    (
        "Pemilu 2024",
        "pemilu",
        "PL",
        D(2024, 2, 14),
        [
            ("Masa kampanye", "kampanye", D(2023, 11, 28), D(2024, 2, 10)),
            ("Masa tenang", "masa_tenang", D(2024, 2, 11), D(2024, 2, 13)),
            ("Pemungutan suara", "pemungutan", D(2024, 2, 14), D(2024, 2, 14)),
            ("Penghitungan dan rekapitulasi", "penghitungan", D(2024, 2, 14), D(2024, 3, 20)),
        ],
    ),
    (
        "Pilkada Serentak 2024",
        "pilkada",
        "PW",
        D(2024, 11, 27),
        [
            ("Pendaftaran pasangan calon", "pendaftaran", D(2024, 8, 27), D(2024, 8, 29)),
            ("Masa kampanye", "kampanye", D(2024, 9, 25), D(2024, 11, 23)),
            ("Masa tenang", "masa_tenang", D(2024, 11, 24), D(2024, 11, 26)),
            ("Pemungutan suara", "pemungutan", D(2024, 11, 27), D(2024, 11, 27)),
            ("Penghitungan dan rekapitulasi", "penghitungan", D(2024, 11, 27), D(2024, 12, 16)),
        ],
    ),
]


def seed(apps, schema_editor):
    ViolationCategory = apps.get_model("reports", "ViolationCategory")
    DeadlineRule = apps.get_model("reports", "DeadlineRule")
    Election = apps.get_model("reports", "Election")
    ElectionStage = apps.get_model("reports", "ElectionStage")
    for group, prefix, names in (("etik", "E", ETHICS), ("disiplin", "D", DISCIPLINE)):
        for number, name in enumerate(names, 1):
            ViolationCategory.objects.get_or_create(
                code=f"{prefix}{number}",
                defaults={"group": group, "name": name, "order": number},
            )
    for election_type, step, days, unit, basis in RULES:
        DeadlineRule.objects.get_or_create(
            election_type=election_type,
            step=step,
            defaults={"days": days, "unit": unit, "legal_basis": basis},
        )
    for name, election_type, code, voting_day, stages in ELECTIONS:
        election, created = Election.objects.get_or_create(
            name=name, defaults={"type": election_type, "code": code, "voting_day": voting_day}
        )
        if created:
            ElectionStage.objects.bulk_create(
                ElectionStage(
                    election=election, name=stage, kind=kind, starts_on=start, ends_on=end
                )
                for stage, kind, start, end in stages
            )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

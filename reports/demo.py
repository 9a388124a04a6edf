"""Demo data of the reports app: ASN-neutrality cases in every demo city, across every stage.

The cases are replayed through the real services (``report_intake_create``,
``report_transition``, ``report_comment_add``), so their history, deadlines,
registration numbers and follow-ups are exactly what the portal would have
produced. Each case is replayed *at its own dates*: every step runs under a
clock set to the day it happened (:func:`_clock`), so the Pangkalpinang
report raised at the KAHMI protest is registered as
``001/Reg/LP/PW/19.71/X/2024`` in October 2024 and not on the day the seed
runs.

Grounded in the source articles: the Semarang case of an ASN liking and
sharing a candidate's campaign posts (source 001: such likes and shares are a
violation; campaign from 28 Nov 2023), and the Pangkalpinang reports raised
at the KAHMI protest on Friday 25 Oct 2024 and cross-checked by the Pj Wali
Kota at the Bawaslu office on Monday 28 Oct 2024, with every kajian awal
coordinated with Bawaslu Provinsi (source 004). Reporters, reported ASN and
witnesses are illustrative demo people; the articles name none.

Idempotent: each case has a fixed tracking code (``DEM0…``); a case whose
code exists is left alone. The commissioners who take the pleno decisions get
accounts without a usable password (they appear in the history; an admin can
give them a password).
"""

import datetime
import zoneinfo
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

from django.db import transaction

from bawaslu_portal.models import Agency, Region, User, UserRole
from reports.models import (
    Election,
    EmploymentType,
    Report,
    ReportSource,
    ReportStage,
    Sanction,
    ViolationCategory,
)
from reports.services import report_comment_add, report_transition
from reports.services_intake import report_intake_create

S = ReportStage
D = datetime.date

#: Accounts for the pleno deciders of offices without a demo commissioner login:
#: (username, first name, last name, agency key, person key).
DECIDERS = [
    ("pangkalpinang.ketua", "Imam", "Ghazali", "bawaslu_pangkalpinang", "imam_ghazali"),
    ("balikpapan.ketua", "Wasanti", "", "bawaslu_balikpapan", "wasanti"),
    ("serang.ketua", "Aan Agus", "Hermawan", "bawaslu_serang", "aan_agus_hermawan"),
    ("jateng.ketua", "Ketua", "Bawaslu Jawa Tengah", "bawaslu_jateng", None),
    ("babel.staf", "Staf", "Bawaslu Babel", "bawaslu_babel", None),
]


@dataclass
class Step:
    """One transition of a demo case: who, when (local date and hour), where to, with what."""

    on: datetime.date
    to: str
    actor: str
    note: str = ""
    hour: int = 10
    fields: dict = field(default_factory=dict)
    comment_by: str = ""
    comment: str = ""


@dataclass
class Case:
    code: str
    city: str
    kelurahan_index: int
    office: str
    actor: str
    election: str
    source: str
    received: datetime.date
    incident: datetime.date
    known: datetime.date
    place: str
    description: str
    reported_name: str
    reported_position: str
    reported_agency: str
    categories: list[str]
    reporter: dict | None = None
    witnesses: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def _reporter(name: str, occupation: str, address: str, phone: str) -> dict:
    return {"name": name, "occupation": occupation, "address": address, "phone": phone}


PILKADA = "Pemilihan Serentak 2024"
COORDINATED_WITH_PROVINCE = (
    "Kajian awal dikoordinasikan dengan Bawaslu Provinsi Kepulauan Bangka Belitung."
)
PEMILU = "Pemilu 2024"

CASES = [
    # --- Kota Pangkalpinang: the reports raised at the KAHMI protest (source 004) ---
    Case(
        code="DEM0PGK001",
        city="19.71",
        kelurahan_index=3,
        office="bawaslu_pangkalpinang",
        actor="pangkalpinang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 25),
        incident=D(2024, 10, 20),
        known=D(2024, 10, 22),
        place="Kegiatan kampanye pasangan calon di lapangan kelurahan",
        description=(
            "Disampaikan dalam aksi KAHMI Kota Pangkalpinang, Jumat 25 Oktober 2024: seorang "
            "ASN Pemerintah Kota Pangkalpinang ikut sebagai peserta kampanye pasangan calon "
            "wali kota dan mengenakan atribut pasangan calon."
        ),
        reported_name="Terlapor A (ASN Pemkot Pangkalpinang)",
        reported_position="Kepala Seksi",
        reported_agency="pemkot_pangkalpinang",
        categories=["D9", "E6"],
        reporter=_reporter(
            "Pelapor Demo KAHMI Satu", "Mahasiswa", "Kota Pangkalpinang", "081200000101"
        ),
        witnesses=[{"name": "Saksi Demo Pangkalpinang", "contact": "081200000102"}],
        links=["https://example.com/demo/kampanye-pangkalpinang"],
        steps=[
            Step(
                D(2024, 10, 26),
                S.KAJIAN_AWAL,
                "pangkalpinang.staf",
                COORDINATED_WITH_PROVINCE,
                comment_by="babel.staf",
                comment=(
                    "Bawaslu Provinsi: syarat formal dan materiel terpenuhi, dapat diregistrasi."
                ),
            ),
            Step(
                D(2024, 10, 28),
                S.DIREGISTRASI,
                "pangkalpinang.staf",
                "Diregistrasi; dikroscek bersama Pj Wali Kota Budi Utama saat kunjungan ke "
                "kantor Bawaslu Kota Pangkalpinang.",
            ),
            Step(D(2024, 10, 29), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi pelapor."),
            Step(D(2024, 10, 31), S.KAJIAN, "pangkalpinang.staf"),
            Step(
                D(2024, 11, 1),
                S.REKOMENDASI_DITERUSKAN,
                "pangkalpinang.ketua",
                "Pleno: pelanggaran peraturan perundang-undangan lainnya (netralitas ASN).",
                fields={
                    "recommendation_number": "001/PP.01.02/K.BB-01/XI/2024",
                    "recommendation_date": D(2024, 11, 1),
                },
            ),
            Step(
                D(2024, 11, 18),
                S.TINDAK_LANJUT_PPK,
                "pangkalpinang.staf",
                fields={
                    "bkn_recommendation_number": "DEMO/BKN/2024/118",
                    "bkn_recommendation_date": D(2024, 11, 18),
                    "ppk_agency": "pemkot_pangkalpinang",
                },
            ),
            Step(
                D(2024, 12, 2),
                S.SELESAI,
                "pangkalpinang.staf",
                "Keputusan PPK diterima.",
                fields={
                    "ppk_sanction": Sanction.SEDANG_6,
                    "ppk_decision_number": "DEMO/800/2024/12",
                    "ppk_decision_date": D(2024, 12, 2),
                },
            ),
        ],
    ),
    Case(
        code="DEM0PGK002",
        city="19.71",
        kelurahan_index=10,
        office="bawaslu_pangkalpinang",
        actor="pangkalpinang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 25),
        incident=D(2024, 10, 23),
        known=D(2024, 10, 23),
        place="Akun Facebook pribadi terlapor",
        description=(
            "Disampaikan dalam aksi KAHMI Kota Pangkalpinang, Jumat 25 Oktober 2024: seorang "
            "lurah mengunggah dan membagikan materi kampanye pasangan calon di media sosial."
        ),
        reported_name="Terlapor B (Lurah)",
        reported_position="Lurah",
        reported_agency="pemkot_pangkalpinang",
        categories=["E4", "D5"],
        reporter=_reporter(
            "Pelapor Demo KAHMI Dua", "Wiraswasta", "Kota Pangkalpinang", "081200000201"
        ),
        links=["https://example.com/demo/unggahan-lurah"],
        steps=[
            Step(
                D(2024, 10, 26),
                S.KAJIAN_AWAL,
                "pangkalpinang.staf",
                COORDINATED_WITH_PROVINCE,
                hour=11,
                comment_by="babel.staf",
                comment="Bawaslu Provinsi: lengkapi tangkapan layar dengan tanggal unggahan.",
            ),
            Step(D(2024, 10, 28), S.DIREGISTRASI, "pangkalpinang.staf", hour=11),
            Step(D(2024, 10, 30), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi terlapor."),
            Step(D(2024, 10, 31), S.KAJIAN, "pangkalpinang.staf", hour=14),
            Step(
                D(2024, 11, 1),
                S.REKOMENDASI_DITERUSKAN,
                "pangkalpinang.ketua",
                "Pleno: pelanggaran netralitas ASN; rekomendasi diteruskan ke BKN.",
                hour=14,
                fields={
                    "recommendation_number": "002/PP.01.02/K.BB-01/XI/2024",
                    "recommendation_date": D(2024, 11, 1),
                },
            ),
        ],
    ),
    Case(
        code="DEM0PGK003",
        city="19.71",
        kelurahan_index=20,
        office="bawaslu_pangkalpinang",
        actor="pangkalpinang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 25),
        incident=D(2024, 10, 24),
        known=D(2024, 10, 24),
        place="Kantor kecamatan",
        description=(
            "Disampaikan dalam aksi KAHMI Kota Pangkalpinang, Jumat 25 Oktober 2024: dugaan "
            "ASN mengarahkan pegawai untuk mendukung pasangan calon, tanpa bukti terlampir."
        ),
        reported_name="Terlapor C",
        reported_position="Pegawai kecamatan",
        reported_agency="pemkot_pangkalpinang",
        categories=["D12"],
        reporter=_reporter("Pelapor Demo KAHMI Tiga", "Guru", "Kota Pangkalpinang", "081200000301"),
        steps=[
            Step(D(2024, 10, 26), S.KAJIAN_AWAL, "pangkalpinang.staf", hour=13),
            Step(
                D(2024, 10, 27),
                S.PERLU_DILENGKAPI,
                "pangkalpinang.staf",
                "Pelapor diminta melengkapi bukti dan nama saksi.",
            ),
            Step(
                D(2024, 10, 30),
                S.TIDAK_DIREGISTRASI,
                "pangkalpinang.staf",
                fields={"reason": "Pelapor tidak melengkapi syarat materiel dalam batas waktu."},
            ),
        ],
    ),
    # --- Kota Semarang ---
    Case(
        code="DEM0SMG001",
        city="33.74",
        kelurahan_index=5,
        office="bawaslu_semarang",
        actor="semarang.staf",
        election=PEMILU,
        source=ReportSource.LAPORAN,
        received=D(2023, 12, 4),
        incident=D(2023, 11, 29),
        known=D(2023, 11, 30),
        place="Instagram dan Facebook terlapor",
        description=(
            "Seorang ASN di lingkungan Pemerintah Kota Semarang menyukai (like) dan "
            "membagikan (share) unggahan kampanye calon anggota legislatif, kerabatnya, "
            "sejak hari pertama masa kampanye 28 November 2023."
        ),
        reported_name="Terlapor D (ASN kelurahan)",
        reported_position="Kepala Seksi Pemerintahan Kelurahan",
        reported_agency="pemkot_semarang",
        categories=["E4", "D5"],
        reporter=_reporter(
            "Pelapor Demo Semarang", "Karyawan swasta", "Kota Semarang", "081200000401"
        ),
        witnesses=[{"name": "Saksi Demo Semarang", "statement_summary": "Melihat unggahan."}],
        links=["https://example.com/demo/like-share-semarang"],
        steps=[
            Step(D(2023, 12, 5), S.KAJIAN_AWAL, "semarang.staf"),
            Step(D(2023, 12, 6), S.DIREGISTRASI, "semarang.staf"),
            Step(D(2023, 12, 8), S.KLARIFIKASI, "semarang.staf", "Klarifikasi terlapor."),
            Step(D(2023, 12, 11), S.KAJIAN, "semarang.staf"),
            Step(
                D(2023, 12, 12),
                S.REKOMENDASI_DITERUSKAN,
                "semarang.ketua",
                "Pleno: menyukai dan membagikan unggahan kampanye melanggar netralitas ASN.",
                fields={
                    "recommendation_number": "010/PP.01.02/K.JT-22/XII/2023",
                    "recommendation_date": D(2023, 12, 12),
                },
            ),
            Step(
                D(2024, 1, 8),
                S.TINDAK_LANJUT_PPK,
                "semarang.staf",
                "Rekomendasi KASN/BKN diteruskan kepada Wali Kota selaku PPK.",
                fields={
                    "bkn_recommendation_number": "DEMO/KASN/2024/008",
                    "bkn_recommendation_date": D(2024, 1, 8),
                    "ppk_agency": "pemkot_semarang",
                },
            ),
        ],
    ),
    Case(
        code="DEM0SMG002",
        city="33.74",
        kelurahan_index=40,
        office="bawaslu_semarang",
        actor="semarang.staf",
        election=PEMILU,
        source=ReportSource.TEMUAN,
        received=D(2024, 1, 15),
        incident=D(2024, 1, 13),
        known=D(2024, 1, 14),
        place="Acara warga di balai RW",
        description=(
            "Temuan Panwaslu Kelurahan: foto ASN bersama calon anggota DPRD beredar; perlu "
            "dikaji apakah ada simbol keberpihakan."
        ),
        reported_name="Terlapor E",
        reported_position="Staf kecamatan",
        reported_agency="pemkot_semarang",
        categories=["E5"],
        steps=[
            Step(D(2024, 1, 15), S.KAJIAN_AWAL, "semarang.staf", hour=14),
            Step(D(2024, 1, 16), S.DIREGISTRASI, "semarang.staf"),
            Step(D(2024, 1, 18), S.KAJIAN, "semarang.staf"),
            Step(
                D(2024, 1, 22),
                S.DIHENTIKAN,
                "semarang.ketua",
                fields={
                    "reason": "Foto diambil pada acara warga tanpa simbol atau gerakan "
                    "keberpihakan; bukan pelanggaran."
                },
            ),
        ],
    ),
    Case(
        code="DEM0SMG003",
        city="33.74",
        kelurahan_index=60,
        office="bawaslu_semarang",
        actor="semarang.staf",
        election=PEMILU,
        source=ReportSource.LAPORAN,
        received=D(2024, 1, 29),
        incident=D(2024, 1, 26),
        known=D(2024, 1, 27),
        place="Grup WhatsApp RT",
        description="ASN membagikan ajakan memilih calon tertentu di grup WhatsApp warga.",
        reported_name="Terlapor F",
        reported_position="Guru",
        reported_agency="pemkot_semarang",
        categories=["E2"],
        reporter=_reporter("Pelapor Demo Semarang Dua", "Pedagang", "Semarang", "081200000501"),
        steps=[
            Step(
                D(2024, 1, 30),
                S.DICABUT,
                "semarang.staf",
                fields={"reason": "Pelapor mencabut laporan secara tertulis."},
            ),
        ],
    ),
    Case(
        code="DEM0SMG004",
        city="33.74",
        kelurahan_index=80,
        office="bawaslu_semarang",
        actor="semarang.staf",
        election=PEMILU,
        source=ReportSource.LAPORAN,
        received=D(2024, 2, 1),
        incident=D(2024, 1, 30),
        known=D(2024, 1, 31),
        place="Kantor dinas provinsi di Kota Semarang",
        description=(
            "ASN Pemerintah Provinsi Jawa Tengah memakai fasilitas kantor untuk pertemuan "
            "pemenangan calon; kewenangan PPK ada di tingkat provinsi."
        ),
        reported_name="Terlapor G (ASN Pemprov)",
        reported_position="Kepala Bidang",
        reported_agency="",
        categories=["D10"],
        reporter=_reporter("Pelapor Demo Semarang Tiga", "Wartawan", "Semarang", "081200000601"),
        steps=[
            Step(D(2024, 2, 1), S.KAJIAN_AWAL, "semarang.staf", hour=15),
            Step(
                D(2024, 2, 2),
                S.DILIMPAHKAN,
                "semarang.staf",
                "Terlapor ASN Pemerintah Provinsi: dilimpahkan ke Bawaslu Provinsi Jawa Tengah.",
                fields={"target_office": "bawaslu_jateng"},
            ),
        ],
    ),
    Case(
        code="DEM0SMG005",
        city="33.74",
        kelurahan_index=100,
        office="bawaslu_semarang",
        actor="semarang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 7),
        incident=D(2024, 10, 3),
        known=D(2024, 10, 4),
        place="Deklarasi dukungan di gedung pertemuan",
        description=(
            "Sejumlah camat menghadiri deklarasi dukungan bakal calon wali kota; perkara "
            "lintas kecamatan diambil alih Bawaslu Provinsi."
        ),
        reported_name="Terlapor H dan kawan-kawan",
        reported_position="Camat",
        reported_agency="pemkot_semarang",
        categories=["E3", "D4"],
        reporter=_reporter("Pelapor Demo Semarang Empat", "Aktivis", "Semarang", "081200000701"),
        steps=[
            Step(D(2024, 10, 7), S.KAJIAN_AWAL, "semarang.staf", hour=14),
            Step(
                D(2024, 10, 8),
                S.DIAMBIL_ALIH,
                "jateng.ketua",
                "Diambil alih Bawaslu Provinsi Jawa Tengah: terlapor pejabat di beberapa "
                "kecamatan.",
                fields={"target_office": "bawaslu_jateng"},
            ),
        ],
    ),
    # --- Kota Balikpapan (Pilkada 2024) ---
    Case(
        code="DEM0BPN001",
        city="64.71",
        kelurahan_index=2,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 9, 30),
        incident=D(2024, 9, 27),
        known=D(2024, 9, 28),
        place="TikTok terlapor",
        description="ASN mengunggah video ajakan memilih pasangan calon wali kota.",
        reported_name="Terlapor I",
        reported_position="Staf OPD",
        reported_agency="pemkot_balikpapan",
        categories=["E2"],
        reporter=_reporter("Pelapor Demo Balikpapan", "Mahasiswa", "Balikpapan", "081200000801"),
        steps=[Step(D(2024, 9, 30), S.KAJIAN_AWAL, "balikpapan.staf", hour=11)],
    ),
    Case(
        code="DEM0BPN002",
        city="64.71",
        kelurahan_index=12,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 14),
        incident=D(2024, 10, 10),
        known=D(2024, 10, 12),
        place="Kantor kelurahan",
        description="Lurah membagikan bahan kampanye pasangan calon kepada warga.",
        reported_name="Terlapor J",
        reported_position="Lurah",
        reported_agency="pemkot_balikpapan",
        categories=["D12"],
        reporter=_reporter("Pelapor Demo Balikpapan Dua", "Ibu rumah tangga", "Balikpapan", "0812"),
        steps=[
            Step(D(2024, 10, 14), S.KAJIAN_AWAL, "balikpapan.staf", hour=15),
            Step(D(2024, 10, 15), S.DIREGISTRASI, "balikpapan.staf"),
        ],
    ),
    Case(
        code="DEM0BPN003",
        city="64.71",
        kelurahan_index=25,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PILKADA,
        source=ReportSource.TEMUAN,
        received=D(2024, 11, 4),
        incident=D(2024, 11, 2),
        known=D(2024, 11, 3),
        place="Rapat umum pasangan calon",
        description="Temuan pengawas: ASN hadir memakai atribut pasangan calon di rapat umum.",
        reported_name="Terlapor K",
        reported_position="Pegawai kecamatan",
        reported_agency="pemkot_balikpapan",
        categories=["D4"],
        steps=[
            Step(D(2024, 11, 4), S.KAJIAN_AWAL, "balikpapan.staf", hour=13),
            Step(D(2024, 11, 5), S.DIREGISTRASI, "balikpapan.staf"),
            Step(D(2024, 11, 6), S.KLARIFIKASI, "balikpapan.staf", "Klarifikasi saksi."),
        ],
    ),
    # --- Kota Serang (Pilkada 2024; Pokja netralitas ASN formed 21 Nov 2024) ---
    Case(
        code="DEM0SRG001",
        city="36.73",
        kelurahan_index=4,
        office="bawaslu_serang",
        actor="serang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 11),
        incident=D(2024, 11, 8),
        known=D(2024, 11, 9),
        place="Instagram terlapor",
        description="ASN Diskominfo mengikuti dan mengomentari akun pemenangan pasangan calon.",
        reported_name="Terlapor L",
        reported_position="Pranata komputer",
        reported_agency="diskominfo_serang",
        categories=["E4"],
        reporter=_reporter("Pelapor Demo Serang", "Mahasiswa", "Serang", "081200000901"),
        steps=[
            Step(D(2024, 11, 11), S.KAJIAN_AWAL, "serang.staf", hour=14),
            Step(D(2024, 11, 12), S.DIREGISTRASI, "serang.staf"),
            Step(D(2024, 11, 13), S.KAJIAN, "serang.staf"),
        ],
    ),
    Case(
        code="DEM0SRG002",
        city="36.73",
        kelurahan_index=30,
        office="bawaslu_serang",
        actor="serang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 19),
        incident=D(2024, 11, 17),
        known=D(2024, 11, 18),
        place="Pertemuan warga",
        description=(
            "Dugaan ASN mengajak warga memilih pasangan calon; identitas terlapor belum jelas."
        ),
        reported_name="Terlapor M (belum teridentifikasi)",
        reported_position="",
        reported_agency="pemkot_serang",
        categories=["D12"],
        reporter=_reporter("Pelapor Demo Serang Dua", "Petani", "Serang", "081200001001"),
        steps=[
            Step(D(2024, 11, 19), S.KAJIAN_AWAL, "serang.staf", hour=15),
            Step(
                D(2024, 11, 20),
                S.PERLU_DILENGKAPI,
                "serang.staf",
                "Pelapor diminta melengkapi nama dan jabatan terlapor.",
            ),
        ],
    ),
    Case(
        code="DEM0SRG003",
        city="36.73",
        kelurahan_index=50,
        office="bawaslu_serang",
        actor="serang.staf",
        election=PILKADA,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 25),
        incident=D(2024, 11, 23),
        known=D(2024, 11, 24),
        place="Masa tenang: pembagian bahan kampanye",
        description="ASN kelurahan membagikan bahan kampanye pada masa tenang.",
        reported_name="Terlapor N",
        reported_position="Staf kelurahan",
        reported_agency="pemkot_serang",
        categories=["D12"],
        reporter=_reporter("Pelapor Demo Serang Tiga", "Pelajar", "Serang", "081200001101"),
    ),
]


@contextmanager
def _clock(day: datetime.date, hour: int, zone: zoneinfo.ZoneInfo):
    """Run the services as if it were ``hour`` o'clock on ``day`` in the office's zone."""
    moment = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


def _deciders(portal) -> dict[str, User]:
    users = dict(portal.users)
    for username, first, last, agency_key, person_key in DECIDERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.go.id",
                "first_name": first,
                "last_name": last,
                "role": UserRole.STAFF if username.endswith(".staf") else UserRole.COMMISSIONER,
                "agency": portal.agencies[agency_key],
                "person": portal.people.get(person_key) if person_key else None,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users[username] = user
    return users


def _kelurahan(city: str, index: int) -> Region:
    codes = list(
        Region.objects.kelurahan()
        .filter(code__startswith=f"{city}.")
        .order_by("code")
        .values_list("code", flat=True)
    )
    return Region.objects.get(code=codes[index % len(codes)])


def _field_value(name: str, value, agencies: dict[str, Agency]):
    if name in {"target_office", "ppk_agency"}:
        return agencies[value]
    return value


def _seed_case(case: Case, *, agencies: dict[str, Agency], users: dict[str, User]) -> Report:
    office = agencies[case.office]
    zone = office.region.zoneinfo
    reported_agency = agencies.get(case.reported_agency) if case.reported_agency else None
    with _clock(case.received, 9, zone) as moment:
        report = report_intake_create(
            user=users[case.actor],
            source=case.source,
            election=Election.objects.get(name=case.election),
            incident_kelurahan=_kelurahan(case.city, case.kelurahan_index),
            incident_date=case.incident,
            known_date=case.known,
            incident_place=case.place,
            description=case.description,
            reported_name=case.reported_name,
            reported_position=case.reported_position,
            reported_agency=reported_agency,
            reported_agency_name="" if reported_agency else "Pemerintah Provinsi Jawa Tengah",
            reported_employment=EmploymentType.PNS,
            categories=list(ViolationCategory.objects.filter(code__in=case.categories)),
            reporter=case.reporter,
            witnesses=case.witnesses,
            evidence_links=case.links,
            now=moment,
        ).report
    # A fixed, readable tracking code makes the seed idempotent and the demo checkable.
    Report.objects.filter(pk=report.pk).update(tracking_code=case.code)
    report.tracking_code = case.code
    for step in case.steps:
        zone = report.office.region.zoneinfo
        with _clock(step.on, step.hour, zone):
            actor = users[step.actor]
            report = report_transition(
                actor=actor,
                report=report,
                to_stage=step.to,
                expected_version=report.version,
                note=step.note,
                **{
                    name: _field_value(name, value, agencies) for name, value in step.fields.items()
                },
            )
            if step.comment:
                report_comment_add(actor=users[step.comment_by], report=report, text=step.comment)
    return report


@transaction.atomic
def seed_reports_demo(*, portal) -> list[Report]:
    """Create the demo cases (idempotent); return every demo report."""
    users = _deciders(portal)
    existing = set(
        Report.objects.filter(tracking_code__in=[case.code for case in CASES]).values_list(
            "tracking_code", flat=True
        )
    )
    for case in CASES:
        if case.code not in existing:
            _seed_case(case, agencies=portal.agencies, users=users)
    return list(Report.objects.filter(tracking_code__in=[case.code for case in CASES]))

"""Demo data of the reports app: ASN-neutrality cases in every demo city, across every stage.

The cases are replayed through the real services (``report_intake_create``,
``report_transition``, ``report_comment_add``), so their history, deadlines,
registration numbers and follow-ups are exactly what the portal would have
produced. Each step runs *at its own date*, under a clock set to the moment
it happened (:func:`_clock`), and the steps of all cases run in the order of
those moments, so registration numbers follow the dates as they would have.

Every path that creates a record is here:

- **public filings** (``user=None``, exactly what ``reports.views.public``
  hands the intake: no source, the reporter as ``ReportForm.reporter_data``
  gives it, witnesses, links; the clock stands in for the moment of filing):
  DEM0SMG006 and DEM0SRG003 on time, DEM0BPN004 after its deadline, which
  the office keeps as *informasi awal* (it cannot be registered);
- laporan recorded at the office, temuan (DEM0SMG002, DEM0BPN003) and
  *informasi awal* recorded by the office (DEM0PGK001, DEM0PGK002);
- a withdrawal (DEM0SMG003), a forward to the province (DEM0SMG004), a
  take-over by the province (DEM0SMG005), comments of the provincial office,
  the extension of the handling period (DEM0PGK001 under the Pemilihan rule,
  DEM0SMG006 under the Pemilu rule), the recommendation to KASN (2023 and
  early 2024 cases) and to BKN (after 24 August 2024: DEM0PGK001, DEM0PGK003,
  DEM0BPN005), the follow-ups the cases open for the PPK's government, and
  the request to BKN to block an ASN's record when the PPK did not decide in
  time (DEM0SMG006, DEM0PGK003).

Every registration and pleno falls within its statutory period (Pemilu:
kajian awal 2 days, handling 7 days after registration or, extended, 14
working days after it; Pemilihan: handling 3 days after receipt, + 2), and
every reply of KASN/BKN and the PPK within its period, except where the case
is about the PPK's delay (``tests/reports/test_demo.py`` checks each step).

Grounded in the source articles: the Semarang case of an ASN liking and
sharing a relative's campaign posts (source 001: such likes and shares are a
violation; campaign from 28 Nov 2023), and the claims made at the KAHMI
protest in Kota Pangkal Pinang on Friday 25 Oct 2024 (source 004). When the
Pj Wali Kota cross-checked them at the Bawaslu office on Monday 28 Oct 2024 they
had *not* reached Bawaslu ("itu belum masuk ke sini"), so the office records
them that afternoon as informasi awal, not as laporan, and assesses them with
Bawaslu Provinsi (the article: every kajian awal is coordinated with the
province). Reporters, reported ASN, witnesses, letter numbers and everything
after the article's day are illustrative demo data; the articles name none.

Idempotent: each case has a fixed tracking code (``DEM0…``); a case whose
code exists is left alone. A demo database seeded by an earlier version
keeps that version's cases; :func:`stale_demo_cases` names those that
differ (``seed_demo`` says so): recreate the database to replay them. The
commissioners who take the pleno decisions get accounts without a usable
password (they appear in the history; an admin can give them a password).
"""

import datetime
import zoneinfo
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

from django.db import transaction
from django.utils import timezone

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
from reports.services.cases import report_comment_add
from reports.services.intake import report_intake_create
from reports.services.workflow import report_transition

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
    """One transition of a demo case: who, when (local date and hour), where to, with what.

    A step to the stage the case is in is that stage's loop: the extension of
    the handling period, or recording that BKN blocked the record.
    """

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
    """A demo case; ``actor`` is the official who records it, None for a public filing."""

    code: str
    city: str
    kelurahan_index: int
    office: str
    actor: str | None
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
    received_hour: int = 9
    incident_time: datetime.time | None = None
    reported_agency_name: str = ""
    reporter: dict | None = None
    witnesses: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def public(self) -> bool:
        return self.actor is None


def _reporter(name: str, occupation: str, address: str, phone: str) -> dict:
    """A reporter as an official records them from a paper laporan."""
    return {"name": name, "occupation": occupation, "address": address, "phone": phone}


def _public_reporter(
    name: str, occupation: str, address: str, *, phone: str = "", email: str = "", withhold=False
) -> dict:
    """A reporter as the public form hands them to the intake (``ReportForm.reporter_data``)."""
    return {
        "name": name,
        "nik": "",
        "birth_place": "",
        "birth_date": None,
        "sex": "",
        "citizenship": "wni",
        "occupation": occupation,
        "address": address,
        "phone": phone,
        "email": email,
        "withhold_from_reported": withhold,
    }


def _witness(name: str, contact: str = "", summary: str = "") -> dict:
    """A witness row as the witness formset gives it."""
    return {"name": name, "contact": contact, "statement_summary": summary}


PEMILIHAN = "Pemilihan Serentak 2024"
PEMILU = "Pemilu 2024"
COORDINATED_WITH_PROVINCE = (
    "Kajian awal dikoordinasikan dengan Bawaslu Provinsi Kepulauan Bangka Belitung."
)
KAHMI_NOT_FILED = (
    "Klaim ini belum disampaikan sebagai laporan kepada Bawaslu: saat Pj Wali Kota Budi Utama "
    "mengkroscek laporan yang masuk dalam kunjungannya ke kantor Bawaslu Kota Pangkalpinang, "
    "Senin 28 Oktober 2024, laporan itu \u201cbelum masuk ke sini\u201d. Bawaslu Kota "
    "Pangkalpinang mencatatnya sebagai informasi awal untuk ditelusuri."
)

CASES = [
    # --- Kota Pangkal Pinang: the KAHMI protest claims (source 004), as informasi awal ---
    Case(
        code="DEM0PGK001",
        city="19.71",
        kelurahan_index=3,
        office="bawaslu_pangkalpinang",
        actor="pangkalpinang.staf",
        election=PEMILIHAN,
        source=ReportSource.INFORMASI_AWAL,
        received=D(2024, 10, 28),
        received_hour=13,
        incident=D(2024, 10, 20),
        known=D(2024, 10, 25),
        place="Kegiatan kampanye pasangan calon di lapangan kelurahan",
        description=(
            "Informasi awal dari aksi KAHMI Kota Pangkalpinang, Jumat 25 Oktober 2024: dalam "
            "aksi itu disampaikan bahwa seorang ASN Pemerintah Kota Pangkalpinang ikut sebagai "
            "peserta kampanye pasangan calon wali kota dan mengenakan atribut pasangan calon. "
            + KAHMI_NOT_FILED
        ),
        reported_name="Terlapor A (ASN Pemkot Pangkalpinang)",
        reported_position="Kepala Seksi",
        reported_agency="pemkot_pangkalpinang",
        categories=["D9", "E6"],
        links=["https://example.com/demo/aksi-kahmi-pangkalpinang"],
        steps=[
            Step(
                D(2024, 10, 28),
                S.KAJIAN_AWAL,
                "pangkalpinang.staf",
                COORDINATED_WITH_PROVINCE,
                hour=14,
                comment_by="babel.staf",
                comment=(
                    "Bawaslu Provinsi: informasi awal memuat petunjuk yang cukup; telusuri dan "
                    "registrasi sebagai temuan bila syarat formal dan materiel terpenuhi."
                ),
            ),
            Step(
                D(2024, 10, 29),
                S.DIREGISTRASI,
                "pangkalpinang.staf",
                "Penelusuran menemukan foto kegiatan dan saksi; diregistrasi sebagai temuan.",
            ),
            Step(D(2024, 10, 30), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi saksi."),
            Step(
                D(2024, 10, 31),
                S.KLARIFIKASI,
                "pangkalpinang.staf",
                "Perpanjangan 2 hari: keterangan BKPSDM Kota Pangkalpinang tentang status "
                "kepegawaian terlapor masih diperlukan (UU 10/2016 ps. 134 ayat (6)).",
            ),
            Step(D(2024, 11, 1), S.KAJIAN, "pangkalpinang.staf"),
            Step(
                D(2024, 11, 1),
                S.REKOMENDASI_DITERUSKAN,
                "pangkalpinang.ketua",
                "Pleno: pelanggaran peraturan perundang-undangan lainnya (netralitas ASN).",
                hour=15,
                fields={
                    "recommendation_number": "001/PP.01.02/K.BB-01/XI/2024",
                    "recommendation_date": D(2024, 11, 1),
                },
            ),
            Step(
                D(2024, 11, 18),
                S.TINDAK_LANJUT_PPK,
                "pangkalpinang.staf",
                "Rekomendasi BKN diteruskan kepada Pj Wali Kota selaku PPK.",
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
        election=PEMILIHAN,
        source=ReportSource.INFORMASI_AWAL,
        received=D(2024, 10, 28),
        received_hour=14,
        incident=D(2024, 10, 23),
        known=D(2024, 10, 25),
        place="Akun Facebook pribadi terlapor",
        description=(
            "Informasi awal dari aksi KAHMI Kota Pangkalpinang, Jumat 25 Oktober 2024: dalam "
            "aksi itu disampaikan bahwa seorang lurah mengunggah dan membagikan materi kampanye "
            "pasangan calon di media sosial. " + KAHMI_NOT_FILED
        ),
        reported_name="Terlapor B (Lurah)",
        reported_position="Lurah",
        reported_agency="pemkot_pangkalpinang",
        categories=["E4", "D5"],
        steps=[
            Step(
                D(2024, 10, 28),
                S.KAJIAN_AWAL,
                "pangkalpinang.staf",
                COORDINATED_WITH_PROVINCE,
                hour=15,
                comment_by="babel.staf",
                comment=(
                    "Bawaslu Provinsi: telusuri unggahan yang dimaksud dan simpan tangkapan "
                    "layar dengan tanggal unggahannya."
                ),
            ),
            Step(
                D(2024, 10, 30),
                S.TIDAK_DIREGISTRASI,
                "pangkalpinang.staf",
                fields={
                    "reason": (
                        "Penelusuran tidak menemukan unggahan yang dimaksud maupun saksi; "
                        "informasi awal tidak memenuhi syarat untuk diregistrasi sebagai temuan."
                    )
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
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 4),
        incident=D(2024, 11, 1),
        known=D(2024, 11, 2),
        place="Pertemuan tim pemenangan pasangan calon di sebuah rumah makan",
        description=(
            "Seorang ASN Pemerintah Kota Pangkalpinang menjadi pembicara dalam pertemuan tim "
            "pemenangan pasangan calon wali kota."
        ),
        reported_name="Terlapor C",
        reported_position="Kepala Bidang",
        reported_agency="pemkot_pangkalpinang",
        categories=["D7", "D9"],
        reporter=_reporter(
            "Pelapor Demo Pangkal Pinang", "Guru", "Kota Pangkal Pinang", "081200000301"
        ),
        witnesses=[_witness("Saksi Demo Pangkal Pinang", "081200000302")],
        steps=[
            Step(D(2024, 11, 4), S.KAJIAN_AWAL, "pangkalpinang.staf", COORDINATED_WITH_PROVINCE),
            Step(D(2024, 11, 5), S.DIREGISTRASI, "pangkalpinang.staf"),
            Step(D(2024, 11, 6), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi terlapor."),
            Step(D(2024, 11, 7), S.KAJIAN, "pangkalpinang.staf"),
            Step(
                D(2024, 11, 7),
                S.REKOMENDASI_DITERUSKAN,
                "pangkalpinang.ketua",
                "Pleno: pelanggaran netralitas ASN; rekomendasi diteruskan ke BKN.",
                hour=15,
                fields={
                    "recommendation_number": "002/PP.01.02/K.BB-01/XI/2024",
                    "recommendation_date": D(2024, 11, 7),
                },
            ),
            Step(
                D(2024, 11, 21),
                S.TINDAK_LANJUT_PPK,
                "pangkalpinang.staf",
                "Rekomendasi BKN diteruskan kepada Pj Wali Kota selaku PPK.",
                fields={
                    "bkn_recommendation_number": "DEMO/BKN/2024/131",
                    "bkn_recommendation_date": D(2024, 11, 21),
                    "ppk_agency": "pemkot_pangkalpinang",
                },
            ),
            Step(
                D(2024, 12, 16),
                S.PEMBLOKIRAN,
                "pangkalpinang.staf",
                "PPK belum memutus dalam batas waktu.",
                fields={
                    "block_request_number": "003/PP.01.02/K.BB-01/XII/2024",
                    "block_request_date": D(2024, 12, 16),
                },
            ),
            Step(
                D(2024, 12, 23),
                S.PEMBLOKIRAN,
                "pangkalpinang.staf",
                "BKN memblokir data kepegawaian terlapor sampai PPK memutus.",
                fields={"blocked_on": D(2024, 12, 23)},
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
        witnesses=[_witness("Saksi Demo Semarang", summary="Melihat unggahan.")],
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
                D(2023, 12, 28),
                S.TINDAK_LANJUT_PPK,
                "semarang.staf",
                "Rekomendasi KASN diteruskan kepada Wali Kota selaku PPK.",
                fields={
                    "bkn_recommendation_number": "DEMO/KASN/2023/112",
                    "bkn_recommendation_date": D(2023, 12, 28),
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
        reporter=_reporter(
            "Pelapor Demo Semarang Dua", "Pedagang", "Kota Semarang", "081200000501"
        ),
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
        reported_agency_name="Pemerintah Provinsi Jawa Tengah",
        categories=["D10"],
        reporter=_reporter(
            "Pelapor Demo Semarang Tiga", "Wartawan", "Kota Semarang", "081200000601"
        ),
        steps=[
            Step(
                D(2024, 2, 1),
                S.KAJIAN_AWAL,
                "semarang.staf",
                hour=15,
                comment_by="jateng.staf",
                comment=(
                    "Bawaslu Provinsi Jawa Tengah: terlapor ASN Pemerintah Provinsi; "
                    "penanganan dilimpahkan ke Bawaslu Provinsi."
                ),
            ),
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
        election=PEMILIHAN,
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
        reporter=_reporter(
            "Pelapor Demo Semarang Empat", "Aktivis", "Kota Semarang", "081200000701"
        ),
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
    Case(
        code="DEM0SMG006",
        city="33.74",
        kelurahan_index=120,
        office="bawaslu_semarang",
        actor=None,
        election=PEMILU,
        source=ReportSource.LAPORAN,
        received=D(2024, 1, 8),
        received_hour=20,
        incident=D(2024, 1, 5),
        incident_time=datetime.time(19, 0),
        known=D(2024, 1, 6),
        place="Status WhatsApp dan akun Facebook terlapor",
        description=(
            "Seorang guru ASN di sekolah negeri mengunggah foto bersama calon anggota DPRD Kota "
            "Semarang dengan pose jari menunjukkan nomor urut calon, disertai ajakan memilih."
        ),
        reported_name="Terlapor O",
        reported_position="Guru",
        reported_agency="pemkot_semarang",
        categories=["E5", "D6"],
        reporter=_public_reporter(
            "Pelapor Demo Semarang Lima",
            "Wiraswasta",
            "Kota Semarang",
            phone="081200000801",
            email="pelapor.semarang@example.com",
            withhold=True,
        ),
        witnesses=[_witness("Saksi Demo Semarang Dua", "081200000802", "Melihat unggahan.")],
        links=["https://example.com/demo/foto-pose-jari-semarang"],
        steps=[
            Step(D(2024, 1, 9), S.KAJIAN_AWAL, "semarang.staf", hour=9),
            Step(D(2024, 1, 10), S.DIREGISTRASI, "semarang.staf"),
            Step(
                D(2024, 1, 12),
                S.KLARIFIKASI,
                "semarang.staf",
                "Klarifikasi pelapor dan saksi; undangan kepada terlapor tidak menyebut pelapor.",
            ),
            Step(
                D(2024, 1, 16),
                S.KLARIFIKASI,
                "semarang.staf",
                "Perpanjangan: keterangan BKPSDM dan kepala sekolah masih diperlukan; penanganan "
                "paling lama 14 hari kerja setelah registrasi (UU 7/2017 ps. 454 ayat (8)).",
            ),
            Step(D(2024, 1, 23), S.KAJIAN, "semarang.staf"),
            Step(
                D(2024, 1, 26),
                S.REKOMENDASI_DITERUSKAN,
                "semarang.ketua",
                "Pleno: foto dengan simbol keberpihakan melanggar netralitas ASN.",
                fields={
                    "recommendation_number": "011/PP.01.02/K.JT-22/I/2024",
                    "recommendation_date": D(2024, 1, 26),
                },
            ),
            Step(
                D(2024, 2, 13),
                S.TINDAK_LANJUT_PPK,
                "semarang.staf",
                "Rekomendasi KASN diteruskan kepada Wali Kota selaku PPK.",
                fields={
                    "bkn_recommendation_number": "DEMO/KASN/2024/021",
                    "bkn_recommendation_date": D(2024, 2, 13),
                    "ppk_agency": "pemkot_semarang",
                },
            ),
            Step(
                D(2024, 3, 12),
                S.PEMBLOKIRAN,
                "semarang.staf",
                "PPK belum memutus dalam batas waktu.",
                fields={
                    "block_request_number": "012/PP.01.02/K.JT-22/III/2024",
                    "block_request_date": D(2024, 3, 12),
                },
            ),
            Step(
                D(2024, 3, 20),
                S.PEMBLOKIRAN,
                "semarang.staf",
                "BKN memblokir data kepegawaian terlapor sampai PPK memutus.",
                fields={"blocked_on": D(2024, 3, 20)},
            ),
            Step(
                D(2024, 4, 2),
                S.SELESAI,
                "semarang.staf",
                "Keputusan PPK diterima; BKN diminta membuka blokir.",
                fields={
                    "ppk_sanction": Sanction.MORAL_TERBUKA,
                    "ppk_decision_number": "DEMO/800/2024/04",
                    "ppk_decision_date": D(2024, 4, 2),
                },
            ),
        ],
    ),
    # --- Kota Balikpapan (Pemilihan Serentak 2024; WITA) ---
    Case(
        code="DEM0BPN001",
        city="64.71",
        kelurahan_index=2,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PEMILIHAN,
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
        reporter=_reporter(
            "Pelapor Demo Balikpapan", "Mahasiswa", "Kota Balikpapan", "081200000901"
        ),
        steps=[Step(D(2024, 9, 30), S.KAJIAN_AWAL, "balikpapan.staf", hour=11)],
    ),
    Case(
        code="DEM0BPN002",
        city="64.71",
        kelurahan_index=12,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PEMILIHAN,
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
        reporter=_reporter(
            "Pelapor Demo Balikpapan Dua", "Ibu rumah tangga", "Kota Balikpapan", "081200001001"
        ),
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
        election=PEMILIHAN,
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
    Case(
        code="DEM0BPN005",
        city="64.71",
        kelurahan_index=18,
        office="bawaslu_balikpapan",
        actor="balikpapan.staf",
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 28),
        incident=D(2024, 10, 25),
        known=D(2024, 10, 26),
        place="Instagram terlapor",
        description=(
            "ASN Pemerintah Kota Balikpapan mengunggah visi-misi pasangan calon wali kota dan "
            "mengajak pengikutnya memilih pasangan calon itu."
        ),
        reported_name="Terlapor Q",
        reported_position="Analis kebijakan",
        reported_agency="pemkot_balikpapan",
        categories=["D5", "E2"],
        reporter=_reporter(
            "Pelapor Demo Balikpapan Empat", "Wartawan", "Kota Balikpapan", "081200001101"
        ),
        links=["https://example.com/demo/unggahan-visi-misi-balikpapan"],
        steps=[
            Step(D(2024, 10, 28), S.KAJIAN_AWAL, "balikpapan.staf"),
            Step(D(2024, 10, 29), S.DIREGISTRASI, "balikpapan.staf"),
            Step(D(2024, 10, 30), S.KLARIFIKASI, "balikpapan.staf", "Klarifikasi terlapor."),
            Step(D(2024, 10, 31), S.KAJIAN, "balikpapan.staf"),
            Step(
                D(2024, 10, 31),
                S.REKOMENDASI_DITERUSKAN,
                "balikpapan.ketua",
                "Pleno: pelanggaran netralitas ASN; rekomendasi diteruskan ke BKN.",
                hour=14,
                fields={
                    "recommendation_number": "005/PP.01.02/K.KI-02/X/2024",
                    "recommendation_date": D(2024, 10, 31),
                },
            ),
        ],
    ),
    Case(
        code="DEM0BPN004",
        city="64.71",
        kelurahan_index=30,
        office="bawaslu_balikpapan",
        actor=None,
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 10, 21),
        received_hour=11,
        incident=D(2024, 10, 10),
        incident_time=datetime.time(10, 0),
        known=D(2024, 10, 11),
        place="Kantor kelurahan",
        description=(
            "ASN kelurahan membagikan kalender bergambar pasangan calon wali kota kepada warga "
            "yang mengurus surat di kantor kelurahan."
        ),
        reported_name="Terlapor P",
        reported_position="Staf kelurahan",
        reported_agency="pemkot_balikpapan",
        categories=["D12"],
        reporter=_public_reporter(
            "Pelapor Demo Balikpapan Tiga",
            "Karyawan swasta",
            "Kota Balikpapan",
            phone="081200001201",
        ),
        steps=[
            Step(
                D(2024, 10, 22),
                S.INFORMASI_AWAL,
                "balikpapan.staf",
                fields={
                    "reason": (
                        "Laporan disampaikan 21 Oktober 2024, lebih dari 7 hari sejak diketahui "
                        "(11 Oktober 2024; batas 18 Oktober 2024): tidak memenuhi syarat formal "
                        "dan tidak dapat diregistrasi (UU 10/2016 ps. 134 ayat (4)). Disimpan "
                        "sebagai informasi awal untuk ditelusuri pengawas."
                    )
                },
            ),
        ],
    ),
    # --- Kota Serang (Pemilihan Serentak 2024; Pokja netralitas ASN formed 21 Nov 2024) ---
    Case(
        code="DEM0SRG001",
        city="36.73",
        kelurahan_index=4,
        office="bawaslu_serang",
        actor="serang.staf",
        election=PEMILIHAN,
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
        reporter=_reporter("Pelapor Demo Serang", "Mahasiswa", "Kota Serang", "081200001301"),
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
        election=PEMILIHAN,
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
        reporter=_reporter("Pelapor Demo Serang Dua", "Petani", "Kota Serang", "081200001401"),
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
        actor=None,
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 25),
        received_hour=21,
        incident=D(2024, 11, 24),
        incident_time=datetime.time(16, 0),
        known=D(2024, 11, 24),
        place="Permukiman warga, pada masa tenang",
        description="ASN kelurahan membagikan bahan kampanye pasangan calon pada masa tenang.",
        reported_name="Terlapor N",
        reported_position="Staf kelurahan",
        reported_agency="pemkot_serang",
        categories=["D12"],
        reporter=_public_reporter(
            "Pelapor Demo Serang Tiga",
            "Mahasiswa",
            "Kota Serang",
            email="pelapor.serang@example.com",
        ),
    ),
]


@contextmanager
def _clock(moment: datetime.datetime):
    """Run the services as if it were ``moment`` (``timezone.now()`` returns it)."""
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


def _intake(
    case: Case, moment: datetime.datetime, *, agencies: dict[str, Agency], users: dict[str, User]
) -> Report:
    """Record the case as it came in: at the office, or through the public form."""
    reported_agency = agencies[case.reported_agency] if case.reported_agency else None
    common = {
        "election": Election.objects.get(name=case.election),
        "incident_kelurahan": _kelurahan(case.city, case.kelurahan_index),
        "incident_date": case.incident,
        "incident_time": case.incident_time,
        "known_date": case.known,
        "incident_place": case.place,
        "description": case.description,
        "reported_name": case.reported_name,
        "reported_nip": "",
        "reported_position": case.reported_position,
        "reported_agency": reported_agency,
        "reported_agency_name": case.reported_agency_name,
        "reported_employment": EmploymentType.PNS,
        "reported_address": "",
        "reported_phone": "",
        "categories": list(ViolationCategory.objects.filter(code__in=case.categories)),
        "reporter": case.reporter,
        "witnesses": case.witnesses,
        "evidence_links": case.links,
    }
    if case.public:
        # What reports.views.public passes: no user, no source (the public form files a
        # laporan), no moment of receipt (it is now: the clock).
        report = report_intake_create(user=None, source="", evidence_files=[], **common).report
    else:
        report = report_intake_create(
            user=users[case.actor], source=case.source, now=moment, **common
        ).report
    # A fixed, readable tracking code makes the seed idempotent and the demo checkable.
    Report.objects.filter(pk=report.pk).update(tracking_code=case.code)
    report.tracking_code = case.code
    return report


def _step(
    report: Report, step: Step, *, agencies: dict[str, Agency], users: dict[str, User]
) -> Report:
    report = report_transition(
        actor=users[step.actor],
        report=report,
        to_stage=step.to,
        expected_version=report.version,
        note=step.note,
        **{name: _field_value(name, value, agencies) for name, value in step.fields.items()},
    )
    if step.comment:
        report_comment_add(actor=users[step.comment_by], report=report, text=step.comment)
    return report


Event = tuple[datetime.datetime, int, int, Case, Step | None]


def _events(cases: list[Case], zones: dict[str, zoneinfo.ZoneInfo]) -> list[Event]:
    """Every intake and step of ``cases`` with its moment (in the office's zone), in order.

    Raises ``ValueError`` when a case's own steps are not in time order (its
    history would read wrongly).
    """
    events = []
    for order, case in enumerate(cases):
        previous = None
        for index, step in enumerate([None, *case.steps]):
            day, hour = (
                (case.received, case.received_hour) if step is None else (step.on, step.hour)
            )
            moment = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zones[case.office])
            if previous is not None and moment <= previous:
                raise ValueError(f"{case.code}: step {index} is not after the one before it")
            previous = moment
            events.append((moment, order, index, case, step))
    events.sort(key=lambda event: event[:3])
    return events


def stale_demo_cases() -> list[str]:
    """Codes of the demo cases in the database that differ from :data:`CASES` as seeded.

    The seed never touches a case whose code exists, so a database seeded by an
    earlier version keeps that version's case: this finds those received on
    another day or through another channel (office or public form).
    """
    specs = {case.code: case for case in CASES}
    stale = []
    for report in Report.objects.filter(tracking_code__in=specs).select_related("office__region"):
        case = specs[report.tracking_code]
        received = timezone.localdate(report.received_at, report.office.region.zoneinfo)
        if received != case.received or report.via_public_form != case.public:
            stale.append(report.tracking_code)
    return sorted(stale)


@transaction.atomic
def seed_reports_demo(*, portal) -> list[Report]:
    """Create the demo cases (idempotent); return every demo report."""
    users = _deciders(portal)
    codes = [case.code for case in CASES]
    existing = set(
        Report.objects.filter(tracking_code__in=codes).values_list("tracking_code", flat=True)
    )
    # The forwarded and taken-over cases stay in their office's zone (same province).
    zones = {case.office: portal.agencies[case.office].region.zoneinfo for case in CASES}
    missing = [case for case in CASES if case.code not in existing]
    reports: dict[str, Report] = {}
    for moment, _order, _index, case, step in _events(missing, zones):
        with _clock(moment):
            if step is None:
                reports[case.code] = _intake(case, moment, agencies=portal.agencies, users=users)
            else:
                reports[case.code] = _step(
                    reports[case.code], step, agencies=portal.agencies, users=users
                )
    return list(Report.objects.filter(tracking_code__in=codes))

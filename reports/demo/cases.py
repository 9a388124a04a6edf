"""The demo cases: ASN-neutrality cases in every demo city, across every stage.

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
  time (DEM0SMG006, DEM0PGK003);
- two laporan by two citizens about the same incident and the same ASN
  (DEM0PGK004, DEM0PGK005), linked by the office and assessed together: one
  kajian and one pleno (stopped: not a violation), recorded once on
  DEM0PGK004 for both.

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

The commissioners who take the pleno decisions (:data:`DECIDERS`) get
accounts without a usable password (they appear in the history; an admin can
give them a password).
"""

import datetime
from dataclasses import dataclass, field

from reports.models import (
    ReportSource,
    ReportStage,
    Sanction,
)

S = ReportStage
D = datetime.date

#: A step that links the case to the case of code ``fields["other"]`` (same incident, same
#: reported ASN): from then on their kajian and pleno are recorded once, on either of them.
LINK = "link"
#: A step in which the official views the reporter's identity (``fields["purpose"]``): the
#: view the audit log keeps and the case page lists for its handlers.
IDENTITY = "identity"

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
    the handling period, or recording that BKN blocked the record. A step to
    :data:`LINK` links the case to another (``fields["other"]``, its code); one to
    :data:`IDENTITY` views the reporter's identity (``fields["purpose"]``).
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


@dataclass(frozen=True)
class City:
    """A demo city: its region code, its Bawaslu office (agency key) and the staff login."""

    code: str
    office: str
    staff: str


PANGKALPINANG = City("19.71", "bawaslu_pangkalpinang", "pangkalpinang.staf")
SEMARANG = City("33.74", "bawaslu_semarang", "semarang.staf")
BALIKPAPAN = City("64.71", "bawaslu_balikpapan", "balikpapan.staf")
SERANG = City("36.73", "bawaslu_serang", "serang.staf")


def _case(city: City, code: str, *, public: bool = False, **fields) -> Case:
    """A case of ``city``'s office: recorded by its staff, or filed through the public form."""
    return Case(
        code=code,
        city=city.code,
        office=city.office,
        actor=None if public else city.staff,
        **fields,
    )


# The steps of the follow-through: each letter is dated the day its step is recorded.


def _forwarded(on: datetime.date, decider: str, number: str, note: str, *, hour: int = 10) -> Step:
    """The pleno forwards the recommendation to KASN/BKN by letter ``number``."""
    return Step(
        on,
        S.REKOMENDASI_DITERUSKAN,
        decider,
        note,
        hour=hour,
        fields={"recommendation_number": number, "recommendation_date": on},
    )


def _to_ppk(on: datetime.date, actor: str, number: str, ppk: str, note: str) -> Step:
    """KASN/BKN's recommendation ``number`` arrives and goes to the PPK of agency ``ppk``."""
    return Step(
        on,
        S.TINDAK_LANJUT_PPK,
        actor,
        note,
        fields={
            "bkn_recommendation_number": number,
            "bkn_recommendation_date": on,
            "ppk_agency": ppk,
        },
    )


def _block_requested(on: datetime.date, actor: str, number: str) -> Step:
    """The PPK missed its deadline: letter ``number`` asks BKN to block the ASN's record."""
    return Step(
        on,
        S.PEMBLOKIRAN,
        actor,
        "PPK belum memutus dalam batas waktu.",
        fields={"block_request_number": number, "block_request_date": on},
    )


def _blocked(on: datetime.date, actor: str) -> Step:
    """BKN has blocked the record."""
    return Step(
        on,
        S.PEMBLOKIRAN,
        actor,
        "BKN memblokir data kepegawaian terlapor sampai PPK memutus.",
        fields={"blocked_on": on},
    )


def _ppk_decided(on: datetime.date, actor: str, sanction: str, number: str, note: str) -> Step:
    """The PPK's decision ``number`` (``sanction``) is received: the case closes."""
    return Step(
        on,
        S.SELESAI,
        actor,
        note,
        fields={"ppk_sanction": sanction, "ppk_decision_number": number, "ppk_decision_date": on},
    )


def _ended(on: datetime.date, to: str, actor: str, reason: str) -> Step:
    """A step that ends or sets the case aside with a ``reason`` (kept in ``end_reason``)."""
    return Step(on, to, actor, fields={"reason": reason})


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


def _kajian_awal_with_province(on: datetime.date, *, hour: int = 10, comment: str = "") -> Step:
    """Bawaslu Kota Pangkalpinang's kajian awal, coordinated with Bawaslu Provinsi (source 004:
    every kajian awal is); the provincial staff's ``comment`` on it, if any."""
    return Step(
        on,
        S.KAJIAN_AWAL,
        "pangkalpinang.staf",
        COORDINATED_WITH_PROVINCE,
        hour=hour,
        comment_by="babel.staf" if comment else "",
        comment=comment,
    )


CASES = [
    # --- Kota Pangkal Pinang: the KAHMI protest claims (source 004), as informasi awal ---
    _case(
        PANGKALPINANG,
        "DEM0PGK001",
        kelurahan_index=3,
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
            _kajian_awal_with_province(
                D(2024, 10, 28),
                hour=14,
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
            _forwarded(
                D(2024, 11, 1),
                "pangkalpinang.ketua",
                "001/PP.01.02/K.BB-01/XI/2024",
                "Pleno: pelanggaran peraturan perundang-undangan lainnya (netralitas ASN).",
                hour=15,
            ),
            _to_ppk(
                D(2024, 11, 18),
                "pangkalpinang.staf",
                "DEMO/BKN/2024/118",
                "pemkot_pangkalpinang",
                "Rekomendasi BKN diteruskan kepada Pj Wali Kota selaku PPK.",
            ),
            _ppk_decided(
                D(2024, 12, 2),
                "pangkalpinang.staf",
                Sanction.SEDANG_6,
                "DEMO/800/2024/12",
                "Keputusan PPK diterima.",
            ),
        ],
    ),
    _case(
        PANGKALPINANG,
        "DEM0PGK002",
        kelurahan_index=10,
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
            _kajian_awal_with_province(
                D(2024, 10, 28),
                hour=15,
                comment=(
                    "Bawaslu Provinsi: telusuri unggahan yang dimaksud dan simpan tangkapan "
                    "layar dengan tanggal unggahannya."
                ),
            ),
            _ended(
                D(2024, 10, 30),
                S.TIDAK_DIREGISTRASI,
                "pangkalpinang.staf",
                (
                    "Penelusuran tidak menemukan unggahan yang dimaksud maupun saksi; "
                    "informasi awal tidak memenuhi syarat untuk diregistrasi sebagai temuan."
                ),
            ),
        ],
    ),
    _case(
        PANGKALPINANG,
        "DEM0PGK003",
        kelurahan_index=20,
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
            _kajian_awal_with_province(D(2024, 11, 4)),
            Step(D(2024, 11, 5), S.DIREGISTRASI, "pangkalpinang.staf"),
            Step(D(2024, 11, 6), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi terlapor."),
            Step(D(2024, 11, 7), S.KAJIAN, "pangkalpinang.staf"),
            _forwarded(
                D(2024, 11, 7),
                "pangkalpinang.ketua",
                "002/PP.01.02/K.BB-01/XI/2024",
                "Pleno: pelanggaran netralitas ASN; rekomendasi diteruskan ke BKN.",
                hour=15,
            ),
            _to_ppk(
                D(2024, 11, 21),
                "pangkalpinang.staf",
                "DEMO/BKN/2024/131",
                "pemkot_pangkalpinang",
                "Rekomendasi BKN diteruskan kepada Pj Wali Kota selaku PPK.",
            ),
            _block_requested(
                D(2024, 12, 16), "pangkalpinang.staf", "003/PP.01.02/K.BB-01/XII/2024"
            ),
            _blocked(D(2024, 12, 23), "pangkalpinang.staf"),
        ],
    ),
    # Two citizens report the same ASN at the same campaign meeting: linked, assessed together.
    _case(
        PANGKALPINANG,
        "DEM0PGK004",
        kelurahan_index=5,
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 11),
        incident=D(2024, 11, 9),
        known=D(2024, 11, 9),
        incident_time=datetime.time(19, 30),
        place="Pertemuan kampanye pasangan calon di balai warga",
        description=(
            "Seorang ASN Pemerintah Kota Pangkalpinang memberi sambutan dalam pertemuan "
            "kampanye pasangan calon wali kota dan mengajak warga memilihnya."
        ),
        reported_name="Terlapor D",
        reported_position="Sekretaris Kelurahan",
        reported_agency="pemkot_pangkalpinang",
        categories=["D7", "D9"],
        reporter=_reporter(
            "Pelapor Demo Pangkal Pinang Dua", "Pedagang", "Kota Pangkal Pinang", "081200000401"
        ),
        witnesses=[_witness("Saksi Demo Balai Warga", "081200000402")],
        steps=[
            _kajian_awal_with_province(D(2024, 11, 11)),
            Step(D(2024, 11, 12), S.DIREGISTRASI, "pangkalpinang.staf", hour=9),
            Step(D(2024, 11, 13), S.KLARIFIKASI, "pangkalpinang.staf", "Klarifikasi terlapor."),
            # Recorded once, for DEM0PGK004 and the linked DEM0PGK005.
            Step(D(2024, 11, 14), S.KAJIAN, "pangkalpinang.staf", "Kajian bersama.", hour=9),
            # The pleno's decision, recorded once for both (stopped: not a violation).
            Step(
                D(2024, 11, 14),
                S.DIHENTIKAN,
                "pangkalpinang.ketua",
                "Pleno atas dua laporan yang digabung.",
                hour=15,
                fields={
                    "reason": (
                        "Keterangan saksi dan terlapor: terlapor hadir sebagai warga dan tidak "
                        "mengajak memilih; unsur pelanggaran netralitas ASN tidak terpenuhi."
                    )
                },
            ),
        ],
    ),
    _case(
        PANGKALPINANG,
        "DEM0PGK005",
        kelurahan_index=5,
        election=PEMILIHAN,
        source=ReportSource.LAPORAN,
        received=D(2024, 11, 12),
        received_hour=10,
        incident=D(2024, 11, 9),
        known=D(2024, 11, 10),
        incident_time=datetime.time(19, 30),
        place="Balai warga, pertemuan kampanye pasangan calon",
        description=(
            "ASN kelurahan berbicara dalam pertemuan kampanye pasangan calon wali kota dan "
            "membagikan stiker pasangan calon kepada warga."
        ),
        reported_name="Terlapor D",
        reported_position="Sekretaris Kelurahan",
        reported_agency="pemkot_pangkalpinang",
        categories=["D9"],
        reporter=_reporter(
            "Pelapor Demo Pangkal Pinang Tiga",
            "Ibu rumah tangga",
            "Kota Pangkal Pinang",
            "081200000501",
        ),
        steps=[
            Step(D(2024, 11, 12), S.KAJIAN_AWAL, "pangkalpinang.staf", hour=11),
            Step(D(2024, 11, 13), S.DIREGISTRASI, "pangkalpinang.staf", hour=9),
            # The same incident and the same reported ASN as DEM0PGK004.
            Step(D(2024, 11, 13), LINK, "pangkalpinang.staf", fields={"other": "DEM0PGK004"}),
        ],
    ),
    # --- Kota Semarang ---
    _case(
        SEMARANG,
        "DEM0SMG001",
        kelurahan_index=5,
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
            _forwarded(
                D(2023, 12, 12),
                "semarang.ketua",
                "010/PP.01.02/K.JT-22/XII/2023",
                "Pleno: menyukai dan membagikan unggahan kampanye melanggar netralitas ASN.",
            ),
            _to_ppk(
                D(2023, 12, 28),
                "semarang.staf",
                "DEMO/KASN/2023/112",
                "pemkot_semarang",
                "Rekomendasi KASN diteruskan kepada Wali Kota selaku PPK.",
            ),
        ],
    ),
    _case(
        SEMARANG,
        "DEM0SMG002",
        kelurahan_index=40,
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
            _ended(
                D(2024, 1, 22),
                S.DIHENTIKAN,
                "semarang.ketua",
                "Foto diambil pada acara warga tanpa simbol atau gerakan "
                "keberpihakan; bukan pelanggaran.",
            ),
        ],
    ),
    _case(
        SEMARANG,
        "DEM0SMG003",
        kelurahan_index=60,
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
            _ended(
                D(2024, 1, 30),
                S.DICABUT,
                "semarang.staf",
                "Pelapor mencabut laporan secara tertulis.",
            ),
        ],
    ),
    _case(
        SEMARANG,
        "DEM0SMG004",
        kelurahan_index=80,
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
    _case(
        SEMARANG,
        "DEM0SMG005",
        kelurahan_index=100,
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
    _case(
        SEMARANG,
        "DEM0SMG006",
        kelurahan_index=120,
        public=True,
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
                D(2024, 1, 11),
                IDENTITY,
                "semarang.staf",
                fields={"purpose": "Undangan klarifikasi kepada pelapor dan saksi"},
            ),
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
            _forwarded(
                D(2024, 1, 26),
                "semarang.ketua",
                "011/PP.01.02/K.JT-22/I/2024",
                "Pleno: foto dengan simbol keberpihakan melanggar netralitas ASN.",
            ),
            _to_ppk(
                D(2024, 2, 13),
                "semarang.staf",
                "DEMO/KASN/2024/021",
                "pemkot_semarang",
                "Rekomendasi KASN diteruskan kepada Wali Kota selaku PPK.",
            ),
            _block_requested(D(2024, 3, 12), "semarang.staf", "012/PP.01.02/K.JT-22/III/2024"),
            _blocked(D(2024, 3, 20), "semarang.staf"),
            _ppk_decided(
                D(2024, 4, 2),
                "semarang.staf",
                Sanction.MORAL_TERBUKA,
                "DEMO/800/2024/04",
                "Keputusan PPK diterima; BKN diminta membuka blokir.",
            ),
        ],
    ),
    # --- Kota Balikpapan (Pemilihan Serentak 2024; WITA) ---
    _case(
        BALIKPAPAN,
        "DEM0BPN001",
        kelurahan_index=2,
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
    _case(
        BALIKPAPAN,
        "DEM0BPN002",
        kelurahan_index=12,
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
    _case(
        BALIKPAPAN,
        "DEM0BPN003",
        kelurahan_index=25,
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
    _case(
        BALIKPAPAN,
        "DEM0BPN005",
        kelurahan_index=18,
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
            _forwarded(
                D(2024, 10, 31),
                "balikpapan.ketua",
                "005/PP.01.02/K.KI-02/X/2024",
                "Pleno: pelanggaran netralitas ASN; rekomendasi diteruskan ke BKN.",
                hour=14,
            ),
        ],
    ),
    _case(
        BALIKPAPAN,
        "DEM0BPN004",
        kelurahan_index=30,
        public=True,
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
            _ended(
                D(2024, 10, 22),
                S.INFORMASI_AWAL,
                "balikpapan.staf",
                (
                    "Laporan disampaikan 21 Oktober 2024, lebih dari 7 hari sejak diketahui "
                    "(11 Oktober 2024; batas 18 Oktober 2024): tidak memenuhi syarat formal "
                    "dan tidak dapat diregistrasi (UU 10/2016 ps. 134 ayat (4)). Disimpan "
                    "sebagai informasi awal untuk ditelusuri pengawas."
                ),
            ),
        ],
    ),
    # --- Kota Serang (Pemilihan Serentak 2024; Pokja netralitas ASN formed 21 Nov 2024) ---
    _case(
        SERANG,
        "DEM0SRG001",
        kelurahan_index=4,
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
    _case(
        SERANG,
        "DEM0SRG002",
        kelurahan_index=30,
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
    _case(
        SERANG,
        "DEM0SRG003",
        kelurahan_index=50,
        public=True,
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

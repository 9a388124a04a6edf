"""The meetings demo: the five source events with their follow-ups, and upcoming meetings.

Every fact of the five source articles (``shared/seeds``) has a place: kind,
title, theme, date and time in the city's zone (WIB for Semarang, Serang and
Pangkal Pinang; WITA for Balikpapan), venue, host, participating agencies,
attendees with their role, topics, agenda, the notulen (summary) in
Indonesian, the decisions, and the follow-ups with responsible agencies and
due dates. The articles give no times of day; the times here are plausible
office hours. All five are held (terlaksana) and public.

Roles follow the articles: the host is the side that received the others
(the Wali Kota received Bawaslu at the Balaikota on 21 September 2023; Bawaslu
Kota Pangkalpinang received the Pj Wali Kota at its office), the visitors are
participants, and narasumber are those the article says spoke as such. No
article names a minute-taker, so no attendee is recorded as notulis. Where an
article names an institution but not who spoke for it, the attendee is
"Perwakilan …" rather than an invented person.

A few planned public meetings are placed relative to today so the public
agenda always has upcoming items; one of them is cancelled (shown as such),
and one internal meeting is not public (the agenda must not show it).

Writes go through the coordination services. The seed is idempotent:
meetings are found again by region and title and updated in place,
follow-ups by meeting and title, so a second run changes no counts.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from bawaslu_portal.demo import PortalDemo
from bawaslu_portal.models import Person, Region
from coordination.models import (
    AttendeeRole,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Topic,
)
from coordination.services import (
    follow_up_add_progress,
    follow_up_create,
    meeting_create,
    meeting_update,
)

__all__ = [
    "AUDIENSI_SEMARANG",
    "KUNJUNGAN_PANGKALPINANG",
    "RAKOR_BALIKPAPAN",
    "RAKOR_SERANG",
    "SERANG_POKJA_DECREE_DATE",
    "SILATURAHMI_SEMARANG",
    "SOURCE_MEETING_TITLES",
    "seed_meetings_demo",
]

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
WITA = zoneinfo.ZoneInfo("Asia/Makassar")

H, N, P = AttendeeRole.HOST, AttendeeRole.NARASUMBER, AttendeeRole.PESERTA

#: Titles of the five source meetings, for the campaigns seed and the tests.
AUDIENSI_SEMARANG = "Audiensi Bawaslu Kota Semarang dengan Pemerintah Kota Semarang"
SILATURAHMI_SEMARANG = (
    "Silaturahmi Pemerintah Kota Semarang dengan Forkopimda, Forkopimcam dan Partai Politik "
    "Peserta Pemilu 2024"
)
RAKOR_BALIKPAPAN = "Rakor Stakeholder: Posisi Stakeholder Dalam Menciptakan Pilkada Bersih"
RAKOR_SERANG = "Rapat Koordinasi Stakeholder: Membangun Komitmen Netralitas untuk Pemilihan 2024"
KUNJUNGAN_PANGKALPINANG = "Kunjungan Pj Wali Kota Pangkalpinang ke Bawaslu Kota Pangkalpinang"
#: The Serang pokja's decree: the day the rakor's follow-up to set it up was done. The
#: article gives no decree; ``coordination.demo.campaigns`` dates the pokja by this.
SERANG_POKJA_DECREE_DATE = datetime.date(2024, 11, 25)
SOURCE_MEETING_TITLES = [
    AUDIENSI_SEMARANG,
    SILATURAHMI_SEMARANG,
    RAKOR_BALIKPAPAN,
    RAKOR_SERANG,
    KUNJUNGAN_PANGKALPINANG,
]

#: People the articles mention only by their office: (key, name recorded under the office's title).
EXTRA_PEOPLE = [
    ("akademisi_balikpapan", "Narasumber Akademisi Kota Balikpapan"),
    ("ngo_balikpapan", "Narasumber NGO Pemantau Pemilihan Kota Balikpapan"),
    ("pemkot_balikpapan", "Narasumber Pemerintah Kota Balikpapan"),
    ("kpu_semarang", "Perwakilan KPU Kota Semarang"),
    ("perwakilan_bawaslu_semarang", "Perwakilan Bawaslu Kota Semarang"),
]


@dataclass
class DemoFollowUp:
    title: str
    agency: str
    due: datetime.date
    description: str = ""
    person: str | None = None
    #: (date, text) of a progress note and whether it closed the follow-up.
    progress: tuple[datetime.date, str] | None = None
    done: bool = False


@dataclass
class DemoMeeting:
    kind: str
    title: str
    region: str
    host: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue: str
    actor: str
    theme: str = ""
    participants: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    #: (person key, agency key, position title, role)
    attendees: list[tuple[str, str | None, str, str]] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    summary: str = ""
    decisions: str = ""
    status: str = MeetingStatus.TERLAKSANA
    is_public: bool = True
    follow_ups: list[DemoFollowUp] = field(default_factory=list)


def _source_meetings(
    semarang_kecamatan: list[str], semarang_kelurahan: list[str]
) -> list[DemoMeeting]:
    d = datetime.date
    return [
        DemoMeeting(
            kind=MeetingKind.AUDIENSI,
            title=AUDIENSI_SEMARANG,
            theme="Dukungan Pemerintah Kota Semarang dalam Pengawasan Pemilu 2024",
            region="33.74",
            # "Bawaslu Kota Semarang diterima secara hangat oleh Walikota Semarang".
            host="pemkot_semarang",
            starts_at=datetime.datetime(2023, 9, 21, 9, 0, tzinfo=WIB),
            ends_at=datetime.datetime(2023, 9, 21, 11, 0, tzinfo=WIB),
            venue="Lantai 8 Gedung Balaikota Semarang",
            actor="semarang.staf",
            participants=[
                "bawaslu_semarang",
                "setda_semarang",
                "kesbangpol_semarang",
                "bapenda_semarang",
            ],
            topics=["Netralitas ASN", "Politik uang"],
            attendees=[
                ("mbak_ita", "pemkot_semarang", "Wali Kota Semarang", H),
                ("arief_rahman", "bawaslu_semarang", "Ketua Bawaslu Kota Semarang", P),
                ("anggota_semarang", "bawaslu_semarang", "Anggota Bawaslu Kota Semarang", P),
                (
                    "kasek_semarang",
                    "bawaslu_semarang",
                    "Kepala Sekretariat Bawaslu Kota Semarang",
                    P,
                ),
                (
                    "asisten_pemerintahan_semarang",
                    "setda_semarang",
                    "Asisten Pemerintahan Setda Kota Semarang",
                    P,
                ),
                (
                    "kepala_kesbangpol_semarang",
                    "kesbangpol_semarang",
                    "Kepala Badan Kesbangpol Kota Semarang",
                    P,
                ),
                (
                    "kepala_bapenda_semarang",
                    "bapenda_semarang",
                    "Kepala Bapenda Kota Semarang",
                    P,
                ),
            ],
            agenda=[
                "Perkenalan Anggota Bawaslu Kota Semarang periode 2023–2028",
                "Dukungan Pemerintah Kota dalam pengawasan Pemilu 2024: netralitas ASN",
                "Pencegahan politik uang: Kelurahan Anti Politik Uang dan Kelurahan Pengawasan",
                "Tanggapan Wali Kota dan tawaran program kolaborasi",
            ],
            summary=(
                "Bawaslu Kota Semarang hadir lengkap (Ketua, Anggota dan Kepala Sekretariat) di "
                "lantai 8 Gedung Balaikota dan diterima oleh Wali Kota Semarang "
                "Hj. Hevearita Gunaryanti Rahayu (Mbak Ita), Asisten Pemerintahan Setda, Kepala "
                "Badan Kesbangpol dan Kepala Bapenda Kota Semarang. Audiensi bertujuan "
                "mengenalkan Anggota Bawaslu Kota Semarang periode 2023–2028 dan membahas "
                "dukungan Pemerintah Kota dalam pengawasan Pemilu 2024.\n"
                "Ketua Bawaslu, Arief Rahman, meminta Pemerintah Kota melalui Pejabat Pembina "
                "Kepegawaian (PPK) untuk terus menggaungkan semangat menjaga netralitas ASN, "
                "dan mengapresiasi deklarasi netralitas ASN yang telah digelar di 16 kecamatan "
                "dengan puncaknya di halaman Balaikota.\n"
                "Bawaslu juga meminta dukungan untuk menangkal praktik politik uang pada Pemilu "
                "2024. Kota Semarang telah memiliki 10 Kelurahan Anti Politik Uang dan "
                "Kelurahan Pengawasan, dan baru saja mengumpulkan 32 lurah untuk berkolaborasi "
                "dengan Panwaslu Kelurahan guna perluasan wilayah anti politik uang.\n"
                "Wali Kota menyambut baik dan menawarkan kolaborasi melalui kegiatan OPD yang "
                "menaungi kepemiluan, program smart RT/RW dan program sosialisasi lain dengan "
                "Bawaslu hadir di dalamnya, serta mengusulkan deklarasi anti politik uang "
                "serentak di seluruh kelurahan se-Kota Semarang. \u201cKami akan berkolaborasi "
                "dan mematuhi segala aturan yang telah diatur untuk mensukseskan Pemilu 2024.\u201d"
            ),
            decisions=(
                "1. Pengawasan Pemilu 2024 dikolaborasikan dengan kegiatan OPD yang menaungi "
                "kepemiluan.\n"
                "2. Sosialisasi anti politik uang digerakkan melalui program smart RT/RW dan "
                "program sosialisasi Pemkot lainnya, dengan Bawaslu hadir sebagai narasumber.\n"
                "3. Deklarasi anti politik uang dilakukan serentak di seluruh kelurahan "
                "se-Kota Semarang.\n"
                "4. PPK terus menggaungkan netralitas ASN di lingkungan Pemerintah Kota Semarang."
            ),
            follow_ups=[
                DemoFollowUp(
                    "Kolaborasi pengawasan melalui program OPD yang menaungi kepemiluan",
                    "kesbangpol_semarang",
                    d(2023, 10, 31),
                    "Memetakan kegiatan OPD terkait kepemiluan yang dapat melibatkan Bawaslu.",
                    person="kepala_kesbangpol_semarang",
                    progress=(d(2023, 10, 20), "Daftar kegiatan OPD kepemiluan telah disusun."),
                    done=True,
                ),
                DemoFollowUp(
                    "Sosialisasi anti politik uang melalui program smart RT/RW",
                    "pemkot_semarang",
                    d(2023, 11, 30),
                    "Bawaslu hadir sebagai narasumber dalam kegiatan smart RT/RW.",
                    progress=(d(2023, 11, 15), "Jadwal sosialisasi di 16 kecamatan disepakati."),
                ),
                DemoFollowUp(
                    "Menghadirkan Bawaslu dalam program sosialisasi Pemerintah Kota",
                    "setda_semarang",
                    d(2023, 12, 15),
                    person="asisten_pemerintahan_semarang",
                ),
                DemoFollowUp(
                    "Deklarasi anti politik uang serentak di seluruh kelurahan se-Kota Semarang",
                    "pemkot_semarang",
                    d(2024, 1, 31),
                    "Bersama Bawaslu Kota Semarang dan Panwaslu Kelurahan.",
                ),
                DemoFollowUp(
                    "Imbauan netralitas ASN oleh Pejabat Pembina Kepegawaian",
                    "bkpsdm_semarang",
                    d(2023, 10, 15),
                    progress=(d(2023, 10, 10), "Surat edaran netralitas ASN diterbitkan."),
                    done=True,
                ),
            ],
        ),
        DemoMeeting(
            kind=MeetingKind.SILATURAHMI,
            title=SILATURAHMI_SEMARANG,
            theme="Jelang kampanye: semua pihak mendukung Pemilu 2024 damai",
            region="33.74",
            host="pemkot_semarang",
            starts_at=datetime.datetime(2023, 11, 27, 13, 0, tzinfo=WIB),
            ends_at=datetime.datetime(2023, 11, 27, 15, 30, tzinfo=WIB),
            venue="Ruang Lokakrida, Lantai 8 Balai Kota Semarang",
            actor="semarang.staf",
            participants=[
                "forkopimda_semarang",
                "bawaslu_semarang",
                "kpu_semarang",
                "polrestabes_semarang",
                "kodim_semarang",
                "kejari_semarang",
                "gakkumdu_semarang",
                "parpol_semarang",
                *semarang_kecamatan,
                *semarang_kelurahan,
            ],
            topics=["Netralitas ASN", "Politik uang", "Kampanye", "Penegakan hukum", "Hoaks"],
            attendees=[
                ("mbak_ita", "pemkot_semarang", "Wali Kota Semarang", H),
                # "pihak Bawaslu dan KPU juga menjelaskan": the article names neither speaker.
                ("perwakilan_bawaslu_semarang", "bawaslu_semarang", "Bawaslu Kota Semarang", N),
                ("kpu_semarang", "kpu_semarang", "KPU Kota Semarang", N),
            ],
            agenda=[
                "Sambutan Wali Kota: komitmen bersama mendukung Pemilu 2024 damai",
                "Paparan Bawaslu dan KPU: pengawasan tingkat kecamatan dan kelurahan oleh Panwaslu",
                "Sentra Penegakan Hukum Terpadu (Sentra Gakkumdu)",
                "Netralitas ASN dalam tahapan Pemilu",
            ],
            summary=(
                "Pemerintah Kota Semarang menggelar silaturahmi Forkopimda, Forkopimcam dan "
                "seluruh partai politik peserta Pemilu sehari sebelum dimulainya masa kampanye "
                "(28 November 2023), agar semua pihak berkomitmen mendukung Pemilu 2024 damai. "
                "Camat dan lurah sengaja diundang karena merekalah yang bersentuhan langsung "
                "dengan masyarakat.\n"
                "Dipaparkan Sentra Penegakan Hukum Terpadu (Gakkumdu) dan netralitas ASN dalam "
                "berbagai tahapan Pemilu: membagikan (share) atau menyukai (like) unggahan "
                "kampanye kerabat yang mencalonkan diri sudah termasuk ketidaknetralan ASN.\n"
                "Pemerintah Kota baru saja melantik kepala seksi yang masih kosong di tingkat "
                "kelurahan dan kecamatan agar setiap wilayah lengkap dan kondusif.\n"
                "Bawaslu dan KPU menjelaskan pengawasan di tingkat kecamatan dan kelurahan oleh "
                "Panwaslu. Semarang termasuk kota dengan potensi konflik nomor 1, karena politik "
                "uang dan media sosial."
            ),
            decisions=(
                "1. Camat dan lurah mengenali kondisi wilayah masing-masing dan mendampingi "
                "pengawasan Pemilu bersama Panwaslu.\n"
                "2. ASN menjaga netralitas, termasuk di media sosial.\n"
                "3. Semua pihak berkomitmen mendukung Pemilu 2024 damai."
            ),
            follow_ups=[
                DemoFollowUp(
                    "Camat dan lurah mendampingi pengawasan bersama Panwaslu di wilayahnya",
                    "pemkot_semarang",
                    d(2024, 2, 14),
                ),
                DemoFollowUp(
                    "Imbauan netralitas ASN di media sosial (tidak membagikan atau menyukai "
                    "unggahan kampanye)",
                    "diskominfo_semarang",
                    d(2023, 12, 8),
                    progress=(d(2023, 12, 5), "Imbauan disebarkan melalui kanal resmi Pemkot."),
                    done=True,
                ),
                DemoFollowUp(
                    "Pemetaan kerawanan politik uang dan konflik media sosial",
                    "bawaslu_semarang",
                    d(2023, 12, 20),
                ),
            ],
        ),
        DemoMeeting(
            kind=MeetingKind.RAKOR,
            title=RAKOR_BALIKPAPAN,
            theme="Posisi Stakeholder Dalam Menciptakan Pilkada Bersih di Kota Balikpapan",
            region="64.71",
            host="bawaslu_balikpapan",
            starts_at=datetime.datetime(2024, 7, 31, 9, 0, tzinfo=WITA),
            ends_at=datetime.datetime(2024, 7, 31, 12, 30, tzinfo=WITA),
            venue="Hotel Novotel Balikpapan",
            actor="balikpapan.staf",
            participants=[
                "kejari_balikpapan",
                "akademisi_balikpapan",
                "ngo_balikpapan",
                "pemkot_balikpapan",
                "parpol_balikpapan",
            ],
            topics=["Netralitas ASN", "Hoaks", "Politik uang", "Penegakan hukum", "Kampanye"],
            attendees=[
                ("wasanti", "bawaslu_balikpapan", "Ketua Bawaslu Kota Balikpapan", H),
                (
                    "slamer_riyanto",
                    "kejari_balikpapan",
                    "Kejaksaan Negeri Balikpapan",
                    N,
                ),
                ("akademisi_balikpapan", "akademisi_balikpapan", "Akademisi", N),
                ("ngo_balikpapan", "ngo_balikpapan", "NGO pemantau pemilihan", N),
                ("pemkot_balikpapan", "pemkot_balikpapan", "Pemerintah Kota Balikpapan", N),
            ],
            agenda=[
                "Pembukaan oleh Ketua Bawaslu Kota Balikpapan",
                "Penegakan hukum pada masa kampanye (Kejaksaan Negeri Balikpapan)",
                "Perspektif akademisi dan NGO",
                "Perspektif Pemerintah Kota (anggaran dan netralitas ASN)",
                "Diskusi: netralitas ASN, hoaks dan politik uang",
            ],
            summary=(
                "Rakor stakeholder merupakan bagian dari sosialisasi jelang Pilkada Serentak "
                "2024, dikemas sebagai diskusi dengan narasumber dari kejaksaan (Kejari "
                "Balikpapan, Slamer Riyanto), akademisi, NGO dan pemerintah kota, yang dianggap "
                "mewakili seluruh elemen. Partai politik pengusung juga diundang karena tidak "
                "ada calon perseorangan.\n"
                "Kejaksaan membahas penegakan hukum pada masa kampanye; Pemkot, yang memiliki "
                "anggaran, memberi masukan dari perspektif pemerintah.\n"
                "Poin utama: netralitas ASN, karena pendaftaran pasangan calon tinggal sebulan "
                "lagi. Bawaslu berharap Pilkada 2024 berlangsung bersih, ASN netral, tanpa hoaks "
                "dan politik uang.\n"
                "Sesuai Peraturan Bawaslu, Bawaslu Kota Balikpapan melaksanakan 38 kegiatan "
                "sosialisasi: 12 di kecamatan (2 kali di setiap 6 kecamatan) dan sisanya (26) "
                "di tingkat kota."
            ),
            decisions=(
                "1. Rakor ini dihitung sebagai salah satu dari 26 kegiatan sosialisasi tingkat "
                "kota.\n"
                "2. Sosialisasi tingkat kecamatan: 2 kegiatan di setiap kecamatan (12 kegiatan).\n"
                "3. Pemkot mengingatkan ASN tentang netralitas menjelang pendaftaran paslon."
            ),
            follow_ups=[
                DemoFollowUp(
                    "Sosialisasi tingkat kecamatan: 2 kegiatan di setiap kecamatan",
                    "bawaslu_balikpapan",
                    d(2024, 11, 20),
                    "12 kegiatan sesuai Peraturan Bawaslu.",
                    person="wasanti",
                    progress=(d(2024, 9, 30), "6 dari 12 kegiatan kecamatan telah terlaksana."),
                ),
                DemoFollowUp(
                    "Imbauan netralitas ASN menjelang pendaftaran pasangan calon",
                    "pemkot_balikpapan",
                    d(2024, 8, 27),
                    progress=(d(2024, 8, 20), "Surat edaran Sekda tentang netralitas ASN."),
                    done=True,
                ),
                DemoFollowUp(
                    "Koordinasi penegakan hukum pada masa kampanye",
                    "kejari_balikpapan",
                    d(2024, 9, 25),
                    person="slamer_riyanto",
                ),
            ],
        ),
        DemoMeeting(
            kind=MeetingKind.RAKOR,
            title=RAKOR_SERANG,
            theme="Menyatukan visi dan misi untuk pemilihan kepala daerah yang aman dan kondusif",
            region="36.73",
            host="bawaslu_serang",
            starts_at=datetime.datetime(2024, 11, 21, 9, 0, tzinfo=WIB),
            ends_at=datetime.datetime(2024, 11, 21, 12, 0, tzinfo=WIB),
            venue="Aula Hotel Horison TC UPI Serang",
            actor="serang.staf",
            participants=[
                "pemkot_serang",
                "kodim_serang",
                "polresta_serang",
                "kejari_serang",
                "diskominfo_serang",
                "bkpsdm_serang",
            ],
            topics=["Netralitas ASN", "Pengawasan partisipatif"],
            attendees=[
                ("aan_agus_hermawan", "bawaslu_serang", "Ketua Bawaslu Kota Serang", H),
                ("dita_yuliafnita", "bawaslu_serang", "Anggota Bawaslu Kota Serang", N),
            ],
            agenda=[
                "Sambutan Ketua Bawaslu Kota Serang: komitmen bersama menjaga netralitas",
                "Peran ASN dalam menjaga netralitas (Anggota Bawaslu Kota Serang)",
                "Pembentukan Pokja pengawasan dan penanganan netralitas ASN",
                "Ajakan pengawasan partisipatif",
            ],
            summary=(
                "Rakor dihadiri Pemerintah Kota Serang, TNI, Polri, Kejaksaan, Kominfo serta "
                "seluruh Kepala OPD, untuk menyatukan visi dan misi menyukseskan pemilihan "
                "kepala daerah yang aman dan kondusif.\n"
                "Ketua Bawaslu Kota Serang, Aan Agus Hermawan, mengajak semua pihak berkomitmen "
                "mencegah pelanggaran netralitas. Anggota Bawaslu, Dita Yuliafnita, menegaskan "
                "bahwa ASN boleh memiliki pandangan politik tetapi harus netral; \u201cASN boleh "
                "tidak netral, tapi hanya di bilik suara.\u201d Setiap lembaga memiliki mekanisme "
                "internal untuk menangani pelanggaran.\n"
                "Bawaslu Kota Serang membentuk kelompok kerja (Pokja) yang bertugas mengawasi dan "
                "menangani isu netralitas ASN, dan mengajak semua pihak melakukan pengawasan "
                "partisipatif."
            ),
            decisions=(
                "1. Dibentuk Pokja pengawasan dan penanganan netralitas ASN Kota Serang.\n"
                "2. Setiap lembaga menjalankan mekanisme internal penanganan pelanggaran "
                "netralitas.\n"
                "3. Semua pihak mendorong pengawasan partisipatif."
            ),
            follow_ups=[
                DemoFollowUp(
                    "Penetapan SK dan anggota Pokja netralitas ASN",
                    "bawaslu_serang",
                    d(2024, 11, 26),
                    person="aan_agus_hermawan",
                    progress=(SERANG_POKJA_DECREE_DATE, "SK Pokja ditandatangani."),
                    done=True,
                ),
                DemoFollowUp(
                    "Mekanisme internal penanganan pelanggaran netralitas ASN di OPD",
                    "bkpsdm_serang",
                    d(2024, 11, 26),
                ),
                DemoFollowUp(
                    "Ajakan pengawasan partisipatif melalui kanal Kominfo",
                    "diskominfo_serang",
                    d(2024, 11, 25),
                ),
            ],
        ),
        DemoMeeting(
            kind=MeetingKind.KUNJUNGAN,
            title=KUNJUNGAN_PANGKALPINANG,
            theme="Kroscek laporan netralitas ASN menjelang pemilihan",
            region="19.71",
            host="bawaslu_pangkalpinang",
            starts_at=datetime.datetime(2024, 10, 28, 10, 0, tzinfo=WIB),
            ends_at=datetime.datetime(2024, 10, 28, 11, 30, tzinfo=WIB),
            venue="Kantor Bawaslu Kota Pangkalpinang",
            actor="pangkalpinang.staf",
            participants=["pemkot_pangkalpinang", "bkpsdm_pangkalpinang"],
            topics=["Netralitas ASN", "Disabilitas"],
            attendees=[
                ("imam_ghazali", "bawaslu_pangkalpinang", "Ketua Bawaslu Kota Pangkalpinang", H),
                ("budi_utama", "pemkot_pangkalpinang", "Pj Wali Kota Pangkalpinang", P),
            ],
            agenda=[
                "Kroscek laporan netralitas ASN, termasuk yang disampaikan pada aksi KAHMI",
                "Penanganan laporan: kajian awal bersama Bawaslu Provinsi, penanganan hierarkis",
                "Kolaborasi program Cegah, Awasi, Tindak (CAT) di kecamatan dan kelurahan",
            ],
            summary=(
                "Pj Wali Kota Pangkalpinang, Budi Utama, mengunjungi kantor Bawaslu Kota "
                "Pangkalpinang untuk membahas netralitas ASN dan mengkroscek laporan yang masuk, "
                "termasuk yang disampaikan pada aksi KAHMI hari Jumat sebelumnya (25 Oktober "
                "2024). Laporan tersebut belum masuk ke Bawaslu; Pemkot percaya pada "
                "profesionalisme Bawaslu.\n"
                "Ketua Bawaslu, Imam Ghazali, menyatakan Bawaslu siap menerima seluruh laporan, "
                "melakukan kajian awal berkoordinasi dengan Bawaslu Provinsi, dan bekerja secara "
                "hierarkis. Agenda Bawaslu dipublikasikan tanpa ditutup-tutupi. Perhatian "
                "terhadap pemilih disabilitas juga menjadi atensi.\n"
                "Pj Wali Kota berharap kolaborasi dalam program Cegah, Awasi, Tindak (CAT) di "
                "tingkat kecamatan dan kelurahan, dan meminta seluruh camat dan lurah, termasuk "
                "ASN, hadir bersama Bawaslu."
            ),
            decisions=(
                "1. Setiap laporan netralitas ASN dikaji awal bersama Bawaslu Provinsi.\n"
                "2. Program Cegah, Awasi, Tindak (CAT) dikolaborasikan dengan seluruh camat dan "
                "lurah.\n"
                "3. Agenda Bawaslu dipublikasikan secara terbuka."
            ),
            follow_ups=[
                DemoFollowUp(
                    "Kajian awal laporan netralitas ASN bersama Bawaslu Provinsi",
                    "bawaslu_pangkalpinang",
                    d(2024, 10, 30),
                    person="imam_ghazali",
                    progress=(d(2024, 10, 30), "Kajian awal dikoordinasikan dengan Bawaslu Babel."),
                    done=True,
                ),
                DemoFollowUp(
                    "Program Cegah, Awasi, Tindak (CAT) bersama seluruh camat dan lurah",
                    "pemkot_pangkalpinang",
                    d(2024, 11, 15),
                    person="budi_utama",
                ),
                DemoFollowUp(
                    "Publikasi agenda Bawaslu secara terbuka",
                    "bawaslu_pangkalpinang",
                    d(2024, 11, 1),
                    progress=(d(2024, 10, 31), "Agenda dimuat di agenda publik portal."),
                    done=True,
                ),
                DemoFollowUp(
                    "Pendampingan pemilih disabilitas",
                    "bawaslu_pangkalpinang",
                    d(2024, 11, 20),
                ),
            ],
        ),
    ]


def _upcoming_meetings(today: datetime.date) -> list[DemoMeeting]:
    """Planned meetings a few days to weeks ahead of ``today``, so the agenda has upcoming items."""

    def at(days: int, hour: int, zone) -> datetime.datetime:
        return datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time(hour), tzinfo=zone
        )

    return [
        DemoMeeting(
            kind=MeetingKind.RAKOR,
            title="Rakor Pengawasan Partisipatif bersama Panwaslu Kelurahan",
            theme="Perluasan Kelurahan Anti Politik Uang",
            region="33.74",
            host="bawaslu_semarang",
            starts_at=at(10, 9, WIB),
            ends_at=at(10, 12, WIB),
            venue="Aula Bawaslu Kota Semarang",
            actor="semarang.staf",
            participants=["kesbangpol_semarang", "pemkot_semarang"],
            topics=["Politik uang", "Pengawasan partisipatif"],
            attendees=[("arief_rahman", "bawaslu_semarang", "Ketua Bawaslu Kota Semarang", H)],
            agenda=["Evaluasi Kelurahan Anti Politik Uang", "Rencana perluasan ke kelurahan lain"],
            status=MeetingStatus.DIRENCANAKAN,
        ),
        DemoMeeting(
            kind=MeetingKind.SOSIALISASI,
            title="Sosialisasi Netralitas ASN di Kecamatan Balikpapan Kota",
            theme="Netralitas ASN dan pengawasan partisipatif",
            region="64.71.06",
            host="bawaslu_balikpapan",
            starts_at=at(17, 9, WITA),
            ends_at=at(17, 11, WITA),
            venue="Kantor Kecamatan Balikpapan Kota",
            actor="balikpapan.staf",
            participants=["pemkot_balikpapan", "kecamatan:64.71.06"],
            topics=["Netralitas ASN"],
            attendees=[("wasanti", "bawaslu_balikpapan", "Ketua Bawaslu Kota Balikpapan", H)],
            agenda=["Paparan netralitas ASN", "Tanya jawab"],
            status=MeetingStatus.DIRENCANAKAN,
        ),
        DemoMeeting(
            kind=MeetingKind.RAKOR,
            title="Rapat Pokja Netralitas ASN Kota Serang",
            theme="Evaluasi penanganan isu netralitas ASN",
            region="36.73",
            host="bawaslu_serang",
            starts_at=at(24, 13, WIB),
            ends_at=at(24, 15, WIB),
            venue="Kantor Bawaslu Kota Serang",
            actor="serang.staf",
            participants=["pemkot_serang", "bkpsdm_serang", "diskominfo_serang"],
            topics=["Netralitas ASN"],
            attendees=[("dita_yuliafnita", "bawaslu_serang", "Anggota Bawaslu Kota Serang", H)],
            agenda=["Laporan anggota Pokja", "Tindak lanjut rekomendasi"],
            status=MeetingStatus.DIRENCANAKAN,
        ),
        DemoMeeting(
            kind=MeetingKind.SOSIALISASI,
            title="Sosialisasi Cegah, Awasi, Tindak (CAT) bersama Camat dan Lurah",
            theme="Program Cegah, Awasi, Tindak",
            region="19.71",
            host="bawaslu_pangkalpinang",
            starts_at=at(5, 9, WIB),
            ends_at=at(5, 11, WIB),
            venue="Ruang Rapat Kantor Wali Kota Pangkalpinang",
            actor="pangkalpinang.staf",
            participants=["pemkot_pangkalpinang"],
            topics=["Netralitas ASN", "Pengawasan partisipatif"],
            attendees=[
                ("imam_ghazali", "bawaslu_pangkalpinang", "Ketua Bawaslu Kota Pangkalpinang", H)
            ],
            agenda=["Paparan program CAT"],
            status=MeetingStatus.DIBATALKAN,
        ),
        DemoMeeting(
            kind=MeetingKind.LAINNYA,
            title="Rapat Internal Persiapan Pleno Bawaslu Kota Semarang",
            region="33.74",
            host="bawaslu_semarang",
            starts_at=at(3, 14, WIB),
            ends_at=at(3, 16, WIB),
            venue="Ruang Rapat Bawaslu Kota Semarang",
            actor="semarang.staf",
            status=MeetingStatus.DIRENCANAKAN,
            is_public=False,
        ),
    ]


def _extra_people() -> dict[str, Person]:
    return {key: Person.objects.get_or_create(name=name)[0] for key, name in EXTRA_PEOPLE}


def _save_meeting(spec: DemoMeeting, portal: PortalDemo, people, topics) -> Meeting:
    """Create the meeting, or update the one with the same region and title."""
    agencies = portal.agencies
    data = {
        "actor": portal.users[spec.actor],
        "kind": spec.kind,
        "title": spec.title,
        "theme": spec.theme,
        "starts_at": spec.starts_at,
        "ends_at": spec.ends_at,
        "venue": spec.venue,
        "region": Region.objects.get(code=spec.region),
        "host_agency": agencies[spec.host],
        "participating_agencies": [agencies[key] for key in spec.participants],
        "topics": [topics[name] for name in spec.topics],
        "summary": spec.summary,
        "decisions": spec.decisions,
        "status": spec.status,
        "is_public": spec.is_public,
        "attendees": [
            {
                "person": people[person],
                "agency": agencies[agency] if agency else None,
                "position_title": position,
                "role": role,
            }
            for person, agency, position, role in spec.attendees
        ],
        "agenda_items": [{"title": title} for title in spec.agenda],
    }
    existing = Meeting.objects.filter(region_id=spec.region, title=spec.title).first()
    if existing:
        return meeting_update(meeting=existing, **data)
    return meeting_create(**data)


def _save_follow_ups(meeting: Meeting, spec: DemoMeeting, portal: PortalDemo, people) -> None:
    """Create the follow-ups the meeting does not have yet (by title), with their progress."""
    existing = set(meeting.follow_ups.values_list("title", flat=True))
    actor = portal.users[spec.actor]
    for item in spec.follow_ups:
        if item.title in existing:
            continue
        follow_up = follow_up_create(
            actor=actor,
            title=item.title,
            description=item.description,
            responsible_agency=portal.agencies[item.agency],
            responsible_person=people[item.person] if item.person else None,
            due_date=item.due,
            region=meeting.region,
            meeting=meeting,
        )
        if item.progress:
            date, text = item.progress
            follow_up_add_progress(
                actor=actor, follow_up=follow_up, text=text, date=date, mark_done=item.done
            )


@transaction.atomic
def seed_meetings_demo(*, portal: PortalDemo) -> dict[str, Meeting]:
    """Create (or update) the demo meetings and follow-ups; returns the meetings by title.

    Idempotent.
    """
    people = {**portal.people, **_extra_people()}
    topics = {topic.name: topic for topic in Topic.objects.all()}
    semarang_kecamatan = sorted(
        key for key in portal.agencies if key.startswith("kecamatan:33.74.")
    )
    semarang_kelurahan = sorted(
        key for key in portal.agencies if key.startswith("kelurahan:33.74.")
    )
    today = timezone.localdate()
    meetings: dict[str, Meeting] = {}
    sources = _source_meetings(semarang_kecamatan, semarang_kelurahan)
    for spec in [*sources, *_upcoming_meetings(today)]:
        meeting = _save_meeting(spec, portal, people, topics)
        _save_follow_ups(meeting, spec, portal, people)
        meetings[spec.title] = meeting
    return meetings

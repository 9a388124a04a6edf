"""The national benchmark data set, written with PostgreSQL ``COPY``.

``python -m benchmarks.generate`` (``make bench`` runs it) brings ``BENCH_DATABASE_URL`` to
scale S = ``BENCH_SCALE`` (default 1.0):

* every region of Indonesia (``import_regions`` with no argument: 83,762 kelurahan/desa),
  the demo (``seed_demo``: agencies, logins, cases of the five source events),
* a Bawaslu office and a Pemda for every kab/kota, and a roster for every kelurahan/desa
  (lurah or kepala desa, sekretaris, PKD member: three people and positions each),
* 1,000,000 × S reports with their stage history and categories, 100,000 × S meetings with
  3–6 attendees, topics and a participating agency, 300,000 × S follow-ups.

A fifth of the reports and meetings fall in the four demo cities (so the demo logins see a
busy city), the rest anywhere in the country.

**Deterministic.** Row ``i`` of a table is drawn from a generator seeded with
``(BENCH_SEED, table, i // CHUNK)``, and every date is counted from the anchor day
(:func:`stored_anchor`: ``BENCH_ANCHOR`` or the day of the first run, kept in the database), so
one seed and anchor give the same rows whatever the scale, and a database at S = 0.1 is
topped up to S = 1.0 by writing only the missing rows. Generated rows have ids from
:data:`OFFSET` upwards (the app's own sequences stay far below), which is also how a rerun
finds what is already there. Reference rows (regions, agencies) are looked up by their natural
keys, so their ids may differ between databases; their content does not.
"""

import datetime
import os
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field

if __name__ == "__main__":  # pragma: no cover - command line
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from benchmarks.common import setup_django

    setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from benchmarks.common import Progress, bench_scale  # noqa: E402

#: Generated rows have ids from here on; the app's sequences never get near it.
OFFSET = 1_000_000_000
#: Rows drawn from one seeded generator.
CHUNK = 10_000
#: Rows at S = 1.0 (issue 10 §2).
FULL = {"reports": 1_000_000, "meetings": 100_000, "follow_ups": 300_000}
DEMO_CITIES = ["33.74", "64.71", "36.73", "19.71"]
DEMO_SHARE = 0.2
BENCH_PASSWORD = "bench-password"  # noqa: S105 - throwaway benchmark logins

FIRST_NAMES = [
    "Agus",
    "Budi",
    "Cahya",
    "Dewi",
    "Eka",
    "Fajar",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Putri",
    "Rudi",
    "Sari",
    "Teguh",
    "Wahyu",
    "Yanti",
    "Bambang",
    "Siti",
    "Rina",
    "Andi",
    "Dian",
    "Hendra",
    "Ratna",
    "Yusuf",
    "Ayu",
    "Bayu",
]
LAST_NAMES = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Nugroho",
    "Rahmawati",
    "Siregar",
    "Harahap",
    "Simanjuntak",
    "Lubis",
    "Wibowo",
    "Susanto",
    "Hakim",
    "Syahputra",
    "Fitriani",
    "Utami",
    "Gunawan",
]
ASN_POSITIONS = [
    "Lurah",
    "Sekretaris Kelurahan",
    "Kepala Seksi Pemerintahan",
    "Camat",
    "Guru SD Negeri",
    "Staf Dinas Pendidikan",
    "Kepala Bidang Bapenda",
    "Kepala Puskesmas",
]
ASN_AGENCIES = ["Dinas Pendidikan", "Bapenda", "Dinas Kesehatan", "Kecamatan", "Kelurahan"]
MEETING_KINDS = ["audiensi", "rakor", "silaturahmi", "sosialisasi", "kunjungan", "fgd"]
MEETING_TITLES = {
    "audiensi": "Audiensi dengan Pemerintah Daerah",
    "rakor": "Rapat koordinasi pengawasan",
    "silaturahmi": "Silaturahmi pengawasan partisipatif",
    "sosialisasi": "Sosialisasi netralitas ASN",
    "kunjungan": "Kunjungan kerja ke kelurahan",
    "fgd": "FGD pencegahan politik uang",
}
FOLLOW_UP_TITLES = [
    "Surat edaran netralitas ASN ke seluruh OPD",
    "Pendataan baliho di fasilitas pemerintah",
    "Sosialisasi ke kelurahan binaan",
    "Laporan hasil patroli pengawasan",
    "Penertiban alat peraga kampanye",
]

#: Stage paths a case can take (reports.workflow), with how often each occurs.
STAGE_PATHS = [
    (["diterima"], 4),
    (["diterima", "kajian_awal", "tidak_diregistrasi"], 10),
    (
        [
            "diterima",
            "kajian_awal",
            "perlu_dilengkapi",
            "diregistrasi",
            "klarifikasi",
            "kajian",
            "dihentikan",
        ],
        8,
    ),
    (["diterima", "kajian_awal", "diregistrasi", "klarifikasi", "kajian", "dihentikan"], 20),
    (
        [
            "diterima",
            "kajian_awal",
            "diregistrasi",
            "klarifikasi",
            "kajian",
            "rekomendasi_diteruskan",
            "tindak_lanjut_ppk",
            "selesai",
        ],
        50,
    ),
    (["diterima", "kajian_awal", "dilimpahkan"], 4),
    (["diterima", "informasi_awal"], 4),
]
DEADLINE_STEP = {
    "diterima": "kajian_awal",
    "kajian_awal": "kajian_awal",
    "perlu_dilengkapi": "completion",
    "diregistrasi": "handling",
    "klarifikasi": "handling",
    "kajian": "handling",
    "rekomendasi_diteruskan": "bkn_response",
    "tindak_lanjut_ppk": "ppk_decision",
    "pemblokiran": "block_response",
}
CLOSED = {"tidak_diregistrasi", "dihentikan", "selesai"}
#: Cases received more than this many days before the anchor have finished their path ...
OLD_CASE_DAYS = 60
#: ... except this share, left anywhere on it (overdue cases, as every office has some).
STUCK_SHARE = 0.05
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def scaled_counts(scale: float) -> dict[str, int]:
    counts = {name: max(1, round(full * scale)) for name, full in FULL.items()}
    # Every follow-up of a meeting points at meeting i // 3, which must exist.
    counts["follow_ups"] = min(counts["follow_ups"], 3 * counts["meetings"])
    return counts


def tracking_code(index: int) -> str:
    """``Z`` and nine base-32 digits: unique per generated report, valid for the status check."""
    digits = []
    for _ in range(9):
        index, rest = divmod(index, 32)
        digits.append(TRACKING_ALPHABET[rest])
    return "Z" + "".join(reversed(digits))


class CopyTable:
    """``COPY`` rows into a model's table: the columns given, every other one at its default.

    Rows are tuples in the order of ``columns`` (attribute names such as ``office_id``); the
    remaining concrete fields get their model default once, so a field added later with a
    default needs no change here, and one without a default fails loudly.
    """

    def __init__(self, model, columns: list[str]):
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(columns) - set(fields)
        if unknown:
            raise ValueError(f"{model.__name__} has no column {sorted(unknown)}")
        rest = [f for name, f in fields.items() if name not in columns and name != "id"]
        missing = [f.attname for f in rest if not f.has_default() and not f.null and not f.blank]
        if missing:
            raise ValueError(f"{model.__name__}: no value and no default for {missing}")
        self.defaults = tuple(
            _copy_value(f.get_default() if f.has_default() else (None if f.null else ""))
            for f in rest
        )
        names = [fields[name].column for name in columns] + [f.column for f in rest]
        self.sql = "COPY {} ({}) FROM STDIN".format(
            model._meta.db_table, ", ".join(f'"{name}"' for name in names)
        )

    def write(self, rows) -> int:
        written = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(self.sql) as copy:
                for row in rows:
                    copy.write_row(row + self.defaults)
                    written += 1
        return written


def _copy_value(value):
    if isinstance(value, dict | list):
        import json

        return json.dumps(value)
    return value


@dataclass
class Nation:
    """The reference rows the generated ones point at, looked up by natural key."""

    kabkota: list[str]
    kabkota_name: dict[str, str]
    kecamatan_by_city: dict[str, list[str]]
    kelurahan: list[str]
    kelurahan_kind: list[str]
    kelurahan_by_city: dict[str, list[int]] = field(default_factory=dict)
    bawaslu: dict[str, int] = field(default_factory=dict)
    pemda: dict[str, int] = field(default_factory=dict)
    elections: list[int] = field(default_factory=list)
    categories: list[int] = field(default_factory=list)
    topics: list[int] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)

    def roster_person(self, kelurahan_index: int, slot: int) -> int:
        return OFFSET + 3 * kelurahan_index + slot


def load_nation() -> Nation:
    from bawaslu_portal.models import Agency, AgencyKind, PositionRole, Region
    from coordination.models import Topic
    from reports.models import Election, ViolationCategory

    cities = list(Region.objects.filter(depth=2).order_by("code"))
    nation = Nation(
        kabkota=[city.code for city in cities],
        kabkota_name={city.code: city.label for city in cities},
        kecamatan_by_city=defaultdict(list),
        kelurahan=[],
        kelurahan_kind=[],
    )
    for code in Region.objects.filter(depth=3).order_by("code").values_list("code", flat=True):
        nation.kecamatan_by_city[code[:5]].append(code)
    by_city = defaultdict(list)
    rows = Region.objects.filter(depth=4).order_by("code").values_list("code", "kind")
    for index, (code, kind) in enumerate(rows):
        nation.kelurahan.append(code)
        nation.kelurahan_kind.append(kind)
        by_city[code[:5]].append(index)
    nation.kelurahan_by_city = dict(by_city)
    # Kab/kota without a kelurahan in the data get no generated records.
    nation.kabkota = [code for code in nation.kabkota if code in nation.kelurahan_by_city]

    for kind, target, prefix in (
        (AgencyKind.BAWASLU_KABKOTA, nation.bawaslu, "Bawaslu"),
        (AgencyKind.PEMDA, nation.pemda, "Pemerintah"),
    ):
        for agency_id, region_id in (
            Agency.objects.filter(kind=kind, region__depth=2)
            .order_by("pk")
            .values_list("pk", "region_id")
        ):
            target.setdefault(region_id, agency_id)
        new = [
            Agency(
                name=f"{prefix} {nation.kabkota_name[code]}",
                short_name=f"{prefix} {code}",
                kind=kind,
                region_id=code,
            )
            for code in nation.kabkota
            if code not in target
        ]
        Agency.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
        for agency_id, region_id in (
            Agency.objects.filter(kind=kind, region__depth=2)
            .order_by("pk")
            .values_list("pk", "region_id")
        ):
            target.setdefault(region_id, agency_id)
    nation.elections = list(Election.objects.order_by("pk").values_list("pk", flat=True))
    nation.categories = list(ViolationCategory.objects.order_by("pk").values_list("pk", flat=True))
    nation.topics = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
    nation.roles = dict(PositionRole.objects.values_list("name", "pk"))
    return nation


def generated(table: str) -> int:
    """How many generated rows (ids from OFFSET) a table holds."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table} WHERE id >= %s", [OFFSET])  # noqa: S608
        return cursor.fetchone()[0]


def chunks(existing: int, target: int):
    """The (chunk, first row to write, end) triples that bring a table from existing to target."""
    for chunk in range(existing // CHUNK, (target + CHUNK - 1) // CHUNK):
        start = chunk * CHUNK
        yield chunk, max(start, existing), min(start + CHUNK, target)


def rng_for(seed: int, table: str, chunk: int) -> random.Random:
    return random.Random(f"{seed}:{table}:{chunk}")  # noqa: S311 - reproducible load


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


# --- rosters --------------------------------------------------------------------------------


def generate_rosters(nation: Nation, *, seed: int, progress) -> None:
    """Three people and positions for every kelurahan/desa (not scaled: it is the geography)."""
    from bawaslu_portal.models import Person, Position

    target = 3 * len(nation.kelurahan)
    existing = generated("bawaslu_portal_person")
    if existing == target:
        progress(f"rosters: {target:,} people already there")
        return
    if existing:
        sys.exit(f"rosters: {existing:,} of {target:,} people; drop the database and rerun.")
    people = CopyTable(Person, ["id", "name", "phone"])
    positions = CopyTable(Position, ["person_id", "role_id", "region_id", "start_date"])
    start = datetime.date(2024, 1, 2)
    for chunk, first, end in chunks(0, len(nation.kelurahan)):
        rng = rng_for(seed, "roster", chunk)
        person_rows, position_rows = [], []
        for index in range(first, end):
            code = nation.kelurahan[index]
            head = "Lurah" if nation.kelurahan_kind[index] == "kelurahan" else "Kepala Desa"
            for slot, role in enumerate((head, "Sekretaris Kelurahan", "Anggota PKD")):
                pk = nation.roster_person(index, slot)
                person_rows.append((pk, person_name(rng), f"08{rng.randrange(10**9, 10**10)}"))
                position_rows.append((pk, nation.roles[role], code, start))
        with transaction.atomic():
            people.write(person_rows)
            positions.write(position_rows)
        progress(f"rosters: {end:,}/{len(nation.kelurahan):,} kelurahan/desa")


# --- reports --------------------------------------------------------------------------------


def report_rows(nation: Nation, rng: random.Random, index: int, anchor: datetime.datetime):
    """One report, its history rows and its category rows."""
    if rng.random() < DEMO_SHARE:
        kel = rng.choice(nation.kelurahan_by_city[rng.choice(DEMO_CITIES)])
    else:
        kel = rng.randrange(len(nation.kelurahan))
    code = nation.kelurahan[kel]
    office = nation.bawaslu[code[:5]]
    received = anchor - datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 730))
    path = rng.choices([p for p, _ in STAGE_PATHS], weights=[w for _, w in STAGE_PATHS])[0]
    # The statutory steps take days, so an older case has (nearly always) run its course;
    # a recent one stops anywhere on its path. One old case in twenty is stuck, overdue.
    if (anchor - received).days > OLD_CASE_DAYS and rng.random() > STUCK_SHARE:
        steps = len(path)
    else:
        steps = rng.randint(1, len(path))
    pk = OFFSET + index
    history = []
    at = received
    registered = None
    for step in range(steps):
        if step:
            at += datetime.timedelta(days=rng.randint(1, 4), minutes=rng.randrange(600))
        if path[step] == "diregistrasi":
            registered = at
        history.append((pk, path[step - 1] if step else "", path[step], at, office, "{}"))
    stage = path[steps - 1]
    deadline = None
    if stage in DEADLINE_STEP:
        deadline = at.date() + datetime.timedelta(days=rng.randint(2, 14))
    source = rng.choices(["laporan", "temuan", "informasi_awal"], weights=[80, 15, 5])[0]
    incident = received.date() - datetime.timedelta(days=rng.randint(0, 10))
    known = incident + datetime.timedelta(days=rng.randint(0, 3))
    filing_deadline = known + datetime.timedelta(days=7) if source == "laporan" else None
    year = (registered or received).year
    report = (
        pk,
        office,
        code,
        code,
        source,
        rng.choice(nation.elections),
        tracking_code(index),
        rng.random() < 0.3,
        f"{index + 1:07d}/Reg/LP/PL/{code[:5]}/{year}" if registered else "",
        year if registered else None,
        index + 1 if registered else None,
        registered,
        stage,
        at,
        deadline,
        DEADLINE_STEP.get(stage, "") if deadline else "",
        filing_deadline,
        bool(filing_deadline and received.date() > filing_deadline),
        received,
        incident,
        known,
        f"Kantor Kelurahan {code}",
        "Beban uji: ASN membagikan unggahan kampanye salah satu pasangan calon.",
        person_name(rng),
        rng.choice(ASN_POSITIONS),
        rng.choice(ASN_AGENCIES),
        rng.choice(["pns", "pppk"]),
        at if stage in CLOSED else None,
        received,
        at,
        steps,
    )
    categories = [(pk, c) for c in rng.sample(nation.categories, rng.randint(1, 2))]
    return report, history, categories


REPORT_COLUMNS = [
    "id",
    "office_id",
    "region_id",
    "incident_kelurahan_id",
    "source",
    "election_id",
    "tracking_code",
    "via_public_form",
    "registration_number",
    "registration_year",
    "registration_sequence",
    "registered_at",
    "stage",
    "stage_changed_at",
    "deadline",
    "deadline_step",
    "filing_deadline",
    "filed_late",
    "received_at",
    "incident_date",
    "known_date",
    "incident_place",
    "description",
    "reported_name",
    "reported_position",
    "reported_agency_name",
    "reported_employment",
    "closed_at",
    "created_at",
    "updated_at",
    "version",
]


def generate_reports(nation, *, target, seed, anchor, progress) -> None:
    from reports.models import Report, ReportHistory

    existing = generated("reports_report")
    if existing >= target:
        progress(f"reports: {existing:,} already there")
        return
    reports = CopyTable(Report, REPORT_COLUMNS)
    history = CopyTable(
        ReportHistory, ["report_id", "from_stage", "to_stage", "at", "office_id", "data"]
    )
    categories = CopyTable(Report.categories.through, ["report_id", "violationcategory_id"])
    for chunk, first, end in chunks(existing, target):
        rng = rng_for(seed, "report", chunk)
        report_batch, history_batch, category_batch = [], [], []
        for index in range(chunk * CHUNK, end):
            report, steps, cats = report_rows(nation, rng, index, anchor)
            if index >= first:
                report_batch.append(report)
                history_batch.extend(steps)
                category_batch.extend(cats)
        with transaction.atomic():
            reports.write(report_batch)
            history.write(history_batch)
            categories.write(category_batch)
        if end % 100_000 == 0 or end == target:
            progress(f"reports: {end:,}/{target:,}")


# --- meetings and follow-ups ----------------------------------------------------------------


def meeting_rows(nation: Nation, rng: random.Random, index: int, anchor: datetime.datetime):
    city = rng.choice(DEMO_CITIES) if rng.random() < DEMO_SHARE else rng.choice(nation.kabkota)
    kels = nation.kelurahan_by_city[city]
    level = rng.random()
    if level < 0.6 or not nation.kecamatan_by_city[city]:
        region = city
    elif level < 0.85:
        region = rng.choice(nation.kecamatan_by_city[city])
    else:
        region = nation.kelurahan[rng.choice(kels)]
    minutes = rng.randrange(-730 * 24 * 2, 90 * 24 * 2) * 30
    starts = anchor + datetime.timedelta(minutes=minutes)
    if starts > anchor:
        status = "dibatalkan" if rng.random() < 0.05 else "direncanakan"
    else:
        status = rng.choices(["terlaksana", "dibatalkan", "direncanakan"], weights=[85, 5, 10])[0]
    kind = rng.choice(MEETING_KINDS)
    pk = OFFSET + index
    meeting = (
        pk,
        kind,
        f"{MEETING_TITLES[kind]} {nation.kabkota_name[city]}",
        starts,
        starts + datetime.timedelta(hours=2),
        f"Aula Bawaslu {nation.kabkota_name[city]}",
        region,
        nation.bawaslu[city],
        "Peserta sepakat memperkuat pengawasan netralitas ASN." if status == "terlaksana" else "",
        status,
        rng.random() < 0.3,
        starts - datetime.timedelta(days=7),
        starts - datetime.timedelta(days=7),
    )
    count = rng.randint(3, 6)
    slots = rng.sample(range(3 * len(kels)), min(count, 3 * len(kels)))
    attendees = []
    for order, slot in enumerate(slots):
        role = (
            "host"
            if order == 0
            else "notulis"
            if order == 1
            else rng.choice(["peserta", "peserta", "narasumber"])
        )
        person = nation.roster_person(kels[slot // 3], slot % 3)
        attendees.append((pk, person, nation.pemda[city], "Perangkat kelurahan", role, order))
    topics = [(pk, topic) for topic in rng.sample(nation.topics, rng.randint(1, 2))]
    return meeting, attendees, topics, (pk, nation.pemda[city])


def generate_meetings(nation, *, target, seed, anchor, progress) -> None:
    from coordination.models import Meeting, MeetingAttendee

    existing = generated("coordination_meeting")
    if existing >= target:
        progress(f"meetings: {existing:,} already there")
        return
    meetings = CopyTable(
        Meeting,
        [
            "id",
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "venue",
            "region_id",
            "host_agency_id",
            "summary",
            "status",
            "is_public",
            "created_at",
            "updated_at",
        ],
    )
    attendees = CopyTable(
        MeetingAttendee, ["meeting_id", "person_id", "agency_id", "position_title", "role", "order"]
    )
    topics = CopyTable(Meeting.topics.through, ["meeting_id", "topic_id"])
    agencies = CopyTable(Meeting.participating_agencies.through, ["meeting_id", "agency_id"])
    for chunk, first, end in chunks(existing, target):
        rng = rng_for(seed, "meeting", chunk)
        batches = ([], [], [], [])
        for index in range(chunk * CHUNK, end):
            meeting, people, subjects, partner = meeting_rows(nation, rng, index, anchor)
            if index >= first:
                batches[0].append(meeting)
                batches[1].extend(people)
                batches[2].extend(subjects)
                batches[3].append(partner)
        with transaction.atomic():
            meetings.write(batches[0])
            attendees.write(batches[1])
            topics.write(batches[2])
            agencies.write(batches[3])
        if end % 20_000 == 0 or end == target:
            progress(f"meetings: {end:,}/{target:,}")


def generate_follow_ups(nation, *, target, seed, anchor, progress) -> None:
    from coordination.models import FollowUp

    existing = generated("coordination_followup")
    if existing >= target:
        progress(f"follow-ups: {existing:,} already there")
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, region_id, starts_at FROM coordination_meeting WHERE id >= %s", [OFFSET]
        )
        meetings = {pk: (region, starts) for pk, region, starts in cursor.fetchall()}
    table = CopyTable(
        FollowUp,
        [
            "id",
            "title",
            "responsible_agency_id",
            "responsible_person_id",
            "due_date",
            "status",
            "meeting_id",
            "region_id",
            "completed_at",
            "created_at",
            "updated_at",
        ],
    )
    today = anchor.date()
    for chunk, first, end in chunks(existing, target):
        rng = rng_for(seed, "follow_up", chunk)
        rows = []
        for index in range(chunk * CHUNK, end):
            meeting = OFFSET + index // 3
            if rng.random() < 0.1 or meeting not in meetings:
                meeting = None
                city = rng.choice(nation.kabkota)
                region = city
                starts = anchor - datetime.timedelta(days=rng.randrange(0, 700))
            else:
                region, starts = meetings[meeting]
                city = region[:5]
            due = starts.date() + datetime.timedelta(days=rng.randint(7, 60))
            if due < today:
                status = rng.choices(
                    ["selesai", "terbuka", "dalam_proses", "dibatalkan"], weights=[60, 25, 10, 5]
                )[0]
            else:
                status = rng.choices(["terbuka", "dalam_proses"], weights=[70, 30])[0]
            person = None
            if rng.random() < 0.5:
                kel = rng.choice(nation.kelurahan_by_city[city])
                person = nation.roster_person(kel, 0)
            done = starts + datetime.timedelta(days=rng.randint(1, 30))
            row = (
                OFFSET + index,
                rng.choice(FOLLOW_UP_TITLES),
                nation.pemda[city],
                person,
                due,
                status,
                meeting,
                region,
                done if status == "selesai" else None,
                starts,
                done if status == "selesai" else starts,
            )
            if index >= first:
                rows.append(row)
        with transaction.atomic():
            table.write(rows)
        if end % 50_000 == 0 or end == target:
            progress(f"follow-ups: {end:,}/{target:,}")


# --- the whole data set ---------------------------------------------------------------------


def stored_anchor() -> datetime.date:
    """The day the data counts from: fixed at a database's first generation, then kept.

    ``BENCH_ANCHOR`` (an ISO date) or today, so that "upcoming", "due soon" and "late" mean
    what they would in a live office; recorded in ``bench_meta`` so a later top-up of the same
    database uses the same day. The same seed and anchor give the same rows.
    """
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text)")
        cursor.execute("SELECT value FROM bench_meta WHERE key = 'anchor'")
        row = cursor.fetchone()
        if row:
            return datetime.date.fromisoformat(row[0])
        today = datetime.datetime.now(datetime.UTC).date().isoformat()
        anchor = os.environ.get("BENCH_ANCHOR", today)
        cursor.execute("INSERT INTO bench_meta VALUES ('anchor', %s)", [anchor])
        return datetime.date.fromisoformat(anchor)


def ensure_data(*, scale: float, progress=None) -> dict[str, int]:
    """Bring the connected database to scale ``scale``; returns the generated row counts."""
    from bawaslu_portal.models import Region
    from bawaslu_portal.services import regions_import

    progress = progress or Progress()
    seed = int(os.environ.get("BENCH_SEED", "7"))
    anchor_day = stored_anchor()
    anchor = datetime.datetime.combine(anchor_day, datetime.time(3), tzinfo=datetime.UTC)
    counts = scaled_counts(scale)
    progress(f"scale {scale}: seed {seed}, anchor {anchor_day}, targets {counts}")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if Region.objects.filter(depth=4).count() < 80_000:
        result = regions_import()
        progress(f"import_regions (whole country): {result.total:,} regions")
    from bawaslu_portal.models import User

    # The demo once, before any generated row: seed_demo finds its people by name, and a
    # generated roster may share one.
    if not User.objects.filter(username="semarang.staf").exists():
        os.environ.setdefault("DEMO_PASSWORD", BENCH_PASSWORD)
        with open(os.devnull, "w") as quiet:
            call_command("seed_demo", allow_demo_logins=True, stdout=quiet)
        progress("demo seeded")
    nation = load_nation()
    progress(
        f"{len(nation.kabkota)} kab/kota, {len(nation.kelurahan):,} kelurahan/desa, "
        f"{len(nation.bawaslu)} Bawaslu offices, {len(nation.pemda)} Pemda"
    )
    generate_rosters(nation, seed=seed, progress=progress)
    generate_reports(nation, target=counts["reports"], seed=seed, anchor=anchor, progress=progress)
    generate_meetings(
        nation, target=counts["meetings"], seed=seed, anchor=anchor, progress=progress
    )
    generate_follow_ups(
        nation, target=counts["follow_ups"], seed=seed, anchor=anchor, progress=progress
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    progress("vacuum analyze done")
    return counts


def main() -> int:
    scale = bench_scale()
    ensure_data(scale=scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())

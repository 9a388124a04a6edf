"""Demo data of the foundation: the agencies, people, rosters and logins of the five source events.

The five source articles (``shared/seeds``) name the offices and officials
below. Where an article mentions an office holder without naming them (for
example "Kepala Bapenda Kota Semarang"), the person is recorded under the
office's title rather than under an invented name; where it names a person
without their post (Slamer Riyanto, "Kejari Balikpapan"), no post is
recorded. Kelurahan roster members are illustrative demo people.

Names: the region is the Kemendagri's "Kota Pangkal Pinang"; the offices and
the city government use their own name, "Pangkalpinang" (Bawaslu Kota
Pangkalpinang, Pemerintah Kota Pangkalpinang).

Every kelurahan of Kota Semarang gets a kantor kelurahan (``kelurahan:<code>``):
the lurah were invited to the silaturahmi of 27 November 2023 (article 001).

Everything is created with ``update_or_create``/``get_or_create`` on natural
keys, so running the seed twice changes nothing. Passwords are only set when
an account is created.
"""

from dataclasses import dataclass

from django.db import transaction

from bawaslu_portal.models import (
    Agency,
    AgencyKind,
    Person,
    Position,
    PositionRole,
    Region,
    User,
    UserRole,
)
from bawaslu_portal.services import regions_import

#: The seed cities (and, with them, their provinces).
SEED_REGION_CODES = ["33.74", "64.71", "36.73", "19.71"]

K = AgencyKind

#: (key, name, short name, kind, region code, parent key, address)
AGENCIES = [
    # Provinsi
    (
        "bawaslu_jateng",
        "Bawaslu Provinsi Jawa Tengah",
        "Bawaslu Jateng",
        K.BAWASLU_PROVINSI,
        "33",
        None,
        "Jl. Papandayan No. 23, Semarang",
    ),
    (
        "bawaslu_kaltim",
        "Bawaslu Provinsi Kalimantan Timur",
        "Bawaslu Kaltim",
        K.BAWASLU_PROVINSI,
        "64",
        None,
        "Samarinda",
    ),
    (
        "bawaslu_banten",
        "Bawaslu Provinsi Banten",
        "Bawaslu Banten",
        K.BAWASLU_PROVINSI,
        "36",
        None,
        "Serang",
    ),
    (
        "bawaslu_babel",
        "Bawaslu Provinsi Kepulauan Bangka Belitung",
        "Bawaslu Babel",
        K.BAWASLU_PROVINSI,
        "19",
        None,
        "Kota Pangkal Pinang",
    ),
    # Kota Semarang (sources 000 and 001)
    (
        "bawaslu_semarang",
        "Bawaslu Kota Semarang",
        "Bawaslu Kota Semarang",
        K.BAWASLU_KABKOTA,
        "33.74",
        "bawaslu_jateng",
        "Jl. Turi No. 1, Semarang",
    ),
    (
        "pemkot_semarang",
        "Pemerintah Kota Semarang",
        "Pemkot Semarang",
        K.PEMDA,
        "33.74",
        None,
        "Balai Kota Semarang, Jl. Pemuda No. 148, Semarang",
    ),
    (
        "setda_semarang",
        "Sekretariat Daerah Kota Semarang",
        "Setda Kota Semarang",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "Balai Kota Semarang",
    ),
    (
        "kesbangpol_semarang",
        "Badan Kesatuan Bangsa dan Politik Kota Semarang",
        "Badan Kesbangpol",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "",
    ),
    (
        "bapenda_semarang",
        "Badan Pendapatan Daerah Kota Semarang",
        "Bapenda",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "",
    ),
    (
        "bkpsdm_semarang",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Semarang",
        "BKPSDM",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "",
    ),
    (
        "diskominfo_semarang",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Semarang",
        "Diskominfo",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "",
    ),
    (
        "inspektorat_semarang",
        "Inspektorat Kota Semarang",
        "Inspektorat",
        K.OPD,
        "33.74",
        "pemkot_semarang",
        "",
    ),
    ("kpu_semarang", "KPU Kota Semarang", "KPU Kota Semarang", K.KPU, "33.74", None, ""),
    ("polrestabes_semarang", "Polrestabes Semarang", "Polrestabes", K.POLRI, "33.74", None, ""),
    ("kodim_semarang", "Kodim 0733/Kota Semarang", "Kodim 0733", K.TNI, "33.74", None, ""),
    (
        "kejari_semarang",
        "Kejaksaan Negeri Kota Semarang",
        "Kejari Semarang",
        K.KEJAKSAAN,
        "33.74",
        None,
        "",
    ),
    ("forkopimda_semarang", "Forkopimda Kota Semarang", "Forkopimda", K.LAINNYA, "33.74", None, ""),
    # Article 001 names no party: "seluruh partai peserta Pemilu", as one participant.
    (
        "parpol_semarang",
        "Partai Politik Peserta Pemilu 2024 Kota Semarang",
        "Parpol peserta Pemilu",
        K.PARTAI,
        "33.74",
        None,
        "",
    ),
    (
        "gakkumdu_semarang",
        "Sentra Gakkumdu Kota Semarang",
        "Sentra Gakkumdu",
        K.LAINNYA,
        "33.74",
        "bawaslu_semarang",
        "",
    ),
    # Kota Balikpapan (source 002)
    (
        "bawaslu_balikpapan",
        "Bawaslu Kota Balikpapan",
        "Bawaslu Kota Balikpapan",
        K.BAWASLU_KABKOTA,
        "64.71",
        "bawaslu_kaltim",
        "",
    ),
    (
        "pemkot_balikpapan",
        "Pemerintah Kota Balikpapan",
        "Pemkot Balikpapan",
        K.PEMDA,
        "64.71",
        None,
        "",
    ),
    (
        "kejari_balikpapan",
        "Kejaksaan Negeri Balikpapan",
        "Kejari Balikpapan",
        K.KEJAKSAAN,
        "64.71",
        None,
        "",
    ),
    (
        "akademisi_balikpapan",
        "Akademisi Kota Balikpapan",
        "Akademisi",
        K.AKADEMISI,
        "64.71",
        None,
        "",
    ),
    ("ngo_balikpapan", "NGO Pemantau Pemilihan Kota Balikpapan", "NGO", K.ORMAS, "64.71", None, ""),
    (
        "parpol_balikpapan",
        "Partai Politik Pengusung Pilkada Kota Balikpapan",
        "Parpol",
        K.PARTAI,
        "64.71",
        None,
        "",
    ),
    # Kota Serang (source 003)
    (
        "bawaslu_serang",
        "Bawaslu Kota Serang",
        "Bawaslu Kota Serang",
        K.BAWASLU_KABKOTA,
        "36.73",
        "bawaslu_banten",
        "",
    ),
    ("pemkot_serang", "Pemerintah Kota Serang", "Pemkot Serang", K.PEMDA, "36.73", None, ""),
    (
        "diskominfo_serang",
        "Dinas Komunikasi dan Informatika Kota Serang",
        "Diskominfo Kota Serang",
        K.KOMINFO,
        "36.73",
        "pemkot_serang",
        "",
    ),
    (
        "bkpsdm_serang",
        "BKPSDM Kota Serang",
        "BKPSDM Kota Serang",
        K.OPD,
        "36.73",
        "pemkot_serang",
        "",
    ),
    ("polresta_serang", "Polresta Serang Kota", "Polresta Serang Kota", K.POLRI, "36.73", None, ""),
    ("kodim_serang", "Kodim 0602/Serang", "Kodim 0602", K.TNI, "36.73", None, ""),
    ("kejari_serang", "Kejaksaan Negeri Serang", "Kejari Serang", K.KEJAKSAAN, "36.73", None, ""),
    # Kota Pangkal Pinang (source 004)
    (
        "bawaslu_pangkalpinang",
        "Bawaslu Kota Pangkalpinang",
        "Bawaslu Kota Pangkalpinang",
        K.BAWASLU_KABKOTA,
        "19.71",
        "bawaslu_babel",
        "",
    ),
    (
        "pemkot_pangkalpinang",
        "Pemerintah Kota Pangkalpinang",
        "Pemkot Pangkalpinang",
        K.PEMDA,
        "19.71",
        None,
        "",
    ),
    (
        "bkpsdm_pangkalpinang",
        "BKPSDM Kota Pangkalpinang",
        "BKPSDM Kota Pangkalpinang",
        K.OPD,
        "19.71",
        "pemkot_pangkalpinang",
        "",
    ),
    ("kahmi_pangkalpinang", "KAHMI Kota Pangkalpinang", "KAHMI", K.ORMAS, "19.71", None, ""),
]

#: (key, name, title, known as, role or None (no position recorded), agency key, region code)
PEOPLE = [
    ("arief_rahman", "Arief Rahman", "", "", "Ketua Bawaslu", "bawaslu_semarang", "33.74"),
    (
        "anggota_semarang",
        "Anggota Bawaslu Kota Semarang",
        "",
        "",
        "Anggota Bawaslu",
        "bawaslu_semarang",
        "33.74",
    ),
    (
        "kasek_semarang",
        "Kepala Sekretariat Bawaslu Kota Semarang",
        "",
        "",
        "Kepala Sekretariat Bawaslu",
        "bawaslu_semarang",
        "33.74",
    ),
    (
        "mbak_ita",
        "Hevearita Gunaryanti Rahayu",
        "Hj.",
        "Mbak Ita",
        "Wali Kota",
        "pemkot_semarang",
        "33.74",
    ),
    (
        "asisten_pemerintahan_semarang",
        "Asisten Pemerintahan Setda Kota Semarang",
        "",
        "",
        "Asisten Pemerintahan Setda",
        "setda_semarang",
        "33.74",
    ),
    (
        "kepala_kesbangpol_semarang",
        "Kepala Badan Kesbangpol Kota Semarang",
        "",
        "",
        "Kepala OPD",
        "kesbangpol_semarang",
        "33.74",
    ),
    (
        "kepala_bapenda_semarang",
        "Kepala Bapenda Kota Semarang",
        "",
        "",
        "Kepala OPD",
        "bapenda_semarang",
        "33.74",
    ),
    ("wasanti", "Wasanti", "", "", "Ketua Bawaslu", "bawaslu_balikpapan", "64.71"),
    # Article 002 says "Kejari Balikpapan Slamer Riyanto": his office, not his post.
    ("slamer_riyanto", "Slamer Riyanto", "", "", None, "kejari_balikpapan", "64.71"),
    ("aan_agus_hermawan", "Aan Agus Hermawan", "", "", "Ketua Bawaslu", "bawaslu_serang", "36.73"),
    ("dita_yuliafnita", "Dita Yuliafnita", "", "", "Anggota Bawaslu", "bawaslu_serang", "36.73"),
    ("budi_utama", "Budi Utama", "", "", "Pj Wali Kota", "pemkot_pangkalpinang", "19.71"),
    ("imam_ghazali", "Imam Ghazali", "", "", "Ketua Bawaslu", "bawaslu_pangkalpinang", "19.71"),
]

#: Demo logins: (username, first name, last name, role, agency key, person key, staff?)
LOGINS = [
    (
        "semarang.ketua",
        "Arief",
        "Rahman",
        UserRole.COMMISSIONER,
        "bawaslu_semarang",
        "arief_rahman",
        False,
    ),
    ("semarang.staf", "Staf", "Bawaslu Semarang", UserRole.STAFF, "bawaslu_semarang", None, False),
    (
        "semarang.pemkot",
        "Staf",
        "Pemkot Semarang",
        UserRole.PARTNER,
        "pemkot_semarang",
        None,
        False,
    ),
    (
        "balikpapan.staf",
        "Staf",
        "Bawaslu Balikpapan",
        UserRole.STAFF,
        "bawaslu_balikpapan",
        None,
        False,
    ),
    ("serang.staf", "Staf", "Bawaslu Serang", UserRole.STAFF, "bawaslu_serang", None, False),
    (
        "pangkalpinang.staf",
        "Staf",
        "Bawaslu Pangkalpinang",
        UserRole.STAFF,
        "bawaslu_pangkalpinang",
        None,
        False,
    ),
    ("jateng.staf", "Staf", "Bawaslu Jawa Tengah", UserRole.STAFF, "bawaslu_jateng", None, False),
]

#: Positions an earlier version of this seed invented: (person key, role, agency key). They
#: are removed so that a demo database seeded before matches the articles again.
RETRACTED_POSITIONS = [("slamer_riyanto", "Kepala Kejaksaan Negeri", "kejari_balikpapan")]

#: The cities whose every kelurahan gets a kantor kelurahan (see the module docstring).
KELURAHAN_OFFICE_CITIES = ["33.74"]

#: Illustrative kelurahan rosters: (kelurahan code, [(role, name), …]).
ROSTERS = [
    (
        "33.74.01.1001",
        [
            ("Lurah", "Sri Wahyuni"),
            ("Sekretaris Kelurahan", "Bambang Setiawan"),
            ("Anggota PKD", "Dewi Lestari"),
        ],
    ),
    (
        "33.74.01.1002",
        [
            ("Lurah", "Agus Santoso"),
            ("Sekretaris Kelurahan", "Rina Marlina"),
            ("Anggota PKD", "Yoga Pratama"),
        ],
    ),
    ("33.74.02.1001", [("Lurah", "Heru Prasetyo"), ("Anggota PKD", "Siti Nurhaliza")]),
    ("64.71.01.1001", [("Lurah", "Muhammad Rizal"), ("Anggota PKD", "Nur Aisyah")]),
    ("36.73.01.1001", [("Lurah", "Ahmad Fauzi"), ("Anggota PKD", "Lia Amelia")]),
    ("19.71.01.1004", [("Lurah", "Hendra Gunawan"), ("Anggota PKD", "Putri Maharani")]),
]


@dataclass
class PortalDemo:
    """What the seed made, by key, for the coordination and reports seeds to build on."""

    agencies: dict[str, Agency]
    people: dict[str, Person]
    users: dict[str, User]


@transaction.atomic
def seed_portal_demo(*, password: str, stdout=None) -> PortalDemo:
    """Create (or update) the foundation's demo data and logins. Idempotent."""
    missing = [code for code in SEED_REGION_CODES if not Region.objects.filter(code=code).exists()]
    if missing:
        regions_import(codes=missing)

    agencies: dict[str, Agency] = {}
    for key, name, short, kind, region, parent, address in AGENCIES:
        agencies[key], _created = Agency.objects.update_or_create(
            region_id=region,
            name=name,
            defaults={
                "short_name": short,
                "kind": kind,
                "parent": agencies.get(parent) if parent else None,
                "address": address,
            },
        )
    _seed_kecamatan_offices(agencies)
    _seed_kelurahan_offices(agencies)

    roles = {role.name: role for role in PositionRole.objects.all()}
    people: dict[str, Person] = {}
    for key, name, title, known_as, role, agency_key, region in PEOPLE:
        person, _created = Person.objects.update_or_create(
            name=name, defaults={"title": title, "known_as": known_as}
        )
        people[key] = person
        if role is not None:
            Position.objects.get_or_create(
                person=person,
                role=roles[role],
                agency=agencies[agency_key],
                region_id=region,
                defaults={"is_active": True},
            )
    for person_key, role, agency_key in RETRACTED_POSITIONS:
        Position.objects.filter(
            person=people[person_key], role__name=role, agency=agencies[agency_key]
        ).delete()

    kelurahan_names = dict(
        Region.objects.filter(code__in=[code for code, _members in ROSTERS]).values_list(
            "code", "name"
        )
    )
    for kelurahan, members in ROSTERS:
        office, _created = Agency.objects.get_or_create(
            region_id=kelurahan,
            name=f"Kantor Kelurahan {kelurahan_names[kelurahan]}",
            defaults={"kind": AgencyKind.KELURAHAN, "short_name": "Kantor Kelurahan"},
        )
        for role, name in members:
            person, _created = Person.objects.get_or_create(name=name)
            Position.objects.get_or_create(
                person=person,
                role=roles[role],
                region_id=kelurahan,
                defaults={"agency": office, "is_active": True},
            )

    users: dict[str, User] = {}
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={
            "email": "admin@example.go.id",
            "first_name": "Admin",
            "last_name": "Portal",
            "role": UserRole.ADMIN,
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(password)
        admin.save(update_fields=["password"])
    users["admin"] = admin
    for username, first, last, role, agency_key, person_key, is_staff in LOGINS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.go.id",
                "first_name": first,
                "last_name": last,
                "role": role,
                "agency": agencies[agency_key],
                "person": people.get(person_key) if person_key else None,
                "is_staff": is_staff,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        users[username] = user
    return PortalDemo(agencies=agencies, people=people, users=users)


def _seed_kecamatan_offices(agencies: dict[str, Agency]) -> None:
    """A kantor kecamatan for every kecamatan of the seed cities (keys ``kecamatan:<code>``)."""
    for kecamatan in Region.objects.filter(depth=3, parent_id__in=SEED_REGION_CODES):
        office, _created = Agency.objects.get_or_create(
            region=kecamatan,
            name=f"Kantor Kecamatan {kecamatan.name}",
            defaults={"kind": AgencyKind.KECAMATAN, "short_name": f"Kec. {kecamatan.name}"},
        )
        agencies[f"kecamatan:{kecamatan.code}"] = office


def _seed_kelurahan_offices(agencies: dict[str, Agency]) -> None:
    """A kantor kelurahan for every kelurahan of :data:`KELURAHAN_OFFICE_CITIES` (keys
    ``kelurahan:<code>``), in three queries: a city has up to a few hundred kelurahan."""
    kelurahan = {
        region.code: region
        for city in KELURAHAN_OFFICE_CITIES
        for region in Region.objects.kelurahan().filter(code__startswith=f"{city}.")
    }
    names = {code: f"Kantor Kelurahan {region.name}" for code, region in kelurahan.items()}
    existing = set(
        Agency.objects.filter(region_id__in=names, kind=AgencyKind.KELURAHAN).values_list(
            "region_id", "name"
        )
    )
    Agency.objects.bulk_create(
        Agency(
            region=region,
            name=names[code],
            kind=AgencyKind.KELURAHAN,
            short_name=f"Kel. {region.name}",
        )
        for code, region in sorted(kelurahan.items())
        if (code, names[code]) not in existing
    )
    for office in Agency.objects.filter(region_id__in=names, kind=AgencyKind.KELURAHAN):
        if office.name == names[office.region_id]:
            agencies[f"kelurahan:{office.region_id}"] = office

"""The portal demo's people: the officials the source articles name, and kelurahan rosters.

Officials get the posts the articles give them; roster members are
illustrative demo people.
"""

from bawaslu_portal.models import Agency, AgencyKind, Person, Position, PositionRole, Region

__all__ = ["PEOPLE", "ROSTERS", "seed_people"]

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

#: Positions an earlier version of this seed invented: (person key, role, agency key). They
#: are removed so that a demo database seeded before matches the articles again.
RETRACTED_POSITIONS = [("slamer_riyanto", "Kepala Kejaksaan Negeri", "kejari_balikpapan")]

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


def seed_people(*, agencies: dict[str, Agency]) -> dict[str, Person]:
    """Create (or update) the demo people and their posts, and the rosters; returns the people
    of :data:`PEOPLE` by key."""
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
    return people

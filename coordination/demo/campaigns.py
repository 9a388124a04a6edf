"""The campaigns demo: the declarations, designations, programs and pokja of the source articles.

- Kota Semarang (article 000): the netralitas ASN declarations held in all 16
  kecamatan, culminating at the Balaikota, all before the audiensi of
  21 September 2023; and the city's "10 Kelurahan Anti Politik Uang dan
  Kelurahan Pengawasan": one group of ten, with no split between the two
  kinds, so no split is invented: each of the ten carries both (ten
  kelurahan, twenty designations). It gives neither the dates of
  the declarations and designations nor the names of the kelurahan: those
  chosen here are illustrative, and say so.
- Kota Balikpapan (article 002): "Sosialisasi Pilkada 2024" under the
  Bawaslu regulation, 38 activities = 26 at city level + 2 in each of the 6
  kecamatan.
- Kota Serang (article 003): the Pokja on ASN neutrality formed at the rakor
  of 21 November 2024. The article names neither its members nor its
  officers nor a decree: the members are "Perwakilan …" of the institutions
  at the rakor (Bawaslu, the city government, TNI, Polri, Kejaksaan,
  Kominfo), all plain members, and the decree is dated the day the rakor's
  follow-up "Penetapan SK dan anggota Pokja" was done; the purpose says so.
- Kota Pangkal Pinang (article 004): the planned "Cegah, Awasi, Tindak" (CAT)
  program with all camat and lurah, targets at kecamatan and kelurahan level.

The two programs are data, in ``programs.toml`` beside this module (their
targets are written per level: the rows per kecamatan and the count of the
kelurahan come from the regions).

Beyond the articles, illustrative and saying so in their text: the Balaikota
declaration carries a demo photo (``declaration_document_add``, a small PNG
made by ``bawaslu_portal.demo.files``), and an eleventh Semarang kelurahan was
designated after the audiensi and its designation revoked in 2024
(``designation_revoke``), so the demo holds a revoked designation while the
article's ten stay active. Both run under the demo clock at their own dates.

Writes go through ``coordination.services.campaigns``; records are found
again by natural keys (region and name/title, kind and kelurahan, declaration
and file name) and updated in place, so a second run changes no counts and
stores no file twice; the revoked designation, once made, is left as it is.
``link_campaign_demo_meetings`` links the programs and pokja to the meetings of
``coordination.demo.meetings`` (which runs first and knows nothing of this module).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from bawaslu_portal.demo import PortalDemo
from bawaslu_portal.demo.clock import clock
from bawaslu_portal.demo.files import DemoFile, demo_upload
from bawaslu_portal.demo.logins import LOGIN_NAMES
from bawaslu_portal.demo.records import build, choice, each, load, login
from bawaslu_portal.models import Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.uploads import clean_original_name
from coordination.demo.meetings import (
    KUNJUNGAN_PANGKALPINANG,
    RAKOR_BALIKPAPAN,
    RAKOR_SERANG,
    SERANG_POKJA_DECREE_DATE,
    WIB,
)
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationDocumentKind,
    DeclarationKind,
    DesignationKind,
    DesignationStatus,
    KelurahanDesignation,
    Meeting,
    Program,
    ProgramLevel,
    WorkingGroup,
    WorkingGroupRole,
)
from coordination.services import campaigns as services

__all__ = [
    "BALIKPAPAN_PROGRAM",
    "PANGKALPINANG_PROGRAM",
    "SEMARANG_CAMPAIGN",
    "SERANG_POKJA",
    "link_campaign_demo_meetings",
    "seed_campaigns_demo",
]

SEMARANG_CAMPAIGN = "Deklarasi Netralitas ASN Kota Semarang 2023"
SEMARANG_CULMINATION = "Deklarasi Netralitas ASN Kota Semarang (puncak) di Balaikota Semarang"
SERANG_POKJA = "Pokja Pengawasan dan Penanganan Netralitas ASN Kota Serang"

#: First day of the illustrative kecamatan declarations; one per working day after it.
KECAMATAN_DECLARATIONS_FROM = datetime.date(2023, 8, 21)
CULMINATION_DATE = datetime.date(2023, 9, 14)
ILLUSTRATIVE = (
    "Data demo: artikel sumber hanya menyebut bahwa deklarasi ini diadakan sebelum audiensi "
    "21 September 2023; tanggalnya ilustratif."
)


def _working_days(start: datetime.date, count: int) -> list[datetime.date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _declaration(*, actor, campaign, region: Region, title: str, **fields) -> Declaration:
    """Create or update (by region and title) a public declaration of ``campaign``, of its kind."""
    existing = Declaration.objects.filter(region=region, title=title).first()
    data = {
        "title": title,
        "region": region,
        "campaign": campaign,
        "kind": campaign.kind,
        "is_public": True,
        **fields,
    }
    if existing:
        return services.declaration_update(actor=actor, declaration=existing, **data)
    return services.declaration_create(actor=actor, **data)


#: The demo photo of the Balaikota declaration, uploaded that afternoon.
CULMINATION_PHOTO = DemoFile(
    name="foto-deklarasi-balaikota.png",
    text=(
        "Contoh berkas demo \u2014 foto deklarasi netralitas ASN di Balaikota Semarang. Bukan "
        "foto asli: gambar ini dibuat oleh data demo portal."
    ),
)


def _declaration_photo(actor, declaration: Declaration, photo: DemoFile, on: datetime.date):
    """Upload ``photo`` to ``declaration`` at 15.00 WIB on ``on``, unless it has it already."""
    if declaration.documents.filter(original_name=clean_original_name(photo.name)).exists():
        return
    with clock(datetime.datetime.combine(on, datetime.time(15), WIB)):
        services.declaration_document_add(
            actor=actor,
            declaration=declaration,
            upload=demo_upload(photo),
            kind=DeclarationDocumentKind.FOTO,
        )


def _seed_semarang_declarations(portal: PortalDemo) -> DeclarationCampaign:
    agencies, people = portal.agencies, portal.people
    actor = portal.users["semarang.staf"]
    city = Region.objects.get(code="33.74")
    campaign, _created = DeclarationCampaign.objects.update_or_create(
        region=city,
        name=SEMARANG_CAMPAIGN,
        defaults={
            "kind": DeclarationKind.NETRALITAS_ASN,
            "description": (
                "Deklarasi netralitas ASN di seluruh 16 kecamatan Kota Semarang, dipuncaki "
                "deklarasi di Balaikota; disampaikan dalam audiensi Bawaslu Kota Semarang "
                "dengan Wali Kota pada 21 September 2023."
            ),
        },
    )
    kecamatan = list(Region.objects.filter(parent=city, depth=3).order_by("code"))
    dates = _working_days(KECAMATAN_DECLARATIONS_FROM, len(kecamatan))
    for region, date in zip(kecamatan, dates, strict=True):
        office = agencies[f"kecamatan:{region.code}"]
        _declaration(
            actor=actor,
            campaign=campaign,
            region=region,
            title=f"Deklarasi Netralitas ASN Kecamatan {region.name}",
            date=date,
            place=f"Kantor Kecamatan {region.name}",
            organiser=office,
            signatory_agencies=[office, agencies["bawaslu_semarang"]],
            signatories=[
                {"name": f"Camat {region.name}", "agency": office, "position_title": "Camat"},
            ],
            description=ILLUSTRATIVE,
        )
    culmination = _declaration(
        actor=actor,
        campaign=campaign,
        region=city,
        title=SEMARANG_CULMINATION,
        date=CULMINATION_DATE,
        place="Balaikota Semarang",
        organiser=agencies["pemkot_semarang"],
        is_culmination=True,
        signatory_agencies=[
            agencies["pemkot_semarang"],
            agencies["bawaslu_semarang"],
            agencies["setda_semarang"],
            agencies["kesbangpol_semarang"],
            agencies["bkpsdm_semarang"],
        ],
        signatories=[
            {
                "person": people["mbak_ita"],
                "agency": agencies["pemkot_semarang"],
                "position_title": "Wali Kota Semarang",
            },
            {
                "person": people["arief_rahman"],
                "agency": agencies["bawaslu_semarang"],
                "position_title": "Ketua Bawaslu Kota Semarang",
            },
        ],
        description=(
            "Puncak deklarasi netralitas ASN setelah deklarasi di 16 kecamatan. " + ILLUSTRATIVE
        ),
    )
    _declaration_photo(actor, culmination, CULMINATION_PHOTO, CULMINATION_DATE)
    return campaign


#: Both designations of the ten kelurahan: "10 Kelurahan Anti Politik Uang dan Kelurahan
#: Pengawasan" (article 000).
SEMARANG_DESIGNATION_KINDS = ("Kelurahan Anti Politik Uang", "Kelurahan Pengawasan")
DESIGNATION_NOTES = (
    "Data demo: artikel sumber (audiensi 21 September 2023) menyebut \u201c10 Kelurahan Anti "
    "Politik Uang dan Kelurahan Pengawasan\u201d tanpa nama, tanpa tanggal dan tanpa pembagian "
    "di antara keduanya; kelurahan dan tanggalnya dipilih sebagai ilustrasi."
)


def _seed_semarang_designations(portal: PortalDemo) -> list[KelurahanDesignation]:
    """Ten kelurahan (the first of each of the first ten kecamatan), each with both kinds."""
    actor = portal.users["semarang.staf"]
    kinds = [
        DesignationKind.objects.get_or_create(name=name)[0] for name in SEMARANG_DESIGNATION_KINDS
    ]
    kecamatan = Region.objects.filter(parent_id="33.74", depth=3).order_by("code")[:10]
    designations = []
    for region in kecamatan:
        kelurahan = Region.objects.filter(parent=region, depth=4).order_by("code").first()
        for kind in kinds:
            data = {
                "kind": kind,
                "kelurahan": kelurahan,
                "date": datetime.date(2023, 7, 17),
                "status": DesignationStatus.AKTIF,
                "notes": DESIGNATION_NOTES,
            }
            existing = KelurahanDesignation.objects.filter(kind=kind, kelurahan=kelurahan).first()
            if existing:
                designations.append(
                    services.designation_update(actor=actor, designation=existing, **data)
                )
            else:
                designations.append(services.designation_create(actor=actor, **data))
    designations.append(_seed_revoked_designation(portal, kinds[0]))
    return designations


#: The illustrative revoked designation: the first kelurahan of the eleventh kecamatan,
#: designated after the audiensi, revoked after the vote of 14 February 2024.
REVOKED_DESIGNATION_DATE = datetime.date(2023, 10, 2)
REVOKED_ON = datetime.date(2024, 3, 4)
REVOKED_NOTES = (
    "Data demo: penetapan ilustrasi di luar sepuluh kelurahan yang disebut artikel sumber "
    "(audiensi 21 September 2023), untuk menunjukkan penetapan yang dicabut."
)
REVOKED_REASON = "Dicabut: penetapan ditinjau ulang setelah pemungutan suara (ilustrasi)."


def _seed_revoked_designation(portal: PortalDemo, kind: DesignationKind) -> KelurahanDesignation:
    """Designate, then revoke, each at its own date; once made it is left as it is (an update
    with the ten's data would make it active again)."""
    actor = portal.users["semarang.staf"]
    kecamatan = Region.objects.filter(parent_id="33.74", depth=3).order_by("code")[10]
    kelurahan = Region.objects.filter(parent=kecamatan, depth=4).order_by("code").first()
    existing = KelurahanDesignation.objects.filter(kind=kind, kelurahan=kelurahan).first()
    if existing:
        return existing
    with clock(datetime.datetime.combine(REVOKED_DESIGNATION_DATE, datetime.time(10), WIB)):
        designation = services.designation_create(
            actor=actor,
            kind=kind,
            kelurahan=kelurahan,
            date=REVOKED_DESIGNATION_DATE,
            status=DesignationStatus.AKTIF,
            notes=REVOKED_NOTES,
        )
    with clock(datetime.datetime.combine(REVOKED_ON, datetime.time(10), WIB)):
        return services.designation_revoke(
            actor=actor, designation=designation, date=REVOKED_ON, reason=REVOKED_REASON
        )


@dataclass
class DemoProgram:
    """A program of ``programs.toml``: its targets are (level, count in each region of it)."""

    region: str
    name: str
    actor: str
    owner_agency: str
    description: str
    period_start: datetime.date
    period_end: datetime.date
    targets: list[tuple[str, int]]
    legal_basis: str = ""


def _target(level: str, each: int) -> tuple[str, int]:
    return (level, each)


def _program(table: dict, where: str) -> DemoProgram:
    return build(
        DemoProgram,
        table,
        where,
        convert={
            "actor": login(LOGIN_NAMES),
            "targets": each(_target, level=choice(ProgramLevel)),
        },
    )


#: The programs of the articles (the data: ``programs.toml`` beside this module), by region.
PROGRAMS = {
    program.region: program
    for program in (
        _program(table, where)
        for where, table in load(__file__, "programs.toml", "program")["program"]
    )
}
BALIKPAPAN_PROGRAM = PROGRAMS["64.71"].name
PANGKALPINANG_PROGRAM = PROGRAMS["19.71"].name


def _target_rows(city: Region, level: str, count: int) -> list[dict]:
    """The target rows of ``count`` meetings at ``level`` in each region of that level of
    ``city``: one row per kecamatan; for the kelurahan, one row for the city that counts
    them all; else the city's row."""
    if level == ProgramLevel.KECAMATAN:
        kecamatan = Region.objects.filter(parent=city, depth=3).order_by("code")
        return [{"level": level, "region": region, "target_count": count} for region in kecamatan]
    if level == ProgramLevel.KELURAHAN:
        count *= Region.objects.filter(code__startswith=f"{city.code}.", depth=4).count()
    return [{"level": level, "region": city, "target_count": count}]


def _seed_program(portal: PortalDemo, spec: DemoProgram) -> Program:
    """Create or update (by region and name) the program ``spec`` with its targets."""
    city = Region.objects.get(code=spec.region)
    actor = portal.users[spec.actor]
    data = {
        "name": spec.name,
        "region": city,
        "owner_agency": portal.agencies[spec.owner_agency],
        "legal_basis": spec.legal_basis,
        "description": spec.description,
        "period_start": spec.period_start,
        "period_end": spec.period_end,
        "targets": [
            row for level, count in spec.targets for row in _target_rows(city, level, count)
        ],
    }
    existing = Program.objects.filter(region=city, name=spec.name).first()
    if existing:
        return services.program_update(actor=actor, program=existing, **data)
    return services.program_create(actor=actor, **data)


def _seed_serang_pokja(portal: PortalDemo) -> WorkingGroup:
    """The pokja of article 003: no officers (the article names none), plain members."""
    agencies = portal.agencies
    city = Region.objects.get(code="36.73")
    members = []
    for key, name in [
        ("bawaslu_serang", "Perwakilan Bawaslu Kota Serang"),
        ("pemkot_serang", "Perwakilan Pemerintah Kota Serang"),
        ("bkpsdm_serang", "Perwakilan BKPSDM Kota Serang"),
        ("kodim_serang", "Perwakilan Kodim 0602/Serang"),
        ("polresta_serang", "Perwakilan Polresta Serang Kota"),
        ("kejari_serang", "Perwakilan Kejaksaan Negeri Serang"),
        ("diskominfo_serang", "Perwakilan Diskominfo Kota Serang"),
    ]:
        members.append({"name": name, "agency": agencies[key], "role": WorkingGroupRole.ANGGOTA})
    data = {
        "name": SERANG_POKJA,
        "agency": agencies["bawaslu_serang"],
        "region": city,
        "purpose": (
            "Mengawasi dan menangani isu netralitas ASN pada Pemilihan 2024; dibentuk dalam "
            "rapat koordinasi stakeholder Bawaslu Kota Serang, 21 November 2024, di Aula Hotel "
            "Horison TC UPI Serang.\n"
            "Data demo: artikel sumber tidak menyebut susunan anggota, pengurus maupun SK. "
            "Anggota di sini adalah perwakilan lembaga yang hadir dalam rakor, tanpa ketua "
            "atau sekretaris; tanggal SK adalah tanggal tindak lanjut rakor \u201cPenetapan SK "
            "dan anggota Pokja netralitas ASN\u201d diselesaikan."
        ),
        "decree_date": SERANG_POKJA_DECREE_DATE,
        "members": members,
    }
    actor = portal.users["serang.staf"]
    existing = WorkingGroup.objects.filter(region=city, name=SERANG_POKJA).first()
    if existing:
        return services.working_group_update(actor=actor, group=existing, **data)
    return services.working_group_create(actor=actor, **data)


@transaction.atomic
def seed_campaigns_demo(*, portal: PortalDemo) -> dict:
    """Create (or update) the campaigns demo data; returns what it made by name. Idempotent."""
    return {
        "semarang_campaign": _seed_semarang_declarations(portal),
        "semarang_designations": _seed_semarang_designations(portal),
        "balikpapan_program": _seed_program(portal, PROGRAMS["64.71"]),
        "pangkalpinang_program": _seed_program(portal, PROGRAMS["19.71"]),
        "serang_pokja": _seed_serang_pokja(portal),
    }


#: Which demo meetings (by title, from ``coordination.demo.meetings``) belong to which record.
PROGRAM_MEETINGS = {
    ("64.71", BALIKPAPAN_PROGRAM): [
        RAKOR_BALIKPAPAN,
        "Sosialisasi Netralitas ASN di Kecamatan Balikpapan Kota",
    ],
    ("19.71", PANGKALPINANG_PROGRAM): [
        KUNJUNGAN_PANGKALPINANG,
        "Sosialisasi Cegah, Awasi, Tindak (CAT) bersama Camat dan Lurah",
    ],
}
POKJA_MEETINGS = {
    ("36.73", SERANG_POKJA): [
        RAKOR_SERANG,
        "Rapat Pokja Netralitas ASN Kota Serang",
    ],
}


@transaction.atomic
def link_campaign_demo_meetings(
    *, portal: PortalDemo | None = None, meetings: Mapping[str, Meeting] | None = None
) -> None:
    """Link the demo programs and pokja to their meetings (given by title, or looked up).

    Meetings are taken from ``meetings`` (title → meeting, as returned by
    ``seed_meetings_demo``) or else found by region and title; missing ones
    are skipped. Linking replaces the previous links, so it is idempotent.
    """
    meetings = meetings or {}

    def find(region_code: str, titles: list[str]) -> list[Meeting]:
        found = [meetings[title] for title in titles if title in meetings]
        missing = [title for title in titles if title not in meetings]
        if missing:
            found += list(
                Meeting.objects.filter(subtree_q("region", region_code), title__in=missing)
            )
        return found

    for (region_code, name), titles in PROGRAM_MEETINGS.items():
        program = Program.objects.filter(region_id=region_code, name=name).first()
        if program:
            services.program_set_meetings(
                actor=None, program=program, meetings=find(region_code, titles)
            )
    for (region_code, name), titles in POKJA_MEETINGS.items():
        group = WorkingGroup.objects.filter(region_id=region_code, name=name).first()
        if group:
            services.working_group_set_meetings(
                actor=None, group=group, meetings=find(region_code, titles)
            )

"""The portal demo's agencies: the offices the five source articles name, and local offices.

Every kecamatan of the seed cities gets a kantor kecamatan (``kecamatan:<code>``)
and every kelurahan of Kota Semarang a kantor kelurahan (``kelurahan:<code>``):
the lurah were invited to the silaturahmi of 27 November 2023 (article 001).
"""

from bawaslu_portal.models import Agency, AgencyKind, Region

__all__ = ["AGENCIES", "SEED_REGION_CODES", "seed_agencies"]

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

#: The cities whose every kelurahan gets a kantor kelurahan (see the module docstring).
KELURAHAN_OFFICE_CITIES = ["33.74"]


def seed_agencies() -> dict[str, Agency]:
    """Create (or update) the demo agencies; returns them by key."""
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
    return agencies


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

"""The portal demo's agencies: the offices the five source articles name, and local offices.

Every kecamatan of the seed cities gets a kantor kecamatan (``kecamatan:<code>``)
and every kelurahan of Kota Semarang a kantor kelurahan (``kelurahan:<code>``):
the lurah were invited to the silaturahmi of 27 November 2023 (article 001).

The agencies the articles name are data, in ``agencies.toml`` beside this module;
the kantor kecamatan and kelurahan come from the regions.
"""

from bawaslu_portal.demo.records import build, choice, load
from bawaslu_portal.models import Agency, AgencyKind, Region

__all__ = ["AGENCIES", "SEED_REGION_CODES", "seed_agencies"]

#: The seed cities (and, with them, their provinces).
SEED_REGION_CODES = ["33.74", "64.71", "36.73", "19.71"]


def _agency(
    key: str,
    name: str,
    short_name: str,
    kind: str,
    region: str,
    parent: str | None = None,
    address: str = "",
) -> tuple[str, str, str, str, str, str | None, str]:
    return (key, name, short_name, kind, region, parent, address)


#: (key, name, short name, kind, region code, parent key, address), from ``agencies.toml``
#: beside this module (the data: its header says how an agency is written).
AGENCIES = [
    build(_agency, table, where, convert={"kind": choice(AgencyKind)})
    for where, table in load(__file__, "agencies.toml", "agency")["agency"]
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

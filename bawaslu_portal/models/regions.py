"""The Kemendagri region hierarchy: provinsi → kab/kota → kecamatan → kelurahan/desa."""

import zoneinfo

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .fields import parent_link


class RegionKind(models.TextChoices):
    PROVINSI = "provinsi", _("Province")
    KABUPATEN = "kabupaten", _("Regency (kabupaten)")
    KOTA = "kota", _("City (kota)")
    KECAMATAN = "kecamatan", _("District (kecamatan)")
    KELURAHAN = "kelurahan", _("Urban village (kelurahan)")
    DESA = "desa", _("Village (desa)")


class TimeZoneLabel(models.TextChoices):
    """The three Indonesian zones, stored by their everyday label."""

    WIB = "WIB", "WIB (Asia/Jakarta)"
    WITA = "WITA", "WITA (Asia/Makassar)"
    WIT = "WIT", "WIT (Asia/Jayapura)"


TIMEZONE_NAMES = {
    TimeZoneLabel.WIB: "Asia/Jakarta",
    TimeZoneLabel.WITA: "Asia/Makassar",
    TimeZoneLabel.WIT: "Asia/Jayapura",
}

LABEL_PREFIX = {
    RegionKind.PROVINSI: "Provinsi",
    RegionKind.KECAMATAN: "Kecamatan",
    RegionKind.KELURAHAN: "Kelurahan",
    RegionKind.DESA: "Desa",
}

#: Depth of each kind in the hierarchy (the number of code segments).
KIND_DEPTH = {
    RegionKind.PROVINSI: 1,
    RegionKind.KABUPATEN: 2,
    RegionKind.KOTA: 2,
    RegionKind.KECAMATAN: 3,
    RegionKind.KELURAHAN: 4,
    RegionKind.DESA: 4,
}


def subtree_q(field: str, code: str) -> Q:
    """A filter for the region ``code`` and everything below it.

    ``field`` names a path to a region code (``"code"``, ``"region"``,
    ``"agency__region"``). The dotted code makes a subtree a prefix: the region
    itself plus every code that starts with ``code + "."``; the dot keeps
    ``33.7`` from matching ``33.74``. On PostgreSQL the ``varchar_pattern_ops``
    index Django adds to the key serves the ``LIKE`` prefix.
    """
    # ``region__code`` compares the foreign-key column itself: Django needs no join
    # to reach the primary key of the related region.
    column = field if field == "code" else f"{field}__code"
    return Q(**{column: code}) | Q(**{f"{column}__startswith": f"{code}."})


class RegionQuerySet(models.QuerySet):
    def subtree(self, code: str) -> "RegionQuerySet":
        return self.filter(subtree_q("code", code))

    def kelurahan(self) -> "RegionQuerySet":
        return self.filter(depth=4)


class Region(models.Model):
    """One Kemendagri region, keyed by its dotted code (``33.74.01.1001``).

    The code is the primary key so that every foreign key to a region carries
    the code itself: jurisdiction filters become a prefix match on the
    referencing table, with no join.
    """

    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    kind = models.CharField(_("kind"), max_length=12, choices=RegionKind.choices)
    depth = models.PositiveSmallIntegerField(_("level"), db_index=True, editable=False)
    parent = parent_link(_("parent region"))
    timezone = models.CharField(
        _("time zone"), max_length=4, choices=TimeZoneLabel.choices, default=TimeZoneLabel.WIB
    )
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        indexes = [models.Index(fields=["depth", "code"], name="region_depth_code_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(depth__gte=1, depth__lte=4), name="region_depth_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(depth=1, parent__isnull=True) | Q(depth__gt=1, parent__isnull=False),
                name="region_parent_matches_depth",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs):
        self.depth = KIND_DEPTH[self.kind]
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        """The name as officials write it: "Kota Semarang", "Kecamatan Tugu".

        Kab/kota names already carry their prefix in the Kemendagri data; the
        prefixes are Indonesian terms and stay untranslated.
        """
        prefix = LABEL_PREFIX.get(self.kind)
        return f"{prefix} {self.name}" if prefix else self.name

    @property
    def zoneinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(TIMEZONE_NAMES[self.timezone])

    @property
    def is_kelurahan(self) -> bool:
        return self.depth == 4

    def ancestor_codes(self) -> list[str]:
        """Codes of this region's ancestors, province first (no queries)."""
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    def contains(self, code: str) -> bool:
        return code == self.code or code.startswith(self.code + ".")

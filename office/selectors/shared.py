"""What the office's figure selectors share: counts grouped by kab/kota, list links, and the
table per kab/kota of the work queue and the recap."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.db.models.functions import Substr
from django.urls import reverse

from bawaslu_portal.models import Region
from coordination.selectors.campaigns import CITY_CODE_LENGTH


def counts_per_city(queryset: QuerySet, column: str, **counts) -> dict[str, dict]:
    """kab/kota code → {name: count}, in one grouped query on the first five characters of
    ``column`` (a region code)."""
    rows = (
        queryset.prefetch_related(None)
        .order_by()
        .annotate(city=Substr(column, 1, CITY_CODE_LENGTH))
        .values("city")
        .annotate(**counts)
    )
    return {row.pop("city"): row for row in rows}


def list_url(name: str, **params) -> str:
    """The URL ``name`` with the query ``params`` that are set (a list's filters)."""
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    return f"{reverse(name)}?{query}" if query else reverse(name)


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class Row:
    """A row of a table per kab/kota: its kab/kota (the area for the total), label and cells."""

    region: Region | None
    label: str
    cells: list


@dataclass(kw_only=True)
class RegionTable:
    """A table per kab/kota (a province's page): its columns, a row per kab/kota, the total."""

    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None

"""What the office's figure selectors share: counts grouped by kab/kota."""

from django.db.models import QuerySet
from django.db.models.functions import Substr

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

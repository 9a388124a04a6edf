"""Small tables every list page reads, kept per process: elections, categories, topics.

The filter selects of ``/laporan/`` and ``/rapat/`` list whole small tables (the elections, the
violation categories, the meeting topics) on every request, though they change a few times a
year, through the admin (issue 10 §1). :func:`lookup_rows` keeps such a table's rows in the
process for :data:`LOOKUP_TTL` seconds. A save or delete of one of its rows in this process
clears the cache at once; the other processes (gunicorn workers) see the change within the TTL.

Which tables: ``settings.PORTAL_LOOKUP_MODELS`` (``"app_label.Model"``), so this module names no
model of the apps above it. Only a whole table is cached (no filter, slice, annotation or
prefetch); any other queryset is read as usual.
"""

import time

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

#: Seconds a process keeps a lookup table before reading it again.
LOOKUP_TTL = 60

_cache: dict[tuple, tuple[float, list]] = {}


def _is_whole_table(queryset: QuerySet) -> bool:
    query = queryset.query
    return not (
        query.where.children
        or query.is_sliced
        or query.annotations
        or query.distinct
        or query.extra
        or query.select_related
        or queryset._prefetch_related_lookups
        or query.values_select
    )


def lookup_rows(queryset: QuerySet) -> list | None:
    """The rows of ``queryset`` when it is a whole lookup table, cached; None for any other."""
    label = queryset.model._meta.label
    if label not in settings.PORTAL_LOOKUP_MODELS or not _is_whole_table(queryset):
        return None
    ordering = tuple(str(field) for field in queryset.query.order_by)
    key = (label, queryset.db, ordering)
    now = time.monotonic()
    cached = _cache.get(key)
    if cached is not None and now - cached[0] < LOOKUP_TTL:
        return cached[1]
    rows = list(queryset.all())
    _cache[key] = (now, rows)
    return rows


def clear_lookups() -> None:
    """Forget every cached table (tests call it between tests)."""
    _cache.clear()


def _changed(sender, **kwargs):
    if sender._meta.label in settings.PORTAL_LOOKUP_MODELS:
        clear_lookups()


post_save.connect(_changed, dispatch_uid="bawaslu_portal.lookups.post_save")
post_delete.connect(_changed, dispatch_uid="bawaslu_portal.lookups.post_delete")

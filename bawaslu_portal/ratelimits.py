"""Atomic rate limits for the public pages (filing a report, checking its status).

A use is *taken* before the work it limits, under a row lock on the
client's counter, so twenty parallel filings from one address get exactly
the allowance and no more; a use whose work then fails (an invalid form, a
refused filing) is *released*. The window starts at the first use.
"""

import datetime

from django.db import connection
from django.db.models import F
from django.utils import timezone

from bawaslu_portal.models import RateLimitCounter


def rate_limit_exhausted(key: str, *, limit: int) -> bool:
    """Whether ``key`` has no use left in its current window (a read; takes nothing)."""
    return RateLimitCounter.objects.filter(
        key=key, count__gte=limit, window_ends_at__gt=timezone.now()
    ).exists()


def rate_limit_take(key: str, *, limit: int, window: int) -> bool:
    """Take one use of ``key``; False when the allowance of its window is used up.

    One statement (an upsert that counts and returns the new count), atomic on
    PostgreSQL and SQLite alike, so concurrent takes are counted one after the
    other and a request costs the same queries whoever makes it. ``window`` is
    in seconds; an expired window starts again at this use. A refused take is
    counted too, which changes nothing: the client stays refused until the
    window ends.
    """
    now = timezone.now()
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    sql = (
        f"INSERT INTO {table} (key, count, window_ends_at) VALUES (%s, 1, %s) "  # noqa: S608 - the model's own quoted table; values are parameters
        f"ON CONFLICT (key) DO UPDATE SET "
        f"count = CASE WHEN {table}.window_ends_at <= %s THEN 1 ELSE {table}.count + 1 END, "
        f"window_ends_at = CASE WHEN {table}.window_ends_at <= %s "
        f"THEN excluded.window_ends_at ELSE {table}.window_ends_at END "
        f"RETURNING count"
    )
    params = [key, adapt(now + datetime.timedelta(seconds=window)), adapt(now), adapt(now)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (count,) = cursor.fetchone()
    return count <= limit


def rate_limit_release(key: str) -> None:
    """Give back a use taken for work that did not happen (one atomic UPDATE)."""
    RateLimitCounter.objects.filter(key=key, count__gt=0).update(count=F("count") - 1)

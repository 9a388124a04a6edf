"""Dates and times the Indonesian way, in the zone of the region concerned.

"Kamis, 21 September 2023" and "10.00 WITA": the date format comes from the
active language's DATE_FORMAT (see ``bawaslu_portal/formats``); the zone label
from the region (WIB/WITA/WIT), never from the server.
"""

import zoneinfo
from datetime import date, datetime

from django.utils import formats, timezone

from bawaslu_portal.models.regions import TIMEZONE_NAMES, TimeZoneLabel


def zone_for(region_or_label) -> tuple[str, zoneinfo.ZoneInfo]:
    """The label and zone for a Region, a label string, or None (WIB)."""
    label = getattr(region_or_label, "timezone", region_or_label) or TimeZoneLabel.WIB
    return str(label), zoneinfo.ZoneInfo(TIMEZONE_NAMES[TimeZoneLabel(label)])


def to_local(value: datetime, region_or_label) -> datetime:
    _label, tz = zone_for(region_or_label)
    return timezone.localtime(value, tz)


def format_date(value: date | datetime, region_or_label=None, *, short: bool = False) -> str:
    """ "Kamis, 21 September 2023"; ``short``: "21 Sep 2023" (for a list column on a phone)."""
    if isinstance(value, datetime):
        value = to_local(value, region_or_label)
    return formats.date_format(value, "SHORT_DATE_FORMAT" if short else "DATE_FORMAT")


def format_time(value: datetime, region_or_label) -> str:
    """ "10.00 WITA"."""
    label, _tz = zone_for(region_or_label)
    return f"{formats.time_format(to_local(value, region_or_label), 'TIME_FORMAT')} {label}"


def format_datetime(value: datetime, region_or_label) -> str:
    """ "Kamis, 21 September 2023, 10.00 WITA"."""
    return f"{format_date(value, region_or_label)}, {format_time(value, region_or_label)}"

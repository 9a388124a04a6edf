"""Reads for the public agenda (``/agenda/``, ``/agenda.ics``): no login, no jurisdiction.

The rule: only meetings (and declarations) marked public are ever read here, whatever their
status (a cancelled public meeting stays on the agenda, shown as cancelled).
These selectors load agencies, regions and topics, never people's contact
data; the public templates show attendees only by name, agency and role.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.models.regions import subtree_q
from coordination.models import AttendeeRole, Declaration, Meeting, MeetingAttendee
from coordination.selectors.campaigns import CITY_CODE_LENGTH

__all__ = [
    "FEED_DAYS_BACK",
    "FEED_MAX_EVENTS",
    "declaration_public_feed",
    "declaration_public_filter",
    "declaration_public_list",
    "meeting_public_feed",
    "meeting_public_get",
    "meeting_public_list",
    "public_city_get",
    "public_city_list",
]

#: How far back the iCalendar feed reaches; everything upcoming is included.
FEED_DAYS_BACK = 365
#: Upper bound on the events of one feed, so a feed never grows without limit.
FEED_MAX_EVENTS = 500


def _public_meetings() -> QuerySet:
    return Meeting.objects.filter(is_public=True)


def _upcoming_q(now: datetime.datetime) -> Q:
    """Not over yet: it starts later, or it has started and not ended."""
    return Q(starts_at__gte=now) | Q(ends_at__gte=now)


def public_city_get(*, code: str) -> Region:
    """The kab/kota ``code`` for a city filter or feed; 404 for anything else."""
    try:
        return Region.objects.get(code=code, depth=2)
    except Region.DoesNotExist as exc:
        raise Http404(_("No such city.")) from exc


def public_city_list() -> QuerySet:
    """The kab/kota with at least one public meeting or declaration, for the city filter."""
    meeting_cities = (
        _public_meetings().annotate(city=Substr("region_id", 1, CITY_CODE_LENGTH)).values("city")
    )
    declaration_cities = (
        Declaration.objects.filter(is_public=True)
        .annotate(city=Substr("region_id", 1, CITY_CODE_LENGTH))
        .values("city")
    )
    return Region.objects.filter(
        Q(code__in=meeting_cities) | Q(code__in=declaration_cities), depth=2
    ).order_by("name")


def meeting_public_list(
    *, city_code: str | None = None, upcoming: bool = True, now: datetime.datetime | None = None
) -> QuerySet:
    """Public meetings, upcoming (soonest first) or past (latest first), optionally in one city.

    Loads the region, the host agency and the topics for the agenda list.
    """
    now = now or timezone.now()
    queryset = _public_meetings().select_related("region", "host_agency")
    if city_code:
        queryset = queryset.filter(subtree_q("region", city_code))
    if upcoming:
        return queryset.filter(_upcoming_q(now)).order_by("starts_at", "pk")
    return queryset.exclude(_upcoming_q(now)).order_by("-starts_at", "-pk")


def meeting_public_get(*, pk: int) -> Meeting:
    """One public meeting with what its public page shows; 404 when it is not public.

    Attendees are limited to the host side, speakers and minute-takers (by
    name, agency and position), never participants' lists or contact data.
    """
    speakers = MeetingAttendee.objects.filter(
        role__in=[AttendeeRole.HOST, AttendeeRole.NARASUMBER]
    ).select_related("person", "agency")
    queryset = (
        _public_meetings()
        .select_related("region", "region__parent", "host_agency")
        .prefetch_related(
            "topics",
            "agenda_items",
            Prefetch("participating_agencies", queryset=Agency.objects.order_by("name")),
            Prefetch("attendees", queryset=speakers, to_attr="public_speakers"),
        )
    )
    try:
        return queryset.get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404(_("No such public meeting.")) from exc


def meeting_public_feed(
    *, city_code: str | None = None, now: datetime.datetime | None = None
) -> list[Meeting]:
    """The public meetings of the iCalendar feed: the last 12 months and everything ahead.

    Bounded by :data:`FEED_MAX_EVENTS` (the latest ones win).
    """
    now = now or timezone.now()
    since = now - datetime.timedelta(days=FEED_DAYS_BACK)
    queryset = (
        _public_meetings()
        .filter(starts_at__gte=since)
        .select_related("region", "host_agency")
        .prefetch_related("topics")
        .order_by("-starts_at", "-pk")
    )
    if city_code:
        queryset = queryset.filter(subtree_q("region", city_code))
    return list(reversed(queryset[:FEED_MAX_EVENTS]))


def declaration_public_list(*, city_code: str | None = None) -> QuerySet[Declaration]:
    """Public declarations, latest first, optionally in one kab/kota (no login, no scope).

    For the public agenda: only ``is_public`` rows; the organiser and signatory
    agencies are loaded, never people's contact data.
    """
    queryset = Declaration.objects.filter(is_public=True)
    if city_code:
        queryset = queryset.filter(subtree_q("region", city_code))
    return (
        queryset.select_related("region", "organiser", "campaign")
        .prefetch_related("signatory_agencies")
        .order_by("-date", "-pk")
    )


def declaration_public_filter(queryset: QuerySet, *, upcoming: bool, today=None) -> QuerySet:
    """Narrow :func:`declaration_public_list` to upcoming (from today) or past declarations."""
    today = today or timezone.localdate()
    if upcoming:
        return queryset.filter(date__gte=today).order_by("date", "pk")
    return queryset.filter(date__lt=today).order_by("-date", "-pk")


def declaration_public_feed(queryset: QuerySet, *, today=None) -> list:
    """The public declarations of the feed: the last 12 months and everything ahead, bounded."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=FEED_DAYS_BACK)
    recent = queryset.filter(date__gte=since).order_by("-date", "-pk")[:FEED_MAX_EVENTS]
    return list(reversed(recent))

"""Reads for the public agenda (``/agenda/``, ``/agenda.ics``): no login, no jurisdiction.

The rule: only meetings (and declarations) marked public are ever read here, whatever their
status (a cancelled public meeting stays on the agenda, shown as cancelled).
These selectors load agencies, regions and topics, never people's contact
data; the public templates show attendees only by name, agency and role.
"""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Substr
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


def _with_end(queryset: QuerySet) -> QuerySet:
    """Alias ``end``: when the meeting is over (its end, or its start when it has no end).

    "Not over yet" used to be ``starts_at >= now OR ends_at >= now``, which no index serves: the
    past list and every count walked all past public meetings. As a meeting never ends before
    it starts (``meeting_ends_after_start``), it is the same as ``COALESCE(ends_at, starts_at)
    >= now``, which the partial index ``meeting_public_end_idx`` serves: the upcoming list reads
    the upcoming meetings only, however long the history.
    """
    return queryset.alias(end=Coalesce("ends_at", "starts_at"))


def public_city_get(*, code: str) -> Region:
    """The kab/kota ``code`` for a city filter or feed; 404 for anything else."""
    try:
        return Region.objects.get(code=code, depth=2)
    except Region.DoesNotExist as exc:
        raise Http404(_("No such city.")) from exc


def public_city_list() -> QuerySet:
    """The kab/kota with at least one public meeting or declaration, for the city filter.

    Read from the kab/kota (about 500 rows): for each, does one public meeting or declaration
    exist in it? The meeting side is one probe of the partial index ``meeting_public_city_idx``
    on the first five characters of the region code, so the list costs the same with 20,000 or
    a million meetings (it was a scan of every public meeting's region on each view).
    """
    meetings = _public_meetings().annotate(city=Substr("region_id", 1, CITY_CODE_LENGTH))
    declarations = Declaration.objects.filter(is_public=True).annotate(
        city=Substr("region_id", 1, CITY_CODE_LENGTH)
    )
    return Region.objects.filter(
        Q(Exists(meetings.filter(city=OuterRef("code"))))
        | Q(Exists(declarations.filter(city=OuterRef("code")))),
        depth=2,
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
    queryset = _with_end(queryset)
    if upcoming:
        # Sorted by COALESCE(starts_at, ends_at), which is starts_at (never null) but which no
        # index serves: PostgreSQL then reads the upcoming meetings through the end index and
        # sorts them (a few hundred). Sorted by starts_at itself, it would walk the start index
        # from the oldest public meeting, dropping every past one, expecting upcoming meetings
        # to be spread evenly over the years.
        return queryset.order_by(Coalesce("starts_at", "ends_at"), "pk").filter(end__gte=now)
    # The latest first: the start index read backwards stops after one page.
    return queryset.filter(end__lt=now).order_by("-starts_at", "-pk")


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

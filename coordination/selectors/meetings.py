"""Reads of meetings and their attachments, always through the jurisdiction scope.

On top of the scope, a partner official (role ``partner``) sees only the
meetings that concern their own agency: those it hosts, takes part in, or
sends an attendee to.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from bawaslu_portal.models import Agency, Region
from coordination.models import FollowUp, Meeting, MeetingAttendee, MeetingStatus, Topic
from coordination.selectors.shared import (
    agency_involved,
    filter_where_set,
    get_or_404,
    visible_to,
)

__all__ = [
    "MeetingFilters",
    "attachment_get",
    "meeting_get",
    "meeting_get_for_edit",
    "meeting_list",
    "topic_list",
    "without_minutes_q",
]


def _visible_meetings(user) -> QuerySet[Meeting]:
    partner_q = agency_involved(
        "host_agency_id", Meeting.participating_agencies, MeetingAttendee, record="meeting"
    )
    return visible_to(user, Meeting.objects.all(), partner_q=partner_q)


@dataclass(frozen=True)
class MeetingFilters:
    kind: str = ""
    status: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    region: Region | None = None
    agency: Agency | None = None
    topic: Topic | None = None
    without_minutes: bool = False


def without_minutes_q() -> Q:
    """Held, and nobody has written its summary (notulen) yet."""
    return Q(status=MeetingStatus.TERLAKSANA, summary="")


def meeting_list(*, user, filters: MeetingFilters | None = None) -> QuerySet[Meeting]:
    """The meetings the user may see, newest first, filtered.

    ``date_from``/``date_to`` are whole days in the server's zone; ``region``
    takes its subtree; ``agency`` matches the host or a participating agency.
    """
    filters = filters or MeetingFilters()
    queryset = filter_where_set(
        _visible_meetings(user), kind=filters.kind, status=filters.status, region=filters.region
    )
    tz = timezone.get_current_timezone()
    # The filter form keeps dates within its years; the first and last day Python can hold
    # would overflow here (midnight of 0001-01-01 in WIB is before year 1 in UTC, and the day
    # after 9999-12-31 does not exist), and they exclude nothing anyway.
    if filters.date_from and filters.date_from > datetime.date.min:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=tz)
        queryset = queryset.filter(starts_at__gte=start)
    if filters.date_to and filters.date_to < datetime.date.max:
        end = datetime.datetime.combine(
            filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        queryset = queryset.filter(starts_at__lt=end)
    if filters.agency:
        participant = Meeting.participating_agencies.through.objects.filter(
            meeting_id=OuterRef("pk"), agency_id=filters.agency.pk
        )
        queryset = queryset.filter(Q(host_agency=filters.agency) | Exists(participant))
    if filters.without_minutes:
        queryset = queryset.filter(without_minutes_q())
    if filters.topic:
        tagged = Meeting.topics.through.objects.filter(
            meeting_id=OuterRef("pk"), topic_id=filters.topic.pk
        )
        queryset = queryset.filter(Exists(tagged))
    return (
        queryset.select_related("region", "host_agency")
        .prefetch_related("topics")
        .order_by("-starts_at", "-pk")
    )


def _meeting_follow_ups(user) -> QuerySet[FollowUp]:
    """A meeting's follow-ups as its detail page lists them: a partner sees only their own."""
    queryset = FollowUp.objects.select_related("responsible_agency", "responsible_person")
    if user.is_partner:
        queryset = queryset.filter(responsible_agency_id=user.agency_id)
    return queryset.order_by("due_date", "pk")


def meeting_get(*, user, pk: int) -> Meeting:
    """One meeting the user may see, with everything its detail page shows (404 otherwise)."""
    queryset = _visible_meetings(user).select_related(
        "region", "host_agency", "created_by", "updated_by", "copied_from"
    )
    queryset = queryset.prefetch_related(
        "topics",
        Prefetch("participating_agencies", queryset=Agency.objects.order_by("name")),
        Prefetch(
            "attendees",
            queryset=MeetingAttendee.objects.select_related("person", "agency").order_by(
                "order", "pk"
            ),
        ),
        "agenda_items",
        Prefetch("attachments"),
        Prefetch("follow_ups", queryset=_meeting_follow_ups(user)),
    )
    return get_or_404(queryset, pk=pk)


def meeting_get_for_edit(*, user, pk: int) -> Meeting:
    """A meeting the user may see, with the rows its edit form shows (404 otherwise)."""
    queryset = _visible_meetings(user).select_related("region", "host_agency", "updated_by")
    queryset = queryset.prefetch_related(
        "topics",
        "participating_agencies",
        Prefetch("attendees", queryset=MeetingAttendee.objects.select_related("person")),
        "agenda_items",
    )
    return get_or_404(queryset, pk=pk)


def attachment_get(*, meeting: Meeting, pk: int):
    """An attachment of a meeting the caller already fetched through :func:`meeting_get`."""
    return get_or_404(meeting.attachments, pk=pk)


def topic_list() -> QuerySet[Topic]:
    return Topic.objects.order_by("order", "name")

"""Reads of meetings and follow-ups, always through the jurisdiction scope.

On top of the scope, a partner official (role ``partner``) sees only what
concerns their own agency: meetings it hosts, takes part in, or sends an
attendee to, and the follow-ups assigned to it.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.models import (
    FollowUp,
    FollowUpNote,
    FollowUpStatus,
    Meeting,
    MeetingAttendee,
    Topic,
)

__all__ = [
    "FollowUpFilters",
    "MeetingFilters",
    "agency_choices",
    "attachment_get",
    "follow_up_assigned_list",
    "follow_up_get",
    "follow_up_list",
    "get_or_404",
    "meeting_get",
    "meeting_get_for_edit",
    "meeting_list",
    "region_choices",
    "region_filter_choices",
    "topic_list",
]


def _partner_meeting_q(agency_id: int) -> Q:
    participant = Meeting.participating_agencies.through.objects.filter(
        meeting_id=OuterRef("pk"), agency_id=agency_id
    )
    attendee = MeetingAttendee.objects.filter(meeting_id=OuterRef("pk"), agency_id=agency_id)
    return Q(host_agency_id=agency_id) | Exists(participant) | Exists(attendee)


def _visible_meetings(user) -> QuerySet[Meeting]:
    queryset = scope_to_jurisdiction(Meeting.objects.all(), user)
    if user.is_partner:
        if user.agency_id is None:
            return queryset.none()
        queryset = queryset.filter(_partner_meeting_q(user.agency_id))
    return queryset


def get_or_404(queryset: QuerySet, **lookup):
    """The one object of ``queryset`` matching ``lookup``, or a 404 (unseen and missing alike)."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404(_("Not found.")) from exc


@dataclass(frozen=True)
class MeetingFilters:
    kind: str = ""
    status: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    region: Region | None = None
    agency: Agency | None = None
    topic: Topic | None = None


def meeting_list(*, user, filters: MeetingFilters | None = None) -> QuerySet[Meeting]:
    """The meetings the user may see, newest first, filtered.

    ``date_from``/``date_to`` are whole days in the server's zone; ``region``
    takes its subtree; ``agency`` matches the host or a participating agency.
    """
    filters = filters or MeetingFilters()
    queryset = _visible_meetings(user)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
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
    if filters.region:
        queryset = queryset.filter(subtree_q("region", filters.region.code))
    if filters.agency:
        participant = Meeting.participating_agencies.through.objects.filter(
            meeting_id=OuterRef("pk"), agency_id=filters.agency.pk
        )
        queryset = queryset.filter(Q(host_agency=filters.agency) | Exists(participant))
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


def _visible_follow_ups(user) -> QuerySet[FollowUp]:
    queryset = scope_to_jurisdiction(FollowUp.objects.all(), user)
    if user.is_partner:
        if user.agency_id is None:
            return queryset.none()
        queryset = queryset.filter(responsible_agency_id=user.agency_id)
    return queryset


@dataclass(frozen=True)
class FollowUpFilters:
    agency: Agency | None = None
    status: str = ""
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    overdue_only: bool = False


def follow_up_list(*, user, filters: FollowUpFilters | None = None) -> QuerySet[FollowUp]:
    """The follow-ups the user may see, soonest due first."""
    filters = filters or FollowUpFilters()
    queryset = _visible_follow_ups(user)
    if filters.agency:
        queryset = queryset.filter(responsible_agency=filters.agency)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.due_from:
        queryset = queryset.filter(due_date__gte=filters.due_from)
    if filters.due_to:
        queryset = queryset.filter(due_date__lte=filters.due_to)
    if filters.overdue_only:
        queryset = queryset.filter(
            status__in=FollowUpStatus.open_statuses(), due_date__lt=timezone.localdate()
        )
    return queryset.select_related(
        "responsible_agency", "responsible_person", "meeting", "region"
    ).order_by("due_date", "pk")


def follow_up_assigned_list(*, user) -> QuerySet[FollowUp]:
    """ "Tugas saya": the follow-ups assigned to the user's agency, open ones first."""
    if user.agency_id is None:
        return FollowUp.objects.none()
    closed_last = Case(
        When(status__in=FollowUpStatus.open_statuses(), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        _visible_follow_ups(user)
        .filter(responsible_agency_id=user.agency_id)
        .select_related("responsible_agency", "responsible_person", "meeting", "region")
        .order_by(closed_last, "due_date", "pk")
    )


def follow_up_get(*, user, pk: int) -> FollowUp:
    """One follow-up the user may see, with its notes and meeting (404 otherwise)."""
    queryset = _visible_follow_ups(user).select_related(
        "responsible_agency", "responsible_person", "meeting", "region", "created_by"
    )
    queryset = queryset.prefetch_related(
        Prefetch(
            "notes",
            queryset=FollowUpNote.objects.select_related("author").order_by("date", "created_at"),
        )
    )
    return get_or_404(queryset, pk=pk)


def agency_choices(*, user) -> QuerySet[Agency]:
    """Agencies a user may pick: those in the jurisdiction and those above it.

    A city's meetings often involve the province (Bawaslu Provinsi, KPU
    Provinsi), so the agencies of the ancestor regions are offered too.
    """
    jurisdiction = user_jurisdiction(user)
    queryset = Agency.objects.filter(is_active=True)
    if jurisdiction.nationwide:
        return queryset.select_related("region").order_by("name")
    if jurisdiction.region is None:
        return queryset.none()
    ancestors = jurisdiction.region.ancestor_codes()
    queryset = queryset.filter(
        subtree_q("region", jurisdiction.region.code) | Q(region_id__in=ancestors)
    )
    return queryset.order_by("name")


def region_choices(*, user, include_kelurahan: bool = True) -> QuerySet[Region]:
    """Regions a meeting or follow-up can be placed in: kab/kota, kecamatan and kelurahan.

    Only the user's jurisdiction; a provincial or national user gets the
    kab/kota and kecamatan (kelurahan lists would run to thousands), a
    nationwide admin the kab/kota only.
    """
    jurisdiction = user_jurisdiction(user)
    if jurisdiction.nationwide:
        return Region.objects.filter(depth=2).order_by("code")
    if jurisdiction.region is None:
        return Region.objects.none()
    depths = [2, 3]
    if include_kelurahan and jurisdiction.region.depth >= 2:
        depths.append(4)
    return (
        Region.objects.subtree(jurisdiction.region.code).filter(depth__in=depths).order_by("code")
    )


def region_filter_choices(*, user) -> QuerySet[Region]:
    """The regions offered by the list filters: kab/kota and kecamatan of the jurisdiction."""
    return region_choices(user=user, include_kelurahan=False)


def topic_list() -> QuerySet[Topic]:
    return Topic.objects.order_by("order", "name")

"""What reminders are due on a day, and to whom: one query per kind, none per object.

Each selector returns :class:`Due` items (one per recipient and object) for the
sender (``office.services.reminders``), which drops those already in the ledger.
Recipients are active users with an email address who have not turned the kind
off (``User.remind_*``):

- a follow-up assigned to your agency: open follow-ups created in the last
  :data:`LOOKBACK_DAYS` days → the users of the responsible agency;
- a case deadline tomorrow, and a deadline passed (in the last
  :data:`LOOKBACK_DAYS` days): open reports → the case handlers of the handling
  office (``reports.workflow.HANDLERS`` roles);
- a meeting tomorrow: planned meetings starting tomorrow (the portal's time zone)
  → the users of the host and the participating agencies.

``LOOKBACK_DAYS`` lets a timer that missed a few days catch up, without reading
every late case in the country each morning.

Indexes: reports by (stage, deadline), meetings by (status, starts_at), users by agency,
the ledger by (kind, date), follow-ups by ``created_at`` (coordination 0006).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from coordination.models import FollowUp, FollowUpStatus, Meeting, MeetingStatus
from office.models import PREFERENCE_FIELD, ReminderKind
from reports.models import Report, ReportStage
from reports.workflow import HANDLERS

LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class Due:
    user_id: int
    kind: str
    object_id: int
    date: datetime.date


def _recipients_by_agency(kind: str, agency_ids, roles=None) -> dict[int, list[int]]:
    """Active users with an email and ``kind`` switched on, per agency id (one query)."""
    users = (
        get_user_model()
        .objects.filter(
            agency_id__in=set(agency_ids), is_active=True, **{PREFERENCE_FIELD[kind]: True}
        )
        .exclude(email="")
    )
    if roles is not None:
        users = users.filter(role__in=roles)
    by_agency = defaultdict(list)
    for user_id, agency_id in users.values_list("pk", "agency_id"):
        by_agency[agency_id].append(user_id)
    return by_agency


def followups_assigned_due(*, today: datetime.date) -> list[Due]:
    kind = ReminderKind.FOLLOWUP_ASSIGNED
    since = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=LOOKBACK_DAYS), datetime.time())
    )
    rows = list(
        FollowUp.objects.filter(
            status__in=FollowUpStatus.open_statuses(), created_at__gte=since
        ).values_list("pk", "responsible_agency_id", "created_at")
    )
    recipients = _recipients_by_agency(kind, (agency for _pk, agency, _at in rows))
    return [
        Due(user_id, kind, pk, timezone.localdate(created_at))
        for pk, agency_id, created_at in rows
        for user_id in recipients.get(agency_id, ())
    ]


def _case_deadlines_due(kind: str, deadlines: dict) -> list[Due]:
    rows = list(
        Report.objects.filter(stage__in=ReportStage.open_stages(), **deadlines).values_list(
            "pk", "office_id", "deadline"
        )
    )
    recipients = _recipients_by_agency(kind, (office for _pk, office, _d in rows), HANDLERS)
    return [
        Due(user_id, kind, pk, deadline)
        for pk, office_id, deadline in rows
        for user_id in recipients.get(office_id, ())
    ]


def deadlines_soon_due(*, today: datetime.date) -> list[Due]:
    """Open cases whose running deadline is tomorrow (one day away)."""
    return _case_deadlines_due(
        ReminderKind.DEADLINE_SOON, {"deadline": today + datetime.timedelta(days=1)}
    )


def deadlines_passed_due(*, today: datetime.date) -> list[Due]:
    """Open cases whose running deadline passed (yesterday or up to LOOKBACK_DAYS ago)."""
    return _case_deadlines_due(
        ReminderKind.DEADLINE_PASSED,
        {
            "deadline__lt": today,
            "deadline__gte": today - datetime.timedelta(days=LOOKBACK_DAYS),
        },
    )


def meetings_tomorrow_due(*, today: datetime.date) -> list[Due]:
    """Planned meetings that start tomorrow, for the host and participating agencies."""
    kind = ReminderKind.MEETING_TOMORROW
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    end = start + datetime.timedelta(days=1)
    meetings = Meeting.objects.filter(
        status=MeetingStatus.DIRENCANAKAN, starts_at__gte=start, starts_at__lt=end
    )
    hosts = list(meetings.values_list("pk", "host_agency_id"))
    participants = list(
        Meeting.participating_agencies.through.objects.filter(meeting__in=meetings).values_list(
            "meeting_id", "agency_id"
        )
    )
    agencies_of = defaultdict(set)
    for meeting_id, agency_id in [*hosts, *participants]:
        agencies_of[meeting_id].add(agency_id)
    recipients = _recipients_by_agency(
        kind, {agency for agencies in agencies_of.values() for agency in agencies}
    )
    return [
        Due(user_id, kind, meeting_id, tomorrow)
        for meeting_id, agencies in agencies_of.items()
        for user_id in sorted({u for agency in agencies for u in recipients.get(agency, ())})
    ]


def reminders_due(*, today: datetime.date) -> list[Due]:
    """Every reminder due on ``today``, before dropping those already sent."""
    return [
        *followups_assigned_due(today=today),
        *deadlines_soon_due(today=today),
        *deadlines_passed_due(today=today),
        *meetings_tomorrow_due(today=today),
    ]


def reminder_objects(*, kind: str, ids) -> dict:
    """The objects the reminders of ``kind`` are about, by id, with what the mail shows."""
    if kind == ReminderKind.FOLLOWUP_ASSIGNED:
        queryset = FollowUp.objects.select_related("responsible_agency")
    elif kind in (ReminderKind.DEADLINE_SOON, ReminderKind.DEADLINE_PASSED):
        queryset = Report.objects.all()
    else:
        queryset = Meeting.objects.select_related("region", "host_agency")
    return queryset.in_bulk(list(ids))

"""Writes for meetings, with their attendees and agenda, and their attachments.

Every service is keyword-only and transactional, validates with
``full_clean()`` before it saves, and raises ``ValidationError`` with a code
for anything the user must fix. Permission checks live in
``coordination.permissions.meetings`` and are made by the caller (a view); the
services enforce the domain rules: a region inside the actor's jurisdiction,
no person listed twice, optimistic locking through ``version``.
"""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.uploads import uploaded_file_save
from coordination.models import (
    AgendaItem,
    AttachmentKind,
    AttendeeRole,
    Meeting,
    MeetingAttachment,
    MeetingStatus,
    Topic,
)
from coordination.services.shared import (
    check_region,
    delete_with_files,
    record_for_update,
    replace_person_rows,
    replace_rows,
    set_fields,
)

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "attachment_add",
    "attachment_delete",
    "meeting_copy",
    "meeting_create",
    "meeting_update",
]

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _agenda(meeting: Meeting, agenda_items: Iterable[Mapping]) -> Iterator[AgendaItem]:
    """The meeting's agenda rows, unsaved, numbered in order unless an item gives its own."""
    for order, data in enumerate(agenda_items, start=1):
        yield AgendaItem(
            meeting=meeting,
            title=data["title"],
            notes=data.get("notes", "") or "",
            order=data.get("order") or order,
        )


def _save_meeting(
    meeting: Meeting,
    *,
    actor,
    fields: Mapping,
    participating_agencies: Iterable[Agency],
    topics: Iterable[Topic],
    attendees: Sequence[Mapping],
    agenda_items: Sequence[Mapping],
) -> Meeting:
    """Set ``meeting``'s own ``fields`` (field name to value), check and save it with its rows."""
    check_region(actor=actor, region=fields["region"])
    set_fields(meeting, fields)
    meeting.updated_by = actor
    meeting.full_clean()
    meeting.save()
    meeting.participating_agencies.set(participating_agencies)
    meeting.topics.set(topics)
    replace_person_rows(
        meeting.attendees,
        attendees,
        fields=lambda data, order: {
            "position_title": data.get("position_title", "") or "",
            "role": data.get("role") or AttendeeRole.PESERTA,
            "order": data.get("order") or order,
        },
        duplicate_message=_("%(person)s is listed twice among the attendees."),
        duplicate_code="duplicate_attendee",
    )
    replace_rows(meeting.agenda_items, _agenda(meeting, agenda_items))
    return meeting


@transaction.atomic
def meeting_create(
    *,
    actor,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    region: Region,
    host_agency: Agency,
    ends_at: datetime.datetime | None = None,
    theme: str = "",
    venue: str = "",
    participating_agencies: Iterable[Agency] = (),
    topics: Iterable[Topic] = (),
    summary: str = "",
    decisions: str = "",
    status: str = MeetingStatus.DIRENCANAKAN,
    is_public: bool = False,
    attendees: Sequence[Mapping] = (),
    agenda_items: Sequence[Mapping] = (),
    copied_from: Meeting | None = None,
) -> Meeting:
    """Create a meeting with its attendees (in order) and agenda items.

    ``attendees``: mappings with ``person`` (or ``name``, resolved by
    :func:`person_for_attendee`) and optionally ``agency``,
    ``position_title``, ``role``, ``order``. ``agenda_items``: mappings with
    ``title`` and optionally ``notes``, ``order``.

    Raises ``ValidationError``: ``end_before_start``, ``outside_jurisdiction``,
    ``duplicate_attendee``, or a field error from ``full_clean``.
    """
    return _save_meeting(
        Meeting(copied_from=copied_from, created_by=actor),
        actor=actor,
        fields={
            "kind": kind,
            "title": title,
            "theme": theme,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": venue,
            "region": region,
            "host_agency": host_agency,
            "summary": summary,
            "decisions": decisions,
            "status": status,
            "is_public": is_public,
        },
        participating_agencies=participating_agencies,
        topics=topics,
        attendees=attendees,
        agenda_items=agenda_items,
    )


@transaction.atomic
def meeting_update(
    *,
    actor,
    meeting: Meeting,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    region: Region,
    host_agency: Agency,
    ends_at: datetime.datetime | None = None,
    theme: str = "",
    venue: str = "",
    participating_agencies: Iterable[Agency] = (),
    topics: Iterable[Topic] = (),
    summary: str = "",
    decisions: str = "",
    status: str = MeetingStatus.DIRENCANAKAN,
    is_public: bool = False,
    attendees: Sequence[Mapping] = (),
    agenda_items: Sequence[Mapping] = (),
    expected_version: int | None = None,
) -> Meeting:
    """Replace a meeting's fields, attendees and agenda; bump its ``version``.

    Locked and checked by :func:`record_for_update` (``stale_version``: who changed it
    and when; nothing is saved). Other errors as :func:`meeting_create`.
    """
    current = record_for_update(Meeting, meeting.pk, actor=actor, expected_version=expected_version)
    return _save_meeting(
        current,
        actor=actor,
        fields={
            "kind": kind,
            "title": title,
            "theme": theme,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": venue,
            "region": region,
            "host_agency": host_agency,
            "summary": summary,
            "decisions": decisions,
            "status": status,
            "is_public": is_public,
        },
        participating_agencies=participating_agencies,
        topics=topics,
        attendees=attendees,
        agenda_items=agenda_items,
    )


@transaction.atomic
def meeting_copy(*, actor, meeting: Meeting) -> Meeting:
    """A new planned meeting prefilled from ``meeting``, used as a template.

    Copies kind, title, theme, venue, region, host, participating agencies,
    topics and agenda; not the summary, decisions, attendance, attachments or
    follow-ups. The start is required, so the copy starts one week after the
    original at the same local time (same duration); the user is sent to the
    edit form to set the real date. Not public until someone says so.
    """
    starts_at = _next_week_same_time(meeting.starts_at)
    ends_at = starts_at + (meeting.ends_at - meeting.starts_at) if meeting.ends_at else None
    return meeting_create(
        actor=actor,
        kind=meeting.kind,
        title=meeting.title,
        theme=meeting.theme,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=meeting.venue,
        region=meeting.region,
        host_agency=meeting.host_agency,
        participating_agencies=list(meeting.participating_agencies.all()),
        topics=list(meeting.topics.all()),
        status=MeetingStatus.DIRENCANAKAN,
        is_public=False,
        agenda_items=[
            {"title": item.title, "notes": item.notes, "order": item.order}
            for item in meeting.agenda_items.all()
        ],
        copied_from=meeting,
    )


def _next_week_same_time(value: datetime.datetime) -> datetime.datetime:
    """The same time of day, seven days from today (keeps copies of old meetings in the future)."""
    days = (timezone.now() - value).days + 7
    return value + datetime.timedelta(days=max(days, 7))


@transaction.atomic
def attachment_add(
    *, actor, meeting: Meeting, upload, kind: str = AttachmentKind.LAINNYA
) -> MeetingAttachment:
    """Attach ``upload`` to ``meeting`` after checking its real content and size (10 MB).

    Raises ``ValidationError`` with ``empty``, ``too_large`` or
    ``unsupported_type`` (for example an HTML page renamed ``.jpg``).
    """
    return uploaded_file_save(
        MeetingAttachment(meeting=meeting, kind=kind),
        upload=upload,
        actor=actor,
        max_bytes=MAX_ATTACHMENT_BYTES,
    )


@transaction.atomic
def attachment_delete(*, actor, attachment: MeetingAttachment) -> None:
    """Delete an attachment; the stored file is removed once the transaction commits."""
    delete_with_files(attachment, [attachment.file])

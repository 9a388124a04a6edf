"""Writes for meetings, attachments and follow-ups.

Every service is keyword-only and transactional, validates with
``full_clean()`` before it saves, and raises ``ValidationError`` with a code
for anything the user must fix. Permission checks live in
``coordination.permissions`` and are made by the caller (a view, or the
reports workflow); the services enforce the domain rules: a region inside the
actor's jurisdiction, no person listed twice, optimistic locking through
``version``.

Other apps create follow-ups through :func:`follow_up_create` and record
progress through :func:`follow_up_add_progress` / :func:`follow_up_set_status`.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Person, Region
from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.timefmt import format_datetime
from bawaslu_portal.uploads import uploaded_file_save
from coordination.models import (
    AgendaItem,
    AttachmentKind,
    AttendeeRole,
    FollowUp,
    FollowUpNote,
    FollowUpStatus,
    Meeting,
    MeetingAttachment,
    MeetingAttendee,
    MeetingStatus,
    Topic,
)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _check_region(*, actor, region: Region, field: str = "region") -> None:
    """The region must lie in the actor's jurisdiction (no actor: a system job, trusted)."""
    if actor is None:
        return
    if not user_jurisdiction(actor).contains(region.code):
        message = _("%(region)s is outside your jurisdiction.") % {"region": region.label}
        raise ValidationError({field: ValidationError(message, code="outside_jurisdiction")})


def _check_version(obj, expected_version: int | None, *, what: str) -> None:
    """Optimistic locking: refuse a save based on an older version of ``obj``."""
    if expected_version is None or obj.version == expected_version:
        return
    who = getattr(obj, "updated_by", None) or getattr(obj, "created_by", None)
    region = getattr(obj, "region", None)
    raise ValidationError(
        _(
            "This %(what)s was changed by %(who)s at %(when)s while you were editing it; "
            "your changes were not saved. They are shown below: check them against the "
            "current version and save again."
        )
        % {
            "what": what,
            "who": who or _("another user"),
            "when": format_datetime(obj.updated_at, region),
        },
        code="stale_version",
    )


def person_for_attendee(*, name: str, agency: Agency | None = None) -> Person:
    """The person called ``name`` for ``agency``: an existing one if known there, else new.

    Forms take attendees by name (no JavaScript pickers over a national
    people table). A name matches, case-insensitively, a person who holds a
    position in ``agency`` or has attended a meeting for it; failing that, a
    person of that name with no agency ties at all; otherwise a new person is
    created, so two namesakes in different agencies stay two people.
    """
    name = " ".join(name.split())
    candidates = Person.objects.filter(name__iexact=name)
    if agency is not None:
        tied = candidates.filter(
            Q(positions__agency=agency) | Q(meeting_attendances__agency=agency)
        ).first()
        if tied:
            return tied
    loose = candidates.filter(positions__isnull=True, meeting_attendances__isnull=True).first()
    if loose:
        return loose
    person = Person(name=name)
    person.full_clean()
    person.save()
    return person


def _replace_attendees(meeting: Meeting, attendees: Iterable[Mapping]) -> None:
    rows = []
    seen: set[int] = set()
    for order, data in enumerate(attendees, start=1):
        person: Person = data.get("person") or person_for_attendee(
            name=data["name"], agency=data.get("agency")
        )
        if person.pk in seen:
            raise ValidationError(
                _("%(person)s is listed twice among the attendees.") % {"person": person},
                code="duplicate_attendee",
            )
        seen.add(person.pk)
        row = MeetingAttendee(
            meeting=meeting,
            person=person,
            agency=data.get("agency"),
            position_title=data.get("position_title", "") or "",
            role=data.get("role") or AttendeeRole.PESERTA,
            order=data.get("order") or order,
        )
        row.full_clean(exclude=["meeting"], validate_unique=False)
        rows.append(row)
    meeting.attendees.all().delete()
    MeetingAttendee.objects.bulk_create(rows)


def _replace_agenda(meeting: Meeting, agenda_items: Iterable[Mapping]) -> None:
    rows = []
    for order, data in enumerate(agenda_items, start=1):
        row = AgendaItem(
            meeting=meeting,
            title=data["title"],
            notes=data.get("notes", "") or "",
            order=data.get("order") or order,
        )
        row.full_clean(exclude=["meeting"])
        rows.append(row)
    meeting.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(rows)


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
    _check_region(actor=actor, region=region)
    meeting = Meeting(
        kind=kind,
        title=title,
        theme=theme,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue,
        region=region,
        host_agency=host_agency,
        summary=summary,
        decisions=decisions,
        status=status,
        is_public=is_public,
        copied_from=copied_from,
        created_by=actor,
        updated_by=actor,
    )
    meeting.full_clean()
    meeting.save()
    meeting.participating_agencies.set(participating_agencies)
    meeting.topics.set(topics)
    _replace_attendees(meeting, attendees)
    _replace_agenda(meeting, agenda_items)
    return meeting


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

    The row is locked while checked: when ``expected_version`` is given and the
    stored version is newer, nothing is saved and ``ValidationError``
    ``stale_version`` names who changed it and when. Other errors as
    :func:`meeting_create`.
    """
    current = Meeting.objects.select_for_update(of=("self",)).select_related("updated_by", "region")
    current = current.get(pk=meeting.pk)
    _check_version(current, expected_version, what=_("meeting"))
    _check_region(actor=actor, region=region)
    fields = {
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
    }
    for name, value in fields.items():
        setattr(current, name, value)
    current.updated_by = actor
    current.version = current.version + 1
    current.full_clean()
    current.save()
    current.participating_agencies.set(participating_agencies)
    current.topics.set(topics)
    _replace_attendees(current, attendees)
    _replace_agenda(current, agenda_items)
    return current


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
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def follow_up_create(
    *,
    actor,
    title: str,
    responsible_agency: Agency,
    due_date: datetime.date,
    region: Region,
    description: str = "",
    responsible_person: Person | None = None,
    meeting: Meeting | None = None,
    responsible_person_name: str = "",
) -> FollowUp:
    """Record a commitment: ``responsible_agency`` does ``title`` by ``due_date``.

    The person may be given as ``responsible_person`` or by name
    (``responsible_person_name``, resolved by :func:`person_for_attendee`).

    ``region`` scopes it (usually the meeting's or the report's region) and
    must lie in the actor's jurisdiction. Raises ``ValidationError``
    (``outside_jurisdiction`` or a field error).
    """
    _check_region(actor=actor, region=region)
    if responsible_person is None and responsible_person_name.strip():
        responsible_person = person_for_attendee(
            name=responsible_person_name, agency=responsible_agency
        )
    follow_up = FollowUp(
        title=title,
        description=description,
        responsible_agency=responsible_agency,
        responsible_person=responsible_person,
        due_date=due_date,
        region=region,
        meeting=meeting,
        created_by=actor,
    )
    follow_up.full_clean()
    follow_up.save()
    return follow_up


@transaction.atomic
def follow_up_update(
    *,
    actor,
    follow_up: FollowUp,
    title: str,
    responsible_agency: Agency,
    due_date: datetime.date,
    description: str = "",
    responsible_person: Person | None = None,
    responsible_person_name: str = "",
    expected_version: int | None = None,
) -> FollowUp:
    """Correct what, who and by when (not the status: see :func:`follow_up_set_status`).

    Raises ``ValidationError``: ``stale_version`` when someone changed it in
    between, or a field error.
    """
    current = _lock_follow_up(follow_up, expected_version)
    if responsible_person is None and responsible_person_name.strip():
        responsible_person = person_for_attendee(
            name=responsible_person_name, agency=responsible_agency
        )
    current.title = title
    current.description = description
    current.responsible_agency = responsible_agency
    current.responsible_person = responsible_person
    current.due_date = due_date
    current.version = current.version + 1
    current.full_clean()
    current.save()
    return current


def _lock_follow_up(follow_up: FollowUp, expected_version: int | None) -> FollowUp:
    current = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=follow_up.pk)
    )
    if expected_version is not None and current.version != expected_version:
        last_note = current.notes.select_related("author").order_by("-created_at").first()
        current.updated_by = last_note.author if last_note else current.created_by
        _check_version(current, expected_version, what=_("follow-up"))
    return current


@transaction.atomic
def follow_up_add_progress(
    *,
    actor,
    follow_up: FollowUp,
    text: str,
    date: datetime.date | None = None,
    mark_done: bool = False,
    expected_version: int | None = None,
) -> FollowUpNote:
    """Add a dated progress note; an open follow-up moves to "in progress", or to done.

    Raises ``ValidationError``: ``closed`` (the follow-up is done or
    cancelled), ``future_date``, ``stale_version``, or a field error (empty text).
    """
    current = _lock_follow_up(follow_up, expected_version)
    if not current.is_open:
        raise ValidationError(
            _("This follow-up is already %(status)s; reopen it before adding progress.")
            % {"status": current.get_status_display().lower()},
            code="closed",
        )
    today = timezone.localdate()
    date = date or today
    if date > today:
        message = _("The progress date cannot be in the future.")
        raise ValidationError({"date": ValidationError(message, code="future_date")})
    note = FollowUpNote(follow_up=current, date=date, author=actor, text=text)
    note.full_clean()
    note.save()
    if mark_done:
        current.status = FollowUpStatus.SELESAI
        current.completed_at = timezone.now()
    elif current.status == FollowUpStatus.TERBUKA:
        current.status = FollowUpStatus.DALAM_PROSES
    current.version = F("version") + 1
    current.save(update_fields=["status", "completed_at", "version", "updated_at"])
    current.refresh_from_db(fields=["version"])
    follow_up.status, follow_up.completed_at = current.status, current.completed_at
    follow_up.version = current.version
    return note


@transaction.atomic
def follow_up_set_status(
    *,
    actor,
    follow_up: FollowUp,
    status: str,
    note: str = "",
    expected_version: int | None = None,
) -> FollowUp:
    """Set the status (done, cancelled, reopened…), with an optional note saying why.

    Done sets ``completed_at``; any other status clears it. Raises
    ``ValidationError``: ``invalid_status``, ``stale_version``.
    """
    if status not in FollowUpStatus.values:
        raise ValidationError(_("Choose a valid status."), code="invalid_status")
    current = _lock_follow_up(follow_up, expected_version)
    if note:
        entry = FollowUpNote(follow_up=current, date=timezone.localdate(), author=actor, text=note)
        entry.full_clean()
        entry.save()
    current.status = status
    current.completed_at = timezone.now() if status == FollowUpStatus.SELESAI else None
    current.version = F("version") + 1
    current.save(update_fields=["status", "completed_at", "version", "updated_at"])
    current.refresh_from_db(fields=["version"])
    return current


__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "attachment_add",
    "attachment_delete",
    "follow_up_add_progress",
    "follow_up_create",
    "follow_up_set_status",
    "follow_up_update",
    "meeting_copy",
    "meeting_create",
    "meeting_update",
    "person_for_attendee",
]

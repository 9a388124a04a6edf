"""Writes for follow-ups (tindak lanjut) and their progress.

Every service is keyword-only and transactional, validates with
``full_clean()`` before it saves, and raises ``ValidationError`` with a code
for anything the user must fix. Permission checks live in
``coordination.permissions.followups`` and are made by the caller (a view, or
the reports workflow); the services enforce the domain rules: a region inside
the actor's jurisdiction, optimistic locking through ``version``.

Other apps create follow-ups through :func:`follow_up_create` and record
progress through :func:`follow_up_add_progress` / :func:`follow_up_set_status`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Person, Region
from coordination.models import FollowUp, FollowUpNote, FollowUpStatus, Meeting
from coordination.services.shared import check_region, check_version, person_for_attendee

__all__ = [
    "follow_up_add_progress",
    "follow_up_create",
    "follow_up_set_status",
    "follow_up_update",
]


def _save_follow_up(
    follow_up: FollowUp,
    *,
    title: str,
    responsible_agency: Agency,
    due_date: datetime.date,
    description: str,
    responsible_person: Person | None,
    responsible_person_name: str,
) -> FollowUp:
    """Set what, who and by when (the person found by name if not given); validate and save."""
    if responsible_person is None and responsible_person_name.strip():
        responsible_person = person_for_attendee(
            name=responsible_person_name, agency=responsible_agency
        )
    follow_up.title = title
    follow_up.description = description
    follow_up.responsible_agency = responsible_agency
    follow_up.responsible_person = responsible_person
    follow_up.due_date = due_date
    follow_up.full_clean()
    follow_up.save()
    return follow_up


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
    check_region(actor=actor, region=region)
    return _save_follow_up(
        FollowUp(region=region, meeting=meeting, created_by=actor),
        title=title,
        responsible_agency=responsible_agency,
        due_date=due_date,
        description=description,
        responsible_person=responsible_person,
        responsible_person_name=responsible_person_name,
    )


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
    current.version = current.version + 1
    return _save_follow_up(
        current,
        title=title,
        responsible_agency=responsible_agency,
        due_date=due_date,
        description=description,
        responsible_person=responsible_person,
        responsible_person_name=responsible_person_name,
    )


def _lock_follow_up(follow_up: FollowUp, expected_version: int | None) -> FollowUp:
    current = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=follow_up.pk)
    )
    if expected_version is not None and current.version != expected_version:
        last_note = current.notes.select_related("author").order_by("-created_at").first()
        current.updated_by = last_note.author if last_note else current.created_by
        check_version(current, expected_version, what=_("follow-up"))
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

"""Printed meeting summaries (A4 page and PDF) and the printable follow-up list.

Whoever may see a meeting may print it: the meeting is fetched through
``selectors.meeting_get`` (jurisdiction scope, partner rules), so a meeting
outside is a 404 here too. The PDF is the same template rendered with
``pdf=True`` and turned into tagged PDF/A by ``bawaslu_portal.printing``, which
lets WeasyPrint read only the portal's own static files. The templates build on
the shared ``templates/print/`` pieces that the reports app's documents use too.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bawaslu_portal.printing import pdf_response, signature_place
from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.timefmt import to_local
from coordination import selectors
from coordination.formatting import (
    attendee_affiliation,
    meeting_pdf_filename,
    meeting_time_range,
    position_with_agency,
    says,
)
from coordination.forms import FollowUpFilterForm
from coordination.models import AttendeeRole, FollowUpStatus, Meeting, MeetingAttendee

#: Empty numbered rows at the end of the daftar hadir, for walk-in attendees.
BLANK_ATTENDANCE_ROWS = 5
#: The printable follow-up list stops here; beyond it, officials narrow the filters.
FOLLOW_UP_PRINT_MAX_ROWS = 500


@dataclass(frozen=True)
class AttendeeLine:
    """One attendee as printed in the attendee table and the daftar hadir."""

    number: int
    name: str
    affiliation: str
    role: str


@dataclass(frozen=True)
class Signatory:
    """What ``print/signature_block.html`` prints: the role lines and the name below."""

    role: str
    name: str = ""


def _first_with_role(meeting: Meeting, role: str) -> MeetingAttendee | None:
    return next((a for a in meeting.attendees.all() if a.role == role), None)


def _signatory(role: str, attendee: MeetingAttendee | None) -> Signatory:
    """``role`` above the attendee's name; the name is left to be written in when the
    attendee is recorded only by an office the role lines already print."""
    name = attendee.person.name if attendee else ""
    return Signatory(role=role, name="" if name and says(role, name) else name)


def _host_signatory(meeting: Meeting) -> Signatory:
    """The host's signatory (e.g. the Ketua) under their position at the host agency."""
    host = _first_with_role(meeting, AttendeeRole.HOST)
    agency_name = meeting.host_agency.name
    if host is None or not host.position_title:
        return _signatory(f"{_('For the host')}\n{agency_name}", host)
    return _signatory(position_with_agency(host.position_title, agency_name, separator="\n"), host)


def _meeting_context(meeting: Meeting, *, pdf: bool) -> dict:
    attendees = [
        AttendeeLine(
            number=number,
            name=attendee.person.name,
            affiliation=attendee_affiliation(attendee),
            role=attendee.get_role_display(),
        )
        for number, attendee in enumerate(meeting.attendees.all(), start=1)
    ]
    count = len(attendees)
    return {
        "meeting": meeting,
        "pdf": pdf,
        "time_range": meeting_time_range(meeting),
        "attendees": attendees,
        "blank_rows": range(count + 1, count + 1 + BLANK_ATTENDANCE_ROWS),
        "notulis": _signatory(
            _("Minute-taker (Notulis)"), _first_with_role(meeting, AttendeeRole.NOTULIS)
        ),
        "host_signatory": _host_signatory(meeting),
        "signature_place": signature_place(meeting.host_agency.region),
        "signature_date": to_local(meeting.starts_at, meeting.region).date(),
    }


@require_GET
def meeting_print(request, pk: int):
    """The A4 print view of a meeting, with a "Cetak" button."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    return render(request, "coordination/print/meeting.html", _meeting_context(meeting, pdf=False))


@require_GET
def meeting_pdf(request, pk: int):
    """The print view as a tagged PDF/A download named after the meeting's date and title."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    return pdf_response(
        request,
        "coordination/print/meeting.html",
        _meeting_context(meeting, pdf=True),
        filename=meeting_pdf_filename(meeting),
    )


@require_GET
def follow_up_print(request):
    """The follow-up list on A4 landscape, with the same filters as ``/tindak-lanjut/``."""
    form = FollowUpFilterForm(request.GET or None, user=request.user)
    # An invalid field is ignored (the page says so); the valid ones still filter.
    filters = form.filters()
    queryset = selectors.follow_up_list(user=request.user, filters=filters)
    rows = list(queryset[: FOLLOW_UP_PRINT_MAX_ROWS + 1])
    return render(
        request,
        "coordination/print/follow_ups.html",
        {
            "form": form,
            "filters": filters,
            "status_label": FollowUpStatus(filters.status).label if filters.status else "",
            "follow_ups": rows[:FOLLOW_UP_PRINT_MAX_ROWS],
            "truncated": len(rows) > FOLLOW_UP_PRINT_MAX_ROWS,
            "max_rows": FOLLOW_UP_PRINT_MAX_ROWS,
            "printed_at": timezone.now(),
            "jurisdiction": user_jurisdiction(request.user),
            "pdf": False,
        },
    )

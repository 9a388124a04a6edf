"""Printed meeting summaries (A4 page and PDF) and the printable follow-up list.

Whoever may see a meeting may print it: the meeting is fetched through
``selectors.meeting_get`` (jurisdiction scope, partner rules), so a meeting
outside is a 404 here too. The PDF is the same template rendered with
``pdf=True`` and turned into PDF by WeasyPrint, which may only read the
portal's own static files (see ``coordination.pdf``).
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.views.decorators.http import require_GET

from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.timefmt import to_local
from coordination import selectors
from coordination.formatting import meeting_pdf_filename, meeting_time_range
from coordination.forms import FollowUpFilterForm
from coordination.models import AttendeeRole, FollowUpStatus, Meeting

#: Empty numbered rows at the end of the daftar hadir, for walk-in attendees.
BLANK_ATTENDANCE_ROWS = 5
#: The printable follow-up list stops here; beyond it, officials narrow the filters.
FOLLOW_UP_PRINT_MAX_ROWS = 500


def _first_with_role(meeting: Meeting, role: str):
    return next((a for a in meeting.attendees.all() if a.role == role), None)


def _signature_place(meeting: Meeting) -> str:
    """The city the host signs in: "Semarang" for Kota Semarang (its kab/kota name)."""
    name = meeting.host_agency.region.name if meeting.host_agency.region_id else ""
    for prefix in ("Kota ", "Kabupaten ", "Kab. "):
        name = name.removeprefix(prefix)
    return name


def _meeting_context(meeting: Meeting, *, pdf: bool) -> dict:
    attendee_count = len(meeting.attendees.all())
    return {
        "meeting": meeting,
        "pdf": pdf,
        "time_range": meeting_time_range(meeting),
        "host_signatory": _first_with_role(meeting, AttendeeRole.HOST),
        "notulis": _first_with_role(meeting, AttendeeRole.NOTULIS),
        "signature_place": _signature_place(meeting),
        "signature_date": formats.date_format(
            to_local(meeting.starts_at, meeting.region).date(), "j F Y"
        ),
        "blank_rows": range(attendee_count + 1, attendee_count + 1 + BLANK_ATTENDANCE_ROWS),
    }


@require_GET
def meeting_print(request, pk: int):
    """The A4 print view of a meeting, with a "Cetak" button."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    return render(request, "coordination/print/meeting.html", _meeting_context(meeting, pdf=False))


@require_GET
def meeting_pdf(request, pk: int):
    """The print view as a PDF download named after the meeting's date and title."""
    # WeasyPrint is heavy to import (and logs while it loads its stylesheets):
    # only the PDF view needs it, so it is not imported with the URLconf.
    from coordination.pdf import html_to_pdf

    meeting = selectors.meeting_get(user=request.user, pk=pk)
    html = render_to_string(
        "coordination/print/meeting.html", _meeting_context(meeting, pdf=True), request=request
    )
    pdf = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{meeting_pdf_filename(meeting)}"'
    return response


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

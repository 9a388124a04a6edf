"""Meeting pages: list, detail, one create/edit form with attendees and agenda, copy,
attachments, and the printed summary (A4 page and PDF).

Views are thin: permission → form → service → message → redirect. Seeing is
the selectors' business (outside the scope: 404); doing is
``coordination.permissions`` (seen but not allowed: 403).

Whoever may see a meeting may print it. The PDF is the print template rendered
with ``pdf=True`` and turned into tagged PDF/A by ``bawaslu_portal.printing``,
which lets WeasyPrint read only the portal's own static files. The templates
build on the shared ``templates/print/`` pieces that the reports app's
documents use too.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from bawaslu_portal.forms import add_service_error
from bawaslu_portal.printing import pdf_response, signature_place
from bawaslu_portal.timefmt import to_local
from bawaslu_portal.uploads import uploaded_file_response
from coordination import permissions, selectors, services
from coordination.formatting import (
    attendee_affiliation,
    meeting_pdf_filename,
    meeting_time_range,
    position_with_agency,
    says,
)
from coordination.forms import (
    AgendaFormSet,
    AttachmentForm,
    AttendeeFormSet,
    MeetingFilterForm,
    MeetingForm,
    Rows,
    agenda_initial,
    attendee_initial,
    bind_with_rows,
    submitted_and_valid,
)
from coordination.models import AttendeeRole, Meeting, MeetingAttendee
from coordination.views.shared import (
    RecordKind,
    create_and_update_views,
    list_view,
    person_rows,
    record_in_scope,
    render_detail,
    show_newer_version,
    upload_view,
)

#: Empty numbered rows at the end of the daftar hadir, for walk-in attendees.
BLANK_ATTENDANCE_ROWS = 5


MEETING = RecordKind(
    "meeting", selectors.meeting_get, permissions.can_edit_meeting, permissions.can_create_meeting
)

meeting_list = list_view(MEETING, selectors.meeting_list, filter_form=MeetingFilterForm)


@require_GET
@record_in_scope(selectors.meeting_get)
def meeting_detail(request, meeting):
    return _render_detail(request, meeting, AttachmentForm())


def _render_detail(request, meeting, attachment_form, status=200):
    user = request.user
    return render_detail(
        request,
        MEETING,
        meeting,
        status=status,
        attachment_form=attachment_form,
        can_manage_attachments=permissions.can_manage_attachments(user, meeting),
        can_create_follow_up=permissions.can_create_follow_up(user, meeting),
    )


def _meeting_form_view(request, meeting):
    """The meeting form with its attendee and agenda rows, each with "Add more rows"."""
    form, (attendees, agenda) = bind_with_rows(
        request,
        MeetingForm,
        [
            person_rows(
                request,
                AttendeeFormSet,
                "attendees",
                attendee_initial(meeting) if meeting else None,
                button="add_attendee_rows",
                new_row={"role": AttendeeRole.PESERTA},
            ),
            Rows(
                AgendaFormSet,
                "agenda",
                button="add_agenda_rows",
                initial=agenda_initial(meeting) if meeting else None,
            ),
        ],
        form_kwargs={"user": request.user},
        initial=MeetingForm.initial_for(meeting) if meeting else None,
    )
    rows_message = _("Some attendee or agenda rows need correcting (see below).")
    if request.method == "POST" and submitted_and_valid(
        form, [attendees, agenda], rows_message=rows_message
    ):
        try:
            saved = _save_meeting(request, meeting, form, attendees, agenda)
        except ValidationError as error:
            add_service_error(form, error)
            show_newer_version(form, meeting)
        else:
            if meeting is None:
                messages.success(request, _("The meeting was saved."))
            else:
                messages.success(request, _("The changes to the meeting were saved."))
            return redirect(saved)
    return render(
        request,
        "coordination/meeting_form.html",
        {
            "form": form,
            "attendee_formset": attendees,
            "agenda_formset": agenda,
            "formsets": [attendees, agenda],
            "meeting": meeting,
        },
    )


def _save_meeting(request, meeting, form, attendees, agenda):
    kwargs = {
        **form.service_kwargs(),
        "attendees": attendees.service_rows(),
        "agenda_items": agenda.service_rows(),
    }
    if meeting is None:
        return services.meeting_create(actor=request.user, **kwargs)
    return services.meeting_update(
        actor=request.user,
        meeting=meeting,
        expected_version=form.cleaned_data.get("version"),
        **kwargs,
    )


meeting_create, meeting_update = create_and_update_views(
    MEETING, _meeting_form_view, get=selectors.meeting_get_for_edit
)


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.meeting_get, permissions.can_copy_meeting)
def meeting_copy(request, meeting):
    """GET: a confirmation page; POST: create the copy and open it for editing."""
    if request.method == "POST":
        copy = services.meeting_copy(actor=request.user, meeting=meeting)
        messages.success(
            request,
            _(
                "A copy of the meeting was created as a planned meeting. "
                "Set its date and time, then save."
            ),
        )
        return redirect("coordination:meeting_update", pk=copy.pk)
    return render(request, "coordination/meeting_copy_confirm.html", {"meeting": meeting})


attachment_upload = upload_view(
    MEETING,
    AttachmentForm,
    services.attachment_add,
    message=gettext_lazy("The file was attached."),
    page=_render_detail,
    allowed=permissions.can_manage_attachments,
)


@require_GET
@record_in_scope(selectors.meeting_get)
def attachment_download(request, meeting, attachment_pk: int):
    attachment = selectors.attachment_get(meeting=meeting, pk=attachment_pk)
    return uploaded_file_response(request, attachment)


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.meeting_get)
def attachment_delete(request, meeting, attachment_pk: int):
    """GET: a confirmation page; POST: delete the attachment."""
    attachment = selectors.attachment_get(meeting=meeting, pk=attachment_pk)
    if not permissions.can_manage_attachments(request.user, meeting):
        raise PermissionDenied
    if request.method == "POST":
        services.attachment_delete(actor=request.user, attachment=attachment)
        messages.success(
            request, _("The file %(name)s was deleted.") % {"name": attachment.original_name}
        )
        return redirect(meeting)
    return render(
        request,
        "coordination/attachment_delete_confirm.html",
        {"meeting": meeting, "attachment": attachment},
    )


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
        for_the_host = _("For the host")  # outside the f-string, where makemessages finds it
        return _signatory(f"{for_the_host}\n{agency_name}", host)
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
@record_in_scope(selectors.meeting_get)
def meeting_print(request, meeting):
    """The A4 print view of a meeting, with a "Cetak" button."""
    return render(request, "coordination/print/meeting.html", _meeting_context(meeting, pdf=False))


@require_GET
@record_in_scope(selectors.meeting_get)
def meeting_pdf(request, meeting):
    """The print view as a tagged PDF/A download named after the meeting's date and title."""
    return pdf_response(
        request,
        "coordination/print/meeting.html",
        _meeting_context(meeting, pdf=True),
        filename=meeting_pdf_filename(meeting),
    )

"""Official intake: a laporan or temuan recorded at the office (``/laporan/baru/``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bawaslu_portal.forms import add_service_error
from bawaslu_portal.timefmt import format_date
from reports.forms.intake import ReportForm, WitnessFormSet, with_another_witness, witness_data
from reports.permissions.shared import is_case_handler
from reports.services.intake import report_intake_create

#: The value of the "Add a witness" button (``name="action"``); without JavaScript it posts
#: the form, which comes back with one more witness block and no error messages.
ACTION_ADD_WITNESS = "add_witness"


def intake_from_form(*, form, witnesses, user):
    """Call the intake service with a valid form and witness formset.

    The moment of receipt is the one the official entered (``form.received``),
    or now for the public form and an official who left it empty.
    """
    data = form.cleaned_data
    return report_intake_create(
        user=user,
        source=data.get("source", ""),
        election=data["election"],
        incident_kelurahan=data["incident_kelurahan"],
        incident_date=data["incident_date"],
        incident_time=data.get("incident_time"),
        known_date=data["known_date"],
        incident_place=data["incident_place"],
        description=data["description"],
        reported_name=data["reported_name"],
        reported_nip=data.get("reported_nip", ""),
        reported_position=data.get("reported_position", ""),
        reported_agency=data.get("reported_agency"),
        reported_agency_name=data.get("reported_agency_name", ""),
        reported_employment=data["reported_employment"],
        reported_address=data.get("reported_address", ""),
        reported_phone=data.get("reported_phone", ""),
        categories=list(data["categories"]),
        reporter=form.reporter_data(),
        witnesses=witness_data(witnesses),
        evidence_files=data.get("evidence_files") or [],
        evidence_links=data.get("evidence_links") or [],
        now=form.received,
    )


def report_create(request):
    """Record a report received at the office; a late one is said to be unregistrable."""
    if not is_case_handler(request.user):
        raise PermissionDenied(_("Only Bawaslu case handlers record reports."))
    files_dropped = False
    if request.method == "POST":
        adding_witness = request.POST.get("action") == ACTION_ADD_WITNESS
        data = with_another_witness(request.POST) if adding_witness else request.POST
        form = ReportForm(data, request.FILES, user=request.user)
        witnesses = WitnessFormSet(data, prefix="witness")
        valid = form.is_valid()
        valid = witnesses.is_valid() and valid
        if adding_witness:
            # Nothing was submitted yet: the page comes back with one more block, no errors.
            form.keep_errors()
            witnesses.hide_errors()
        elif valid:
            try:
                result = intake_from_form(form=form, witnesses=witnesses, user=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                _announce(request, result)
                return redirect(result.report)
        # A browser cannot put chosen files back into a re-rendered page.
        files_dropped = bool(request.FILES)
    else:
        form = ReportForm(user=request.user)
        witnesses = WitnessFormSet(prefix="witness")
    return render(
        request,
        "reports/report_form.html",
        {
            "form": form,
            "witnesses": witnesses,
            "formsets": [witnesses],
            "public": False,
            "files_dropped": files_dropped,
        },
    )


def _announce(request, result) -> None:
    report = result.report
    messages.success(
        request,
        _("Report %(code)s recorded; the kajian awal is due on %(date)s.")
        % {
            "code": report.tracking_code_display,
            "date": format_date(report.deadline, report.region),
        },
    )
    if report.fails_filing_deadline:
        messages.warning(
            request,
            _(
                "This report came after the filing deadline (%(date)s), so it cannot be "
                "registered: close it as not registered or keep it as informasi awal."
            )
            % {"date": format_date(result.filing_deadline, report.region)},
        )

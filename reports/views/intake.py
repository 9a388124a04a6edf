"""Official intake: a laporan or temuan recorded at the office (``/laporan/baru/``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bawaslu_portal.forms import add_service_error
from bawaslu_portal.timefmt import format_date
from reports.forms import ReportForm, WitnessFormSet, witness_data
from reports.permissions import is_case_handler
from reports.services_intake import report_intake_create


def intake_from_form(*, form, witnesses, user):
    """Call the intake service with a valid form and witness formset."""
    data = form.cleaned_data
    return report_intake_create(
        user=user,
        source=data.get("source", ""),
        election=data["election"],
        incident_kelurahan=data["incident_kelurahan"],
        incident_date=data["incident_date"],
        known_date=data["known_date"],
        incident_place=data["incident_place"],
        description=data["description"],
        reported_name=data["reported_name"],
        reported_nip=data.get("reported_nip", ""),
        reported_position=data.get("reported_position", ""),
        reported_agency=data.get("reported_agency"),
        reported_agency_name=data.get("reported_agency_name", ""),
        reported_employment=data["reported_employment"],
        categories=list(data["categories"]),
        reporter=form.reporter_data(),
        witnesses=witness_data(witnesses),
        evidence_files=data.get("evidence_files") or [],
        evidence_links=data.get("evidence_links") or [],
    )


def report_create(request):
    """Record a report received at the office; warn when it was filed late."""
    if not is_case_handler(request.user):
        raise PermissionDenied(_("Only Bawaslu case handlers record reports."))
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES, user=request.user)
        witnesses = WitnessFormSet(request.POST, prefix="witness")
        if form.is_valid() and witnesses.is_valid():
            try:
                result = intake_from_form(form=form, witnesses=witnesses, user=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    _("Report %(code)s recorded; the kajian awal is due on %(date)s.")
                    % {
                        "code": result.report.tracking_code_display,
                        "date": format_date(result.report.deadline, result.report.region),
                    },
                )
                if result.filed_late:
                    messages.warning(
                        request,
                        _(
                            "This report was filed after the filing deadline (%(date)s). "
                            "It is recorded and marked as late."
                        )
                        % {"date": format_date(result.filing_deadline, result.report.region)},
                    )
                return redirect(result.report)
    else:
        form = ReportForm(user=request.user)
        witnesses = WitnessFormSet(prefix="witness")
    return render(
        request,
        "reports/report_form.html",
        {"form": form, "witnesses": witnesses, "formsets": [witnesses], "public": False},
    )

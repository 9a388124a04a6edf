"""Personal data (issue 9 §7, UU 27/2022): the record of processing, and a reporter's data
exported or corrected on their request. Every action on a reporter's data is audited."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reports.forms.privacy import ReporterCorrectionForm, ReporterExportForm
from reports.models import ReporterIdentity
from reports.permissions.privacy import (
    can_correct_reporter_data,
    can_export_reporter_data,
    can_view_processing_record,
)
from reports.privacy import BREACH_NOTICE_HOURS, PROCESSING_RECORD
from reports.services.privacy import reporter_data_export, reporter_identity_correct
from reports.views.cases import report_for_action, reporter_identity_for

CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
def processing_record(request):
    """The record of processing, for administrators (403 for anyone else)."""
    if not can_view_processing_record(request.user):
        raise PermissionDenied(_("The record of processing is for administrators."))
    return render(
        request,
        "reports/processing_record.html",
        {"rows": PROCESSING_RECORD, "breach_hours": BREACH_NOTICE_HOURS},
    )


@never_cache
@require_POST
def reporter_export(request, pk: int):
    """Download everything held on the report's reporter (UU 27/2022 Pasal 7: access and a
    copy). A POST: never prefetched."""
    report = report_for_action(
        request.user,
        pk,
        can_export_reporter_data,
        _("Only case handlers may export a reporter's data."),
    )
    form = ReporterExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["file_format"][0])
        return redirect("reports:detail", pk=report.pk)
    file_format = form.cleaned_data["file_format"]
    try:
        content = reporter_data_export(
            user=request.user, report=report, file_format=file_format, request=request
        )
    except ReporterIdentity.DoesNotExist as exc:
        raise Http404 from exc
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = (
        f'attachment; filename="pelapor-{report.pk}-{stamp}.{file_format}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def reporter_correct(request, pk: int):
    """Correct the reporter's identity (UU 27/2022 Pasal 6). Showing the form shows the
    identity: logged."""
    report = report_for_action(
        request.user,
        pk,
        can_correct_reporter_data,
        _("Only the handling office may correct the reporter's data."),
    )
    identity = reporter_identity_for(request, report, _("Correction of the reporter's data"))
    if identity is None:
        raise Http404
    form = ReporterCorrectionForm(request.POST or None, instance=identity)
    if request.method == "POST" and form.is_valid():
        # The service re-reads the identity under a row lock and applies the cleaned values.
        changes = {name: form.cleaned_data[name] for name in form.fields}
        reporter_identity_correct(
            actor=request.user, report=report, changes=changes, request=request
        )
        messages.success(request, _("The reporter's data is corrected."))
        return redirect("reports:detail", pk=report.pk)
    response = render(
        request,
        "reports/reporter_correct.html",
        {"report": report, "form": form, "retention_days": settings.REPORTER_RETENTION_DAYS},
    )
    response["Cache-Control"] = "private, no-store"
    return response

"""CSV and XLSX downloads of the filtered report list (no reporter identity, bounded)."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bawaslu_portal.audit import audit_export
from bawaslu_portal.dbrouters import on_replica
from reports.forms.cases import ReportFilterForm
from reports.selectors import exports
from reports.selectors.cases import report_list
from reports.views.cases import require_case_access


def _filtered(request):
    require_case_access(request.user)
    form = ReportFilterForm(request.GET or None, user=request.user)
    # Read from the streaming replica when there is one (bawaslu_portal.dbrouters).
    return on_replica(report_list(user=request.user, **form.filters()))


def _filename(extension: str) -> str:
    return f"laporan-{timezone.localdate():%Y%m%d}.{extension}"


@require_GET
def report_export_csv(request):
    response = StreamingHttpResponse(
        exports.csv_lines(_filtered(request)), content_type="text/csv; charset=utf-8"
    )
    audit_export(request, what="reports", file_format="csv")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def report_export_xlsx(request):
    # Streamed as it is written: the download starts at once (it used to wait for the whole
    # workbook, seconds for a big export, holding the worker before the first byte).
    response = StreamingHttpResponse(
        exports.xlsx_chunks(_filtered(request)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    audit_export(request, what="reports", file_format="xlsx")
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    response["Cache-Control"] = "private, no-store"
    return response

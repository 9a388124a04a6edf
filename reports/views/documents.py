"""A case's printed documents (A4 page with a "Cetak" button, and its PDF twin) and the register.

What each document prints and when a case has it: ``reports.selectors.documents``.
The print page is the document's template rendered with ``pdf=False``; the PDF
is the same template with ``pdf=True`` through
``bawaslu_portal.printing.pdf_response`` (tagged PDF/A-3b, as an attachment).

Who may print:

- **Case documents**: Bawaslu officials who may see case files
  (``can_view_reports``) and whose jurisdiction contains the case
  (``reports.selectors.cases.report_get``). Everyone else, partner officials
  included, gets a 404, as if the case did not exist. A document the case has not reached is
  a 404 page saying why.
- **The reporter's identity** (the receipt, the report form, clarification
  papers addressed to the reporter): case handlers only
  (``can_view_reporter_identity``; 403 for viewers), read through
  ``reporter_identity_access``, so every print and every PDF writes an
  identity-view row in the audit log. These responses are never cached.
- **The receipt**, besides: without login, the browser session that filed
  the report through the public form (``session_may_see_receipt``); nobody
  else gets it by its id (404). The reporter reading their own name is not
  logged as an official's view.
- **The register**: officials who may see case files (403 otherwise, like
  the case list), for their jurisdiction.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from bawaslu_portal.models import Agency
from bawaslu_portal.printing import pdf_response, signature_place
from bawaslu_portal.scoping import user_jurisdiction
from reports.forms.documents import RegisterPeriodForm
from reports.permissions.cases import can_view_reporter_identity, can_view_reports
from reports.selectors import documents
from reports.selectors.cases import report_get
from reports.selectors.documents import DOCUMENTS, RECEIPT, DocumentSpec, Identity
from reports.services.cases import reporter_identity_access
from reports.views.cases import require_case_access
from reports.views.public import session_may_see_receipt


def _official_case(user, pk: int) -> documents.CaseFile:
    """The case for an official (404 for anyone who may not see case files, or outside)."""
    if not can_view_reports(user):
        raise Http404
    return documents.case_file_get(report=report_get(user=user, pk=pk))


def _logged_identity(user, case: documents.CaseFile, spec: DocumentSpec):
    if not can_view_reporter_identity(user, case.report):
        raise PermissionDenied(_("Only case handlers may print the reporter's identity."))
    return reporter_identity_access(
        user=user,
        report=case.report,
        purpose=_("Printed document: %(document)s") % {"document": spec.name.capitalize()},
    )


def _render(
    request,
    spec: DocumentSpec,
    case,
    context: dict,
    *,
    pdf: bool,
    party_key: str = "",
    back: tuple[str, str],
):
    report = case.report
    context = {
        **context,
        "pdf": pdf,
        "pdf_url": spec.pdf_url(report, party_key),
        "back_url": back[0],
        "back_label": back[1],
        # Printed on the receipt: on paper only a whole address helps.
        "status_url": request.build_absolute_uri(reverse("reports:status_check")),
    }
    if pdf:
        response = pdf_response(
            request,
            spec.template,
            context,
            filename=documents.pdf_filename(spec.slug, context["number"]),
        )
    else:
        response = render(request, spec.template, context)
    if spec.identity != Identity.NONE:
        response["Cache-Control"] = "private, no-store"
    return response


def _unavailable(request, case, reason: str):
    return render(
        request,
        "reports/print/unavailable.html",
        {"report": case.report, "reason": reason},
        status=404,
    )


def _case_document(request, pk: int, slug: str, *, pdf: bool):
    spec = DOCUMENTS.get(slug)
    if spec is None or spec.slug == RECEIPT:
        # The receipt has its own URLs (they also answer the filing session).
        raise Http404
    case = _official_case(request.user, pk)
    reason = documents.unavailable_reason(spec, case)
    if reason:
        return _unavailable(request, case, reason)
    party = documents.party_get(case, request.GET.get("pihak", "")) if spec.per_party else None
    identity = None
    if spec.identity == Identity.REQUIRED or (party is not None and party.is_reporter):
        identity = _logged_identity(request.user, case, spec)
        if party is not None:
            party = documents.party_with_identity(party, identity)
    context = documents.document_context(spec, case, identity=identity, party=party)
    return _render(
        request,
        spec,
        case,
        context,
        pdf=pdf,
        party_key=party.key if party else "",
        back=(case.report.get_absolute_url(), _("Back to the case")),
    )


@never_cache
@require_GET
def document_print(request, pk: int, slug: str):
    """A case document as an A4 page with a print button."""
    return _case_document(request, pk, slug, pdf=False)


@never_cache
@require_GET
def document_pdf(request, pk: int, slug: str):
    """A case document as a tagged PDF/A download."""
    return _case_document(request, pk, slug, pdf=True)


def _receipt(request, pk: int, *, pdf: bool):
    spec = DOCUMENTS[RECEIPT]
    if session_may_see_receipt(request, pk):
        report = documents.report_for_filer(pk=pk)
        case = documents.case_file_get(report=report)
        identity = documents.filer_identity(report=report)
        back = (reverse("reports:status_check"), _("Check report status"))
    elif request.user.is_authenticated:
        case = _official_case(request.user, pk)
        identity = None
        back = (case.report.get_absolute_url(), _("Back to the case"))
    else:
        raise Http404
    reason = documents.unavailable_reason(spec, case)
    if reason:
        return _unavailable(request, case, reason)
    if identity is None:
        identity = _logged_identity(request.user, case, spec)
    context = documents.document_context(spec, case, identity=identity)
    return _render(request, spec, case, context, pdf=pdf, back=back)


@login_not_required
@never_cache
@require_GET
def receipt_print(request, pk: int):
    """The receipt (tanda bukti penyampaian laporan) as an A4 page."""
    return _receipt(request, pk, pdf=False)


@login_not_required
@never_cache
@require_GET
def receipt_pdf(request, pk: int):
    """The receipt as a tagged PDF/A download."""
    return _receipt(request, pk, pdf=True)


def _register(request, *, pdf: bool):
    require_case_access(request.user)
    label, zone = documents.register_zone(request.user)
    today = timezone.localdate(timezone=zone)
    form = RegisterPeriodForm.for_request(request.GET, today=today)
    max_rows = documents.REGISTER_PDF_MAX_ROWS if pdf else documents.REGISTER_MAX_ROWS
    register = None
    if form.is_valid():
        register = documents.register_list(
            user=request.user,
            start=form.cleaned_data["dari"],
            end=form.cleaned_data["sampai"],
            limit=max_rows,
        )
    elif pdf:
        raise Http404(_("Choose a valid period first."))
    agency = (
        Agency.objects.select_related("region", "parent").get(pk=request.user.agency_id)
        if request.user.agency_id
        else None
    )
    ketua = documents.office_commissioners(agency)[0] if agency and agency.is_bawaslu else None
    context = {
        "form": form,
        "register": register,
        "max_rows": max_rows,
        "agency": agency,
        "jurisdiction": user_jurisdiction(request.user),
        "ketua": ketua,
        "place": signature_place(agency.region) if agency else "",
        "signature_date": today,
        "pdf": pdf,
        "query": request.GET.urlencode(),
    }
    if pdf:
        return pdf_response(
            request,
            "reports/print/register.html",
            context,
            filename=documents.pdf_filename("register", register.number),
        )
    return render(request, "reports/print/register.html", context)


@require_GET
def register_print(request):
    """The register book of a period (``?dari=YYYY-MM-DD&sampai=YYYY-MM-DD``), A4 landscape."""
    return _register(request, pdf=False)


@require_GET
def register_pdf(request):
    """The register book as a tagged PDF/A download (404 without a valid period)."""
    return _register(request, pdf=True)

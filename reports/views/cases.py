"""Case pages for officials: the list, the detail, the reporter identity, evidence, comments."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from bawaslu_portal.forms import add_service_error
from bawaslu_portal.pagination import paginate
from bawaslu_portal.prg import save_and_redirect
from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.uploads import protected_file_response
from reports.forms.cases import (
    EvidenceAddForm,
    ReportCommentForm,
    ReportFilterForm,
    comment_form_for,
)
from reports.forms.related import ReportLinkForm
from reports.forms.workflow import transition_actions
from reports.models import ReporterIdentity
from reports.permissions.cases import (
    can_comment_report,
    can_handle_report,
    can_view_report,
    can_view_reporter_identity,
    can_view_reports,
)
from reports.permissions.privacy import can_correct_reporter_data, can_export_reporter_data
from reports.permissions.related import can_link_report
from reports.permissions.shared import is_case_handler
from reports.selectors.cases import (
    evidence_get,
    report_comment_list,
    report_get,
    report_identity_access_list,
    report_reporter_status,
)

# The list view below is called report_list too (the URL name's view).
from reports.selectors.cases import report_list as select_report_list
from reports.selectors.related import linked_report_list
from reports.selectors.workflow import report_deadline_rules, report_history_list
from reports.services.cases import evidence_add, report_comment_add, reporter_identity_access


def require_case_access(user) -> None:
    """Case files are for Bawaslu officials (and nationwide admins); partners get a 403."""
    if not can_view_reports(user):
        raise PermissionDenied(_("Reports are only open to Bawaslu officials."))


def report_for_user(user, pk: int):
    """The report (404 outside the jurisdiction, 403 when the user may not see case files)."""
    require_case_access(user)
    report = report_get(user=user, pk=pk)
    if not can_view_report(user, report):
        raise PermissionDenied(_("You may not see this report."))
    return report


def report_for_action(user, pk: int, allowed, refusal: str):
    """The report as ``report_for_user`` gives it; 403 with ``refusal`` unless
    ``allowed(user, report)``."""
    report = report_for_user(user, pk)
    if not allowed(user, report):
        raise PermissionDenied(refusal)
    return report


def reporter_identity_for(request, report, purpose: str):
    """The reporter's identity, the view logged for ``purpose``
    (``reporter_identity_access``); ``None`` when the report holds none."""
    try:
        return reporter_identity_access(
            user=request.user, report=report, purpose=purpose, request=request
        )
    except ReporterIdentity.DoesNotExist:
        return None


def action_page(request, report, form, *, heading: str, submit_label: str, confirm: str = ""):
    """A form about the report on its own page (``reports/report_action.html``), with the
    error summary, posting back to the view's own URL: a refused comment, link or unlink,
    or a workflow step."""
    return render(
        request,
        "reports/report_action.html",
        {
            "report": report,
            "form": form,
            "heading": heading,
            "action_url": request.path,
            "submit_label": submit_label,
            "confirm": confirm,
        },
    )


@require_GET
def report_list(request):
    """Reports in the jurisdiction, filtered, with their current deadline."""
    require_case_access(request.user)
    form = ReportFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    page = paginate(request, select_report_list(user=request.user, count_links=True, **filters))
    return render(
        request,
        "reports/report_list.html",
        {
            "form": form,
            "page": page,
            "can_create": is_case_handler(request.user),
            "show_city": user_jurisdiction(request.user).spans_cities,
            # The codes on this page (E2, D12) with their names: prefetched, no query.
            "category_legend": sorted(
                {c.code: c for r in page.object_list for c in r.categories.all()}.values(),
                key=lambda category: (category.group, category.order, category.code),
            ),
        },
    )


@require_GET
def report_detail(request, pk: int):
    """The case file: details, deadlines, linked reports, timeline, evidence, witnesses."""
    report = report_for_user(request.user, pk)
    linked = linked_report_list(user=request.user, report=report)
    can_link = can_link_report(request.user, report)
    handler = can_view_reporter_identity(request.user, report)
    reporter = (
        report_reporter_status(report=report)
        if handler
        else {"has_reporter": False, "withhold_from_reported": False}
    )
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "history": report_history_list(report=report),
            "rules": report_deadline_rules(report=report),
            "comments": report_comment_list(report=report),
            "can_handle": can_handle_report(request.user, report),
            "actions": transition_actions(user=request.user, report=report, linked=len(linked)),
            "linked_reports": linked,
            "can_link": can_link,
            "link_form": ReportLinkForm(report=report, user=request.user) if can_link else None,
            "comment_form": comment_form_for(user=request.user, report=report),
            "can_view_identity": handler,
            "has_reporter": reporter["has_reporter"],
            "withhold_from_reported": reporter["withhold_from_reported"],
            "identity_accesses": (
                report_identity_access_list(report=report)[:50] if handler else []
            ),
        },
    )


@never_cache
@require_POST
def reporter_identity(request, pk: int):
    """Show the reporter's identity to a case handler, logging the view every time.

    A POST (an explicit action, never prefetched); the page is not cached.
    404 outside the jurisdiction, 403 for anyone but the case handlers of
    the handling office and the offices above it.
    """
    report = report_for_action(
        request.user,
        pk,
        can_view_reporter_identity,
        _("Only case handlers may see the reporter's identity."),
    )
    identity = reporter_identity_for(request, report, request.POST.get("purpose", ""))
    response = render(
        request,
        "reports/reporter_identity.html",
        {
            "report": report,
            "identity": identity,
            "can_export": can_export_reporter_data(request.user, report),
            "can_correct": can_correct_reporter_data(request.user, report),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def evidence_download(request, pk: int, evidence_pk: int):
    """Download an evidence file (as an attachment) after the same checks as the case page."""
    report = report_for_user(request.user, pk)
    evidence = evidence_get(user=request.user, report_pk=report.pk, pk=evidence_pk)
    if not evidence.file:
        raise PermissionDenied(_("This evidence is a link, not a file."))
    return protected_file_response(
        request,
        evidence.file,
        download_name=evidence.original_name or f"bukti-{evidence.pk}",
        content_type=evidence.content_type,
    )


def evidence_add_view(request, pk: int):
    """Add evidence files or links to a case (the handling office's case handlers)."""
    report = report_for_action(
        request.user, pk, can_handle_report, _("Only the handling office can add evidence.")
    )
    if request.method == "POST":
        form = EvidenceAddForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                added = evidence_add(
                    user=request.user,
                    report=report,
                    files=form.cleaned_data["evidence_files"],
                    links=form.cleaned_data["evidence_links"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d piece of evidence added.",
                        "%(count)d pieces of evidence added.",
                        len(added),
                    )
                    % {"count": len(added)},
                )
                return redirect(report)
    else:
        form = EvidenceAddForm()
    return render(request, "reports/evidence_form.html", {"form": form, "report": report})


@require_POST
def report_comment_view(request, pk: int):
    """Add a comment (the handling office and the offices above it)."""
    report = report_for_action(
        request.user, pk, can_comment_report, _("You cannot comment on this report.")
    )
    form = ReportCommentForm(request.POST)
    if form.is_valid():
        save = partial(
            report_comment_add, actor=request.user, report=report, text=form.cleaned_data["text"]
        )
        if response := save_and_redirect(
            request,
            form,
            save,
            message=_("Your comment was added."),
            to=f"{report.get_absolute_url()}#comments-title",
        ):
            return response
    return action_page(
        request, report, form, heading=_("Comment on the report"), submit_label=_("Add comment")
    )

"""Related reports on the case page: link another report, unlink one (thin views, PRG).

The case page (``reports.views.cases.report_detail``) lists the linked
reports and renders both forms for the handling office's case handlers; a
form with errors (a refusal by the service included) comes back on its own
page, ``reports/report_action.html``, with the error summary. The joint
kajian and pleno go through the workflow view
(``reports.views.workflow.report_transition_view``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bawaslu_portal.forms import add_service_error
from reports.forms.related import ReportLinkForm, ReportUnlinkForm
from reports.permissions.cases import can_handle_report
from reports.services.related import report_link, report_unlink
from reports.views.cases import report_for_user


def _related_url(report) -> str:
    return f"{report.get_absolute_url()}#related-title"


def _handled_report(request, pk: int):
    """The report (404 outside the jurisdiction); 403 unless the user's office handles it."""
    report = report_for_user(request.user, pk)
    if not can_handle_report(request.user, report):
        raise PermissionDenied(_("Only the handling office can link or unlink its reports."))
    return report


def _form_page(request, report, form, *, heading: str, url_name: str, submit_label: str):
    """A refused form on its own page, with the error summary, posting back to ``url_name``."""
    return render(
        request,
        "reports/report_action.html",
        {
            "report": report,
            "form": form,
            "heading": heading,
            "action_url": reverse(url_name, args=[report.pk]),
            "submit_label": submit_label,
            "confirm": "",
        },
    )


@require_POST
def report_link_view(request, pk: int):
    """Link another report (by tracking code or registration number) to this one."""
    report = _handled_report(request, pk)
    form = ReportLinkForm(request.POST, report=report, user=request.user)
    if form.is_valid():
        try:
            report_link(
                actor=request.user,
                report=report,
                other=form.cleaned_data["other"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Report %(other)s is linked to this one: they are assessed together, "
                    "with one kajian and one pleno."
                )
                % {"other": form.cleaned_data["other"]},
            )
            return redirect(_related_url(report))
    return _form_page(
        request,
        report,
        form,
        heading=_("Link a report about the same incident"),
        url_name="reports:link",
        submit_label=_("Link the report"),
    )


@require_POST
def report_unlink_view(request, pk: int):
    """Take a report out of this report's group (before the joint kajian)."""
    report = _handled_report(request, pk)
    form = ReportUnlinkForm(request.POST, report=report, user=request.user)
    if form.is_valid():
        member = form.cleaned_data["member"]
        try:
            report_unlink(
                actor=request.user,
                report=report,
                member=member,
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Report %(member)s is no longer linked to the others.") % {"member": member},
            )
            return redirect(_related_url(report))
    return _form_page(
        request,
        report,
        form,
        heading=_("Unlink a report"),
        url_name="reports:unlink",
        submit_label=_("Unlink"),
    )

"""Related reports on the case page: link another report, unlink one (thin views, PRG).

The case page (``reports.views.cases.report_detail``) lists the linked
reports and renders both forms for the handling office's case handlers; a
form with errors (a refusal by the service included) comes back on its own
page, ``reports/report_action.html``, with the error summary. The joint
kajian and pleno go through the workflow view
(``reports.views.workflow.report_transition_view``).
"""

from functools import partial

from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bawaslu_portal.prg import save_and_redirect
from reports.forms.related import ReportLinkForm, ReportUnlinkForm
from reports.permissions.cases import can_handle_report
from reports.services.related import report_link, report_unlink
from reports.views.cases import action_page, report_for_action


def _related_url(report) -> str:
    return f"{report.get_absolute_url()}#related-title"


def _handled_report(request, pk: int):
    """The report (404 outside the jurisdiction); 403 unless the user's office handles it."""
    return report_for_action(
        request.user,
        pk,
        can_handle_report,
        _("Only the handling office can link or unlink its reports."),
    )


@require_POST
def report_link_view(request, pk: int):
    """Link another report (by tracking code or registration number) to this one."""
    report = _handled_report(request, pk)
    form = ReportLinkForm(request.POST, report=report, user=request.user)
    if form.is_valid():
        other = form.cleaned_data["other"]
        save = partial(
            report_link,
            actor=request.user,
            report=report,
            other=other,
            expected_version=form.cleaned_data["version"],
        )
        message = _(
            "Report %(other)s is linked to this one: they are assessed together, "
            "with one kajian and one pleno."
        ) % {"other": other}
        if response := save_and_redirect(
            request, form, save, message=message, to=_related_url(report)
        ):
            return response
    return action_page(
        request,
        report,
        form,
        heading=_("Link a report about the same incident"),
        submit_label=_("Link the report"),
    )


@require_POST
def report_unlink_view(request, pk: int):
    """Take a report out of this report's group (before the joint kajian)."""
    report = _handled_report(request, pk)
    form = ReportUnlinkForm(request.POST, report=report, user=request.user)
    if form.is_valid():
        member = form.cleaned_data["member"]
        save = partial(
            report_unlink,
            actor=request.user,
            report=report,
            member=member,
            expected_version=form.cleaned_data["version"],
        )
        message = _("Report %(member)s is no longer linked to the others.") % {"member": member}
        if response := save_and_redirect(
            request, form, save, message=message, to=_related_url(report)
        ):
            return response
    return action_page(
        request, report, form, heading=_("Unlink a report"), submit_label=_("Unlink")
    )

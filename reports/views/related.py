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
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bawaslu_portal.prg import save_and_redirect
from reports.forms.related import ReportLinkForm, ReportUnlinkForm
from reports.permissions.cases import can_handle_report
from reports.services.related import report_link, report_unlink
from reports.views.cases import action_page, report_for_action


def _related_url(report) -> str:
    return f"{report.get_absolute_url()}#related-title"


def _group_change_view(form_class, service, *, field: str, saved, heading, submit_label):
    """The POST view that changes the report's group through ``service``: the other report
    is the form's ``field``, passed to the service under that name, and named in the
    ``saved`` message (``%(<field>)s``); back to the case page's related reports.

    404 outside the jurisdiction; 403 unless the user's office handles the report. A form
    with errors comes back on its own page under ``heading``.
    """

    @require_POST
    def view(request, pk: int):
        report = report_for_action(
            request.user,
            pk,
            can_handle_report,
            _("Only the handling office can link or unlink its reports."),
        )
        form = form_class(request.POST, report=report, user=request.user)
        if form.is_valid():
            other = form.cleaned_data[field]
            save = partial(
                service,
                actor=request.user,
                report=report,
                expected_version=form.cleaned_data["version"],
                **{field: other},
            )
            if response := save_and_redirect(
                request, form, save, message=saved % {field: other}, to=_related_url(report)
            ):
                return response
        return action_page(request, report, form, heading=heading, submit_label=submit_label)

    return view


#: Link another report (by tracking code or registration number) to this one.
report_link_view = _group_change_view(
    ReportLinkForm,
    report_link,
    field="other",
    saved=gettext_lazy(
        "Report %(other)s is linked to this one: they are assessed together, "
        "with one kajian and one pleno."
    ),
    heading=gettext_lazy("Link a report about the same incident"),
    submit_label=gettext_lazy("Link the report"),
)

#: Take a report out of this report's group (before the joint kajian).
report_unlink_view = _group_change_view(
    ReportUnlinkForm,
    report_unlink,
    field="member",
    saved=gettext_lazy("Report %(member)s is no longer linked to the others."),
    heading=gettext_lazy("Unlink a report"),
    submit_label=gettext_lazy("Unlink"),
)

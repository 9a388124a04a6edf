"""Workflow actions on a case: apply a transition (a thin view, Post/Redirect/Get).

The detail page shows one form per transition the user may take, through
``templates/reports/includes/transition_forms.html`` with the context built
by ``reports.forms.workflow.transition_actions``. A form with errors
(including a stale page or an illegal move reported by the service) comes
back on its own page, ``reports/report_action.html``, with the error summary
(the comment form, ``reports.views.cases.report_comment_view``, does the same).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from bawaslu_portal.forms import add_service_error
from reports.forms.workflow import TransitionForm
from reports.permissions.workflow import can_apply_transition
from reports.services.related import report_group_transition
from reports.services.workflow import GUARD_MESSAGES
from reports.views.cases import action_page, report_for_user
from reports.workflow import TRANSITIONS_BY_KEY, guard_allows


@require_http_methods(["GET", "POST"])
def report_transition_view(request, pk: int):
    """Take one workflow step (``transition`` in the POST; ``?langkah=`` shows its form alone).

    404 outside the jurisdiction or for an unknown step; 403 when the user's
    role or office may not take it.
    """
    report = report_for_user(request.user, pk)
    key = request.POST.get("transition") if request.method == "POST" else request.GET.get("langkah")
    transition = TRANSITIONS_BY_KEY.get(key or "")
    if transition is None:
        raise Http404(_("Unknown step."))
    if not can_apply_transition(request.user, report, transition):
        raise PermissionDenied(_("Your role or office does not allow this step on this report."))
    if request.method == "GET" and transition.source != report.stage:
        messages.info(request, _("This step is not available in the report's current stage."))
        return redirect(report)
    if request.method == "GET" and not guard_allows(transition, report):
        # In the right stage but refused by its guard: say why (e.g. a late filing).
        messages.info(request, GUARD_MESSAGES[transition.guard](report))
        return redirect(report)

    form = TransitionForm(
        request.POST if request.method == "POST" else None,
        transition=transition,
        report=report,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        try:
            # A joint step of linked reports (the kajian, the pleno) is applied to the group.
            updated_reports = report_group_transition(
                actor=request.user,
                report=report,
                to_stage=transition.target,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data.get("note") or "",
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            updated = updated_reports[0]
            messages.success(
                request,
                _("%(step)s: done. The report is now in stage “%(stage)s”.")
                % {"step": transition.label, "stage": updated.get_stage_display()},
            )
            if len(updated_reports) > 1:
                messages.success(
                    request,
                    ngettext(
                        "Recorded once for the linked report too: %(reports)s.",
                        "Recorded once for the %(count)d linked reports too: %(reports)s.",
                        len(updated_reports) - 1,
                    )
                    % {
                        "count": len(updated_reports) - 1,
                        "reports": ", ".join(str(other) for other in updated_reports[1:]),
                    },
                )
            return redirect(report)
    return action_page(
        request,
        report,
        form,
        heading=transition.label,
        submit_label=transition.label,
        confirm=form.confirm_message,
    )

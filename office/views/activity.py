"""The activity feed ``/aktivitas/``: who did what, when, in the jurisdiction (issue 9 §6)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from bawaslu_portal.dbrouters import reads_from_replica
from bawaslu_portal.scoping import user_jurisdiction
from office.forms.activity import ActivityForm, CursorForm
from office.selectors.activity import activity_page
from reports.permissions.cases import can_view_reports


@require_GET
@reads_from_replica
def activity(request):
    """The newest activity first, a page at a time ("Older" follows the cursor).

    An invalid kind or cursor shows its error and the newest of everything.
    """
    form = ActivityForm(request.GET or None, reports=can_view_reports(request.user))
    cursor_form = CursorForm(request.GET or None)
    kind = form.cleaned_data["kind"] if form.is_bound and form.is_valid() else ""
    before = None
    if cursor_form.is_bound:
        if cursor_form.is_valid():
            before = cursor_form.cleaned_data["before"]
        else:
            # The cursor has no field on the page: its error heads the filter form's summary.
            for error in cursor_form.errors["before"]:
                form.add_error(None, error)
    page = activity_page(user=request.user, kind=kind, before=before)
    return render(
        request,
        "office/activity.html",
        {
            "form": form,
            "page": page,
            "kind": kind,
            "jurisdiction": user_jurisdiction(request.user),
        },
    )

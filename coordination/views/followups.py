"""Follow-up pages: the jurisdiction list and its printable version, detail with progress,
creation, and "Tugas saya".

Partner officials reach only the follow-ups of their own agency (others: 404)
and may only add progress or mark them done (anything else: 403).
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bawaslu_portal.forms import add_service_error
from bawaslu_portal.pagination import paginate
from bawaslu_portal.prg import save_and_redirect
from bawaslu_portal.scoping import user_jurisdiction
from coordination import permissions, selectors, services
from coordination.forms import (
    FollowUpFilterForm,
    FollowUpForm,
    FollowUpProgressForm,
    FollowUpStatusForm,
)
from coordination.models import FollowUpStatus
from coordination.views.shared import RecordKind, list_view, record_in_scope

#: The printable follow-up list stops here; beyond it, officials narrow the filters.
FOLLOW_UP_PRINT_MAX_ROWS = 500


FOLLOW_UP = RecordKind(
    "follow_up",
    selectors.follow_up_get,
    permissions.can_edit_follow_up,
    permissions.can_create_follow_up,
)

follow_up_list = list_view(FOLLOW_UP, selectors.follow_up_list, filter_form=FollowUpFilterForm)


@require_GET
def follow_up_print(request):
    """The follow-up list on A4 landscape, with the same filters as ``/tindak-lanjut/``."""
    form = FollowUpFilterForm(request.GET or None, user=request.user)
    # An invalid field is ignored (the page says so); the valid ones still filter.
    filters = form.filters()
    queryset = selectors.follow_up_list(user=request.user, filters=filters)
    rows = list(queryset[: FOLLOW_UP_PRINT_MAX_ROWS + 1])
    return render(
        request,
        "coordination/print/follow_ups.html",
        {
            "form": form,
            "filters": filters,
            "status_label": FollowUpStatus(filters.status).label if filters.status else "",
            "follow_ups": rows[:FOLLOW_UP_PRINT_MAX_ROWS],
            "truncated": len(rows) > FOLLOW_UP_PRINT_MAX_ROWS,
            "max_rows": FOLLOW_UP_PRINT_MAX_ROWS,
            "printed_at": timezone.now(),
            "jurisdiction": user_jurisdiction(request.user),
            "pdf": False,
        },
    )


@require_GET
def my_tasks(request):
    """The follow-ups assigned to the user's agency; each opens to add progress or mark done."""
    follow_ups = selectors.follow_up_assigned_list(user=request.user)
    return render(
        request,
        "coordination/my_tasks.html",
        {"page": paginate(request, follow_ups)},
    )


@require_GET
@record_in_scope(selectors.follow_up_get)
def follow_up_detail(request, follow_up):
    return _render_detail(request, follow_up)


def _render_detail(request, follow_up, *, progress_form=None, status_form=None):
    user = request.user
    return render(
        request,
        "coordination/follow_up_detail.html",
        {
            "follow_up": follow_up,
            "form": progress_form or status_form,
            "progress_form": progress_form
            or FollowUpProgressForm(initial={"version": follow_up.version}),
            "status_form": status_form
            or FollowUpStatusForm(
                initial={"version": follow_up.version, "status": follow_up.status}
            ),
            "can_update": permissions.can_update_follow_up(user, follow_up),
            "can_change_status": permissions.can_change_follow_up_status(user, follow_up),
            "can_edit": permissions.can_edit_follow_up(user, follow_up),
        },
    )


@require_http_methods(["GET", "POST"])
def follow_up_create(request, meeting_pk: int | None = None):
    """A follow-up, standalone or from a meeting (then it takes the meeting's region)."""
    meeting = selectors.meeting_get(user=request.user, pk=meeting_pk) if meeting_pk else None
    if not permissions.can_create_follow_up(request.user, meeting):
        raise PermissionDenied
    form = FollowUpForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        fixed_region=meeting is not None,
    )
    if request.method == "POST" and form.is_valid():
        save = partial(
            services.follow_up_create,
            actor=request.user,
            **form.service_kwargs(),
            region=meeting.region if meeting else form.cleaned_data["region"],
            meeting=meeting,
        )
        # From a meeting, back to the meeting; otherwise to the new follow-up.
        if response := save_and_redirect(
            request, form, save, message=_("The follow-up was recorded."), to=meeting
        ):
            return response
    return render(request, "coordination/follow_up_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
@record_in_scope(selectors.follow_up_get, permissions.can_edit_follow_up)
def follow_up_update(request, follow_up):
    """Correct what, who and by when; the form carries the version it was loaded with."""
    if request.method == "POST":
        form = FollowUpForm(request.POST.copy(), user=request.user, fixed_region=True)
        if form.is_valid():
            try:
                services.follow_up_update(
                    actor=request.user,
                    follow_up=follow_up,
                    **form.service_kwargs(),
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                add_service_error(form, error)
                if error.code == "stale_version":
                    follow_up.refresh_from_db(fields=["version"])
                    form.data["version"] = str(follow_up.version)
            else:
                messages.success(request, _("The follow-up was changed."))
                return redirect(follow_up)
    else:
        form = FollowUpForm(
            user=request.user, fixed_region=True, initial=FollowUpForm.initial_for(follow_up)
        )
    return render(
        request,
        "coordination/follow_up_form.html",
        {"form": form, "meeting": follow_up.meeting, "follow_up": follow_up},
    )


@require_POST
@record_in_scope(selectors.follow_up_get, permissions.can_update_follow_up)
def follow_up_progress(request, follow_up):
    """Add a progress note (optionally marking the follow-up done); back to where it came from."""
    form = FollowUpProgressForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        save = partial(
            services.follow_up_add_progress,
            actor=request.user,
            follow_up=follow_up,
            text=data["text"],
            date=data["date"],
            mark_done=data["mark_done"],
            expected_version=data["version"],
        )
        if data["mark_done"]:
            message = _("The follow-up was marked done.")
        else:
            message = _("The progress was recorded.")
        if response := save_and_redirect(request, form, save, message=message, to=follow_up):
            return response
    return _render_detail(request, follow_up, progress_form=form)


@require_POST
@record_in_scope(selectors.follow_up_get, permissions.can_change_follow_up_status)
def follow_up_status(request, follow_up):
    form = FollowUpStatusForm(request.POST)
    if form.is_valid():
        save = partial(
            services.follow_up_set_status,
            actor=request.user,
            follow_up=follow_up,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        )
        if response := save_and_redirect(
            request,
            form,
            save,
            message=_("The status of the follow-up was changed."),
            to=follow_up,
        ):
            return response
    return _render_detail(request, follow_up, status_form=form)

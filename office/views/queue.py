"""The home page of every official: the work queue (issue 9 §1)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from bawaslu_portal.scoping import user_jurisdiction
from office.selectors.queue import work_queue as select_work_queue


@require_GET
def work_queue(request):
    """What needs doing in the jurisdiction, most urgent first; each line opens its list."""
    return render(
        request,
        "office/work_queue.html",
        {
            "queue": select_work_queue(user=request.user),
            "jurisdiction": user_jurisdiction(request.user),
        },
    )

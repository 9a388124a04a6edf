"""The dashboard ``/dasbor/``: the jurisdiction's figures by month over a chosen period."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bawaslu_portal.dbrouters import reads_from_replica
from bawaslu_portal.scoping import user_jurisdiction
from office.forms.dashboard import DashboardPeriodForm
from office.selectors.dashboard import dashboard as select_dashboard


@require_GET
@reads_from_replica
def dashboard(request):
    """Figures with their charts and tables; an invalid period shows its error and the default.

    Read-only and heavy: it reads from the PostgreSQL replica when one is configured (a
    second of replication lag does not matter to monthly figures).
    """
    form = DashboardPeriodForm(request.GET or None, today=timezone.localdate(), user=request.user)
    start, end = form.period()
    kabkota = form.chosen_kabkota()
    return render(
        request,
        "office/dashboard.html",
        {
            "form": form,
            "dashboard": select_dashboard(user=request.user, start=start, end=end, kabkota=kabkota),
            "jurisdiction": user_jurisdiction(request.user),
            "kabkota": kabkota,
        },
    )

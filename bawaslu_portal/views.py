"""The portal's own pages: region browser and agency directory.

The home page is the work queue, ``office.views.queue.work_queue`` (routed in ``urls.py``).
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.http import require_GET

from bawaslu_portal import selectors
from bawaslu_portal.audit import audit_record
from bawaslu_portal.forms import AgencyFilterForm
from bawaslu_portal.models import AuditKind
from bawaslu_portal.pagination import paginate


@require_GET
def region_browse(request, code: str | None = None):
    region = selectors.region_get(user=request.user, code=code) if code else None
    children = selectors.region_children_list(user=request.user, region=region)
    roster = selectors.region_roster(region=region) if region and region.is_kelurahan else None
    return render(
        request,
        "portal/region_browse.html",
        {
            "region": region,
            "ancestors": selectors.region_ancestors(user=request.user, region=region)
            if region
            else [],
            "page": paginate(request, children, per_page=50),
            "roster": roster,
        },
    )


@require_GET
def agency_list(request):
    form = AgencyFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    agencies = selectors.agency_list(
        user=request.user, kind=filters.get("kind", ""), query=filters.get("q", "")
    )
    return render(
        request, "portal/agency_list.html", {"form": form, "page": paginate(request, agencies)}
    )


@require_GET
def agency_detail(request, pk: int):
    agency = selectors.agency_get(user=request.user, pk=pk)
    return render(
        request,
        "portal/agency_detail.html",
        {"agency": agency, "positions": selectors.agency_positions(agency=agency)},
    )


@login_not_required
def permission_denied(request, exception=None):
    """The 403 page; every denial (a ``PermissionDenied`` from any view) is audited."""
    audit_record(
        kind=AuditKind.PERMISSION_DENIED,
        request=request,
        details={"path": request.path[:300], "method": request.method},
    )
    return render(request, "403.html", status=403)


@login_not_required
def csrf_failure(request, reason=""):
    """A form rejected for its CSRF token (``CSRF_FAILURE_VIEW``) is a denial too: audit it.

    Django's own view renders ``403_csrf.html``; the reason (no cookie, bad
    token, bad origin) is kept, the token never is.
    """
    audit_record(
        kind=AuditKind.PERMISSION_DENIED,
        request=request,
        details={"path": request.path[:300], "method": request.method, "csrf": reason[:200]},
    )
    return django_csrf_failure(request, reason=reason)


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def server_error(request):
    return render(request, "500.html", status=500)

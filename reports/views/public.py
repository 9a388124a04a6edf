"""Public pages (no login): filing a report at ``/lapor/`` and ``/cek-laporan/``.

Both are rate-limited per client address with Django's cache (settings
``REPORTS_PUBLIC_FILING_LIMIT`` and ``REPORTS_STATUS_CHECK_LIMIT``, each
``(count, seconds)``); over the limit the client gets a 429 page. No personal
data ever goes into a URL: the kab/kota code is the only path parameter, and
the tracking code travels in the session (after filing) or in a POST body
(status check).
"""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from bawaslu_portal.clients import client_ip
from bawaslu_portal.forms import add_service_error
from bawaslu_portal.models import Region
from reports.forms import PublicRegionForm, ReportForm, StatusCheckForm, WitnessFormSet
from reports.selectors import report_public_status
from reports.services_intake import bawaslu_office_for_region, tracking_code_mail
from reports.views.intake import intake_from_form

DEFAULT_FILING_LIMIT = (5, 60 * 60)
DEFAULT_STATUS_CHECK_LIMIT = (20, 60 * 60)
SESSION_TRACKING_CODE = "reports_public_tracking_code"
#: The pks of the reports this browser session filed, newest last (for the receipt).
SESSION_FILED_REPORTS = "reports_public_filed"
#: How many filed reports a session remembers for their receipts.
SESSION_FILED_REPORTS_KEPT = 5


def remember_filed_report(request, report_pk: int) -> None:
    """Let this session, and only it, open the receipt of the report it just filed."""
    filed = [pk for pk in _filed_report_pks(request) if pk != report_pk]
    filed.append(report_pk)
    request.session[SESSION_FILED_REPORTS] = filed[-SESSION_FILED_REPORTS_KEPT:]


def _filed_report_pks(request) -> list[int]:
    stored = request.session.get(SESSION_FILED_REPORTS)
    if not isinstance(stored, list):
        return []
    return [pk for pk in stored if isinstance(pk, int)]


def session_may_see_receipt(request, report_pk) -> bool:
    """Whether this browser session filed ``report_pk`` through the public form.

    The receipt (*tanda bukti penyampaian laporan*) names the reporter, so
    without a login only the session that filed the report may open it (the
    last :data:`SESSION_FILED_REPORTS_KEPT` filings, for as long as the
    session lasts); nobody gets it by its id alone.
    """
    try:
        report_pk = int(report_pk)
    except (TypeError, ValueError):
        return False
    return report_pk in _filed_report_pks(request)


def _client_key(request, scope: str) -> str:
    return f"reports:ratelimit:{scope}:{client_ip(request)}"


def rate_limited(request, scope: str, setting: str, default: tuple[int, int]) -> bool:
    """Whether the client has used up its allowance for ``scope`` (read, no increment)."""
    limit, _window = getattr(settings, setting, default)
    return (cache.get(_client_key(request, scope)) or 0) >= limit


def rate_count(request, scope: str, setting: str, default: tuple[int, int]) -> None:
    """Count one use of ``scope`` by the client; the window starts at the first use."""
    _limit, window = getattr(settings, setting, default)
    key = _client_key(request, scope)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window)


def too_many_requests(request, setting: str, default: tuple[int, int]):
    """The 429 page; ``Retry-After`` is the limit's window (the longest wait)."""
    _limit, window = getattr(settings, setting, default)
    response = render(
        request,
        "reports/public/too_many_requests.html",
        {"wait_minutes": max(1, -(-window // 60))},
        status=429,
    )
    response["Retry-After"] = str(window)
    return response


@login_not_required
@require_GET
def public_start(request):
    """Step one: the formal and material requirements, and the kab/kota of the incident."""
    form = PublicRegionForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("reports:public_form", kabkota=form.cleaned_data["kabkota"].code)
    return render(request, "reports/public/start.html", {"form": form})


@login_not_required
@never_cache
def public_form(request, kabkota: str):
    """Step two: the report form of a kab/kota that has a Bawaslu office in the portal."""
    region = get_object_or_404(Region, code=kabkota, depth=2)
    try:
        office = bawaslu_office_for_region(region)
    except ValidationError:
        return render(request, "reports/public/no_office.html", {"region": region}, status=404)
    if request.method == "POST":
        if rate_limited(request, "filing", "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT):
            return too_many_requests(request, "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT)
        form = ReportForm(request.POST, request.FILES, kabkota=region)
        witnesses = WitnessFormSet(request.POST, prefix="witness")
        if form.is_valid() and witnesses.is_valid():
            try:
                result = intake_from_form(form=form, witnesses=witnesses, user=None)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                rate_count(request, "filing", "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT)
                email = form.cleaned_data.get("reporter_email")
                if email:
                    tracking_code_mail(report=result.report, email=email)
                remember_filed_report(request, result.report.pk)
                request.session[SESSION_TRACKING_CODE] = {
                    "code": result.report.tracking_code_display,
                    "office": result.report.office.name,
                    "late": result.filed_late,
                    "mailed": bool(email),
                }
                return redirect("reports:public_done")
    else:
        form = ReportForm(kabkota=region)
        witnesses = WitnessFormSet(prefix="witness")
    return render(
        request,
        "reports/public/report_form.html",
        {
            "form": form,
            "witnesses": witnesses,
            "formsets": [witnesses],
            "public": True,
            "region": region,
            "office": office,
        },
    )


@login_not_required
@never_cache
@require_GET
def public_done(request):
    """The tracking code of the report just filed (from the session, never the URL)."""
    # Shown once: on a shared phone or computer the next visitor should not see it.
    filed = request.session.pop(SESSION_TRACKING_CODE, None)
    if not filed:
        return redirect("reports:public_start")
    return render(request, "reports/public/done.html", {"filed": filed})


@login_not_required
@never_cache
def status_check(request):
    """Status, stage dates and the current deadline by tracking code; nothing personal.

    An unknown code renders the same page with the same message shape as a
    malformed one, after the same queries.
    """
    status = None
    not_found = False
    if request.method == "POST":
        if rate_limited(
            request, "status", "REPORTS_STATUS_CHECK_LIMIT", DEFAULT_STATUS_CHECK_LIMIT
        ):
            return too_many_requests(
                request, "REPORTS_STATUS_CHECK_LIMIT", DEFAULT_STATUS_CHECK_LIMIT
            )
        rate_count(request, "status", "REPORTS_STATUS_CHECK_LIMIT", DEFAULT_STATUS_CHECK_LIMIT)
        form = StatusCheckForm(request.POST)
        if form.is_valid():
            status = report_public_status(tracking_code=form.cleaned_data["code"])
            not_found = status is None
    else:
        form = StatusCheckForm()
    return render(
        request,
        "reports/public/status_check.html",
        {"form": form, "status": status, "not_found": not_found},
    )

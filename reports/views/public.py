"""Public pages (no login): filing a report at ``/lapor/`` and ``/cek-laporan/``.

Both are rate-limited per client address by atomic database counters
(``bawaslu_portal.ratelimits``; settings ``REPORTS_PUBLIC_FILING_LIMIT`` and
``REPORTS_STATUS_CHECK_LIMIT``, each ``(count, seconds)``); over the limit the
client gets a 429 page. No personal
data ever goes into a URL: the kab/kota code is the only path parameter, and
the tracking code travels in the session (after filing) or in a POST body
(status check).
"""

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from bawaslu_portal.clients import client_ip
from bawaslu_portal.forms import add_service_error
from bawaslu_portal.models import Region
from bawaslu_portal.ratelimits import (
    rate_limit_exhausted,
    rate_limit_release,
    rate_limit_take,
)
from reports.forms.intake import ReportForm, WitnessFormSet, with_another_witness
from reports.forms.public import (
    PUBLIC_FIRST_STEP_TITLE,
    PUBLIC_STEPS,
    PublicRegionForm,
    StatusCheckForm,
)
from reports.models import ElectionType
from reports.selectors.public import report_public_status
from reports.services.intake import bawaslu_office_for_region
from reports.services.public import tracking_code_mail
from reports.views.intake import ACTION_ADD_WITNESS, intake_from_form

DEFAULT_FILING_LIMIT = (5, 60 * 60)
DEFAULT_STATUS_CHECK_LIMIT = (20, 60 * 60)
SESSION_TRACKING_CODE = "reports_public_tracking_code"
#: The public form's step 1 is ``/lapor/`` (requirements, kab/kota); ``PUBLIC_STEPS`` start at 2.
PUBLIC_STEP_OFFSET = 2
#: The values of the public form's ``action`` buttons (``ACTION_ADD_WITNESS`` from intake).
ACTION_NEXT, ACTION_BACK, ACTION_SEND = "next", "back", "send"
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
    return rate_limit_exhausted(_client_key(request, scope), limit=limit)


def rate_take(request, scope: str, setting: str, default: tuple[int, int]) -> bool:
    """Take one use of ``scope`` for the client, atomically; False when none is left."""
    limit, window = getattr(settings, setting, default)
    return rate_limit_take(_client_key(request, scope), limit=limit, window=window)


def rate_release(request, scope: str) -> None:
    """Give back a use taken for a filing that did not happen."""
    rate_limit_release(_client_key(request, scope))


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
    return render(
        request, "reports/public/start.html", {"form": form, "steps": public_steps(current=1)}
    )


def _posted_step(data) -> int:
    """The index in ``PUBLIC_STEPS`` of the step the posted page showed (0 when unreadable)."""
    value = data.get("step", "")
    index = int(value) - PUBLIC_STEP_OFFSET if value.isdigit() else 0
    return min(max(index, 0), len(PUBLIC_STEPS) - 1)


def _first_step_with_errors(form, witnesses) -> int:
    """The first step with an error; the last step for an error of no field (the service's)."""
    for index, step in enumerate(PUBLIC_STEPS):
        if form.step_has_errors(step) or (step.witnesses and witnesses.total_error_count()):
            return index
    return len(PUBLIC_STEPS) - 1


def _show_step(form, witnesses, index: int, *, with_errors: bool) -> None:
    """Leave only the errors of step ``index`` (or none) for the page and its error summary."""
    step = PUBLIC_STEPS[index]
    form.keep_errors(step.fields if with_errors else ())
    if not (with_errors and step.witnesses):
        witnesses.hide_errors()


@login_not_required
@never_cache
def public_form(request, kabkota: str):
    """The report form of a kab/kota that has a Bawaslu office in the portal, a step at a time.

    Steps 2 to 6 (step 1 is ``/lapor/``) are one form: the page shows one
    step and carries the others' fields hidden, so nothing is stored between
    steps and every POST holds the whole report. The ``action`` button says
    what to do: ``next`` checks the step on screen and moves on, ``back``
    goes back without checking, ``add_witness`` adds a witness block, and
    ``send`` (also a POST without ``action``) checks everything and files
    the report, or shows the first step that needs correcting.
    """
    region = get_object_or_404(Region, code=kabkota, depth=2)
    try:
        office = bawaslu_office_for_region(region)
    except ValidationError:
        return render(request, "reports/public/no_office.html", {"region": region}, status=404)
    step = 0
    files_dropped = False
    if request.method == "POST":
        if rate_limited(request, "filing", "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT):
            return too_many_requests(request, "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT)
        action = request.POST.get("action") or ACTION_SEND
        step = _posted_step(request.POST)
        data = request.POST
        if action == ACTION_ADD_WITNESS:
            data = with_another_witness(data)
        form = ReportForm(data, request.FILES, kabkota=region)
        witnesses = WitnessFormSet(data, prefix="witness")
        valid = form.is_valid()
        valid = witnesses.is_valid() and valid
        if action == ACTION_NEXT:
            if form.step_has_errors(PUBLIC_STEPS[step]):
                _show_step(form, witnesses, step, with_errors=True)
            else:
                step = min(step + 1, len(PUBLIC_STEPS) - 1)
                _show_step(form, witnesses, step, with_errors=False)
        elif action in (ACTION_BACK, ACTION_ADD_WITNESS):
            if action == ACTION_BACK:
                step = max(step - 1, 0)
            _show_step(form, witnesses, step, with_errors=False)
        else:
            if valid:
                # The use is taken before filing, under a row lock: parallel filings
                # from one address cannot all pass the check (issue 11 §4).
                if not rate_take(
                    request, "filing", "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT
                ):
                    return too_many_requests(
                        request, "REPORTS_PUBLIC_FILING_LIMIT", DEFAULT_FILING_LIMIT
                    )
                try:
                    result = intake_from_form(form=form, witnesses=witnesses, user=None)
                except ValidationError as error:
                    rate_release(request, "filing")
                    add_service_error(form, error)
                else:
                    _filed(request, form, result)
                    return redirect("reports:public_done")
            step = _first_step_with_errors(form, witnesses)
            _show_step(form, witnesses, step, with_errors=True)
        # A browser cannot put chosen files back into a re-rendered page.
        files_dropped = bool(request.FILES)
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
            "steps": public_steps(current=step + PUBLIC_STEP_OFFSET),
            "step": PUBLIC_STEPS[step],
            "step_number": step + PUBLIC_STEP_OFFSET,
            "last_step": step == len(PUBLIC_STEPS) - 1,
            "files_dropped": files_dropped,
        },
    )


def public_steps(*, current: int) -> dict:
    """The progress indicator: every step's number and title, and which one is on screen."""
    titles = [PUBLIC_FIRST_STEP_TITLE, *(step.title for step in PUBLIC_STEPS)]
    return {
        "current": current,
        "total": len(titles),
        "items": [
            {"number": number, "title": title, "done": number < current}
            for number, title in enumerate(titles, start=1)
        ],
        "title": titles[current - 1],
    }


def _filed(request, form, result) -> None:
    """After a filing (its use already taken): mail the code, keep what the done page shows."""
    report = result.report
    email = form.cleaned_data.get("reporter_email")
    if email:
        tracking_code_mail(report=report, email=email)
    remember_filed_report(request, report.pk)
    request.session[SESSION_TRACKING_CODE] = {
        "pk": report.pk,
        "code": report.tracking_code_display,
        "office": report.office.name,
        "received_at": report.received_at.isoformat(),
        "zone": report.office.region.timezone,
        "election_type": report.election.type,
        "late": report.fails_filing_deadline,
        "filing_deadline": (result.filing_deadline.isoformat() if result.filing_deadline else None),
        "mailed": bool(email),
    }


@login_not_required
@never_cache
@require_GET
def public_done(request):
    """The tracking code and receipt of the report just filed (from the session, never the URL).

    A late laporan is told plainly that it will not be registered (UU 7/2017
    ps. 454 ayat (6); UU 10/2016 ps. 134 ayat (4)) instead of being promised
    an assessment.
    """
    # Shown once: on a shared phone or computer the next visitor should not see it.
    filed = request.session.pop(SESSION_TRACKING_CODE, None)
    if not filed:
        return redirect("reports:public_start")
    filed["received_at"] = datetime.datetime.fromisoformat(filed["received_at"])
    if filed.get("filing_deadline"):
        filed["filing_deadline"] = datetime.date.fromisoformat(filed["filing_deadline"])
    filed["pemilu"] = filed.get("election_type") == ElectionType.PEMILU
    return render(request, "reports/public/done.html", {"filed": filed})


@login_not_required
@never_cache
def status_check(request):
    """Handling status, stage dates and the current deadline by tracking code; nothing personal.

    A laporan filed after its deadline is said not to be registrable.

    An unknown code renders the same page with the same message shape as a
    malformed one, after the same queries.
    """
    status = None
    not_found = False
    if request.method == "POST":
        if not rate_take(
            request, "status", "REPORTS_STATUS_CHECK_LIMIT", DEFAULT_STATUS_CHECK_LIMIT
        ):
            return too_many_requests(
                request, "REPORTS_STATUS_CHECK_LIMIT", DEFAULT_STATUS_CHECK_LIMIT
            )
        form = StatusCheckForm(request.POST)
        if form.is_valid():
            code = form.cleaned_data["code"]
            status = report_public_status(tracking_code=code)
            not_found = status is None
    else:
        form = StatusCheckForm()
    return render(
        request,
        "reports/public/status_check.html",
        {"form": form, "status": status, "not_found": not_found},
    )

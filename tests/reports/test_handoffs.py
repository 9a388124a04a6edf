"""Hand-offs between the public and the office: a citizen's filing opened by the handling office.

These tests go over HTTP the whole way, as the two people do: the citizen
through ``/lapor/`` with the form the page renders (CSRF token included), the
office through the case pages. A public filing is the one case whose first
history row has no actor, so every page that shows the history must cope.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from reports.models import Report, ReportHistory, ReportStage
from reports.workflow import TRANSITIONS
from tests.factories.reports import (
    REPORTER_NAME,
    REPORTER_NIK,
    png_upload,
    report_post_data,
)
from tests.pages import page_form, page_forms

PUBLIC_FILING_LABEL = "the reporter (public form)"
KAJIAN_AWAL_STEP = next(
    step.key
    for step in TRANSITIONS
    if (step.source, step.target) == (ReportStage.DITERIMA, ReportStage.KAJIAN_AWAL)
)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public form's rate-limit counters live in the cache; start and end with none."""
    cache.clear()
    yield
    cache.clear()


def file_as_citizen() -> Report:
    """File a report for Kota Semarang through the public pages, as a citizen's browser does."""
    citizen = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")

    start = citizen.get("/lapor/")
    assert start.status_code == 200
    choose = page_form(start.content.decode(), method="get", having="kabkota")
    assert "33.74" in choose.options["kabkota"]
    assert choose.action == "/lapor/"
    form_page = citizen.get(choose.action, choose.submission(kabkota="33.74"), follow=True)
    assert form_page.redirect_chain == [("/lapor/33.74/", 302)]
    assert form_page.status_code == 200

    form = page_form(form_page.content.decode(), method="post", having="reported_name")
    typed = report_post_data(evidence_files=png_upload())
    typed.pop("source")  # the public form has no source: a citizen's report is a laporan
    done = citizen.post(form.action or "/lapor/33.74/", form.submission(**typed), follow=True)
    assert done.redirect_chain == [("/lapor/terkirim/", 302)]
    assert done.status_code == 200
    report = Report.objects.get()
    assert report.tracking_code_display in done.content.decode()
    return report


@pytest.mark.django_db
def test_a_public_filing_opens_at_the_office(semarang_staff, client_for):
    """The Semarang staff open a citizen's filing: case page, a step's page and the reporter.

    The filing's history row has no actor (nobody was logged in); the
    timeline names the reporter through the public form instead.
    """
    report = file_as_citizen()
    intake = ReportHistory.objects.get(report=report)
    assert report.via_public_form and intake.actor is None

    office = client_for(semarang_staff)
    detail = office.get(f"/laporan/{report.pk}/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert report.tracking_code_display in html
    assert "Budi Terlapor" in html
    assert PUBLIC_FILING_LABEL in html
    assert "tangkapan-layar.png" in html  # the evidence the citizen attached
    assert REPORTER_NAME not in html  # the identity stays behind its logged POST

    steps = {
        form.data["transition"][0]: form for form in page_forms(html) if form.data.get("transition")
    }
    assert KAJIAN_AWAL_STEP in steps
    action = office.get(
        reverse("reports:transition", args=[report.pk]), {"langkah": KAJIAN_AWAL_STEP}
    )
    assert action.status_code == 200
    assert report.tracking_code_display in action.content.decode()
    assert "Start the kajian awal" in action.content.decode()

    identity_form = page_form(html, having="purpose")
    identity = office.post(identity_form.action, identity_form.submission(purpose="Kajian awal"))
    assert identity.status_code == 200
    assert REPORTER_NAME in identity.content.decode()
    assert REPORTER_NIK in identity.content.decode()

    # The office takes the first step; the timeline then shows both sides of the hand-off.
    taken = office.post(
        action.request["PATH_INFO"],
        page_form(action.content.decode(), having="transition").submission(
            note="Mulai kajian awal."
        ),
        follow=True,
    )
    assert taken.status_code == 200
    report.refresh_from_db()
    assert report.stage == ReportStage.KAJIAN_AWAL
    timeline = taken.content.decode()
    assert PUBLIC_FILING_LABEL in timeline
    assert str(semarang_staff) in timeline


@pytest.mark.django_db
def test_a_step_by_a_deleted_account_still_shows(semarang_staff, client_for, django_user_model):
    """History rows and comments of an account deleted since (SET_NULL) keep the page working."""
    report = file_as_citizen()
    gone = django_user_model.objects.create(
        username="mantan.staf", agency=semarang_staff.agency, role=semarang_staff.role
    )
    ReportHistory.objects.create(
        report=report, from_stage=ReportStage.DITERIMA, to_stage=ReportStage.KAJIAN_AWAL, actor=gone
    )
    report.comments.create(author=gone, stage=report.stage, text="Catatan lama.")
    gone.delete()

    detail = client_for(semarang_staff).get(f"/laporan/{report.pk}/")
    html = detail.content.decode()
    assert detail.status_code == 200
    assert PUBLIC_FILING_LABEL in html
    assert "a deleted account" in html
    assert "Catatan lama." in html

"""Public filing at ``/lapor/`` and the status check at ``/cek-laporan/`` (no login)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from reports.models import Report, ReporterIdentity, ReportStage
from tests.factories.reports_intake import (
    REPORTER_ADDRESS,
    REPORTER_EMAIL,
    REPORTER_NAME,
    REPORTER_NIK,
    REPORTER_PHONE,
    intake_report,
    png_upload,
    report_post_data,
)

FORM_URL = "/lapor/33.74/"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def public():
    return Client(HTTP_ACCEPT_LANGUAGE="en", enforce_csrf_checks=False)


def public_data(**overrides):
    data = report_post_data(**overrides)
    data.pop("source", None)
    return data


@pytest.mark.django_db
def test_start_page_shows_requirements_and_cities(public, bawaslu_semarang, bawaslu_serang):
    """The first step explains the formal and material requirements and lists served cities."""
    response = public.get("/lapor/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Formal requirements" in html and "Material requirements" in html
    assert "Kota Semarang" in html and "Kota Serang" in html
    response = public.get("/lapor/", {"kabkota": "33.74"})
    assert response.status_code == 302 and response["Location"] == FORM_URL


@pytest.mark.django_db
def test_public_files_a_report_and_gets_a_tracking_code(public, bawaslu_semarang):
    """A complete public report goes to the city's Bawaslu; the code is shown and mailed."""
    response = public.post(FORM_URL, public_data(evidence_files=[png_upload()]))
    assert response.status_code == 302
    assert response["Location"] == "/lapor/terkirim/"
    report = Report.objects.get()
    assert report.office == bawaslu_semarang
    assert report.via_public_form and report.created_by is None
    assert ReporterIdentity.objects.get(report=report).name == REPORTER_NAME
    assert REPORTER_NAME not in response["Location"]
    done = public.get("/lapor/terkirim/")
    assert report.tracking_code_display in done.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [REPORTER_EMAIL]
    assert report.tracking_code_display in mail.outbox[0].body
    assert REPORTER_NAME not in mail.outbox[0].body


@pytest.mark.django_db
def test_public_form_needs_name_and_address(public, bawaslu_semarang):
    """The public form asks for the reporter's name and address with specific messages."""
    response = public.post(FORM_URL, public_data(reporter_name="", reporter_address=""))
    errors = response.context["form"].errors
    assert "reporter_name" in errors and "reporter_address" in errors
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_public_form_for_a_city_without_office(public, regions):
    """A kab/kota with no Bawaslu office in the portal gets a clear page, not a form."""
    response = public.get(FORM_URL)
    assert response.status_code == 404
    assert "No office in this portal" in response.content.decode()


@pytest.mark.django_db
def test_public_filing_is_rate_limited(public, bawaslu_semarang, settings):
    """After the limit of filings per hour the client gets a 429 page."""
    settings.REPORTS_PUBLIC_FILING_LIMIT = (2, 3600)
    for _attempt in range(2):
        assert public.post(FORM_URL, public_data()).status_code == 302
    response = public.post(FORM_URL, public_data())
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert Report.objects.count() == 2
    other_client = Client(REMOTE_ADDR="10.0.0.9")
    assert other_client.post(FORM_URL, public_data()).status_code == 302


@pytest.mark.django_db
def test_public_form_needs_csrf(bawaslu_semarang):
    """The public form is protected against cross-site posts."""
    client = Client(enforce_csrf_checks=True)
    assert client.post(FORM_URL, public_data()).status_code == 403


@pytest.mark.django_db
def test_status_check_shows_stage_and_deadline_but_no_personal_data(public, semarang_staff):
    """The status page shows stage, dates and deadline, and nothing about the people."""
    report = intake_report(user=semarang_staff)
    response = public.post("/cek-laporan/", {"code": report.tracking_code_display.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="status-result"' in html
    assert str(ReportStage(report.stage).label) in html
    for secret in (
        REPORTER_NAME,
        REPORTER_NIK,
        REPORTER_PHONE,
        REPORTER_EMAIL,
        REPORTER_ADDRESS,
        report.reported_name,
        report.reported_nip,
        report.description,
    ):
        assert secret not in html


@pytest.mark.django_db
def test_status_check_dates_are_in_the_zone_of_the_incident(public, semarang_staff):
    """Dates on the status page use the region's zone (a WIT evening is the next day in WIT)."""
    import datetime

    from bawaslu_portal.models import Region
    from bawaslu_portal.timefmt import format_date

    report = intake_report(user=semarang_staff)
    received = datetime.datetime(2024, 3, 4, 16, 30, tzinfo=datetime.UTC)  # 23.30 WIB
    Report.objects.filter(pk=report.pk).update(received_at=received)
    Region.objects.filter(code=report.region_id).update(timezone="WIT")
    html = public.post("/cek-laporan/", {"code": report.tracking_code}).content.decode()
    assert format_date(received, "WIT") in html
    assert format_date(received, "WIB") not in html


@pytest.mark.django_db
def test_status_check_wrong_code(public, semarang_staff):
    """An unknown code gets a clear message, in the same page shape as a found one."""
    intake_report(user=semarang_staff)
    response = public.post("/cek-laporan/", {"code": "ZZZZ-ZZZZ-ZZ"})
    assert response.status_code == 200
    assert 'data-testid="status-not-found"' in response.content.decode()
    response = public.post("/cek-laporan/", {"code": "abc"})
    assert "10 letters and digits" in str(response.context["form"].errors)
    response = public.post("/cek-laporan/", {"code": "X" * 50})
    assert "10 letters and digits" in str(response.context["form"].errors)


@pytest.mark.django_db
def test_status_check_same_queries_for_found_and_not_found(public, semarang_staff):
    """Looking up a wrong code runs as many queries as a right one (no timing tell)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = intake_report(user=semarang_staff)
    with CaptureQueriesContext(connection) as found:
        public.post("/cek-laporan/", {"code": report.tracking_code})
    with CaptureQueriesContext(connection) as missing:
        public.post("/cek-laporan/", {"code": "ZZZZZZZZZZ"})
    assert len(found.captured_queries) == len(missing.captured_queries)


@pytest.mark.django_db
def test_status_check_is_rate_limited(public, settings, regions):
    """Too many lookups from one client get a 429."""
    settings.REPORTS_STATUS_CHECK_LIMIT = (3, 600)
    for _attempt in range(3):
        assert public.post("/cek-laporan/", {"code": "ZZZZZZZZZZ"}).status_code == 200
    response = public.post("/cek-laporan/", {"code": "ZZZZZZZZZZ"})
    assert response.status_code == 429
    assert response["Retry-After"] == "600"  # the configured window, not a fixed hour
    assert "wait 10 minutes" in response.content.decode()


@pytest.mark.django_db
def test_public_pages_need_no_login(public, bawaslu_semarang):
    """The public pages open without an account."""
    for url in ("/lapor/", FORM_URL, "/cek-laporan/"):
        assert public.get(url).status_code == 200


@pytest.mark.django_db
def test_tracking_code_page_is_shown_once(public, bawaslu_semarang):
    """The tracking code page shows the code once; a reload goes back to the start."""
    public.post(FORM_URL, public_data())
    code = Report.objects.get().tracking_code_display
    assert code in public.get("/lapor/terkirim/").content.decode()
    response = public.get("/lapor/terkirim/")
    assert response.status_code == 302 and response["Location"] == "/lapor/"


@pytest.mark.django_db
def test_public_filing_logs_no_personal_data(public, bawaslu_semarang, caplog):
    """Nothing the reporter typed reaches the logs, whether the form is accepted or refused."""
    import logging

    caplog.set_level(logging.DEBUG)
    public.post(FORM_URL, public_data(reported_nip="1"))
    public.post(FORM_URL, public_data())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (REPORTER_NAME, REPORTER_NIK, REPORTER_PHONE, REPORTER_EMAIL, REPORTER_ADDRESS):
        assert secret not in logged


@pytest.mark.django_db
def test_status_check_query_count_does_not_grow(public, semarang_staff):
    """The status page runs as many queries for a case with 1 history row as with 6."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.models import ReportHistory

    short = intake_report(user=semarang_staff)
    long = intake_report(user=semarang_staff)
    for _index in range(5):
        ReportHistory.objects.create(report=long, to_stage=ReportStage.KAJIAN_AWAL)
    counts = []
    for report in (short, long):
        with CaptureQueriesContext(connection) as captured:
            public.post("/cek-laporan/", {"code": report.tracking_code})
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_public_form_queries_do_not_grow_with_the_choices(public, bawaslu_semarang):
    """The public form runs as many queries with 2 as with 12 agencies to choose from."""
    from tests.factories import AgencyFactory
    from tests.querycount import count_queries

    AgencyFactory.create_batch(2)
    public.get(FORM_URL)
    small = count_queries(lambda: public.get(FORM_URL))
    AgencyFactory.create_batch(10)
    assert count_queries(lambda: public.get(FORM_URL)) == small

"""Public filing at ``/lapor/`` and the status check at ``/cek-laporan/`` (no login)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.timefmt import format_date, format_time
from reports.models import Report, ReporterIdentity, ReportStage
from tests.factories.reports import (
    REPORTER_ADDRESS,
    REPORTER_EMAIL,
    REPORTER_NAME,
    REPORTER_NIK,
    REPORTER_PHONE,
    intake_report,
    pemilu,
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
    assert format_date(report.received_at, "WIB") in done.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [REPORTER_EMAIL]
    assert report.tracking_code_display in mail.outbox[0].body
    assert REPORTER_NAME not in mail.outbox[0].body


@pytest.mark.django_db
def test_public_form_needs_name_and_address(public, bawaslu_semarang):
    """An empty name or address gets one specific message each (not two)."""
    response = public.post(FORM_URL, public_data(reporter_name="", reporter_address=""))
    errors = response.context["form"].errors
    assert errors["reporter_name"] == ["Enter the reporter's full name."]
    assert errors["reporter_address"] == ["Enter the reporter's address."]
    assert not Report.objects.exists()


def years_ago(years: int, days: int = 0) -> str:
    today = timezone.localdate()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return (day + datetime.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"description": "x" * 112_000},
            "description",
            "Describe what happened in at most 10000 characters (you entered 112000); "
            "attach a longer account as a document.",
        ),
        (
            {"reporter_name": "N" * 200},
            "reporter_name",
            "Enter at most 150 characters (you entered 200).",
        ),
        (
            {"reporter_address": "A" * 501},
            "reporter_address",
            "Enter at most 500 characters (you entered 501).",
        ),
        (
            {"reporter_birth_place": "B" * 101},
            "reporter_birth_place",
            "Enter at most 100 characters (you entered 101).",
        ),
        (
            {"reporter_occupation": "O" * 101},
            "reporter_occupation",
            "Enter at most 100 characters (you entered 101).",
        ),
        (
            {"reporter_email": "a" * 250 + "@contoh.id"},
            "reporter_email",
            "Enter at most 254 characters (you entered 260).",
        ),
        (
            {"reporter_email": "bukan-alamat"},
            "reporter_email",
            "Enter an email address like nama@contoh.id.",
        ),
        (
            {"reported_name": "N" * 151},
            "reported_name",
            "Enter at most 150 characters (you entered 151).",
        ),
        (
            {"reported_position": "P" * 201},
            "reported_position",
            "Enter at most 200 characters (you entered 201).",
        ),
        (
            {"reported_agency_name": "A" * 201},
            "reported_agency_name",
            "Enter at most 200 characters (you entered 201).",
        ),
        (
            {"reported_address": "A" * 301},
            "reported_address",
            "Enter at most 300 characters (you entered 301).",
        ),
        (
            {"incident_place": "T" * 301},
            "incident_place",
            "Enter at most 300 characters (you entered 301).",
        ),
        (
            {"evidence_links": "https://contoh.id/" + "a" * 500},
            "evidence_links",
            "Enter each link in at most 500 characters.",
        ),
        (
            {"reporter_birth_date": "2031-01-01"},
            "reporter_birth_date",
            "The date of birth cannot be in the future.",
        ),
        (
            {"reporter_birth_date": years_ago(17, days=1)},
            "reporter_birth_date",
            "The reporter must be at least 17 years old, or married or once married: a laporan "
            "comes from a voter, an election participant or a monitor (UU 7/2017 ps. 454 "
            "ayat (3), ps. 198 ayat (1)).",
        ),
        (
            {"reporter_birth_date": years_ago(121)},
            "reporter_birth_date",
            "Check the date of birth: the reporter cannot be older than 120 years.",
        ),
        (
            {"reporter_phone": "abc"},
            "reporter_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reporter_phone": "0812-345"},
            "reporter_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reporter_phone": "0812 3456 7890 1234"},
            "reporter_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reporter_phone": "+62 812--3456"},
            "reporter_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reporter_phone": "9" * 200},
            "reporter_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reported_phone": "abc"},
            "reported_phone",
            "Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            {"reporter_phone": "", "reporter_email": ""},
            "reporter_phone",
            "Enter a phone number or an email address, so that Bawaslu can reach the reporter.",
        ),
        (
            {"reported_employment": None},
            "reported_employment",
            "Choose PNS, PPPK or other.",
        ),
        (
            {"reporter_citizenship": "xx"},
            "reporter_citizenship",
            "Choose Indonesian (WNI) or foreign (WNA).",
        ),
    ],
)
@pytest.mark.django_db
def test_public_bad_input_gets_one_specific_message(
    public, bawaslu_semarang, overrides, field, message
):
    """Each bad input is refused with exactly one message saying what to do, nothing stored."""
    response = public.post(FORM_URL, public_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[field] == [message], errors
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"reporter_phone": "0812-3456-7890", "reporter_email": ""},
        {"reporter_phone": "+62 812 3456 7890", "reporter_email": ""},
        {"reporter_phone": "", "reporter_email": "pelapor@contoh.id"},
        {"reporter_birth_date": years_ago(17)},
        {"reporter_birth_date": years_ago(16), "reporter_married": "on"},
        {"reporter_birth_date": ""},
    ],
)
@pytest.mark.django_db
def test_public_form_accepts_plausible_contact_and_age(public, bawaslu_semarang, overrides):
    """A phone or an email is enough; a reporter who turns 17 today, or a married one of 16
    (UU 7/2017 ps. 198 ayat (1)), may report."""
    assert public.post(FORM_URL, public_data(**overrides)).status_code == 302


@pytest.mark.django_db
def test_witness_too_long_name_gets_one_message(public, bawaslu_semarang):
    """A witness's name that is too long is told its length, not asked for a name."""
    response = public.post(FORM_URL, public_data(**{"witness-0-name": "S" * 151}))
    witness = response.context["witnesses"].forms[0]
    assert witness.errors["name"] == ["Enter at most 150 characters (you entered 151)."]


@pytest.mark.django_db
def test_public_form_stores_the_new_fields(public, bawaslu_semarang):
    """Citizenship, the reported ASN's address and phone, and the incident's time are kept."""
    data = public_data(
        reporter_citizenship="wni",
        reported_address="Jl. Terlapor 2",
        reported_phone="0813 1111 2222",
        incident_time="08:05",
    )
    assert public.post(FORM_URL, data).status_code == 302
    report = Report.objects.get()
    assert (report.reported_address, report.reported_phone) == ("Jl. Terlapor 2", "0813 1111 2222")
    assert report.incident_time == datetime.time(8, 5)
    assert ReporterIdentity.objects.get(report=report).citizenship == "wni"


@pytest.mark.django_db
def test_public_form_shows_one_step_at_a_time(public, bawaslu_semarang):
    """The form opens at step 2 of 6 (about you) with the other steps hidden but present,
    one empty witness block, no employment type chosen and no agency selected."""
    response = public.get(FORM_URL)
    html = response.content.decode()
    assert "Step 2 of 6: About you" in html
    assert '<div data-form-step="reporter">' in html
    for hidden in ("reported", "incident", "categories", "evidence"):
        assert f'<div data-form-step="{hidden}" hidden>' in html
    assert 'name="step" value="2"' in html
    assert len(response.context["witnesses"].forms) == 1
    employment = html.split('id="div_id_reported_employment"')[1].split("</fieldset>")[0]
    assert "checked" not in employment
    assert '<option value="" selected>Choose the agency</option>' in html
    assert not re.search(r"<legend[^>]*\sfor=", html)


@pytest.mark.django_db
def test_public_steps_check_only_the_step_on_screen(public, bawaslu_semarang):
    """Continue checks the step on screen and shows only its errors; a correct step moves on
    without judging the next one; Back goes back without checking."""
    data = public_data(reporter_phone="abc", reported_name="", description="")
    response = public.post(FORM_URL, {**data, "step": "2", "action": "next"})
    assert response.context["step_number"] == 2
    assert set(response.context["form"].errors) == {"reporter_phone"}
    assert "<title>Error:" in response.content.decode()

    data["reporter_phone"] = "0812 3456 7890"
    response = public.post(FORM_URL, {**data, "step": "2", "action": "next"})
    assert response.context["step_number"] == 3
    assert not response.context["form"].errors  # the empty name is for step 3 to say
    html = response.content.decode()
    assert "Step 3 of 6: The reported ASN" in html and "<title>Error:" not in html
    assert 'value="0812 3456 7890"' in html  # step 2's answers travel along, hidden

    response = public.post(FORM_URL, {**data, "step": "3", "action": "next"})
    assert response.context["step_number"] == 3
    assert set(response.context["form"].errors) == {"reported_name"}

    response = public.post(FORM_URL, {**data, "step": "3", "action": "back"})
    assert response.context["step_number"] == 2
    assert not response.context["form"].errors
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_public_send_shows_the_first_step_to_correct(public, bawaslu_semarang):
    """Sending with a mistake in an earlier step shows that step with its errors only."""
    data = public_data(description="", reporter_phone="abc")
    response = public.post(FORM_URL, {**data, "step": "6", "action": "send"})
    assert response.context["step_number"] == 2
    assert set(response.context["form"].errors) == {"reporter_phone"}
    data["reporter_phone"] = "0812 3456 7890"
    response = public.post(FORM_URL, {**data, "step": "6", "action": "send"})
    assert response.context["step_number"] == 4
    assert set(response.context["form"].errors) == {"description"}
    assert 'href="#id_description"' in response.content.decode()


@pytest.mark.django_db
def test_public_add_a_witness_keeps_the_answers(public, bawaslu_semarang):
    """Without JavaScript, "Add a witness" comes back on the witness step with one more
    block, the answers kept and no error; never more than 10 blocks."""
    data = public_data(**{"witness-TOTAL_FORMS": "1"}, reported_name="")
    response = public.post(FORM_URL, {**data, "step": "6", "action": "add_witness"})
    assert response.context["step_number"] == 6
    assert len(response.context["witnesses"].forms) == 2
    assert not response.context["form"].errors
    assert 'value="Saksi Satu"' in response.content.decode()
    data["witness-TOTAL_FORMS"] = "10"
    response = public.post(FORM_URL, {**data, "step": "6", "action": "add_witness"})
    assert len(response.context["witnesses"].forms) == 10
    assert 'id="add-witness"' not in response.content.decode()


@pytest.mark.django_db
def test_requirements_state_the_filing_deadline(public, bawaslu_semarang):
    """The requirements before the form state the deadline rule and what a late laporan means;
    the status check is named "Check report status"."""
    html = public.get("/lapor/").content.decode()
    rule = html.split('data-testid="filing-deadline-rule">')[1].split("</li>")[0]
    assert "7 working days for a Pemilu" in rule and "7 days for a Pemilihan" in rule
    assert "will not be registered" in rule and "informasi awal" in rule
    assert "Step 1 of 6: Requirements and place" in html
    assert "Check report status" in html
    assert "Check report status" in public.get("/cek-laporan/").content.decode()


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


def file_late(client) -> Report:
    """File, through the public form, a Pemilu laporan known weeks after its deadline."""
    data = public_data(
        election=str(pemilu().pk), incident_date="2024-01-05", known_date="2024-01-08"
    )
    assert client.post(FORM_URL, data).status_code == 302
    return Report.objects.get()


@pytest.mark.django_db
def test_done_page_on_time_promises_the_check_and_offers_the_receipt(public, bawaslu_semarang):
    """On time: the done page says what happens next, when it was received (pukul), and
    links to the receipt of this report."""
    public.post(FORM_URL, public_data())
    report = Report.objects.get()
    html = public.get("/lapor/terkirim/").content.decode()
    assert 'data-testid="next-steps"' in html and "kajian awal" in html
    assert 'data-testid="late-notice"' not in html and "will not be registered" not in html
    received = html.split('data-testid="received-at">')[1].split("</p>")[0]
    assert format_date(report.received_at, "WIB") in received
    assert format_time(report.received_at, "WIB") in received
    receipt = reverse("reports:receipt", kwargs={"pk": report.pk})
    assert f'href="{receipt}"' in html
    assert f'href="{reverse("reports:receipt_pdf", kwargs={"pk": report.pk})}"' in html


@pytest.mark.django_db
def test_done_page_for_a_late_filing_says_it_will_not_be_registered(public, bawaslu_semarang):
    """Late: the done page names the deadline and its ayat and says plainly that the report
    will not be registered (it may be kept as informasi awal); no assessment is promised."""
    report = file_late(public)
    assert report.fails_filing_deadline
    html = public.get("/lapor/terkirim/").content.decode()
    late = html.split('data-testid="late-notice"')[1].split("</section>")[0]
    assert "came after the filing deadline" in late
    assert format_date(datetime.date(2024, 1, 17)) in late
    assert "7 working days" in late and "UU 7/2017 ps. 454 ayat (6)" in late
    assert "will not be registered" in late and "informasi awal" in late
    assert 'data-testid="next-steps"' not in html
    assert "assessed" not in html


@pytest.mark.django_db
def test_receipt_is_for_the_filing_session_only(public, bawaslu_semarang):
    """The session that filed may see the receipt (its last 5 filings); nobody else by id."""
    from django.test import RequestFactory

    from reports.views.public import session_may_see_receipt

    public.post(FORM_URL, public_data())
    report = Report.objects.get()
    request = RequestFactory().get("/")
    request.session = public.session
    assert session_may_see_receipt(request, report.pk)
    assert session_may_see_receipt(request, str(report.pk))
    assert not session_may_see_receipt(request, report.pk + 1)
    assert not session_may_see_receipt(request, "x")

    other = Client()
    other.get("/lapor/")
    request.session = other.session
    assert not session_may_see_receipt(request, report.pk)


@pytest.mark.django_db
def test_the_filing_session_opens_its_receipt(public, bawaslu_semarang):
    """The receipt link on the done page opens for the session that filed; others get a 404."""
    public.post(FORM_URL, public_data())
    report = Report.objects.get()
    receipt = reverse("reports:receipt", kwargs={"pk": report.pk})
    response = public.get(receipt)
    assert response.status_code == 200
    assert REPORTER_NAME in response.content.decode()
    assert Client().get(receipt).status_code == 404


@pytest.mark.django_db
def test_receipt_session_keeps_the_last_five(public, bawaslu_semarang, settings):
    """After six filings the session remembers the last five only."""
    from django.test import RequestFactory

    from reports.views.public import session_may_see_receipt

    settings.REPORTS_PUBLIC_FILING_LIMIT = (10, 3600)
    for _filing in range(6):
        assert public.post(FORM_URL, public_data()).status_code == 302
    first, *rest = Report.objects.order_by("pk")
    request = RequestFactory().get("/")
    request.session = public.session
    assert not session_may_see_receipt(request, first.pk)
    assert all(session_may_see_receipt(request, report.pk) for report in rest)


@pytest.mark.django_db
def test_status_check_of_a_late_filing_says_it_will_not_be_registered(public, bawaslu_semarang):
    """The status check of a late laporan says it will not be registered, under the
    heading "Handling status"; an on-time one does not."""
    report = file_late(public)
    html = public.post("/cek-laporan/", {"code": report.tracking_code}).content.decode()
    assert "Handling status: " in html and "Stage" not in html
    late = html.split('data-testid="status-late"')[1].split("</div>")[0]
    assert "will not be registered" in late and "informasi awal" in late
    Report.objects.filter(pk=report.pk).update(filed_late=False)
    html = public.post("/cek-laporan/", {"code": report.tracking_code}).content.decode()
    assert 'data-testid="status-late"' not in html


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

"""The work queue on a phone and the dashboard, in Chromium (issue 9 §1, §2)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coordination.models import MeetingStatus
from reports.models import ReportStage
from tests.browser.accessibility import assert_no_axe_violations, fits_the_width
from tests.factories import FollowUpFactory, MeetingFactory
from tests.factories.reports import ReportFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def office_data(portal_data):
    """Semarang: two late kajian awal, an overdue follow-up of Pemkot, a meeting this week and one
    held last month without minutes."""
    agencies = portal_data.agencies
    today = timezone.localdate()
    for days in (1, 4):
        ReportFactory(
            office=agencies["bawaslu_semarang"],
            region_id="33.74.01.1001",
            stage=ReportStage.KAJIAN_AWAL,
            deadline=today - datetime.timedelta(days=days),
            deadline_step="kajian_awal",
        )
    FollowUpFactory(
        region_id="33.74",
        responsible_agency=agencies["pemkot_semarang"],
        due_date=today - datetime.timedelta(days=2),
        title="Surat edaran netralitas ASN ke seluruh OPD",
    )
    noon = datetime.datetime.combine(
        today, datetime.time(12), tzinfo=timezone.get_current_timezone()
    )
    MeetingFactory(
        region_id="33.74",
        host_agency=agencies["bawaslu_semarang"],
        starts_at=noon,
        title="Rakor pengawasan netralitas ASN",
    )
    MeetingFactory(
        region_id="33.74",
        host_agency=agencies["bawaslu_semarang"],
        starts_at=noon - datetime.timedelta(days=30),
        status=MeetingStatus.TERLAKSANA,
        summary="",
    )
    return portal_data


def test_queue_on_a_phone(phone_page, login, live_server, office_data):
    """At 390 px the queue fits the screen, passes axe, and a line opens the list it counts."""
    page = phone_page
    login(page, "semarang.staf")
    expect(page).to_have_url(f"{live_server.url}/")
    late = page.locator("[data-queue-line='reports-late-kajian_awal']")
    expect(late).to_be_visible()
    expect(late.locator("[data-count]")).to_have_text("2")
    expect(page.locator("[data-queue-line='follow-ups-overdue'] [data-count]")).to_have_text("1")
    expect(page.get_by_text("Rakor pengawasan netralitas ASN")).to_be_visible()
    assert fits_the_width(page)
    box = late.locator("a").bounding_box()
    assert box["height"] >= 24, box  # WCAG 2.2 target size
    assert_no_axe_violations(page)

    late.locator("a").click()
    expect(page).to_have_url(f"{live_server.url}/laporan/?due=late&step=kajian_awal")
    expect(page.locator("[data-testid='report-stage']")).to_have_count(2)


def test_partner_queue_on_a_phone(phone_page, login, office_data):
    page = phone_page
    login(page, "semarang.pemkot")
    first = page.locator("[data-testid^='queue-']").first
    expect(first).to_have_attribute("data-testid", "queue-my-tasks")
    expect(page.locator("[data-queue-line='my-tasks-overdue'] [data-count]")).to_have_text("1")
    assert fits_the_width(page)
    assert_no_axe_violations(page)


def test_province_queue_on_a_phone(phone_page, login, office_data):
    """Jawa Tengah on a phone: a section per kab/kota that opens to its lines."""
    page = phone_page
    login(page, "jateng.staf")
    expect(page.get_by_test_id("queue-per-region")).to_be_hidden()
    semarang = page.get_by_test_id("queue-per-region-phone").locator("details[data-region='33.74']")
    semarang.locator("summary").click()
    expect(semarang.locator("[data-queue-line^='late-'] [data-count]")).to_have_text("2")
    assert fits_the_width(page)
    assert_no_axe_violations(page)


def test_province_queue_on_a_wide_screen(page, login, office_data):
    """Jawa Tengah at 1280 px: the kab/kota side by side in one table."""
    login(page, "jateng.staf")
    table = page.get_by_test_id("queue-per-region")
    expect(table).to_be_visible()
    expect(table.locator("tr[data-region='33.74'] [data-queue-line^='late-'] a")).to_have_text("2")
    assert fits_the_width(page)
    assert_no_axe_violations(page)


def test_dashboard(page, login, live_server, office_data):
    """Charts with their tables, a period form that reports its error, axe, and an A4 print."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/dasbor/")
    expect(page.locator("svg.chart-svg[role='img']").first).to_be_visible()
    assert page.locator("svg.chart-svg[role='img']").count() >= 3
    expect(page.get_by_test_id("figure-meetings").locator("tfoot a").first).to_have_text("1")
    assert_no_axe_violations(page)

    page.locator("#id_start").fill("2024-05")
    page.locator("#id_end").fill("2024-01")
    with page.expect_navigation():
        page.locator("main form[role='search'] button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()

    page.goto(f"{live_server.url}/dasbor/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    # Every chart fits the printed width of A4 (210 mm less 2 x 16 mm margins, at 96 dpi).
    page.set_viewport_size({"width": 673, "height": 950})
    widths = page.evaluate(
        "Array.from(document.querySelectorAll('svg.chart-svg'))"
        ".map(s => s.getBoundingClientRect().right)"
    )
    assert widths and max(widths) <= 673, widths


def test_dashboard_on_a_phone(phone_page, login, live_server, office_data):
    page = phone_page
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/dasbor/")
    expect(page.get_by_test_id("figure-reports")).to_be_visible()
    assert fits_the_width(page)

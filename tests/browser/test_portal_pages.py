"""The foundation's own pages in a real browser: axe (WCAG 2.2 AA) on each, and the phone layout.

One test walks several pages so the demo data is seeded once; a failure lists
every page with its violations, not only the first.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, fits_the_width, format_axe_violations

pytestmark = pytest.mark.browser


def assert_pages_pass_axe(page, base_url: str, paths: list[str]) -> None:
    """Visits each path and fails once at the end, listing the violations of every page."""
    problems = []
    for path in paths:
        page.goto(base_url + path)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{path}:\n{format_axe_violations(violations)}")
    assert not problems, "serious/critical axe violations:\n" + "\n".join(problems)


def test_region_and_agency_pages_pass_axe(page, login, live_server, portal_data):
    """Region browser (city, kecamatan, kelurahan roster), agency list and detail pass axe."""
    login(page, "semarang.staf")
    bawaslu = portal_data.agencies["bawaslu_semarang"]
    assert_pages_pass_axe(
        page,
        live_server.url,
        [
            "/wilayah/",
            "/wilayah/33.74/",
            "/wilayah/33.74.01/",
            "/wilayah/33.74.01.1001/",
            "/lembaga/",
            "/lembaga/?q=Semarang",
            f"/lembaga/{bawaslu.pk}/",
        ],
    )
    # The last kelurahan page shows its roster from the demo.
    page.goto(f"{live_server.url}/wilayah/33.74.01.1001/")
    expect(page.locator("main table")).to_be_visible()


def test_account_and_error_pages_pass_axe(page, login, live_server, portal_data):
    """Password change (empty and with errors), the 404 page and, logged out, password reset."""
    login(page, "semarang.ketua")
    assert_pages_pass_axe(page, live_server.url, ["/akun/kata-sandi/", "/tidak-ada/"])

    page.goto(f"{live_server.url}/akun/kata-sandi/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, format_axe_violations(violations)

    page.context.clear_cookies()
    assert_pages_pass_axe(page, live_server.url, ["/akun/reset/", "/masuk/"])


def test_english_home_page_passes_axe(page, login, live_server, portal_data):
    """Switching the language to English serves the home page in English, still passing axe."""
    login(page, "semarang.staf")
    page.locator("#language-select").select_option("en")
    page.locator("#language-select ~ button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("jurisdiction")).to_contain_text("Kota Semarang")
    violations = axe_violations(page)
    assert not violations, format_axe_violations(violations)


def test_region_table_fits_a_phone(phone_page, login, live_server, portal_data):
    """On a phone the region and agency tables scroll inside their box, never the whole page."""
    page = phone_page
    login(page, "semarang.staf")
    for path in ["/wilayah/33.74/", "/lembaga/"]:
        page.goto(live_server.url + path)
        assert fits_the_width(page), path


def test_key_columns_fit_a_phone(phone_page, login, live_server, portal_data):
    """Issue 11 §4 and issue 9 §9: on a 390 px phone the key columns of /laporan/,
    /tugas-saya/, /rapat/ and /tindak-lanjut/ are on screen without sideways scrolling."""
    from tests.factories.coordination import FollowUpFactory
    from tests.factories.reports import ReportFactory

    agencies = portal_data.agencies
    ReportFactory(
        office=agencies["bawaslu_semarang"],
        reported_name="Nama Terlapor Yang Cukup Panjang Sekali",
        reported_agency_name="Dinas Komunikasi, Informatika, Statistik dan Persandian",
    )
    FollowUpFactory(
        responsible_agency=agencies["pemkot_semarang"],
        title="Menyampaikan surat edaran netralitas ASN ke seluruh OPD dan kecamatan",
    )
    from tests.factories.coordination import MeetingFactory

    MeetingFactory(
        host_agency=agencies["bawaslu_semarang"],
        title="Rapat koordinasi pengawasan netralitas ASN menjelang pemungutan suara",
    )
    page = phone_page
    width = page.viewport_size["width"]
    for username, path, cells in [
        ("semarang.staf", "/laporan/", ["report-stage", "report-deadline"]),
        ("semarang.pemkot", "/tugas-saya/", ["task-status"]),
        ("semarang.staf", "/rapat/", ["meeting-date", "meeting-status-phone"]),
        ("semarang.staf", "/tindak-lanjut/", ["follow-up-status"]),
    ]:
        login(page, username)
        page.goto(live_server.url + path)
        for testid in cells:
            box = page.get_by_test_id(testid).first.bounding_box()
            assert box is not None, (path, testid)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (path, testid, box)
        if path == "/rapat/":
            # Issue 9 §9: the date cell used to wrap to four lines; date and time take two.
            date_cell = page.get_by_test_id("meeting-date").first
            line, text_height = date_cell.evaluate(
                """cell => { const range = document.createRange(); range.selectNodeContents(cell);
                  return [parseFloat(getComputedStyle(cell).lineHeight),
                          range.getBoundingClientRect().height]; }"""
            )
            assert text_height < 3 * line, (text_height, line)
        page.context.clear_cookies()


def test_a_table_that_scrolls_on_a_phone_takes_the_keyboard(
    page, phone_page, login, live_server, portal_data
):
    """On a phone a meeting's attendee table scrolls in its box, which portal.js makes a
    focusable region named by the table's caption (WCAG 2.1.1); at desktop width the table
    fits and adds no tab stop, and narrowing the window makes it scroll and take the keyboard."""
    from tests.factories.coordination import MeetingAttendeeFactory, MeetingFactory

    agencies = portal_data.agencies
    meeting = MeetingFactory(host_agency=agencies["bawaslu_semarang"])
    MeetingAttendeeFactory(
        meeting=meeting,
        person__name="Nama Peserta Rapat Yang Cukup Panjang",
        agency=agencies["pemkot_semarang"],
        position_title="Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
    )
    url = f"{live_server.url}/rapat/{meeting.pk}/"
    attendees = ".table-responsive:has(caption)"

    login(phone_page, "semarang.staf")
    phone_page.goto(url)
    box = phone_page.locator(attendees).first
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    assert (box.get_attribute("tabindex"), box.get_attribute("role")) == ("0", "region")
    caption = box.locator("caption").inner_text().strip()
    assert box.get_attribute("aria-label") == caption

    login(page, "semarang.staf")
    page.goto(url)
    assert page.locator(".table-responsive[tabindex]").count() == 0
    page.set_viewport_size({"width": 360, "height": 800})
    page.wait_for_function(
        "() => document.querySelector('.table-responsive[data-scrolls]') !== null"
    )
    assert page.locator(".table-responsive[data-scrolls]").first.get_attribute("tabindex") == "0"

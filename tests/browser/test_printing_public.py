"""In a real browser: the printed meeting summary saved as PDF, and the public agenda."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from coordination.demo import AUDIENSI_SEMARANG, RAKOR_BALIKPAPAN, seed_coordination_demo
from tests.browser.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_meetings(portal_data):
    """The coordination demo (the five source events and upcoming public meetings), by title."""
    return seed_coordination_demo(portal=portal_data)


def test_staff_save_the_print_view_as_pdf_with_the_daftar_hadir(
    page, login, live_server, demo_meetings
):
    """Staff open the print view from the meeting page; the saved PDF holds the daftar hadir."""
    meeting = demo_meetings[AUDIENSI_SEMARANG]
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/rapat/{meeting.pk}/")
    page.get_by_role("link", name="Cetak").click()
    expect(page).to_have_url(f"{live_server.url}/rapat/{meeting.pk}/cetak/")
    expect(page.locator("[data-print]")).to_be_visible()
    expect(page.locator(".daftar-hadir")).to_contain_text("Hevearita Gunaryanti Rahayu")
    assert_no_axe_violations(page)

    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Kamis, 21 September 2023" in text
    for attendee in meeting.attendees.all():
        assert attendee.person.name in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
    # The toolbar (Cetak button, links) is not printed.
    assert "Download PDF" not in text


def test_public_agenda_without_login_passes_axe(page, live_server, demo_meetings):
    """Anonymous visitors reach the agenda from the nav, filter by city, open a meeting."""
    page.goto(f"{live_server.url}/masuk/")
    page.locator("header nav").get_by_role("link", name="agenda", exact=False).first.click()
    expect(page).to_have_url(f"{live_server.url}/agenda/")
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)

    page.locator("#id_kota").select_option("64.71")
    page.locator("input[name=waktu][value=lalu]").check()
    page.locator("main form button[type=submit]").click()
    meeting = demo_meetings[RAKOR_BALIKPAPAN]
    link = page.get_by_role("link", name=meeting.title)
    expect(link).to_be_visible()
    assert_no_axe_violations(page)

    link.click()
    expect(page.locator("h1")).to_have_text(meeting.title)
    expect(page.locator("main")).to_contain_text("09.00–12.30 WITA")
    expect(page.locator("main")).to_contain_text("Slamer Riyanto")
    assert_no_axe_violations(page)

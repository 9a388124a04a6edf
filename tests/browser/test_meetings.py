"""Meetings and follow-ups in a real browser, without JavaScript being needed and without the admin.

An official logs a meeting with attendees, an agenda and a follow-up; the
partner official of the responsible agency adds progress and marks it done.
axe finds no serious or critical violation on the form (also with errors),
the list, the detail and the follow-up pages. Assertions use ids, values and
data, so they hold in Indonesian and in English.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coordination.models import FollowUp, FollowUpStatus, Meeting
from tests.browser.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


def fill_attendee(page, index, name, agency, position, role):
    page.locator(f"#id_attendees-{index}-name").fill(name)
    page.locator(f"#id_attendees-{index}-agency").select_option(label=agency)
    page.locator(f"#id_attendees-{index}-position_title").fill(position)
    page.locator(f"#id_attendees-{index}-role").select_option(role)


def test_official_logs_a_meeting_and_partner_completes_the_follow_up(
    page, login, live_server, portal_data
):
    """Staff log a meeting with attendees, agenda and a follow-up; the Pemkot partner closes it."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/rapat/baru/")
    assert_no_axe_violations(page)

    # Submitting an empty form shows the error summary (focused) and field errors.
    page.locator("button[name=save]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    page.locator("#id_kind").select_option("audiensi")
    page.locator("#id_title").fill("Audiensi Bawaslu Kota Semarang dengan Wali Kota")
    page.locator("#id_theme").fill("Netralitas ASN dan politik uang")
    page.locator("#id_region").select_option("33.74")
    page.locator("#id_venue").fill("Lantai 8 Gedung Balaikota Semarang")
    page.locator("#id_date").fill("2023-09-21")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.locator("#id_host_agency").select_option(label="Bawaslu Kota Semarang")
    page.get_by_label("Pemerintah Kota Semarang", exact=True).check()
    page.get_by_label("Netralitas ASN", exact=True).check()
    page.get_by_label("Politik uang", exact=True).check()
    page.locator("input[name=status][value=terlaksana]").check()

    fill_attendee(page, 0, "Arief Rahman", "Bawaslu Kota Semarang", "Ketua Bawaslu", "host")
    fill_attendee(
        page, 1, "Hevearita Gunaryanti Rahayu", "Pemerintah Kota Semarang", "Wali Kota", "peserta"
    )
    fill_attendee(page, 2, "Staf Bawaslu", "Bawaslu Kota Semarang", "Staf", "notulis")
    # More rows without JavaScript: the form comes back with the data and three more rows.
    page.locator("button[name=add_attendee_rows]").click()
    expect(page.locator("#id_attendees-5-name")).to_be_visible()
    expect(page.locator("#id_attendees-1-name")).to_have_value("Hevearita Gunaryanti Rahayu")
    expect(page.locator("[data-error-summary]")).to_have_count(0)
    fill_attendee(
        page, 3, "Kepala Bapenda", "Pemerintah Kota Semarang", "Kepala Bapenda", "peserta"
    )

    page.locator("#id_agenda-0-title").fill("Pembukaan")
    page.locator("#id_agenda-1-title").fill("Netralitas ASN dan politik uang")
    page.locator("#id_summary").fill("Bawaslu meminta dukungan Pemkot untuk netralitas ASN.")
    page.locator("#id_decisions").fill("Deklarasi serentak di setiap kelurahan.")
    page.locator("button[name=save]").click()

    meeting = Meeting.objects.get()
    expect(page).to_have_url(f"{live_server.url}/rapat/{meeting.pk}/")
    expect(page.locator("h1")).to_have_text("Audiensi Bawaslu Kota Semarang dengan Wali Kota")
    expect(page.locator("#attendees + div table tbody tr")).to_have_count(4)
    expect(page.locator("main")).to_contain_text("10.00 WIB")
    assert_no_axe_violations(page)

    # A follow-up from the meeting page.
    page.locator(f"a[href='/rapat/{meeting.pk}/tindak-lanjut/baru/']").click()
    page.locator("#id_title").fill("Deklarasi netralitas ASN serentak di setiap kelurahan")
    page.locator("#id_responsible_agency").select_option(label="Pemerintah Kota Semarang")
    due = timezone.localdate() + datetime.timedelta(days=3)
    page.locator("#id_due_date").fill(due.isoformat())
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/rapat/{meeting.pk}/")
    follow_up = FollowUp.objects.get()
    expect(page.locator(f"a[href='/tindak-lanjut/{follow_up.pk}/']")).to_be_visible()

    page.goto(f"{live_server.url}/rapat/")
    expect(page.locator(f"a[href='/rapat/{meeting.pk}/']")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/tindak-lanjut/")
    expect(page.get_by_test_id("due-this-week")).to_have_count(1)
    assert_no_axe_violations(page)

    # The partner official of Pemkot Semarang adds progress and marks it done.
    page.context.clear_cookies()
    login(page, "semarang.pemkot")
    page.goto(f"{live_server.url}/tugas-saya/")
    assert_no_axe_violations(page)
    page.locator(f"a[href='/tindak-lanjut/{follow_up.pk}/']").click()
    assert_no_axe_violations(page)
    expect(page.locator(f"form[action='/tindak-lanjut/{follow_up.pk}/status/']")).to_have_count(0)
    page.locator("#id_text").fill("Surat edaran ke semua lurah sudah disiapkan.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".progress-notes li")).to_have_count(1)
    page.locator("#id_text").fill("Deklarasi sudah dilaksanakan di 177 kelurahan.")
    page.locator("#id_mark_done").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".progress-notes li")).to_have_count(2)
    expect(page.locator("#id_text")).to_have_count(0)
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.SELESAI
    assert_no_axe_violations(page)


def test_follow_up_form_with_errors_is_accessible(page, login, live_server, portal_data):
    """The follow-up form with its errors shown has no serious accessibility violation."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/tindak-lanjut/baru/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_no_axe_violations(page)


def test_meeting_form_with_row_errors_is_accessible(page, login, live_server, portal_data):
    """An attendee listed twice is flagged on its row, linked from the summary; axe passes."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/rapat/baru/")
    page.locator("#id_kind").select_option("rakor")
    page.locator("#id_title").fill("Rakor netralitas ASN")
    page.locator("#id_region").select_option("33.74")
    page.locator("#id_date").fill("2024-07-31")
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_end_time").fill("08:00")
    page.locator("#id_host_agency").select_option(label="Bawaslu Kota Semarang")
    fill_attendee(page, 0, "Arief Rahman", "Bawaslu Kota Semarang", "Ketua", "host")
    fill_attendee(page, 1, "arief rahman", "Bawaslu Kota Semarang", "Ketua", "peserta")
    page.locator("button[name=save]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary.locator("a[href='#id_attendees-1-name']")).to_have_count(1)
    expect(summary.locator("a[href='#id_end_time']")).to_have_count(1)
    expect(page.locator("#id_attendees-1-name")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_attendees-0-name")).to_have_value("Arief Rahman")
    assert_no_axe_violations(page)
    assert not Meeting.objects.exists()

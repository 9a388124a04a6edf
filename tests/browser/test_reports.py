"""ASN-neutrality reports in a real browser: public filing on a phone, the official's case
workflow, the report form by keyboard alone, and axe on every page (errors included).

Assertions use ids, values and data attributes, so they hold in Indonesian and English.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from reports.models import Report, ReporterIdentity, ReportStage
from reports.selectors.cases import report_identity_access_list
from tests.browser.accessibility import assert_no_axe_violations
from tests.factories.reports import PNG_BYTES

pytestmark = pytest.mark.browser

KELURAHAN = "33.74.01.1001"


@pytest.fixture(autouse=True)
def no_rate_limits_left_over():
    """The rate-limit counters live in the (process-wide) cache; start every test clean."""
    cache.clear()
    yield
    cache.clear()


def recent(days_ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def fill_reporter(page) -> None:
    page.locator("#id_reporter_name").fill("Warga Pelapor Uji")
    page.locator("#id_reporter_address").fill("Jl. Pandanaran No. 1, Semarang")
    page.locator("#id_reporter_phone").fill("0812-3456-7890")


def fill_reported(page) -> None:
    page.locator("#id_reported_name").fill("Terlapor Uji")
    page.locator("#id_reported_nip").fill("198001012005011001")
    page.locator("#id_reported_agency_name").fill("Kelurahan Miroto")
    page.locator("#id_reported_employment_0").check()


def fill_incident(page) -> None:
    page.locator("#id_election").select_option(label="Pemilihan Serentak 2024")
    page.locator("#id_incident_date").fill(recent(2).isoformat())
    page.locator("#id_known_date").fill(recent(1).isoformat())
    page.locator("#id_incident_place").fill("Akun Facebook terlapor")
    page.locator("#id_incident_kelurahan").select_option(KELURAHAN)
    page.locator("#id_description").fill("Terlapor membagikan unggahan kampanye pasangan calon.")


def fill_report(page) -> None:
    """Fill the official report form by field id (works in any language)."""
    page.locator("#id_source_0").check()
    fill_reporter(page)
    fill_reported(page)
    fill_incident(page)
    page.locator("#id_categories_0").check()


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_public_files_a_report_on_a_phone_and_checks_its_status(
    phone_page, live_server, portal_data
):
    """A member of the public files a report with a photo on a phone, a step at a time, and
    checks its status; each step fits a few phone screens and passes axe."""
    page = phone_page
    page.goto(f"{live_server.url}/lapor/")
    expect(page.get_by_test_id("form-steps")).to_contain_text("1")
    assert_no_axe_violations(page)
    page.locator("#id_kabkota").select_option("33.74")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/lapor/33.74/")
    expect(page.locator("progress")).to_have_attribute("value", "2")
    assert_no_axe_violations(page)
    heights = {"about-you": page_height(page)}

    # Continuing with an empty step 2 shows the error summary, focused, for step 2 only.
    page.locator("#step-next").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#id_reporter_name']")).to_be_visible()
    expect(summary.locator("a[href='#id_reporter_phone']")).to_be_visible()
    expect(summary.locator("a[href='#id_reported_name']")).to_have_count(0)
    expect(page.locator("#id_reporter_phone")).to_have_attribute(
        "aria-describedby", re.compile("id_reporter_phone_error")
    )
    assert_no_axe_violations(page)

    # Enter in a text field presses "Continue" (the form's first submit button).
    fill_reporter(page)
    page.locator("#id_reporter_phone").press("Enter")
    expect(page.locator("progress")).to_have_attribute("value", "3")
    expect(page.locator("[data-error-summary]")).to_have_count(0)
    heights["reported"] = page_height(page)
    assert_no_axe_violations(page)
    fill_reported(page)
    page.locator("#step-next").click()

    expect(page.locator("progress")).to_have_attribute("value", "4")
    heights["incident"] = page_height(page)
    fill_incident(page)
    page.locator("#step-next").click()

    expect(page.locator("progress")).to_have_attribute("value", "5")
    heights["categories"] = page_height(page)
    page.locator("#id_categories_0").check()
    page.locator("#step-next").click()

    expect(page.locator("progress")).to_have_attribute("value", "6")
    heights["evidence"] = page_height(page)
    assert_no_axe_violations(page)
    # One witness block; "Add a witness" adds another in place (JavaScript) and focuses it.
    expect(page.locator("[data-witness]")).to_have_count(1)
    page.locator("#id_witness-0-name").fill("Saksi Pertama")
    page.locator("#add-witness").click()
    expect(page.locator("[data-witness]")).to_have_count(2)
    expect(page.locator("#id_witness-1-name")).to_be_focused()
    page.locator("#id_witness-1-name").fill("Saksi Kedua")
    page.locator("#id_evidence_files").set_input_files(
        files=[{"name": "tangkapan-layar.png", "mimeType": "image/png", "buffer": PNG_BYTES}]
    )
    page.locator("#report-submit").click()
    expect(page).to_have_url(f"{live_server.url}/lapor/terkirim/")
    assert_no_axe_violations(page)

    report = Report.objects.get()
    assert report.via_public_form and report.evidence.exclude(file="").count() == 1
    assert sorted(report.witnesses.values_list("name", flat=True)) == [
        "Saksi Kedua",
        "Saksi Pertama",
    ]
    assert ReporterIdentity.objects.get(report=report).phone == "0812-3456-7890"
    code = page.get_by_test_id("tracking-code").inner_text().strip()
    assert code == report.tracking_code_display
    expect(page.get_by_test_id("receipt").locator("a").first).to_have_attribute(
        "href", f"/laporan/{report.pk}/cetak/tanda-bukti/"
    )
    print(f"public form heights at 390 px: {heights}")
    assert max(heights.values()) < 2500, heights

    page.goto(f"{live_server.url}/cek-laporan/")
    page.locator("#id_code").fill(code.lower())
    page.locator("main form button[type=submit]").click()
    result = page.get_by_test_id("status-result")
    expect(result).to_be_visible()
    expect(result).not_to_contain_text("Warga Pelapor Uji")
    expect(result).not_to_contain_text("Terlapor Uji")
    assert_no_axe_violations(page)

    page.locator("#id_code").fill("ZZZZ-ZZZZ-ZZ")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_test_id("status-not-found")).to_be_visible()


def test_public_form_steps_work_without_javascript(new_context, live_server, portal_data):
    """Without JavaScript every step, Back and "Add a witness" still work (server-rendered)."""
    context = new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/lapor/33.74/")
    fill_reporter(page)
    page.locator("#step-next").click()
    fill_reported(page)
    page.locator("#step-next").click()
    page.locator("#step-back").click()
    expect(page.locator("#id_reported_name")).to_have_value("Terlapor Uji")
    page.locator("#step-next").click()
    fill_incident(page)
    page.locator("#step-next").click()
    page.locator("#id_categories_0").check()
    page.locator("#step-next").click()
    page.locator("#id_witness-0-name").fill("Saksi Pertama")
    page.locator("#add-witness").click()
    expect(page.locator("[data-witness]")).to_have_count(2)
    expect(page.locator("#id_witness-0-name")).to_have_value("Saksi Pertama")
    page.locator("#id_witness-1-name").fill("Saksi Kedua")
    page.locator("#report-submit").click()
    expect(page).to_have_url(f"{live_server.url}/lapor/terkirim/")
    assert Report.objects.get().witnesses.count() == 2


def open_action(page, key: str):
    """Unfold the workflow form of the transition ``key`` ("from__to") and return it."""
    details = page.locator(f"details:has(input[name=transition][value='{key}'])")
    details.locator("summary").click()
    return details.locator("form")


def test_official_records_a_report_and_takes_it_to_a_recommendation(
    page, login, live_server, portal_data
):
    """Staff record a report and take it through kajian awal to registration and on to the
    kajian; the commissioner forwards the recommendation to BKN."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/laporan/baru/")
    assert_no_axe_violations(page)
    page.locator("#id_reported_nip").fill("12345")
    page.locator("#report-submit").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("#id_reported_nip")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page)

    fill_report(page)
    page.locator("#report-submit").click()
    report = Report.objects.get()
    expect(page).to_have_url(f"{live_server.url}/laporan/{report.pk}/")
    assert ReporterIdentity.objects.filter(report=report).exists()
    expect(page.locator("main")).not_to_contain_text("Warga Pelapor Uji")
    assert_no_axe_violations(page)

    for key in ("diterima__kajian_awal", "kajian_awal__diregistrasi", "diregistrasi__kajian"):
        form = open_action(page, key)
        form.locator("button[type=submit]").click()
        expect(page).to_have_url(f"{live_server.url}/laporan/{report.pk}/")
    report.refresh_from_db()
    assert report.stage == ReportStage.KAJIAN
    assert report.registration_number.startswith("001/Reg/LP/PW/33.74/")
    expect(page.locator("main")).to_contain_text(report.registration_number)

    page.goto(f"{live_server.url}/laporan/")
    expect(page.locator("main table")).to_contain_text(report.registration_number)
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    login(page, "semarang.ketua")
    page.goto(f"{live_server.url}/laporan/{report.pk}/")
    form = open_action(page, "kajian__rekomendasi_diteruskan")
    form.locator("#id_kajian__rekomendasi_diteruskan_recommendation_number").fill(
        "001/PP.01.02/K.JT-22/2024"
    )
    form.locator("#id_kajian__rekomendasi_diteruskan_recommendation_date").fill(
        timezone.localdate().isoformat()
    )
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/laporan/{report.pk}/")
    report.refresh_from_db()
    assert report.stage == ReportStage.REKOMENDASI_DITERUSKAN
    assert_no_axe_violations(page)

    # The identity is behind an explicit, logged action.
    page.locator("form[action$='/identitas-pelapor/'] button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Warga Pelapor Uji")
    assert report_identity_access_list(report=report).count() == 1
    assert_no_axe_violations(page)


def tab_to(page, element_id: str, limit: int = 250) -> None:
    """Press Tab until the element with ``element_id`` has focus (fails after ``limit``)."""
    for _press in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} never received focus by Tab")


def date_typing_order(page, element_id: str) -> str:
    """Type 01/02/2003 into the focused date input and tell which order the browser uses.

    Chromium lays date inputs out in its own UI locale (dd/mm/yyyy or mm/dd/yyyy),
    whatever the page's language; the probe leaves a valid date in the field.
    """
    page.keyboard.type("01022003")
    value = page.locator(f"#{element_id}").input_value()
    return "%d%m%Y" if value == "2003-02-01" else "%m%d%Y"


def type_date(page, value: datetime.date, order: str) -> None:
    """Type a date into the focused date input, segment by segment."""
    page.keyboard.type(value.strftime(order))


def test_report_form_by_keyboard_alone(page, login, live_server, portal_data):
    """Every field needed for a report can be reached and filled with the keyboard alone."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/laporan/baru/")
    page.locator("body").focus()

    tab_to(page, "id_election")
    page.keyboard.type("Pemilihan")
    tab_to(page, "id_reporter_name")
    page.keyboard.type("Pelapor Papan Ketik")
    tab_to(page, "id_reporter_birth_date")
    order = date_typing_order(page, "id_reporter_birth_date")
    tab_to(page, "id_reporter_address")
    page.keyboard.type("Jl. Papan Ketik 1")
    tab_to(page, "id_reporter_phone")
    page.keyboard.type("0812 3456 7890")
    tab_to(page, "id_reported_name")
    page.keyboard.type("Terlapor Papan Ketik")
    tab_to(page, "id_reported_agency_name")
    page.keyboard.type("Kelurahan Miroto")
    tab_to(page, "id_reported_employment_0")
    page.keyboard.press("Space")
    tab_to(page, "id_incident_date")
    type_date(page, recent(2), order)
    tab_to(page, "id_known_date")
    type_date(page, recent(1), order)
    tab_to(page, "id_incident_place")
    page.keyboard.type("Balai kelurahan")
    tab_to(page, "id_incident_kelurahan")
    page.keyboard.type("Miroto")
    tab_to(page, "id_description")
    page.keyboard.type("Terlapor hadir di kampanye dengan atribut pasangan calon.")
    tab_to(page, "id_categories_0")
    page.keyboard.press("Space")
    tab_to(page, "report-submit")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/laporan/\d+/$"))
    report = Report.objects.get()
    assert report.reported_name == "Terlapor Papan Ketik"
    assert report.incident_kelurahan_id == KELURAHAN
    assert report.incident_date == recent(2) and report.known_date == recent(1)
    assert report.election.name == "Pemilihan Serentak 2024"

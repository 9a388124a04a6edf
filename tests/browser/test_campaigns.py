"""Campaign pages in a real browser: coverage chart and table, declaration form with errors."""

import datetime

import pytest
from playwright.sync_api import expect

from bawaslu_portal.models import Region
from coordination.models import Declaration, DesignationKind, KelurahanDesignation
from tests.browser.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser


def test_coverage_page_is_accessible(page, login, live_server, portal_data):
    """The coverage page draws its SVG chart with a title and shows the table; axe finds nothing."""
    kind = DesignationKind.objects.get(name="Kelurahan Anti Politik Uang")
    for region in Region.objects.filter(depth=4, code__startswith="33.74.").order_by("code")[:10]:
        KelurahanDesignation.objects.create(
            kind=kind, kelurahan=region, date=datetime.date(2023, 7, 17)
        )
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/kelurahan-binaan/cakupan/")
    chart = page.locator("svg[role=img]").first
    expect(chart).to_be_visible()
    expect(chart.locator("title")).to_have_count(1)
    expect(page.get_by_test_id("coverage-cities")).to_contain_text("177")
    expect(page.get_by_test_id("coverage-kecamatan").locator("tbody tr")).to_have_count(16)
    assert_no_axe_violations(page)


def test_declaration_form_with_errors_is_accessible(page, login, live_server, portal_data):
    """The declaration form, empty and then with its errors shown, has no serious violation;
    filled in, it records the declaration without JavaScript-only controls."""
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/deklarasi/baru/")
    assert_no_axe_violations(page)
    page.locator("main form button[name=save]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_no_axe_violations(page)

    page.locator("#id_kind").select_option("netralitas_asn")
    page.locator("#id_title").fill("Deklarasi Netralitas ASN Kecamatan Tugu")
    page.locator("#id_date").fill("2023-09-05")
    page.locator("#id_region").select_option("33.74.16")
    page.locator("#id_place").fill("Kantor Kecamatan Tugu")
    organiser = portal_data.agencies["bawaslu_semarang"]
    page.locator("#id_organiser").select_option(str(organiser.pk))
    page.locator("#id_signatories-0-name").fill("Camat Tugu")
    page.locator("main form button[name=save]").click()
    expect(page.locator("h1")).to_have_text("Deklarasi Netralitas ASN Kecamatan Tugu")
    assert Declaration.objects.get().signatories.get().person.name == "Camat Tugu"
    assert_no_axe_violations(page)


def test_campaign_program_and_pokja_pages_are_accessible(page, login, live_server, portal_data):
    """With the demo data, the Semarang campaign, a program and the pokja pages pass axe."""
    from coordination.demo import seed_coordination_demo
    from coordination.models import DeclarationCampaign, Program, WorkingGroup

    seed_coordination_demo(portal=portal_data)
    login(page, "semarang.staf")
    campaign = DeclarationCampaign.objects.get(region_id="33.74")
    page.goto(f"{live_server.url}{campaign.get_absolute_url()}")
    expect(page.get_by_test_id("campaign-kecamatan").locator("tbody tr")).to_have_count(16)
    assert_no_axe_violations(page)
    for path in ("/deklarasi/", "/kelurahan-binaan/", "/program/", "/pokja/"):
        page.goto(f"{live_server.url}{path}")
        assert_no_axe_violations(page)

    page.context.clear_cookies()
    login(page, "balikpapan.staf")
    program = Program.objects.get(region_id="64.71")
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    expect(page.get_by_test_id("program-progress")).to_contain_text("38")
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/program/{program.pk}/ubah/")
    assert_no_axe_violations(page)

    page.context.clear_cookies()
    login(page, "serang.staf")
    group = WorkingGroup.objects.get(region_id="36.73")
    page.goto(f"{live_server.url}{group.get_absolute_url()}")
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/pokja/{group.pk}/rapat/")
    assert_no_axe_violations(page)

"""Logging in, in a real browser: the first flows every official goes through."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_no_axe_violations, fits_the_width
from tests.factories.portal import TEST_PASSWORD

pytestmark = pytest.mark.browser

# The Indonesian catalogue is compiled by ``make test``; before it exists the
# portal shows the English source strings.
CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "id" / "LC_MESSAGES" / "django.mo"


def expected_login_error() -> str:
    """The start of the wrong-password message in the language the portal will show."""
    if CATALOGUE.exists():
        return "Nama pengguna/email atau kata sandi salah"
    return "The username/email or password is wrong"


def test_login_reaches_home_with_name_agency_and_jurisdiction(page, live_server, portal_data):
    """A demo login lands on the home page, which names the official, agency and jurisdiction."""
    page.goto(live_server.url + "/")
    expect(page).to_have_url(f"{live_server.url}/masuk/?next=/")

    page.locator("#id_username").fill("semarang.staf")
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_contain_text(portal_data.users["semarang.staf"].get_full_name())
    summary = page.locator(".account-summary")
    expect(summary).to_contain_text("Bawaslu Kota Semarang")
    expect(page.get_by_test_id("jurisdiction")).to_contain_text("Kota Semarang")
    expect(page.locator("html")).to_have_attribute("lang", "id")


def test_login_by_email_address(page, login, live_server, portal_data):
    """The email address of the account works as well as the username."""
    ketua = portal_data.users["semarang.ketua"]
    login(page, ketua.email)
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_contain_text(ketua.get_full_name())


def test_wrong_password_shows_indonesian_error(page, login, live_server, portal_data):
    """A wrong password keeps the official on the login page with the error summary in Indonesian.

    The summary takes focus (so screen readers announce it) and the title says "Kesalahan:".
    """
    login(page, "semarang.staf", password="not-the-password")

    expect(page).to_have_url(f"{live_server.url}/masuk/")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(expected_login_error())
    expect(summary).to_be_focused()
    # "Error:" is in Django's own Indonesian catalogue, so this holds either way.
    expect(page).to_have_title(re.compile(r"^Kesalahan:"))
    expect(page.locator("#id_username")).to_have_value("semarang.staf")
    expect(page.locator("#id_password")).to_have_value("")


def test_login_page_has_no_serious_axe_violations(page, live_server, portal_data):
    """The login page, empty and with its errors shown, passes axe (WCAG 2.2 AA)."""
    page.goto(live_server.url + "/masuk/")
    assert_no_axe_violations(page)

    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert_no_axe_violations(page)


def test_error_summary_links_move_focus_to_their_field(page, live_server, portal_data):
    """An empty login lists each missing field in the summary; its link focuses that field."""
    page.goto(live_server.url + "/masuk/")
    page.locator("main form button[type=submit]").click()

    links = page.locator("[data-error-summary] a")
    expect(links).to_have_count(2)
    expect(page.locator("#id_password")).to_have_attribute("aria-invalid", "true")
    links.nth(1).click()
    expect(page.locator("#id_password")).to_be_focused()


def test_home_page_has_no_serious_axe_violations(page, login, portal_data):
    """The home page of a logged-in official passes axe (WCAG 2.2 AA)."""
    login(page, "semarang.ketua")
    expect(page.get_by_test_id("jurisdiction")).to_be_visible()
    assert_no_axe_violations(page)


def test_skip_link_is_the_first_stop_and_moves_to_main(page, login, portal_data):
    """The first Tab reaches the skip link, which takes keyboard users past the navigation."""
    login(page, "semarang.staf")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


def test_focus_ring_shows_on_the_dark_header(page, login, portal_data):
    """Keyboard focus on the header's links is a white ring, visible on the dark red bar."""
    login(page, "semarang.staf")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # the portal name, first link of the header
    brand = page.locator(".site-header .navbar-brand")
    expect(brand).to_be_focused()
    expect(brand).to_have_css("outline-color", "rgb(255, 255, 255)")
    expect(brand).to_have_css("outline-style", "solid")


def test_home_on_a_phone_has_a_usable_navigation(phone_page, login, live_server, portal_data):
    """On a phone the menu collapses behind a visible toggler that opens every link.

    The page does not scroll sideways, the home page passes axe with the menu open,
    and a section link reached through the menu works.
    """
    page = phone_page
    login(page, "semarang.staf")

    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    regions_link = page.locator("#main-nav a[href='/wilayah/']")
    expect(regions_link).to_be_hidden()
    assert fits_the_width(page)
    # Issue 9 §9: the closed header is one row (it took about 190 of 844 px).
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 72, header
    expect(page.locator("#language-select")).to_be_hidden()

    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(regions_link).to_be_visible()
    expect(page.locator("#language-select-menu")).to_be_visible()
    box = regions_link.bounding_box()
    # WCAG 2.2 target size (2.5.8): at least 24 by 24 CSS pixels.
    assert box["height"] >= 24 and box["width"] >= 24, box
    assert_no_axe_violations(page)

    regions_link.click()
    expect(page).to_have_url(f"{live_server.url}/wilayah/")


def test_logout_from_the_account_menu(page, login, live_server, portal_data):
    """The account menu's log-out button ends the session and returns to the login page."""
    login(page, "semarang.staf")
    page.locator(".account-menu summary").click()
    with page.expect_navigation():
        page.locator(".account-menu form[action='/keluar/'] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/masuk/")

    page.goto(live_server.url + "/")
    expect(page).to_have_url(f"{live_server.url}/masuk/?next=/")


def test_expired_form_shows_the_portal_page(page, live_server, portal_data):
    """A login form sent without its CSRF cookie gets the portal's own 403 page.

    Django's built-in page carries an inline style that the CSP blocks; the
    portal's page passes axe and keeps the layout.
    """
    page.goto(live_server.url + "/masuk/")
    page.context.clear_cookies()
    page.locator("#id_username").fill("semarang.staf")
    page.locator("#id_password").fill(TEST_PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("#main-content")).to_be_attached()
    expect(page.locator("main a[href='/']")).to_be_visible()
    assert_no_axe_violations(page)

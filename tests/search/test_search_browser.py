"""/cari/ in Chromium: usable on a 390 px phone and on a desktop, accessible (issue 9 §3, §9).

The fixtures are the browser tests' own (``tests/browser/conftest.py``), imported here
because the search's tests live with the search.
"""

# The imported fixtures are named again as the tests' parameters, as pytest wants.
# ruff: noqa: F811

from urllib.parse import urlencode

from search.services import search_index_rebuild
from tests.browser.accessibility import assert_no_axe_violations, fits_the_width
from tests.browser.conftest import (  # noqa: F401 (pytest fixtures)
    _require_chromium,
    _share_database_connections,
    browser_context_args,
    browser_type_launch_args,
    login,
    page,
    phone_page,
    portal_data,
)
from tests.factories.coordination import MeetingFactory


def test_search_on_a_phone(phone_page, login, live_server, portal_data):
    """Results fit 390 px without sideways scrolling, marked, and pass axe-core."""
    MeetingFactory(
        host_agency=portal_data.agencies["bawaslu_semarang"],
        title="Rapat koordinasi pengawasan netralitas ASN menjelang pemungutan suara",
        summary="Pengawasan partisipatif di seluruh kelurahan bersama lurah dan camat.",
    )
    search_index_rebuild()
    page = phone_page
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/cari/?{urlencode({'q': 'pengawasan'})}")
    assert page.locator("[data-search-result]").count() >= 1
    assert page.locator("[data-search-result] mark").count() >= 1
    assert fits_the_width(page)
    assert_no_axe_violations(page)


def test_header_box_searches_from_any_page(page, login, live_server, portal_data):
    search_index_rebuild()
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/rapat/")
    page.locator("#header-search").fill("Semarang")
    with page.expect_navigation():
        page.locator("#header-search").press("Enter")
    assert "/cari/?q=Semarang" in page.url
    assert page.locator("[data-search-result]").count() >= 1
    assert_no_axe_violations(page)


def test_invalid_query_on_a_phone(phone_page, login, live_server, portal_data):
    page = phone_page
    login(page, "semarang.staf")
    page.goto(f"{live_server.url}/cari/?q=a")
    assert page.locator("[data-error-summary]").is_visible()
    assert fits_the_width(page)
    assert_no_axe_violations(page)

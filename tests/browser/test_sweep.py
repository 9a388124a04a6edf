"""A sweep of the demo portal in Chromium: axe (WCAG 2.2 AA) and a phone width on every route.

The data is what ``make seed`` loads (``import_regions`` of the four seed cities,
then ``seed_demo``), committed so that ``live_server`` sees it. For each swept
identity the HTTP crawl of ``tests/test_crawl.py`` (``crawl()``, the test
client) lists the pages the login reaches by following links; the sweep keeps
the first URL of each URL name (a meeting page stands for every meeting page),
leaves out the downloads (PDF, ICS, CSV, XLSX, uploaded files) and the admin,
and opens each page in Chromium twice:

- at desktop width (1280x720) and on the 390x844 phone of ``phone_page``,
  axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, serious and critical
  findings (as ``assert_no_axe_violations``): a phone shows other things (the
  collapsed menu, tables scrolling in their box, which must take the keyboard);
- on the phone, the document must not scroll sideways (``scrollWidth <=
  clientWidth + 1``); a table scrolling inside its own ``.table-responsive``
  box is fine, as it does not widen the document.

The identities: the city staff (``semarang.staf``), the province staff
(``jateng.staf``), the city government partner (``semarang.pemkot``) and the
anonymous visitor, whose crawl reaches the agenda, ``/lapor/`` and
``/cek-laporan/``; for the visitor the sweep also walks the public report form
step by step (steps 2 to 6, each checked as above) and files it, to check the
page that shows the tracking code.

All findings of all pages are collected and the test fails once, listing each
page (identity, URL, URL name) with its axe rules and selectors, or the width
the page took on the phone and the elements that stick out.
"""

import io
import os
import time
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

import tests.test_crawl
from bawaslu_portal.demo import SEED_REGION_CODES
from reports.management.commands.seed_demo import DEFAULT_DEMO_PASSWORD
from tests.browser.accessibility import axe_violations, format_axe_violations
from tests.browser.test_reports import fill_incident, fill_reported, fill_reporter
from tests.test_crawl import _log_in, _route, crawl

pytestmark = pytest.mark.browser

#: The logins swept, with the anonymous visitor (the public pages) first.
IDENTITIES = ["anonymous", "semarang.staf", "jateng.staf", "semarang.pemkot"]
#: URL names whose pages are files, not HTML: PDFs, calendar feeds, exports, uploads.
DOWNLOAD_ROUTE_SUFFIXES = ("_pdf", "_feed", "_download", "_csv", "_xlsx", "_export")
#: The crawl's cap per URL name: the sweep keeps one page of each, and five pages of a kind
#: reach the same HTML URL names as the crawl's twenty (49 for the city staff) in 15 s of
#: crawling instead of 25.
CRAWL_MAX_PER_ROUTE = 5
#: The province staff's forms are the city staff's templates with other region choices: the
#: sweep leaves them to ``semarang.staf`` and checks what the province's data changes (lists,
#: details, dashboard, prints), to keep the sweep near a minute and a half.
PROVINCE_LOGIN = "jateng.staf"
FORM_ROUTE_SUFFIXES = ("create", "_update", "_copy", "_delete", "_revoke", "_add")
#: The public report form's city (steps 2 to 6 live at ``/lapor/<kab/kota>/``).
PUBLIC_FORM_CITY = "33.74"

#: Runs on the page as it is; null when the document fits the phone's layout width, otherwise
#: its width and a short path of (at most five different) innermost elements that stick out on
#: the right. An element inside a box that scrolls or clips sideways (a ``.table-responsive``)
#: stays in that box and is left out, unless it is positioned absolutely and so may escape it.
#: ``clientWidth``, not ``innerWidth``: on a mobile viewport Chromium widens the layout viewport
#: to the page's width, so ``scrollWidth <= innerWidth`` holds even for a page that overflows.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width + 1) return null;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map((c) => "." + c).join("");
  const path = (el) => {
    const parts = [];
    for (; el && el !== document.body && parts.length < 4; el = el.parentElement) {
      parts.unshift(name(el));
    }
    return parts.join(" > ");
  };
  const inScrollBox = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible") return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")].filter((el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) return false;
    const position = getComputedStyle(el).position;
    return position === "absolute" || position === "fixed" || !inScrollBox(el);
  });
  const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
  return {scrollWidth, width, elements: [...new Set(innermost.map(path))].slice(0, 5)};
}"""


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback):
    """The demo data of ``make seed``, committed for ``live_server``.

    The transactional database is emptied after the test; the serialized
    rollback brings back the rows of data migrations (the position roles).
    """
    call_command("import_regions", *SEED_REGION_CODES, verbosity=0)
    call_command("seed_demo", "--allow-demo-logins", stdout=io.StringIO())


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def is_download(route: str) -> bool:
    return route.endswith(DOWNLOAD_ROUTE_SUFFIXES)


def pages_to_sweep(identity: str) -> dict[str, str]:
    """The first URL of each HTML URL name the HTTP crawl reaches, by URL name.

    The province login's forms are left out (``PROVINCE_LOGIN``).
    """
    cache.clear()  # the crawl's login counts towards the login rate limit
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if identity != "anonymous":
        _log_in(client, identity)
    visited, errors = crawl(client, admin=False)
    assert not errors, f"the crawl of {identity} broke:\n" + "\n".join(errors)
    pages: dict[str, str] = {}
    for url in visited:
        path = urlsplit(url).path
        route = _route(path)
        if path.startswith("/admin/") or is_download(route):
            continue
        if identity == PROVINCE_LOGIN and route.endswith(FORM_ROUTE_SUFFIXES):
            continue
        pages.setdefault(route, url)
    return pages


def page_findings(page, *, phone: bool) -> list[str]:
    """What is wrong with the page on screen: its axe violations (at either width: a table
    that scrolls in its box on a phone must be reachable by keyboard) and, on a phone, its
    overflow."""
    findings = []
    violations = axe_violations(page)
    if violations:
        width = "phone" if phone else "desktop"
        findings.append(f"- axe at {width} width:\n{format_axe_violations(violations)}")
    if phone:
        overflow = page.evaluate(OVERFLOW_SCRIPT)
        if overflow:
            sticking_out = "\n".join(f"    at {element}" for element in overflow["elements"])
            findings.append(
                f"- phone: the page is {overflow['scrollWidth']} px wide in a "
                f"{overflow['width']} px viewport (it scrolls sideways)\n{sticking_out}"
            )
    return findings


def open_page(page, url: str) -> str | None:
    """Go to ``url``; the problem when it does not answer with an HTML page below 400."""
    response = page.goto(url)
    if response is None:
        return f"- no response for {url}"
    if response.status >= 400:
        return f"- HTTP {response.status}"
    if "text/html" not in response.headers.get("content-type", ""):
        return f"- not an HTML page ({response.headers.get('content-type')})"
    return None


def walk_public_form(page, base_url: str, check: Callable[[str], None]) -> None:
    """The public report form of the seed city, step 2 to the tracking code page.

    ``check(label)`` is called on each step and on the page that shows the code.
    """
    cache.clear()  # the filing rate limit
    page.goto(f"{base_url}/lapor/{PUBLIC_FORM_CITY}/")
    steps: list[Callable] = [
        fill_reporter,
        fill_reported,
        fill_incident,
        lambda page: page.locator("#id_categories_0").check(),
    ]
    for number, fill in enumerate(steps, start=2):
        check(f"/lapor/{PUBLIC_FORM_CITY}/ step {number}")
        fill(page)
        page.locator("#step-next").click()
        page.wait_for_load_state()
    check(f"/lapor/{PUBLIC_FORM_CITY}/ step {len(steps) + 2}")
    with page.expect_navigation():
        page.locator("#report-submit").click()
    check("/lapor/terkirim/")


def sweep_public_form(page, phone_page, base_url: str) -> list[str]:
    """Walks the public report form at both widths (filing it twice); one block per finding."""
    problems = []
    for browser_page, phone in ((page, False), (phone_page, True)):

        def check(label: str, browser_page=browser_page, phone=phone) -> None:
            findings = page_findings(browser_page, phone=phone)
            if findings:
                problems.append(f"[anonymous] {label}:\n" + "\n".join(findings))

        walk_public_form(browser_page, base_url, check)
    return problems


def sweep(
    page, phone_page, base_url: str, identity: str, pages: Iterable[tuple[str, str]]
) -> list[str]:
    """Checks every page at both widths; returns one block per page with findings."""
    problems = []
    for route, url in pages:
        findings = []
        for browser_page, phone in ((page, False), (phone_page, True)):
            problem = open_page(browser_page, base_url + url)
            if problem:
                findings.append(problem)
                break
            findings += page_findings(browser_page, phone=phone)
        if findings:
            problems.append(f"[{identity}] {url} ({route}):\n" + "\n".join(findings))
    return problems


def test_every_page_passes_axe_and_fits_a_phone(
    page, phone_page, login, live_server, demo_site, monkeypatch
):
    """Every HTML page each swept login reaches passes axe (serious and critical) at desktop
    and phone width and does not scroll sideways at 390 px."""
    monkeypatch.setattr(tests.test_crawl, "MAX_PER_ROUTE", CRAWL_MAX_PER_ROUTE)
    started = time.monotonic()
    problems: list[str] = []
    swept = 0
    for identity in IDENTITIES:
        pages = pages_to_sweep(identity)
        print(f"{identity}: {len(pages)} pages: {' '.join(sorted(pages))}")
        assert len(pages) > (3 if identity == "anonymous" else 20), pages
        for browser_page in (page, phone_page):
            browser_page.context.clear_cookies()
            if identity != "anonymous":
                cache.clear()  # the login rate limit
                login(browser_page, identity, password=demo_password())
        problems += sweep(page, phone_page, live_server.url, identity, sorted(pages.items()))
        swept += len(pages)
        if identity == "anonymous":
            problems += sweep_public_form(page, phone_page, live_server.url)
    print(
        f"swept {swept} pages (and the public form's steps) in {time.monotonic() - started:.0f} s"
    )
    assert not problems, f"{len(problems)} page(s) with findings:\n" + "\n".join(problems)

"""A crawl of the demo portal: every link each login can reach answers without a server error.

The demo data is what ``make seed`` loads (``import_regions`` of the four seed
cities, then ``seed_demo``), loaded once for the module and rolled back at its
end. For the anonymous visitor and for every demo login (logged in through the
login form with the demo password), the crawl starts at ``/`` and follows every
same-site ``<a href>`` with GET, breadth first, and fails listing every URL
that answered 5xx (or raised), with the page that linked to it. A link that
answers 4xx is a finding too: the portal offered the login a page it may not
open (a breadcrumb to the province above a city, a campaign's declaration a
partner may not see) or that does not exist.

Bounds keep it fast and still broad: at most :data:`MAX_PAGES` pages per
login; at most :data:`MAX_PER_ROUTE` pages per URL name (a kelurahan page or a
report page stands for its siblings, and filter and page links do not crowd
out the rest), fewer for edit forms and the slow PDFs; admin pages
for the superuser only, without query strings, at most :data:`MAX_ADMIN_PAGES`.
Only anchors are followed: the GET forms (filters) have their own tests.

The nine crawls visit about 1,100 pages (the superuser 300, 86 of them in the
admin) in 60 to 80 seconds on the shared 2-core machine, the seed (5 s) included.
"""

import io
import os
from collections import Counter, deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from bawaslu_portal.demo import LOGINS, SEED_REGION_CODES
from reports.management.commands.seed_demo import DEFAULT_DEMO_PASSWORD
from tests.pages import page_form, page_links

MAX_PAGES = 400
MAX_PER_ROUTE = 20
#: Edit, copy and delete pages (the portal's and the admin's) are one form each, slow to
#: render (region and agency choices): a few stand for the rest.
FORM_ROUTE_SUFFIXES = ("_update", "_copy", "_delete", "_change", "_history")
MAX_PER_FORM_ROUTE = 5
#: PDFs take about half a second each to build: a few per identity prove the route.
ROUTE_LIMITS = {
    "coordination:meeting_pdf": 3,
    "reports:document_pdf": 3,
    "reports:receipt_pdf": 1,
    "reports:register_pdf": 1,
    "office:recap_pdf": 1,
}
MAX_ADMIN_PAGES = 150
IDENTITIES = ["anonymous", "admin", *(login[0] for login in LOGINS)]
#: Paths never fetched: logging out would end the crawl's session.
SKIPPED_PATHS = ("/keluar/", "/admin/logout/")


@pytest.fixture(scope="module")
def demo_portal(django_db_setup, django_db_blocker):
    """The demo data of ``make seed``, shared by every crawl of the module, then rolled back.

    Each test's own transaction is a savepoint inside this one, so the tests
    see the data and the rest of the suite never does.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import_regions", *SEED_REGION_CODES, verbosity=0)
        call_command("seed_demo", "--allow-demo-logins", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def _log_in(client: Client, username: str) -> None:
    """Log in through the login form, with the password ``seed_demo`` gave the demo logins."""
    password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    form = page_form(client.get("/masuk/").content.decode(), having="username")
    response = client.post("/masuk/", form.submission(username=username, password=password))
    assert response.status_code == 302, f"{username} could not log in"


def _route(path: str) -> str:
    try:
        return resolve(path).view_name
    except Resolver404:
        return "<unresolved>"


def _route_limit(route: str) -> int:
    if route in ROUTE_LIMITS:
        return ROUTE_LIMITS[route]
    return MAX_PER_FORM_ROUTE if route.endswith(FORM_ROUTE_SUFFIXES) else MAX_PER_ROUTE


def _same_site(base: str, href: str) -> str | None:
    """``href`` (relative to ``base``) as a path with its query, or None when it leaves the site."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    url = urlsplit(urldefrag(urljoin(base, href)).url)
    if url.scheme not in ("", "http", "https") or url.netloc not in ("", "testserver"):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def crawl(client: Client, *, admin: bool) -> tuple[list[str], list[str]]:
    """Visit what is reachable from ``/``; return the URLs visited and the server errors."""
    queue: deque[tuple[str, str]] = deque([("/", "(start)")])
    seen = {"/"}
    visited: list[str] = []
    errors: list[str] = []
    per_route: Counter[str] = Counter()
    admin_pages = 0
    while queue and len(visited) < MAX_PAGES:
        url, referrer = queue.popleft()
        path = urlsplit(url).path
        if path.startswith("/admin/"):
            if not admin or "?" in url or admin_pages >= MAX_ADMIN_PAGES:
                continue
            admin_pages += 1
        route = _route(path)
        if per_route[route] >= _route_limit(route):
            continue
        per_route[route] += 1
        visited.append(url)
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - every exception is a finding of the crawl
            errors.append(f"{url} (linked from {referrer}): {type(error).__name__}: {error}")
            continue
        if response.status_code >= 400:
            errors.append(f"{url} (linked from {referrer}): HTTP {response.status_code}")
        if response.streaming:
            # Read downloads to the end: a stream may fail half-way, and the test
            # client closes it (with the connection-closing signal held back) only
            # once it is consumed; closing it unread would drop the database
            # connection inside the crawl's transaction on PostgreSQL.
            for _chunk in response.streaming_content:
                pass
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            hrefs = [response["Location"]]
        elif "text/html" in response.get("Content-Type", ""):
            hrefs = page_links(response.content.decode())
        else:
            continue
        for target in (_same_site(url, href) for href in hrefs):
            if target and target not in seen and not target.startswith(SKIPPED_PATHS):
                seen.add(target)
                queue.append((target, url))
    return visited, errors


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_reachable_page_gives_a_server_error(demo_portal, identity):
    """Every page the login reaches by following links answers below 400 (no server
    error, and no link to a page it may not open or that is not there)."""
    cache.clear()  # rate-limit counters and login lockouts of an earlier test
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if identity != "anonymous":
        _log_in(client, identity)
    visited, errors = crawl(client, admin=identity == "admin")
    assert len(visited) > (3 if identity == "anonymous" else 20), visited
    if identity == "admin":
        assert sum(url.startswith("/admin/") for url in visited) > 20
    assert not errors, f"{len(errors)} broken link(s) for {identity}:\n" + "\n".join(errors)

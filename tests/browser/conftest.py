"""Browser tests: pytest-playwright driving Debian's Chromium against ``live_server``.

Playwright cannot download its own browsers here, so every launch points at the
system Chromium (``/usr/bin/chromium``, or ``CHROMIUM_PATH``). When it is missing
the browser tests are skipped with a message saying so; CI sets
``BROWSER_TESTS_REQUIRED=1`` so that a missing browser fails the run instead.

What every browser test gets from here:

- ``page``: a desktop page (Playwright's 1280x720) whose browser asks for Indonesian, like the
  portal's users' browsers do; ``phone_page``: the same on a 390x844 touch phone.
- A full-page screenshot of each page at the end of the test, passed or failed,
  in ``test-artifacts/screenshots/<test name>.png``.
- A check that the page logged no Content-Security-Policy violation (an inline
  script, style or handler slipped into a template).
- ``portal_data``: the portal's demo data (``seed_portal_demo``), with the real
  regions of the seed cities and the demo logins.
- ``login(page, username)``; the axe-core check lives in ``tests/browser/accessibility.py``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from bawaslu_portal.demo import seed_portal_demo
from tests.factories.portal import TEST_PASSWORD

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls from a thread with a running loop unless told this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = PROJECT_ROOT / "test-artifacts" / "screenshots"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# No sandbox (containers and CI run as root), and nothing that talks to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}


def chromium_executable() -> str | None:
    """The Chromium binary to drive, or None when it is not installed."""
    path = shutil.which(CHROMIUM_PATH)
    return path if path and os.access(path, os.X_OK) else None


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    """Skip every browser test without Chromium, or fail when they are required.

    Session-scoped and autouse, so it runs before ``live_server`` or any data is
    set up: a machine without Chromium skips the browser tests at once.
    """
    if chromium_executable():
        return
    message = (
        f"Chromium not found at {CHROMIUM_PATH}; install Debian's chromium package "
        "(apt-get install chromium) or set CHROMIUM_PATH to run browser tests"
    )
    if os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
        pytest.fail(f"{message} (BROWSER_TESTS_REQUIRED=1)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def _share_database_connections(_require_chromium, django_db_setup, request):
    """Keep using the test database connections Django set up before Playwright started.

    Django keeps connections in a thread-local that switches to a per-context
    store as soon as an event loop runs in the thread, and Playwright's sync API
    runs one. Without this, code in a browser test would get fresh connection
    objects, which lack what ``django_db_setup`` attached to the originals (the
    serialized initial data that ``serialized_rollback`` restores), and on
    PostgreSQL would open a second connection.
    """
    from django.db import connections

    originals = {alias: connections[alias] for alias in connections}
    request.getfixturevalue("playwright")  # starts the event loop
    for alias, connection in originals.items():
        connections[alias] = connection


def pytest_terminal_summary(terminalreporter):
    """Says once, at the end of ``make test``, why the browser tests were skipped."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "Chromium not found" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep("=", "browser tests skipped", yellow=True)
        terminalreporter.write_line(
            f"{len(skipped)} browser test(s) skipped: Chromium not found at {CHROMIUM_PATH}. "
            "Install Debian's chromium package (apt-get install chromium) to run them."
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options, pointed at the system Chromium."""
    return {
        **browser_type_launch_args,
        "executable_path": chromium_executable() or CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """An Indonesian browser in Western Indonesia, as most of the portal's users have."""
    return {
        **browser_context_args,
        "locale": "id-ID",
        "timezone_id": "Asia/Jakarta",
    }


def _artifact_name(request, suffix: str = "") -> str:
    """A file-system-safe name for the test: ``test_login[chromium]`` → ``test_login-chromium``."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    return f"{name}{suffix}"


def _watch_console(page) -> list[str]:
    """Collects the page's Content-Security-Policy violations as they are logged."""
    violations: list[str] = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    return violations


def _finish_page(page, request, csp_violations: list[str], suffix: str = "") -> None:
    """Saves the full-page screenshot, then fails the test on a CSP violation."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{_artifact_name(request, suffix)}.png"
    if not page.is_closed():
        page.screenshot(path=str(path), full_page=True, timeout=5000)
    if csp_violations:
        pytest.fail(
            "The page broke the Content Security Policy (no inline scripts, styles or "
            "handlers; use static files):\n" + "\n".join(csp_violations),
            pytrace=False,
        )


@pytest.fixture
def page(context, request):
    """A desktop page; screenshot and CSP check at the end of the test."""
    page = context.new_page()
    csp_violations = _watch_console(page)
    yield page
    _finish_page(page, request, csp_violations)


@pytest.fixture
def phone_page(new_context, request):
    """A page on a 390x844 touch phone; screenshot and CSP check at the end of the test."""
    context = new_context(
        viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    page = context.new_page()
    csp_violations = _watch_console(page)
    yield page
    # A test that also uses the desktop ``page`` keeps both screenshots.
    suffix = "-phone" if "page" in request.fixturenames else ""
    _finish_page(page, request, csp_violations, suffix)


@pytest.fixture
def portal_data(transactional_db, django_db_serialized_rollback):
    """The demo data of ``seed_portal_demo``, with every demo login's password ``TEST_PASSWORD``.

    That is the real regions of the four seed cities (Kota Semarang 33.74 among
    them), their agencies and people, and the demo logins (``semarang.staf``,
    ``semarang.ketua``, ``semarang.pemkot``, ``jateng.staf``, ``admin``, …) in
    ``.users``. Browser tests talk to ``live_server`` from another thread, so
    they need the transactional database (committed rows). Its flush after each
    test would also empty the position roles seeded by a data migration, which
    the demo needs: the serialized rollback restores them.
    """
    return seed_portal_demo(password=TEST_PASSWORD)


@pytest.fixture
def login(live_server):
    """``login(page, username, password=TEST_PASSWORD)``: logs in through the login form.

    Fills the fields by id and submits with the form's own button, so it works in
    either language. Returns the page, now on wherever the login redirected.
    """

    def log_in(page, username: str, password: str = TEST_PASSWORD):
        page.goto(f"{live_server.url}/masuk/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        return page

    return log_in

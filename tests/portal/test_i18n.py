"""Indonesian by default, English on request; Indonesian dates and zone-labelled times."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from bawaslu_portal import timefmt
from bawaslu_portal.models import Region

pytestmark = pytest.mark.indonesian


def test_login_page_is_indonesian_by_default(client, db):
    response = client.get("/masuk/")
    content = response.content.decode()
    assert '<html lang="id">' in content
    assert "Masuk" in content
    assert "Kata sandi" in content


def test_language_switch_to_english(client, db):
    response = client.post("/bahasa/", {"language": "en", "next": "/masuk/"})
    assert response.status_code == 302
    content = client.get("/masuk/").content.decode()
    assert '<html lang="en">' in content
    assert "Log in" in content


def test_home_is_indonesian(client_for, semarang_staff):
    content = client_for(semarang_staff).get("/").content.decode()
    assert "Wilayah kewenangan" in content
    assert "Kota Semarang" in content


def test_indonesian_long_date():
    with translation.override("id"):
        assert timefmt.format_date(date(2023, 9, 21)) == "Kamis, 21 September 2023"


def test_time_in_the_regions_zone(regions):
    """02.00 UTC is 09.00 WIB in Semarang and 10.00 WITA in Balikpapan."""
    moment = datetime(2024, 7, 31, 2, 0, tzinfo=UTC)
    semarang = Region.objects.get(code="33.74")
    with translation.override("id"):
        assert timefmt.format_time(moment, semarang) == "09.00 WIB"
        assert timefmt.format_time(moment, "WITA") == "10.00 WITA"
        assert timefmt.format_time(moment, "WIT") == "11.00 WIT"
        assert timefmt.format_datetime(moment, "WITA") == "Rabu, 31 Juli 2024, 10.00 WITA"


def test_browser_language_does_not_switch_to_english(client, db):
    """An English-speaking browser still gets the Indonesian portal until the user switches."""
    content = client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in content
    assert "Kata sandi" in content


def test_indonesian_catalogue_is_complete():
    """No fuzzy and no untranslated message in locale/id (``make makemessages`` then translate)."""
    import shutil
    import subprocess
    from pathlib import Path

    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed (make test compiles the catalogue with it)"
    catalogue = Path(__file__).resolve().parents[2] / "locale/id/LC_MESSAGES/django.po"
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def test_no_translation_call_inside_an_f_string():
    """``makemessages`` (xgettext) does not read inside f-strings: a ``_("…")`` there is never
    extracted, so it stays English on the Indonesian portal (the minutes' "For the host" did).
    Translate outside the f-string, or use one string with ``%(name)s`` placeholders."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    translators = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext", "npgettext"}
    found = []
    for app in ("bawaslu_portal", "coordination", "reports", "office", "search"):
        for path in sorted((root / app).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id in translators
                    ):
                        found.append(f"{path.relative_to(root)}:{call.lineno}")
    assert found == [], found

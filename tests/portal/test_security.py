"""Deploy checks, the CSP header and the production start-up guard."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from bawaslu_portal.settings import mail_backend_problem, secret_key_problem

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean_env.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "bawaslu_portal.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "portal.example.go.id",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://portal.example.go.id",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def test_check_deploy_passes_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_without_a_secret_key():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stdout + result.stderr


@pytest.mark.parametrize("key", ["", "short", "django-insecure-" + "x" * 60, "a" * 60])
def test_weak_keys_are_refused_without_debug(key):
    assert secret_key_problem(key, debug=False)
    assert secret_key_problem(key, debug=True) is None


def test_wsgi_refuses_to_start_without_secret_key(settings):
    from bawaslu_portal.startup import refuse_insecure_production

    settings.DEBUG = False
    settings.SECRET_KEY = "short"
    with pytest.raises(ImproperlyConfigured):
        refuse_insecure_production()


def test_check_deploy_fails_with_a_console_mail_backend():
    """Production must deliver mail: the console backend would log password-reset links."""
    env = {**PRODUCTION_ENV, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        **env,
    )
    assert result.returncode != 0
    assert "bawaslu_portal.E002" in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["console", "locmem", "dummy", "filebased"])
def test_undelivered_mail_backends_are_refused_without_debug(name):
    backend = f"django.core.mail.backends.{name}.EmailBackend"
    assert mail_backend_problem(backend, debug=False)
    assert mail_backend_problem(backend, debug=True) is None
    assert mail_backend_problem("django.core.mail.backends.smtp.EmailBackend", debug=False) is None


def test_wsgi_refuses_to_start_with_the_console_mail_backend(settings):
    from bawaslu_portal.startup import refuse_insecure_production

    settings.DEBUG = False
    settings.SECRET_KEY = secrets.token_urlsafe(64)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    with pytest.raises(ImproperlyConfigured, match="EMAIL_BACKEND"):
        refuse_insecure_production()


def test_every_response_has_a_permissions_policy(client, db):
    """Camera, microphone, location and payment APIs are off for every page, public or not."""
    for url in ("/masuk/", "/agenda/", "/static/css/portal.css"):
        header = client.get(url).headers.get("Permissions-Policy", "")
        assert "camera=()" in header and "geolocation=()" in header, url


def test_csp_forbids_inline_script_and_style(client, db):
    header = client.get("/masuk/")["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "script-src 'self'" in header
    assert "style-src 'self'" in header
    assert "frame-ancestors 'none'" in header


def test_templates_have_no_inline_scripts_or_styles():
    """No <script> bodies, style attributes or on* handlers anywhere in our templates."""
    import re

    offenders = []
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) and "application/ld+json" not in text:
            offenders.append(f"{path}: inline <script>")
        if re.search(r"\sstyle=\"", text):
            offenders.append(f"{path}: style attribute")
        if re.search(r"\son[a-z]+=\"", text):
            offenders.append(f"{path}: on* handler")
    assert not offenders, "\n".join(offenders)


def test_included_forms_receive_the_csrf_token():
    """An include called with ``only`` drops ``csrf_token``: pass it explicitly.

    The test client skips CSRF checks, so a form that lost its token would pass
    every view test and fail for real users; this scans the templates instead.
    """
    import re

    templates = ROOT / "templates"
    with_token = {
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if "{% csrf_token %}" in path.read_text()
    }
    offenders = []
    include = re.compile(r'{%\s*include\s+"([^"]+)"([^%]*)%}')
    for path in templates.rglob("*.html"):
        for name, args in include.findall(path.read_text()):
            if name in with_token and " only" in args and "csrf_token=csrf_token" not in args:
                offenders.append(f"{path.relative_to(templates)} includes {name}")
    assert not offenders, "\n".join(offenders)

"""The production set-up as documented: settings, .env.example, README and deploy/ agree.

The configuration itself runs in CI (deploy/smoke-test.sh: nginx with TLS in front of
gunicorn, a login, a page, a static file and a PDF); these tests keep the documents and
the settings from drifting apart.
"""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from bawaslu_portal.uploads import MAX_UPLOAD_BYTES
from reports.forms.intake import MAX_EVIDENCE_FILES

ROOT = Path(settings.BASE_DIR)
NGINX_SITE = (ROOT / "deploy/nginx/bawaslu-portal.conf").read_text()
ENV_EXAMPLE = (ROOT / ".env.example").read_text()
UNITS = sorted((ROOT / "deploy/systemd").glob("*.service"))
ENV_READERS = {"os.environ.get", "os.getenv", "env_bool", "env_list"}


def settings_environment_variables() -> set[str]:
    """Every environment variable bawaslu_portal/settings.py reads, found in its syntax tree."""
    tree = ast.parse((ROOT / "bawaslu_portal/settings.py").read_text())
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) in ENV_READERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(ast.literal_eval(node.slice))
    return names


def example_environment() -> dict[str, str]:
    """The variables .env.example sets (commented-out lines excluded), as systemd reads them."""
    pairs = {}
    for line in ENV_EXAMPLE.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _sep, value = line.partition("=")
            pairs[key.strip()] = value.strip().removeprefix('"').removesuffix('"')
    return pairs


def production_settings(**overrides: str) -> dict:
    """Selected settings as production computes them from .env.example (+ ``overrides``)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        **example_environment(),
        "DJANGO_SECRET_KEY": "p" + "roduction-key-" * 5,
        **overrides,
    }
    script = (
        "import json, bawaslu_portal.settings as s; print(json.dumps({"
        "'redirect': s.SECURE_SSL_REDIRECT, 'hsts': s.SECURE_HSTS_SECONDS,"
        "'subdomains': s.SECURE_HSTS_INCLUDE_SUBDOMAINS, 'preload': s.SECURE_HSTS_PRELOAD,"
        "'silenced': getattr(s, 'SILENCED_SYSTEM_CHECKS', []),"
        "'proxy_header': getattr(s, 'SECURE_PROXY_SSL_HEADER', None),"
        "'proxies': s.TRUSTED_PROXY_COUNT, 'databases': sorted(s.DATABASES),"
        "'replica': s.DATABASE_REPLICA}))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_setting_from_the_environment_is_in_env_example():
    """A variable settings.py reads but .env.example does not list fails here."""
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE, flags=re.M))
    missing = settings_environment_variables() - listed
    assert not missing, f"add to .env.example (with a comment): {sorted(missing)}"


def test_every_setting_from_the_environment_is_in_the_readme():
    """The README's production steps name every variable too."""
    readme = (ROOT / "README.md").read_text()
    missing = {name for name in settings_environment_variables() if f"`{name}" not in readme}
    assert not missing, f"document in README.md: {sorted(missing)}"


def test_nginx_takes_the_largest_request_the_portal_accepts():
    """client_max_body_size = 10 evidence files of 10 MB + the other fields' limit, in MiB."""
    (size,) = re.findall(r"client_max_body_size (\d+)m;", NGINX_SITE)
    largest = MAX_EVIDENCE_FILES * MAX_UPLOAD_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert int(size) * 1024 * 1024 == largest


def test_forwarded_headers_match_the_proxy_settings():
    """nginx sets what Django trusts: X-Forwarded-Proto, and appends one X-Forwarded-For hop."""
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in NGINX_SITE
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in NGINX_SITE
    assert "proxy_set_header Host $host;" in NGINX_SITE
    production = production_settings()
    assert production["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["proxies"] == 1


def test_nginx_forwards_to_where_gunicorn_listens():
    """The upstream is gunicorn's default bind (deploy/gunicorn.conf.py), on loopback."""
    gunicorn = (ROOT / "deploy/gunicorn.conf.py").read_text()
    (bind,) = re.findall(r'"GUNICORN_BIND", "([^"]+)"', gunicorn)
    assert bind.startswith("127.0.0.1:")
    assert f"server {bind};" in NGINX_SITE


def test_hsts_preload_is_opt_in():
    """Production sends HSTS with includeSubDomains, without preload unless asked."""
    default = production_settings()
    assert default["redirect"] is True
    assert default["hsts"] == 365 * 24 * 60 * 60
    assert (default["subdomains"], default["preload"]) == (True, False)
    assert default["silenced"] == ["security.W021"]
    opted_in = production_settings(DJANGO_HSTS_PRELOAD="1")
    assert opted_in["preload"] is True
    assert "security.W021" not in opted_in["silenced"]


def test_a_replica_is_configured_only_from_its_url():
    """DATABASE_REPLICA_URL adds the replica alias the router reads from; empty adds none."""
    assert production_settings()["databases"] == ["default"]
    with_replica = production_settings(DATABASE_REPLICA_URL="postgres://ro@10.0.0.2:5432/bawaslu")
    assert with_replica["databases"] == ["default", "replica"]
    assert with_replica["replica"] == "replica"


def test_env_example_passes_check_deploy():
    """.env.example (with a real key) passes ``check --deploy --fail-level WARNING``."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        **example_environment(),
        "DJANGO_SECRET_KEY": "p" + "roduction-key-" * 5,
        "DJANGO_SETTINGS_MODULE": "bawaslu_portal.settings",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda path: path.name)
def test_every_command_a_unit_runs_exists(unit):
    """Each ``manage.py <command>`` in deploy/systemd is a command of an installed app."""
    text = unit.read_text()
    commands = re.findall(r"^ExecStart=\S+ manage\.py (\S+)", text, flags=re.M)
    assert commands or "gunicorn" in text
    unknown = set(commands) - set(get_commands())
    assert not unknown, f"{unit.name} runs unknown commands: {sorted(unknown)}"
    assert "WorkingDirectory=/srv/bawaslu-portal" in text
    assert "EnvironmentFile=/etc/bawaslu-portal/env" in text


def readme_production_steps() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme[readme.index("## Production set-up") : readme.index("### Environment")]


def test_the_readme_steps_name_existing_commands_and_files():
    """Every ``manage.py`` command and every deploy/ file the production steps use exists."""
    steps = readme_production_steps()
    commands = set(re.findall(r"manage\.py (\w+)", steps))
    assert {"migrate", "createcachetable", "compilemessages", "collectstatic"} <= commands
    assert {"import_regions", "create_office", "check"} <= commands
    assert not commands - set(get_commands())
    files = set(re.findall(r"\b(deploy/[\w./-]+\w)", steps)) | {".env.example"}
    assert {path for path in files if not (ROOT / path).exists()} == set()
    assert "compilemessages --ignore=.venv" in steps
    assert len(re.findall(r"^\d+\. ", steps, flags=re.M)) >= 10

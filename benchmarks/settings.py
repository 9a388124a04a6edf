"""Settings for the benchmark and the load test: production settings plus the bare baseline view.

Production-like on purpose (``DEBUG`` off, the database cache, the default password hasher,
persistent connections); only what loopback HTTP needs is relaxed (no TLS redirect, cookies
without ``Secure``) and the public status-check limit is lifted so a timed loop is not
refused. The URLconf adds ``/bench/bare/`` (``benchmarks.urls``); production never loads it.
"""

import os
import secrets

from benchmarks.common import BENCH_ENV

# The load test passes one key to every gunicorn worker (sessions are signed with it).
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
for _name, _value in BENCH_ENV.items():
    os.environ.setdefault(_name, _value)

from bawaslu_portal.settings import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_SSL_REDIRECT = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Hashed names as in production, without the compression step (it only speeds up serving the
# files, which no benchmark measures), collected apart from the project's own staticfiles/.
STATIC_ROOT = BASE_DIR / "benchmarks" / "results" / "static"  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

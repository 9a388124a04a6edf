"""Settings for the benchmark and the load test: production settings plus the bare baseline view.

Production-like on purpose (``DEBUG`` off, the database cache, the default password hasher,
persistent connections); only what loopback HTTP needs is relaxed (no TLS redirect, cookies
without ``Secure``) and the public status-check limit is lifted so a timed loop is not
refused. The URLconf adds ``/bench/bare/`` (``benchmarks.urls``); production never loads it.
"""

import os
import secrets

os.environ.setdefault("DJANGO_DEBUG", "0")
# The load test passes one key to every gunicorn worker (sessions are signed with it).
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("REPORTS_STATUS_CHECK_LIMIT", "1000000000")
# An SMTP backend passes the production start-up check; no benchmarked page sends mail.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

from bawaslu_portal.settings import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_SSL_REDIRECT = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

"""Settings for the Bawaslu coordination portal.

Everything that differs between machines comes from the environment (see
``.env.example``). Production is the default: ``DJANGO_DEBUG`` is off unless
set, and the portal refuses to start without a real secret key then.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=False)

_INSECURE_KEY = "django-insecure-development-only-key"  # noqa: S105 - only ever used with DEBUG
# Without DEBUG the key must come from the environment; an empty key makes Django
# refuse every request, and wsgi.py/asgi.py refuse to start (see secret_key_problem).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _INSECURE_KEY if DEBUG else "")


def secret_key_problem(key: str, debug: bool) -> str | None:
    """Why ``key`` is unfit for production, or None. Used at start-up and by a deploy check."""
    if debug:
        return None
    if not key or key.startswith("django-insecure") or len(key) < 50 or len(set(key)) < 5:
        return (
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters "
            "when DJANGO_DEBUG is off."
        )
    return None


#: Mail backends that deliver nothing: in production they would print password-reset
#: links and the citizens' filing mails into the server log, or drop them.
UNDELIVERED_MAIL_BACKENDS = frozenset(
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "locmem", "dummy", "filebased")
)


def mail_backend_problem(backend: str, debug: bool) -> str | None:
    """Why ``backend`` is unfit for production, or None. Used at start-up and by a deploy check."""
    if debug or backend not in UNDELIVERED_MAIL_BACKENDS:
        return None
    return (
        "EMAIL_BACKEND must deliver mail when DJANGO_DEBUG is off (for example "
        "django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST): the "
        f"{backend.split('.')[-2]} backend would print password-reset links to the log."
    )


ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "axes",
    # The database backend of Django's tasks (TASKS below); its table holds queued mails.
    "django_tasks_db",
    "bawaslu_portal",
    "coordination",
    "reports",
    "office",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bawaslu_portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bawaslu_portal.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Axes last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bawaslu_portal.urls"
WSGI_APPLICATION = "bawaslu_portal.wsgi.application"

# No "loaders": Django then wraps the filesystem and app loaders in the cached loader (each
# template parsed once per process), with DEBUG on or off (measured for issue 10 §1).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bawaslu_portal.context_processors.portal",
            ],
        },
    },
]

_CONN_MAX_AGE = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=_CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
# A PostgreSQL streaming replica, when there is one: exports and the dashboard read
# from it (bawaslu_portal.dbrouters); everything else, and every write, uses "default".
_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if _REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        _REPLICA_URL, conn_max_age=_CONN_MAX_AGE, conn_health_checks=True
    )
    # The test runner must not create a second test database on the replica.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
#: The alias that reads_from_replica() sends reads to, or None to read from "default".
DATABASE_REPLICA = "replica" if _REPLICA_URL else None
DATABASE_ROUTERS = ["bawaslu_portal.dbrouters.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the public rate-limit counters, so every process must share it:
# a table in the main database (``manage.py createcachetable``), no extra service.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
    }
}

AUTH_USER_MODEL = "bawaslu_portal.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out clients before any password check.
    "axes.backends.AxesStandaloneBackend",
    "bawaslu_portal.backends.UsernameOrEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock a username+client pair after 5 failures for one hour, and a client address after
# 20 failures across all usernames (one address trying many accounts); both per hour.
# bawaslu_portal.lockout.PairAndAddressLockoutHandler applies the second limit. Security
# policy, not statute: no regulation sets these numbers.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_HANDLER = "bawaslu_portal.lockout.PairAndAddressLockoutHandler"
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# Reverse proxies in front of the portal whose X-Forwarded-For we trust (see clients.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Without trusted proxies X-Forwarded-For is whatever the client wrote: ignore it.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]
)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["bawaslu_portal.formats"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Uploads live outside static and are only served through permission-checked views.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}
MEDIA_ROOT = STORAGES["default"]["OPTIONS"]["location"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console by default so password resets work on a laptop; SMTP in production.
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
_mail_options = {}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS"),
        "timeout": 20,
    }
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH, "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Portal Bawaslu <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Browser features the portal never uses are switched off for every page.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Content Security Policy: no inline script or style anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "bawaslu_portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Plain-http requests are redirected to https. Behind a TLS proxy, Django knows a
    # request came over https only from X-Forwarded-Proto (DJANGO_BEHIND_PROXY=1);
    # gunicorn reached directly over http therefore answers every URL with a 301.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    # includeSubDomains covers the portal's own host name and the names below it.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    # Preloading commits a whole registrable domain to https in every browser, for
    # months and beyond the portal's control: the domain's owner opts in, not the portal.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    if env_bool("DJANGO_BEHIND_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_HSTS_PRELOAD:
        # security.W021 asks for preload; leaving it off is the decision above.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Reporter identities and personal data must never reach the logs; the portal's
# loggers write structured events only (who did what), never form contents.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# The portal's own settings.
PORTAL_NAME = os.environ.get("PORTAL_NAME", "Portal Koordinasi Bawaslu")
ADMIN_COUNT_LIMIT = 1000
# Small tables every list page reads, kept per process for a minute (bawaslu_portal.lookups).
PORTAL_LOOKUP_MODELS = frozenset(
    {"reports.Election", "reports.ViolationCategory", "coordination.Topic"}
)
# Registration numbers of reports (reports.services.workflow.registration_number_format):
# placeholders seq, kind (LP/TM), election, region, month, month_roman, year.
REPORT_NUMBER_FORMAT = os.environ.get(
    "REPORT_NUMBER_FORMAT", "{seq:03d}/Reg/{kind}/{election}/{region}/{month_roman}/{year}"
)
# Public rate limits per client address: (allowed, window in seconds). Filing counts
# accepted reports; the status check counts every lookup.
REPORTS_PUBLIC_FILING_LIMIT = (int(os.environ.get("REPORTS_PUBLIC_FILING_LIMIT", "5")), 60 * 60)
REPORTS_STATUS_CHECK_LIMIT = (int(os.environ.get("REPORTS_STATUS_CHECK_LIMIT", "20")), 60 * 60)
# Audit log (bawaslu_portal.models.AuditEvent): kept this many days, then removed by
# ``manage.py purge_audit_log`` (the daily timer). Policy, not statute: no law sets
# this period (docs/privacy.md). Two years covers an election cycle's disputes and a
# breach found late, which must then be notified (UU 27/2022 Pasal 46 ayat (1)).
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", str(2 * 365)))

# Background tasks (django.tasks): the reminder mails (office.tasks). "immediate" runs a
# task inside enqueue (no worker; the default); "database" queues it in the database for
# ``manage.py db_worker`` (django-tasks-db), for production: see docs/reminders.md.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND],
    }
}
# Where the portal is reached, for the links in mails sent outside a request (reminders).
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://localhost:8000")
# Reporter identities are anonymised this many days after their case closes
# (``manage.py anonymise_reporters``, daily; reports/privacy.py). Five years by default:
# an office's policy choice, long enough for appeals and audits of the case file.
REPORTER_RETENTION_DAYS = int(os.environ.get("REPORTER_RETENTION_DAYS", str(5 * 365)))

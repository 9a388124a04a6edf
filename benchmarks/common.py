"""What every benchmark command shares: Django set up on a benchmark database, and timing output."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bawaslu_bench"
#: Where ``make bench`` writes its JSON results and Markdown tables (not committed).
RESULTS_DIR = ROOT / "benchmarks" / "results"
#: The environment ``benchmarks.settings`` needs. ``bawaslu_portal.wsgi`` reads the portal's
#: settings module before ours (its start-up check), so gunicorn gets these in its environment.
BENCH_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    # The public status check is timed in a loop; its per-address limit would refuse it.
    "REPORTS_STATUS_CHECK_LIMIT": "1000000000",
    # An SMTP backend passes the production start-up check; no benchmarked page sends mail.
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def setup_django(database_url: str | None = None) -> str:
    """Point Django at the benchmark database (``BENCH_DATABASE_URL``) and set it up."""
    url = database_url or os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if not url.startswith("postgres"):
        sys.exit("The benchmark needs PostgreSQL (BENCH_DATABASE_URL=postgres://…).")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    return url


def bench_scale() -> float:
    """The scale factor S (``BENCH_SCALE``): 1.0 is the national data set of issue 10."""
    raw = os.environ.get("BENCH_SCALE", "1.0")
    try:
        scale = float(raw)
    except ValueError:
        sys.exit(f"BENCH_SCALE must be a number, not {raw!r}.")
    if not 0 < scale <= 10:
        sys.exit(f"BENCH_SCALE must lie in (0, 10], not {scale}.")
    return scale


class Progress:
    """Progress lines with the time since the start: ``[  12.3 s] reports: 200,000/1,000,000``."""

    def __init__(self):
        self.started = time.monotonic()

    def __call__(self, message: str) -> None:
        print(f"[{time.monotonic() - self.started:7.1f} s] {message}", flush=True)

"""National-scale benchmark: all 83,762 kelurahan loaded, then the heaviest pages timed.

Run with ``make bench`` (PostgreSQL at ``BENCH_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/bawaslu_bench``). It:

1. migrates the benchmark database and imports every region of Indonesia (timed),
2. seeds the demo data,
3. requests the admin and portal pages that touch the big region table as the
   superuser and as a city official, several times each, and prints the median
   time, the number of queries and whether any query counted without a bound.

Speed goals live here, not in unit tests: the target is every page under 300 ms
median and the whole-country import under 60 s on the 2-core CI machine.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.test_settings")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bawaslu_bench"
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bawaslu_portal.demo import seed_portal_demo  # noqa: E402
from bawaslu_portal.models import Region, User  # noqa: E402
from bawaslu_portal.services import regions_import  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET_MS = 300
UNBOUNDED_COUNT = re.compile(r"SELECT COUNT\(\*\)(?!.*LIMIT)", re.IGNORECASE | re.DOTALL)

PAGES = [
    ("admin", "/admin/bawaslu_portal/region/"),
    ("admin", "/admin/bawaslu_portal/region/?depth__exact=4"),
    ("admin", "/admin/bawaslu_portal/region/?kabkota=33.74"),
    ("admin", "/admin/bawaslu_portal/region/?q=sari"),
    ("admin", "/admin/bawaslu_portal/region/33.74.01.1001/change/"),
    ("admin", "/admin/bawaslu_portal/position/"),
    ("admin", "/admin/bawaslu_portal/agency/"),
    (
        "admin",
        "/admin/autocomplete/?app_label=bawaslu_portal&model_name=position&field_name=region&term=sari",
    ),
    ("admin", "/wilayah/"),
    ("semarang.staf", "/wilayah/33.74/"),
    ("semarang.staf", "/wilayah/33.74.01.1001/"),
    ("semarang.staf", "/lembaga/"),
]


def main() -> int:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    result = regions_import()
    import_seconds = time.monotonic() - started
    seed_portal_demo(password="bench-password")  # noqa: S106 - throwaway bench DB
    print(f"import_regions (whole country): {result.total:,} regions in {import_seconds:.1f} s")
    print(f"kelurahan/desa loaded: {Region.objects.filter(depth=4).count():,}")
    print()
    print(f"{'user':<14} {'median ms':>9} {'max ms':>7} {'queries':>7}  unbounded  url")
    failures = 0
    clients = {}
    for username, url in PAGES:
        client = clients.get(username)
        if client is None:
            client = clients[username] = Client()
            client.force_login(User.objects.get(username=username))
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                print(f"  {url}: HTTP {response.status_code}")
                failures += 1
                break
        unbounded = [
            q["sql"] for q in captured.captured_queries if UNBOUNDED_COUNT.search(q["sql"])
        ]
        median = statistics.median(timings)
        slow = median > TARGET_MS
        failures += bool(unbounded) + slow
        queries = len(captured.captured_queries)
        print(
            f"{username:<14} {median:>9.1f} {max(timings):>7.1f} {queries:>7}"
            f"  {'YES' if unbounded else 'no':<9}  {url}{'  (slow)' if slow else ''}"
        )
    print()
    print("OK" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

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
#: Reports generated for the case-list pages (a national deployment holds about a million).
REPORTS = int(os.environ.get("BENCH_REPORTS", "200000"))
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
    ("semarang.staf", "/laporan/"),
    ("semarang.staf", "/laporan/?late=on"),
    ("semarang.staf", "/laporan/?stage=kajian_awal&due_soon=on"),
    ("semarang.staf", "/laporan/?kecamatan=33.74.01"),
    ("semarang.staf", "REPORT_DETAIL"),
    ("jateng.staf", "/laporan/"),
    ("admin", "/laporan/"),
    ("admin", "/laporan/?category=CATEGORY"),
    ("semarang.staf", "/tindak-lanjut/"),
    ("semarang.staf", "/rapat/"),
]


def generate_reports(total: int) -> int:
    """Bulk-insert ``total`` reports spread over every kelurahan of the seed cities.

    Stages, deadlines, categories and dates vary so the filters have work to
    do. Written with ``bulk_create`` (no services): this is load, not behaviour.
    """
    import datetime
    import random

    from bawaslu_portal.models import Agency, AgencyKind
    from reports.models import Election, Report, ReportStage, ViolationCategory

    existing = Report.objects.count()
    if existing >= total:
        return existing
    rng = random.Random(7)  # noqa: S311 - reproducible load, not security
    kelurahan = list(
        Region.objects.filter(
            depth=4, parent__parent_id__in=["33.74", "64.71", "36.73", "19.71"]
        ).values_list("code", flat=True)
    )
    offices = {
        agency.region_id: agency.pk
        for agency in Agency.objects.filter(kind=AgencyKind.BAWASLU_KABKOTA)
    }
    elections = list(Election.objects.values_list("pk", flat=True))
    categories = list(ViolationCategory.objects.values_list("pk", flat=True))
    stages = list(ReportStage.values)
    now = datetime.datetime(2024, 11, 1, 3, tzinfo=datetime.UTC)
    through = Report.categories.through
    batch = 5000
    made = existing
    while made < total:
        rows = []
        for i in range(min(batch, total - made)):
            code = rng.choice(kelurahan)
            received = now - datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 400))
            rows.append(
                Report(
                    office_id=offices[code[:5]],
                    region_id=code,
                    incident_kelurahan_id=code,
                    source="laporan",
                    election_id=rng.choice(elections),
                    tracking_code=f"B{made + i:09d}",
                    stage=rng.choice(stages),
                    stage_changed_at=received,
                    deadline=received.date() + datetime.timedelta(days=rng.randrange(0, 30)),
                    received_at=received,
                    incident_date=received.date() - datetime.timedelta(days=3),
                    known_date=received.date() - datetime.timedelta(days=1),
                    incident_place="Kantor kelurahan",
                    description="Beban uji: ASN membagikan unggahan kampanye.",
                    reported_name=f"Terlapor {made + i}",
                    filed_late=rng.random() < 0.05,
                )
            )
        created = Report.objects.bulk_create(rows, batch_size=batch)
        through.objects.bulk_create(
            [through(report_id=r.pk, violationcategory_id=rng.choice(categories)) for r in created],
            batch_size=batch,
        )
        made += len(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    return made


def main() -> int:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.monotonic()
    result = regions_import()
    import_seconds = time.monotonic() - started
    seed_portal_demo(password="bench-password")  # noqa: S106 - throwaway bench DB
    print(f"import_regions (whole country): {result.total:,} regions in {import_seconds:.1f} s")
    started = time.monotonic()
    report_count = generate_reports(REPORTS)
    print(f"reports generated: {report_count:,} in {time.monotonic() - started:.1f} s")
    print(f"kelurahan/desa loaded: {Region.objects.filter(depth=4).count():,}")
    print()
    print(f"{'user':<14} {'median ms':>9} {'max ms':>7} {'queries':>7}  unbounded  url")
    failures = 0
    clients = {}
    from reports.models import Report, ViolationCategory

    sample_report = Report.objects.filter(region__code__startswith="33.74.").order_by("pk").first()
    category = ViolationCategory.objects.order_by("pk").first()
    for username, url in PAGES:
        url = url.replace("REPORT_DETAIL", f"/laporan/{sample_report.pk}/")
        url = url.replace("CATEGORY", str(category.pk))
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

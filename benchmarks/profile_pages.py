"""Where a page's worker time goes: CPU ms per request and a cProfile of one page.

A quick tool for performance work (issue 10 §1), not the benchmark (``make bench``): it logs in
with the test client against a PostgreSQL database, requests the official workload's pages and
prints, for each, the median worker CPU time (``time.process_time()``, this process only: the
database's own CPU is not in it), the median wall time and the query count.

Setup, once (the database is ``PROFILE_DATABASE_URL``, default ``bawaslu_prof`` on localhost)::

    createdb -h 127.0.0.1 -U postgres bawaslu_prof
    export DJANGO_SETTINGS_MODULE=bawaslu_portal.test_settings \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/bawaslu_prof
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py createcachetable
    .venv/bin/python manage.py import_regions 33.74 64.71 36.73 19.71
    .venv/bin/python manage.py seed_demo --allow-demo-logins

Then::

    .venv/bin/python benchmarks/profile_pages.py --reports 50000 --meetings 20000 --follow-ups 30000
    .venv/bin/python benchmarks/profile_pages.py                    # time the pages again
    .venv/bin/python benchmarks/profile_pages.py --profile /laporan/ # the top 40 functions
    .venv/bin/python benchmarks/profile_pages.py --download /laporan/ekspor.xlsx

``--reports``, ``--meetings`` and ``--follow-ups`` top the tables up to that many rows with
``bulk_create`` (deterministic for a seed; load, not behaviour). Meetings are spread over the
seed cities' kelurahan and five years, a third of them public, 1,000 of them ahead whatever
the total (the agenda ahead does not grow with the history).
"""

import argparse
import cProfile
import datetime
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.test_settings")
os.environ["DATABASE_URL"] = os.environ.get(
    "PROFILE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bawaslu_prof"
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bawaslu_portal.models import Agency, AgencyKind, Region, User  # noqa: E402

SEED_CITIES = ["33.74", "64.71", "36.73", "19.71"]
USERNAME = "semarang.staf"
PAGES = ["/", "/rapat/", "/laporan/", "CASE", "/tindak-lanjut/", "/agenda/"]
BATCH = 5000
#: Generated meetings ahead of now, whatever the total (a third of them public).
UPCOMING_MEETINGS = 1000


def _kelurahan() -> list[str]:
    return list(
        Region.objects.filter(depth=4, parent__parent_id__in=SEED_CITIES).values_list(
            "code", flat=True
        )
    )


def _offices() -> dict[str, int]:
    return {
        agency.region_id: agency.pk
        for agency in Agency.objects.filter(kind=AgencyKind.BAWASLU_KABKOTA)
    }


def _top_up(model, total: int, rng: random.Random, label: str, make_row, after_batch=None) -> int:
    """Bulk-create rows of ``model`` in batches until it has ``total``; returns how many it has.

    ``make_row(index, code)`` makes the row numbered ``index`` in the seed kelurahan ``code``
    (drawn from ``rng`` before the row); ``after_batch(created)`` runs after each batch.
    """
    made = model.objects.count()
    kelurahan = _kelurahan()
    while made < total:
        rows = [make_row(made + i, rng.choice(kelurahan)) for i in range(min(BATCH, total - made))]
        created = model.objects.bulk_create(rows)
        if after_batch:
            after_batch(created)
        made += len(rows)
        print(f"  {label}: {made:,}", flush=True)
    return made


def top_up_reports(total: int, rng: random.Random) -> int:
    from reports.models import Election, Report, ReportStage, ViolationCategory

    offices = _offices()
    elections = list(Election.objects.values_list("pk", flat=True))
    categories = list(ViolationCategory.objects.values_list("pk", flat=True))
    stages = list(ReportStage.values)
    now = datetime.datetime(2026, 11, 1, 3, tzinfo=datetime.UTC)
    through = Report.categories.through

    def report(index: int, code: str) -> Report:
        received = now - datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 400))
        return Report(
            office_id=offices[code[:5]],
            region_id=code,
            incident_kelurahan_id=code,
            source="laporan",
            election_id=rng.choice(elections),
            tracking_code=f"P{index:09d}",
            stage=rng.choice(stages),
            stage_changed_at=received,
            deadline=received.date() + datetime.timedelta(days=rng.randrange(0, 30)),
            received_at=received,
            incident_date=received.date() - datetime.timedelta(days=3),
            known_date=received.date() - datetime.timedelta(days=1),
            incident_place="Kantor kelurahan",
            description="Beban uji: ASN membagikan unggahan kampanye.",
            reported_name=f"Terlapor {index}",
            filed_late=rng.random() < 0.05,
        )

    def categorise(created: list[Report]) -> None:
        through.objects.bulk_create(
            [through(report_id=r.pk, violationcategory_id=rng.choice(categories)) for r in created]
        )

    return _top_up(Report, total, rng, "reports", report, categorise)


def top_up_meetings(total: int, rng: random.Random) -> int:
    from coordination.models import Meeting, MeetingKind, MeetingStatus

    offices = _offices()
    now = datetime.datetime.now(tz=datetime.UTC)

    def meeting(index: int, code: str) -> Meeting:
        # The first UPCOMING_MEETINGS rows lie in the next 30 days, every later one in the
        # past five years: a longer history, the same agenda ahead.
        if index < UPCOMING_MEETINGS:
            starts = now + datetime.timedelta(hours=rng.randrange(1, 24 * 30))
        else:
            starts = now - datetime.timedelta(hours=rng.randrange(1, 24 * 365 * 5))
        return Meeting(
            kind=rng.choice(MeetingKind.values),
            title=f"Rakor beban uji {index}",
            starts_at=starts,
            ends_at=None if rng.random() < 0.3 else starts + datetime.timedelta(hours=3),
            region_id=code,
            host_agency_id=offices[code[:5]],
            status=rng.choice(MeetingStatus.values),
            is_public=rng.random() < 0.33,
        )

    return _top_up(Meeting, total, rng, "meetings", meeting)


def top_up_follow_ups(total: int, rng: random.Random) -> int:
    from coordination.models import FollowUp, FollowUpStatus

    offices = _offices()
    today = datetime.datetime.now(tz=datetime.UTC).date()

    def follow_up(index: int, code: str) -> FollowUp:
        return FollowUp(
            title=f"Tindak lanjut beban uji {index}",
            responsible_agency_id=offices[code[:5]],
            due_date=today - datetime.timedelta(days=rng.randrange(-60, 900)),
            status=rng.choice(FollowUpStatus.values),
            region_id=code,
        )

    return _top_up(FollowUp, total, rng, "follow-ups", follow_up)


def _url(page: str) -> str:
    if page != "CASE":
        return page
    from reports.models import Report

    report = Report.objects.filter(region__code__startswith="33.74.").order_by("pk").first()
    return f"/laporan/{report.pk}/"


def measure(client: Client, url: str, runs: int) -> tuple[float, float, float, int, int]:
    """Median CPU ms, wall ms and database ms, queries, status of ``runs`` requests.

    One warm-up request first. Database ms is the time the queries took as the client saw it
    (``CaptureQueriesContext``): the round trips and PostgreSQL's work.
    """
    client.get(url)
    cpu, wall, database = [], [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            response = client.get(url)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        database.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
    return (
        statistics.median(cpu),
        statistics.median(wall),
        statistics.median(database),
        len(captured.captured_queries),
        response.status_code,
    )


def measure_download(client: Client, url: str) -> None:
    """Time to the first byte and to the last of a streamed download, with its size."""
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    response = client.get(url)
    chunks = iter(response.streaming_content)
    size = len(next(chunks))
    first = time.perf_counter() - started_wall
    size += sum(len(chunk) for chunk in chunks)
    print(
        f"{url}: first byte after {first * 1000:.0f} ms, last after "
        f"{(time.perf_counter() - started_wall) * 1000:.0f} ms, "
        f"{(time.process_time() - started_cpu) * 1000:.0f} ms CPU, {size / 1e6:.1f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=0)
    parser.add_argument("--meetings", type=int, default=0)
    parser.add_argument("--follow-ups", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--user", default=USERNAME)
    parser.add_argument("--profile", metavar="URL", help="cProfile this page (CASE: a case)")
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--download", metavar="URL", help="time a download, e.g. an export")
    args = parser.parse_args()

    rng = random.Random(args.seed)  # noqa: S311 - reproducible load, not security
    grown = False
    if args.reports:
        grown |= top_up_reports(args.reports, rng) > 0
    if args.meetings:
        grown |= top_up_meetings(args.meetings, rng) > 0
    if args.follow_ups:
        grown |= top_up_follow_ups(args.follow_ups, rng) > 0
    if grown and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    client.force_login(User.objects.get(username=args.user))

    if args.download:
        measure_download(client, args.download)
        return 0

    if args.profile:
        url = _url(args.profile)
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.runs):
            client.get(url)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
        stats.print_stats(40)
        return 0

    print(f"{'page':<26} {'CPU ms':>7} {'wall ms':>8} {'DB ms':>6} {'queries':>7} status")
    for page in args.pages:
        url = _url(page)
        cpu, wall, database, queries, status = measure(client, url, args.runs)
        print(f"{url:<26} {cpu:>7.1f} {wall:>8.1f} {database:>6.1f} {queries:>7} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

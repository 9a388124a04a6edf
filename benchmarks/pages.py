"""Page timing: every official page against the bare baseline view, interleaved in one run.

Each page is requested through Django's test client (the whole middleware stack, the
production settings of ``benchmarks.settings``) as a demo login: once to warm up, once with
the SQL captured (the query count, and the check for a ``COUNT`` over a big table without a
bound), then ``BENCH_RUNS`` timed times. Before every timed request of a page the bare view
(``/bench/bare/``: same middleware, no database, no template) is timed too, so both see the
same machine load; a page's ratio is its median over the baseline's median.
"""

import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.generate import OFFSET
from benchmarks.report import percentile
from benchmarks.urls import BARE_URL

#: Tables that grow with use: a ``COUNT`` over one of them needs a ``LIMIT`` bound. Not the
#: regions: a fixed 91,599 rows, and the pages count one parent's children (a city's
#: kecamatan), which the geography bounds.
BIG_TABLES = (
    "reports_report",
    "reports_reporthistory",
    "reports_report_categories",
    "coordination_meeting",
    "coordination_meetingattendee",
    "coordination_followup",
    "bawaslu_portal_position",
    "bawaslu_portal_person",
)
COUNT_RE = re.compile(r"\bCOUNT\s*\(", re.IGNORECASE)
FROM_BIG_RE = re.compile(
    r'\b(?:FROM|JOIN)\s+"?(' + "|".join(BIG_TABLES) + r')"?(?=[\s,)]|$)', re.IGNORECASE
)


#: Per-row counts of the rows that share a key with the row, where the key's groups are small
#: by nature: (table, column) → why. Such a correlated subquery counts one group, not a table.
BOUNDED_KEYS = {
    ("reports_report", "group_id"): "a report's linked reports: one incident's few reports",
}
CORRELATED_COUNT_RE = re.compile(
    r'\(SELECT COUNT\("U\d+"\."\w+"\) AS "\w+" FROM "(?P<table>\w+)" "U\d+" '
    r'WHERE "U\d+"\."(?P<column>\w+)" = \("(?P=table)"\."(?P=column)"\)'
    r'(?: GROUP BY "U\d+"\."(?P=column)")?\)'
)


def _without_group_counts(sql: str) -> str:
    """The statement with its per-row counts over :data:`BOUNDED_KEYS` taken out."""

    def strip(match):
        key = (match["table"], match["column"])
        return "(NULL)" if key in BOUNDED_KEYS else match[0]

    return CORRELATED_COUNT_RE.sub(strip, sql)


def unbounded_counts(sql_list: list[str]) -> list[str]:
    """The statements that count rows of a big table without a bound.

    Bounded means every count of the statement reads a limited subquery, ``COUNT(*) FROM
    (SELECT … LIMIT 1001) subquery`` (:func:`_count_is_capped`). A bare ``SELECT COUNT(*)
    FROM reports_report WHERE …`` fails, and so does a ``GROUP BY`` tally even with a
    ``LIMIT`` after it: that limits the groups shown, not the rows counted. A per-row count
    of a small group (:data:`BOUNDED_KEYS`, such as a report's linked reports) is not a
    table count.
    """
    found = []
    for sql in sql_list:
        rest = _without_group_counts(sql)
        if not (COUNT_RE.search(rest) and FROM_BIG_RE.search(rest)):
            continue
        if all(_count_is_capped(rest, match.start()) for match in COUNT_RE.finditer(rest)):
            continue
        found.append(sql)
    return found


#: ``COUNT(*)``, perhaps with sums beside it (``bounded_grouped_sums``), over a subquery.
CAPPED_COUNT_START_RE = re.compile(r"COUNT\(\*\)(?:, SUM\([\w.]+\))* FROM \(SELECT ", re.IGNORECASE)


def _count_is_capped(sql: str, start: int) -> bool:
    """The ``COUNT(`` at ``start`` counts a limited subquery: ``COUNT(*) FROM (SELECT … LIMIT n)``.

    That is the capped count of ``bawaslu_portal.pagination`` and the ``GROUP BY`` over a
    limited subquery of ``bawaslu_portal.counting``: each reads at most n rows.
    """
    match = CAPPED_COUNT_START_RE.match(sql, start)
    if not match:
        return False
    opening = match.end() - len("SELECT ") - 1
    depth = 0
    for index in range(opening, len(sql)):
        if sql[index] == "(":
            depth += 1
        elif sql[index] == ")":
            depth -= 1
            if depth == 0:
                return re.search(r"\bLIMIT \d+\s*$", sql[opening + 1 : index]) is not None
    return False


def is_empty_list(content: bytes) -> bool:
    """A list page (``list_page.html``) showing its empty state instead of a table.

    An empty list may run fewer queries than a full one (nothing to prefetch), so query
    counts are only compared between sizes where the list has rows at both.
    """
    return b'data-testid="list-actions"' in content and b"<tbody" not in content


@dataclass
class Page:
    key: str
    label: str
    user: str
    url: str
    data: dict | None = None  # POST body (the public status check)


@dataclass
class PageResult:
    key: str
    label: str
    user: str
    url: str
    status: int
    queries: int
    unbounded: list[str]
    empty_list: bool
    timings_ms: list[float] = field(default_factory=list)
    baseline_ms: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.timings_ms) if self.timings_ms else float("nan")

    @property
    def p95(self) -> float:
        return percentile(self.timings_ms, 95)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline_ms) if self.baseline_ms else float("nan")

    @property
    def ratio(self) -> float:
        return self.median / self.baseline_median

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(median=self.median, p95=self.p95, ratio=self.ratio)
        return data


def official_pages() -> list[Page]:
    """The pages issue 10 names, the heavy pages the old bench timed, and the public result."""
    from bawaslu_portal.models import Region
    from coordination.models import FollowUp, Meeting
    from reports.models import Report, ViolationCategory

    def first_in(model, city: str):
        # The first generated row of the city: the same row at every scale, since row i of a
        # table does not depend on the scale. A demo row when nothing was generated there.
        rows = model.objects.filter(region__code__startswith=f"{city}.").order_by("pk")
        generated = rows.filter(pk__gte=OFFSET).values_list("pk", flat=True).first()
        return generated or rows.values_list("pk", flat=True).first()

    case = first_in(Report, "33.74")
    tracking = Report.objects.filter(pk=case).values_list("tracking_code", flat=True).first()
    meeting = first_in(Meeting, "33.74")
    follow_up = first_in(FollowUp, "33.74")
    category = ViolationCategory.objects.order_by("pk").values_list("pk", flat=True).first()
    kelurahan = (
        Region.objects.filter(depth=4, code__startswith="33.74.01.")
        .order_by("code")
        .values_list("code", flat=True)
        .first()
    )
    city = "semarang.staf"
    pages = [
        Page("home", "home (dashboard)", city, "/"),
        Page("meetings", "meetings", city, "/rapat/"),
        Page("reports", "reports", city, "/laporan/"),
        Page("case", "a case", city, f"/laporan/{case}/"),
        Page("follow_ups", "follow-ups", city, "/tindak-lanjut/"),
        Page("agenda", "public agenda", city, "/agenda/"),
        Page("status", "public status check (result)", city, "/cek-laporan/", {"code": tracking}),
        Page("meeting", "a meeting", city, f"/rapat/{meeting}/"),
        Page("follow_up", "a follow-up", city, f"/tindak-lanjut/{follow_up}/"),
        Page("my_tasks", "my tasks (partner)", "semarang.pemkot", "/tugas-saya/"),
        Page("reports_late", "reports, late", city, "/laporan/?late=on"),
        Page(
            "reports_due",
            "reports, kajian awal due soon",
            city,
            "/laporan/?stage=kajian_awal&due_soon=on",
        ),
        Page("reports_kec", "reports, one kecamatan", city, "/laporan/?kecamatan=33.74.01"),
        Page("reports_prov", "reports (province)", "jateng.staf", "/laporan/"),
        Page("reports_nat", "reports (nationwide)", "admin", "/laporan/"),
        Page(
            "reports_cat",
            "reports by category (nationwide)",
            "admin",
            f"/laporan/?category={category}",
        ),
        Page("meetings_nat", "meetings (nationwide)", "admin", "/rapat/"),
        Page("follow_ups_nat", "follow-ups (nationwide)", "admin", "/tindak-lanjut/"),
        Page("home_prov", "home (province)", "jateng.staf", "/"),
        Page("home_nat", "home (nationwide)", "admin", "/"),
        Page("city", "city page", city, "/wilayah/33.74/"),
        Page("kelurahan", "kelurahan page with roster", city, f"/wilayah/{kelurahan}/"),
        Page("agencies", "agencies", city, "/lembaga/"),
        Page("admin_regions", "admin: regions", "admin", "/admin/bawaslu_portal/region/"),
        Page(
            "admin_kelurahan",
            "admin: regions, kelurahan only",
            "admin",
            "/admin/bawaslu_portal/region/?depth__exact=4",
        ),
        Page(
            "admin_search",
            "admin: regions, search",
            "admin",
            "/admin/bawaslu_portal/region/?q=sari",
        ),
        Page(
            "admin_roster",
            "admin: kelurahan with roster",
            "admin",
            f"/admin/bawaslu_portal/region/{kelurahan}/change/",
        ),
        Page("admin_positions", "admin: positions", "admin", "/admin/bawaslu_portal/position/"),
    ]
    return pages


def run_pages(pages: list[Page], *, runs: int, progress=print) -> list[PageResult]:
    """Time every page and the baseline interleaved; returns one result per page."""
    from bawaslu_portal.models import User

    clients: dict[str, Client] = {}

    def client_for(username: str) -> Client:
        if username not in clients:
            client = clients[username] = Client()
            client.force_login(User.objects.get(username=username))
        return clients[username]

    def fetch(client: Client, page: Page):
        if page.data is not None:
            return client.post(page.url, page.data)
        return client.get(page.url)

    results = []
    for page in pages:
        client = client_for(page.user)
        fetch(client, page)
        client.get(BARE_URL)
        with CaptureQueriesContext(connection) as captured:
            response = fetch(client, page)
        sql = [query["sql"] for query in captured.captured_queries]
        with CaptureQueriesContext(connection) as bare_captured:
            client.get(BARE_URL)
        if bare_captured.captured_queries:
            raise RuntimeError(f"the baseline ran {len(bare_captured)} queries; it must run none")
        result = PageResult(
            key=page.key,
            label=page.label,
            user=page.user,
            url=page.url,
            status=response.status_code,
            queries=len(sql),
            unbounded=unbounded_counts(sql),
            empty_list=is_empty_list(response.content),
        )
        results.append(result)
        if response.status_code != 200:
            progress(f"  {page.url} as {page.user}: HTTP {response.status_code}")
            continue
        for _ in range(runs):
            started = time.perf_counter()
            client.get(BARE_URL)
            result.baseline_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            fetch(client, page)
            result.timings_ms.append((time.perf_counter() - started) * 1000)
        progress(
            f"  {page.label:<34} {result.median:7.1f} ms  p95 {result.p95:7.1f}  "
            f"{result.queries:3} queries  ×{result.ratio:5.1f}"
            + ("  UNBOUNDED COUNT" if result.unbounded else "")
        )
    return results


def save(results: list[PageResult], path, **meta) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"meta": meta, "pages": [r.as_dict() for r in results]}, indent=1) + "\n"
    )

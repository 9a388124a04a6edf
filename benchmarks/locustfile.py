"""Locust users for ``make loadtest`` (started by ``benchmarks.loadtest``, not by hand).

``LOADTEST_SESSIONS`` names a JSON file written by the driver: the session cookies of demo
logins of several cities (logged in through the login form, with its CSRF token) and, per
login, cases of its city. ``LOADTEST_TARGET`` picks the workload: ``official`` (the mixed
official workload of issue 10: ``/``, ``/rapat/``, ``/laporan/``, a case, ``/tindak-lanjut/``,
``/agenda/``, equally often; ``LOADTEST_PAGES`` may name a subset) or ``bare`` (the baseline
view). No wait between requests: every user keeps one request in flight, so the concurrency
is the number of users.
At the end the merged statistics of the workload go to ``LOADTEST_RESULT`` as JSON.
"""

import itertools
import json
import os
import random

from locust import HttpUser, events, task
from locust.stats import StatsEntry

SESSIONS = json.loads(open(os.environ["LOADTEST_SESSIONS"]).read())  # noqa: SIM115
TARGET = os.environ.get("LOADTEST_TARGET", "official")
_next_session = itertools.cycle(SESSIONS)
#: The official mix of issue 10, each page equally often; LOADTEST_PAGES may name a subset
#: (space-separated, as below) to see what one page costs the rest.
OFFICIAL = ["/", "/rapat/", "/laporan/", "/laporan/<id>/", "/tindak-lanjut/", "/agenda/"]
MIX = os.environ.get("LOADTEST_PAGES", "").split() or OFFICIAL
if set(MIX) - set(OFFICIAL):
    raise SystemExit(f"LOADTEST_PAGES: unknown {sorted(set(MIX) - set(OFFICIAL))}")


class PortalUser(HttpUser):
    wait_time = staticmethod(lambda: 0)

    def on_start(self):
        session = next(_next_session)
        self.cases = session["cases"]
        self.rng = random.Random(session["username"])  # noqa: S311 - load, not security
        for name, value in session["cookies"].items():
            self.client.cookies.set(name, value)

    def get(self, url: str, name: str):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")

    @task
    def work(self):
        if TARGET == "bare":
            self.get("/bench/bare/", "/bench/bare/")
            return
        page = self.rng.choice(MIX)
        if page == "/laporan/<id>/":
            self.get(f"/laporan/{self.rng.choice(self.cases)}/", page)
        else:
            self.get(page, page)


@events.quitting.add_listener
def write_result(environment, **kwargs):
    stats = environment.stats
    total = StatsEntry(stats, "total", "")
    for entry in stats.entries.values():
        total.extend(entry)
    duration = max(total.last_request_timestamp - total.start_time, 1e-9)
    result = {
        "target": TARGET,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "duration_s": duration,
        "rps": total.num_requests / duration,
        "p50": total.get_response_time_percentile(0.50),
        "p95": total.get_response_time_percentile(0.95),
        "p99": total.get_response_time_percentile(0.99),
        "pages": {
            name: {
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "p50": entry.get_response_time_percentile(0.50),
                "p95": entry.get_response_time_percentile(0.95),
                "p99": entry.get_response_time_percentile(0.99),
            }
            for (name, _method), entry in stats.entries.items()
        },
        "errors": [
            {"name": e.name, "error": str(e.error), "count": e.occurrences}
            for e in stats.errors.values()
        ],
    }
    with open(os.environ["LOADTEST_RESULT"], "w") as out:
        json.dump(result, out, indent=1)

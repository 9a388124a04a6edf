"""``make loadtest``: gunicorn in front of PostgreSQL on loopback, driven by locust.

1. Starts gunicorn (``benchmarks.settings``: production settings, ``DEBUG`` off) on
   ``127.0.0.1:LOADTEST_PORT`` with ``LOADTEST_WORKERS`` workers of ``LOADTEST_WORKER_CLASS``
   (``LOADTEST_THREADS`` threads each for ``gthread``), against ``BENCH_DATABASE_URL``.
2. Logs in the demo staff of several cities through the login form (GET the form, POST it
   with its CSRF token), and warms every worker up.
3. Runs locust headless twice in the same run, each bounded by time: the mixed official
   workload for ``LOADTEST_RUN_TIME`` seconds, then the bare baseline view for
   ``LOADTEST_BARE_TIME`` seconds, each with ``LOADTEST_USERS`` concurrent users.
4. Reads the CPU time of the gunicorn workers and of the database's PostgreSQL backends from
   ``/proc`` every 0.2 s during each phase (:class:`CpuMeter`) and divides what they spent by
   the requests served.

Prints a Markdown summary (req/s, p50/p95/p99, errors, CPU per request) and writes it with
the raw JSON to ``benchmarks/results/``.
"""

import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.common import BENCH_ENV, RESULTS_DIR, ROOT, Progress

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
#: Demo staff of several cities (and a province) whose sessions the users share out.
LOGINS = [
    ("semarang.staf", "33.74"),
    ("balikpapan.staf", "64.71"),
    ("serang.staf", "36.73"),
    ("pangkalpinang.staf", "19.71"),
    ("semarang.ketua", "33.74"),
    ("jateng.staf", "33.74"),
]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / CLOCK_TICKS, sum(values) / CLOCK_TICKS


class CpuMeter:
    """CPU seconds of gunicorn's workers and of the database's backends over one phase.

    Backends come and go during a run (a persistent connection is closed after
    ``CONN_MAX_AGE``, PostgreSQL starts parallel workers for some queries), so a thread reads
    every process's CPU time every :data:`INTERVAL` seconds and keeps the last value seen: a
    process that ends loses at most its last interval. A process first seen during the phase
    counts from zero.
    """

    INTERVAL = 0.2

    def __init__(self, master: int, database_url: str):
        self.master = master
        self.database_url = database_url

    def _backends(self, conn) -> list[int]:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
        return [pid for (pid,) in rows]

    def _read(self, conn) -> None:
        for pid in children(self.master):
            self.last["workers"][pid] = cpu_seconds(pid) or self.last["workers"].get(pid, 0.0)
        for pid in self._backends(conn):
            self.last["postgres"][pid] = cpu_seconds(pid) or self.last["postgres"].get(pid, 0.0)

    def _track(self) -> None:
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as conn:
            self._read(conn)
            self.before = {kind: dict(values) for kind, values in self.last.items()}
            self.started.set()
            while not self.stopping.wait(self.INTERVAL):
                self._read(conn)
            self._read(conn)

    def __enter__(self):
        import threading

        self.last = {"workers": {}, "postgres": {}}
        self.started, self.stopping = threading.Event(), threading.Event()
        self.machine_before = machine_busy()[0]
        self.thread = threading.Thread(target=self._track, daemon=True)
        self.thread.start()
        self.started.wait(30)
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join(30)
        self.machine_busy = machine_busy()[0] - self.machine_before

    def spent(self, kind: str) -> float:
        before = self.before[kind]
        return sum(cpu - before.get(pid, 0.0) for pid, cpu in self.last[kind].items())


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def log_in(base: str, username: str, password: str) -> dict:
    """Log in through the form like a browser: GET it, POST it with the CSRF token."""
    import requests

    session = requests.Session()
    form = session.get(f"{base}/masuk/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    if not token:
        raise RuntimeError("the login form has no CSRF token")
    response = session.post(
        f"{base}/masuk/",
        data={
            "csrfmiddlewaretoken": token.group(1),
            "username": username,
            "password": password,
        },
        headers={"Referer": f"{base}/masuk/"},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise RuntimeError(f"{username} could not log in (HTTP {response.status_code})")
    return session.cookies.get_dict()


def cases_by_city(database_url: str) -> dict[str, list[int]]:
    import psycopg

    with psycopg.connect(database_url) as conn:
        found = {}
        for _, city in LOGINS:
            rows = conn.execute(
                "SELECT id FROM reports_report WHERE region_id LIKE %s ORDER BY id DESC LIMIT 200",
                [f"{city}.%"],
            ).fetchall()
            found[city] = [pk for (pk,) in rows]
        return found


def run_locust(phase: str, *, host: str, sessions: Path, users: int, seconds: int) -> dict:
    result = Path(tempfile.mkstemp(prefix=f"loadtest-{phase}-", suffix=".json")[1])
    env = dict(
        os.environ,
        LOADTEST_SESSIONS=str(sessions),
        LOADTEST_TARGET=phase,
        LOADTEST_RESULT=str(result),
    )
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(ROOT / "benchmarks" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        host,
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    # locust's own summary is long; it is shown only when the run left no result.
    run = subprocess.run(command, env=env, check=False, capture_output=True, text=True)  # noqa: S603
    if not result.stat().st_size:
        print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
        raise RuntimeError(f"locust ({phase}) wrote no result")
    data = json.loads(result.read_text())
    result.unlink()
    return data


def summary_markdown(settings: dict, phases: dict) -> str:
    lines = [
        "| workload | requests | req/s | p50 ms | p95 ms | p99 ms | errors | worker CPU ms/req "
        "| PostgreSQL CPU ms/req | machine busy ms/req | CPU ceiling req/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cores = os.cpu_count() or 1
    for phase, data in phases.items():
        # What the machine's cores could serve if the portal had them to itself: cores over
        # the worker + PostgreSQL CPU time one request costs (locust's own share left out).
        cost = data["worker_cpu_ms"] + data["postgres_cpu_ms"]
        ceiling = f"{cores * 1000 / cost:.0f}" if cost else "–"
        lines.append(
            f"| {phase} | {data['requests']:,} | {data['rps']:.1f} | {data['p50']:.0f} | "
            f"{data['p95']:.0f} | {data['p99']:.0f} | {data['failures']} | "
            f"{data['worker_cpu_ms']:.1f} | {data['postgres_cpu_ms']:.1f} | "
            f"{data['machine_busy_ms']:.1f} | {ceiling} |"
        )
    official = phases.get("official")
    if official:
        lines += ["", "| official page | requests | p50 ms | p95 ms | p99 ms | errors |"]
        lines.append("|---|---:|---:|---:|---:|---:|")
        for name, page in sorted(official["pages"].items()):
            lines.append(
                f"| `{name}` | {page['requests']:,} | {page['p50']:.0f} | {page['p95']:.0f} | "
                f"{page['p99']:.0f} | {page['failures']} |"
            )
        for error in official["errors"]:
            lines.append(f"\nError: {error['count']} × {error['name']}: {error['error']}")
    settings_line = ", ".join(f"{key} {value}" for key, value in settings.items())
    return "Settings: " + settings_line + "\n\n" + "\n".join(lines) + "\n"


def main() -> int:
    from benchmarks.common import DEFAULT_DATABASE

    progress = Progress()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    port = int(os.environ.get("LOADTEST_PORT", "8765"))
    workers = int(os.environ.get("LOADTEST_WORKERS", "3"))
    worker_class = os.environ.get("LOADTEST_WORKER_CLASS", "sync")
    threads = int(os.environ.get("LOADTEST_THREADS", "1"))
    users = int(os.environ.get("LOADTEST_USERS", "16"))
    run_time = int(os.environ.get("LOADTEST_RUN_TIME", "60"))
    bare_time = int(os.environ.get("LOADTEST_BARE_TIME", "20"))
    password = os.environ.get("BENCH_PASSWORD", "bench-password")
    host = f"http://127.0.0.1:{port}"

    import psycopg

    try:
        cases = cases_by_city(database_url)
    except psycopg.Error as error:
        sys.exit(f"No benchmark database at {database_url} ({error}): run `make bench` first.")
    if not any(cases.values()):
        sys.exit("No reports in the benchmark database: run `make bench` first.")
    env = dict(
        os.environ,
        **BENCH_ENV,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
    )
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "bawaslu_portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--threads",
        str(threads),
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    gunicorn = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603
    try:
        wait_for(f"{host}/bench/bare/")
        progress(f"gunicorn up: {workers} × {worker_class} (threads {threads}) on {host}")
        sessions = []
        for username, city in LOGINS:
            cookies = log_in(host, username, password)
            sessions.append({"username": username, "cookies": cookies, "cases": cases[city]})
        progress(f"logged in through the form: {', '.join(u for u, _ in LOGINS)}")
        sessions_file = Path(tempfile.mkstemp(prefix="loadtest-sessions-", suffix=".json")[1])
        sessions_file.write_text(json.dumps(sessions))
        # Warm-up: every worker loads its templates and opens its database connection.
        run_locust("official", host=host, sessions=sessions_file, users=users, seconds=5)
        progress("warmed up")
        phases = {}
        for phase, seconds in (("official", run_time), ("bare", bare_time)):
            with CpuMeter(gunicorn.pid, database_url) as meter:
                data = run_locust(
                    phase, host=host, sessions=sessions_file, users=users, seconds=seconds
                )
            served = max(data["requests"], 1)
            data["worker_cpu_ms"] = meter.spent("workers") * 1000 / served
            data["postgres_cpu_ms"] = meter.spent("postgres") * 1000 / served
            data["machine_busy_ms"] = meter.machine_busy * 1000 / served
            phases[phase] = data
            progress(
                f"{phase}: {data['rps']:.1f} req/s, p50 {data['p50']:.0f} ms, "
                f"p95 {data['p95']:.0f} ms, p99 {data['p99']:.0f} ms, {data['failures']} errors"
            )
        sessions_file.unlink()
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
    settings = {
        "gunicorn": f"{workers} × {worker_class}"
        + (f" ({threads} threads)" if threads > 1 else ""),
        "users (concurrency)": users,
        "official run": f"{run_time} s",
        "bare run": f"{bare_time} s",
        "database": database_url.rsplit("/", 1)[-1],
    }
    if os.environ.get("LOADTEST_PAGES"):
        settings["pages"] = os.environ["LOADTEST_PAGES"]
    text = summary_markdown(settings, phases)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "loadtest.md").write_text(text)
    (RESULTS_DIR / "loadtest.json").write_text(
        json.dumps({"settings": settings, "phases": phases}, indent=1) + "\n"
    )
    print()
    print(text)
    failures = sum(data["failures"] for data in phases.values())
    return 1 if failures else 0

"""Benchmark of the search page /cari/ on PostgreSQL at national scale (issue 9 §3).

Self-contained: ``python benchmarks/search_bench.py`` (or ``-m benchmarks.search_bench``)

1. migrates its own database (``SEARCH_BENCH_DATABASE_URL``, default
   ``postgres://postgres@127.0.0.1:5432/bawaslu_search_bench``; created when missing);
2. loads the regions of Jawa Tengah and Banten (≈ 10,000), a Bawaslu office per
   kab/kota and three users (a city, its province, a nationwide admin);
3. writes ``SEARCH_BENCH_DOCUMENTS`` search documents (default 1,000,000) spread
   over every kelurahan, with Indonesian titles and bodies, the kinds mixed as the
   portal's records are (reports and follow-ups most), and their vectors; a rerun
   tops up to N and writes nothing when N are there;
4. times the page (the view, its queries and its template, median of
   ``SEARCH_BENCH_REPEAT`` runs, default 5) for common and rare words, a stemmed
   word, a name with a typo and a reporter's name, grouped and for one kind, and
   prints a Markdown table with the query counts.

``make bench`` can call it as one more row; it needs nothing from the rest of
``benchmarks/``.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bawaslu_search_bench"
BATCH = 10_000

WORDS = [
    "rapat",
    "koordinasi",
    "pengawasan",
    "partisipatif",
    "netralitas",
    "aparatur",
    "sipil",
    "negara",
    "kampanye",
    "sosialisasi",
    "deklarasi",
    "tolak",
    "politik",
    "uang",
    "pemilihan",
    "kepala",
    "daerah",
    "tahapan",
    "pemungutan",
    "suara",
    "tempat",
    "pemungutan",
    "kelurahan",
    "kecamatan",
    "camat",
    "lurah",
    "surat",
    "edaran",
    "pelanggaran",
    "unggahan",
    "media",
    "sosial",
    "dugaan",
    "laporan",
    "temuan",
    "rekomendasi",
    "klarifikasi",
    "saksi",
    "bukti",
    "pemeriksaan",
    "pleno",
    "kajian",
    "awal",
    "registrasi",
    "penanganan",
    "tindak",
    "lanjut",
    "anggaran",
    "program",
    "target",
    "kegiatan",
    "audiensi",
    "silaturahmi",
    "kunjungan",
    "diskusi",
    "kelompok",
    "terpumpun",
    "hoaks",
    "ujaran",
    "kebencian",
    "patroli",
    "pengawas",
    "ad",
    "hoc",
    "relawan",
    "pemantau",
]
NAMES = [
    "Budi",
    "Siti",
    "Agus",
    "Sri",
    "Bambang",
    "Dewi",
    "Hendra",
    "Wahyu",
    "Rina",
    "Joko",
    "Endang",
    "Slamet",
    "Yanti",
    "Eko",
    "Tri",
    "Purwanto",
    "Santoso",
    "Wibowo",
    "Hidayat",
    "Lestari",
    "Kurniawan",
    "Susanti",
    "Saputra",
    "Rahayu",
    "Nugroho",
]
SYLLABLES = [
    "ka",
    "ri",
    "ma",
    "su",
    "to",
    "wa",
    "ngi",
    "di",
    "lo",
    "pe",
    "ra",
    "ti",
    "ba",
    "gu",
    "se",
    "no",
    "ja",
    "me",
    "ha",
    "yu",
]
#: (kind, share of the documents)
KINDS = [
    ("report", 0.35),
    ("follow_up", 0.30),
    ("meeting", 0.15),
    ("person", 0.12),
    ("declaration", 0.04),
    ("agency", 0.02),
    ("program", 0.02),
]


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed_portal():
    """Regions, a Bawaslu office per kab/kota, and the three users the timing logs in as."""
    from bawaslu_portal.models import Agency, AgencyKind, Region, User, UserRole
    from bawaslu_portal.services import regions_import

    if not Region.objects.filter(code="33.74").exists():
        regions_import(codes=["33", "36"])
    cities = Region.objects.filter(depth=2)
    existing = set(Agency.objects.values_list("region_id", flat=True))
    Agency.objects.bulk_create(
        [
            Agency(name=f"Bawaslu {city.name}", kind=AgencyKind.BAWASLU_KABKOTA, region=city)
            for city in cities
            if city.code not in existing
        ]
    )
    if "33" not in existing:
        Agency.objects.create(
            name="Bawaslu Provinsi Jawa Tengah", kind=AgencyKind.BAWASLU_PROVINSI, region_id="33"
        )
    users = {}
    for username, agency, role in [
        ("bench.kota", Agency.objects.get(region_id="33.74"), UserRole.STAFF),
        ("bench.provinsi", Agency.objects.get(region_id="33"), UserRole.STAFF),
        ("bench.admin", None, UserRole.ADMIN),
    ]:
        users[username], _ = User.objects.get_or_create(
            username=username,
            defaults={"agency": agency, "role": role, "is_superuser": agency is None},
        )
    return users


def seed_documents(total: int) -> None:
    """Top the index up to ``total`` synthetic documents (deterministic per row number)."""
    from bawaslu_portal.models import Agency, Region
    from search.models import SearchDocument
    from search.services import _update_vectors

    have = SearchDocument.objects.filter(key__startswith="bench:").count()
    if have >= total:
        return
    kelurahan = list(Region.objects.filter(depth=4).values_list("code", flat=True))
    offices = dict(Agency.objects.filter(region__depth=2).values_list("region_id", "pk"))
    kinds = [kind for kind, _share in KINDS]
    weights = [share for _kind, share in KINDS]
    # Words as texts have them: the domain words follow Zipf's law ("pengawasan" is in
    # a third of the documents), and two in five words are rare (place and person names).
    zipf = [1 / rank for rank in range(1, len(WORDS) + 1)]
    rare_rng = random.Random(0)  # noqa: S311 (test data)
    rare = ["".join(rare_rng.choices(SYLLABLES, k=rare_rng.randint(2, 4))) for _ in range(30_000)]
    started = time.perf_counter()
    for start in range(have, total, BATCH):
        rows = []
        for number in range(start, min(start + BATCH, total)):
            rng = random.Random(number)  # noqa: S311 (test data)
            kind = rng.choices(kinds, weights)[0]
            region = rng.choice(kelurahan)
            city = region[:5]

            def words(count, rare_share, rng=rng):
                return " ".join(
                    rng.choice(rare) if rng.random() < rare_share else rng.choices(WORDS, zipf)[0]
                    for _ in range(count)
                )

            title = words(rng.randint(3, 8), 0.2).capitalize()
            if kind in {"person", "agency"}:
                title = " ".join(rng.sample(NAMES, 2))
            body = words(rng.randint(10, 60), 0.4)
            rows.append(
                SearchDocument(
                    key=f"bench:{number}",
                    kind=kind,
                    object_id=number,
                    region_id=region,
                    office_id=offices.get(city),
                    office_region_code=city if kind == "report" else "",
                    title=title[:300],
                    body=body,
                    restricted_body=" ".join(rng.sample(NAMES, 2)) if kind == "report" else "",
                    url=f"/bench/{number}/",
                )
            )
        SearchDocument.objects.bulk_create(rows)
        _update_vectors(SearchDocument.objects.filter(key__in=[row.key for row in rows]))
        print(f"  {start + len(rows):>9,} documents ({time.perf_counter() - started:.0f} s)")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {SearchDocument._meta.db_table}")


def time_page(user, params: dict, repeat: int) -> tuple[float, int, int]:
    """Median milliseconds, the number of queries and the number of results shown."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from search.views import search

    factory = RequestFactory()
    timings, queries, results = [], 0, 0
    for _ in range(repeat):
        request = factory.get("/cari/", params)
        request.user = user
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            response = search(request)
            timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured.captured_queries)
        results = response.content.decode().count("data-search-result=")
    return statistics.median(timings), queries, results


def main() -> None:
    url = os.environ.get("SEARCH_BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if not url.startswith("postgres"):
        sys.exit("The search benchmark needs PostgreSQL (SEARCH_BENCH_DATABASE_URL=postgres://…).")
    total = int(os.environ.get("SEARCH_BENCH_DOCUMENTS", "1000000"))
    repeat = int(os.environ.get("SEARCH_BENCH_REPEAT", "5"))
    setup(url)
    users = seed_portal()
    print(f"Seeding {total:,} search documents…")
    seed_documents(total)
    from django.conf import settings
    from django.test.utils import override_settings

    # The page without collectstatic's manifest (the timing is about the search, not assets).
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override_settings(STORAGES=storages, ALLOWED_HOSTS=["testserver"]).enable()
    cases = [
        ("common word", {"q": "pengawasan"}),
        ("stemmed (mengawasi)", {"q": "mengawasi"}),
        ("two words", {"q": "politik uang"}),
        ("rare word", {"q": "terpumpun hoaks"}),
        ("name with a typo", {"q": "Purwantoo"}),
        ("reporter's name", {"q": "Slamet Rahayu"}),
        ("one kind, page 2", {"q": "pengawasan", "type": "report", "page": "2"}),
        ("no match", {"q": "zzzqqq"}),
    ]
    print(f"\n/cari/ with {total:,} documents (median of {repeat}, view + template)\n")
    print("| query | user | ms | queries | results |")
    print("|---|---|---:|---:|---:|")
    for label, params in cases:
        for username, user in users.items():
            ms, queries, results = time_page(user, params, repeat)
            print(f"| {label} | {username} | {ms:.0f} | {queries} | {results} |")


if __name__ == "__main__":
    main()

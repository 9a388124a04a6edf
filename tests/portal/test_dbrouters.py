"""The replica router: exports (and, opted in, the dashboard) read from the replica.

The test settings declare a ``replica`` alias that mirrors the test database
(``TEST: {"MIRROR": "default"}``); routing is off until a test names it in
``settings.DATABASE_REPLICA``, as ``DATABASE_REPLICA_URL`` does in production.
"""

import csv
import io

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from bawaslu_portal.dbrouters import (
    ReplicaRouter,
    on_replica,
    reading_from_replica,
    reads_from_replica,
)
from bawaslu_portal.models import Region
from reports.models import Report
from tests.factories.reports import intake_report


@pytest.fixture
def replica(settings):
    settings.DATABASE_REPLICA = "replica"
    return "replica"


def test_reads_inside_the_block_go_to_the_replica(replica):
    """Reads go to the replica only inside the block; writes always go to the primary."""
    assert router.db_for_read(Region) == "default"
    with reading_from_replica():
        assert router.db_for_read(Region) == "replica"
        assert Region.objects.all().db == "replica"
        assert router.db_for_write(Region) == "default"
    assert router.db_for_read(Region) == "default"


def test_without_a_replica_nothing_changes(settings):
    """With no DATABASE_REPLICA_URL the block, the decorator and on_replica are no-ops."""
    settings.DATABASE_REPLICA = None
    with reading_from_replica():
        assert router.db_for_read(Region) == "default"
    assert on_replica(Region.objects.all()).db == "default"


def test_the_flag_is_reset_after_an_exception(replica):
    """An exception inside the block does not leave later reads on the replica."""
    with pytest.raises(RuntimeError), reading_from_replica():
        raise RuntimeError("boom")
    assert router.db_for_read(Region) == "default"


def test_the_decorator_routes_the_view_and_only_the_view(replica):
    """``@reads_from_replica``: the view's reads go to the replica, the caller's do not."""
    seen = []

    @reads_from_replica
    def view(request):
        seen.append(Region.objects.all().db)
        return "response"

    assert view(None) == "response"
    assert seen == ["replica"]
    assert Region.objects.all().db == "default"


def test_on_replica_binds_a_lazy_queryset(replica):
    """A queryset evaluated after the view returns (a streamed CSV) stays on the replica."""
    assert on_replica(Region.objects.all()).db == "replica"


def test_nothing_is_migrated_on_the_replica():
    """The standby gets its schema by replication; migrate never writes to it."""
    assert ReplicaRouter().allow_migrate("default", "reports") is not False
    assert ReplicaRouter().allow_migrate("replica", "reports") is False
    assert router.allow_migrate("default", "reports")
    assert not router.allow_migrate("replica", "reports")


def _report_selects(queries) -> list[str]:
    table = Report._meta.db_table
    # On PostgreSQL a streamed export reads through a server-side cursor: DECLARE … FOR SELECT.
    reads = ("SELECT", "DECLARE")
    return [q["sql"] for q in queries if q["sql"].startswith(reads) and f'"{table}"' in q["sql"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_the_csv_export_reads_its_rows_from_the_replica(replica, client_for, semarang_staff):
    """The export's report query runs on the replica; the rows are the primary's (mirrored)."""
    reports = [intake_report(user=semarang_staff) for _index in range(2)]
    client = client_for(semarang_staff)
    with (
        CaptureQueriesContext(connections["default"]) as on_default,
        CaptureQueriesContext(connections["replica"]) as on_standby,
    ):
        response = client.get("/laporan/ekspor.csv")
        body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(body)))[1:]
    assert {row[0] for row in rows} == {report.tracking_code_display for report in reports}
    assert _report_selects(on_standby.captured_queries)
    assert not _report_selects(on_default.captured_queries)


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_without_a_replica_the_export_reads_the_primary(settings, client_for, semarang_staff):
    """Routing is off without DATABASE_REPLICA: the export reads ``default``."""
    settings.DATABASE_REPLICA = None
    intake_report(user=semarang_staff)
    client = client_for(semarang_staff)
    with CaptureQueriesContext(connections["replica"]) as on_standby:
        response = client.get("/laporan/ekspor.csv")
        b"".join(response.streaming_content)
    assert response.status_code == 200
    assert not _report_selects(on_standby.captured_queries)

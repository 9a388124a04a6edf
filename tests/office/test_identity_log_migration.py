"""office 0002 copies the old reporter-identity view log into the audit log, once."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bawaslu_portal.models import AuditEvent, AuditKind
from reports.models import ReporterIdentityAccess
from reports.selectors.cases import report_identity_access_list
from tests.factories.reports import intake_report

BEFORE = [("office", "0001_reminder_sent")]
AFTER = [("office", "0002_identity_views_to_audit_log")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_old_identity_views_show_on_the_case_page_after_the_migration(semarang_staff):
    report = intake_report(user=semarang_staff)
    migrate(BEFORE)
    ReporterIdentityAccess.objects.create(report=report, user=semarang_staff, purpose="klarifikasi")
    migrate(AFTER)
    (event,) = report_identity_access_list(report=report)
    assert event.kind == AuditKind.IDENTITY_VIEW
    assert event.user == semarang_staff
    assert event.details["purpose"] == "klarifikasi"
    # Applied again (back and forth), nothing is copied twice.
    migrate(BEFORE)
    migrate(AFTER)
    assert AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).count() == 1

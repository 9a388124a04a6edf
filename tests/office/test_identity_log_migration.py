"""office 0002 copies the old reporter-identity view log into the audit log, once.

The migration's function runs on the current models (``django.apps.apps`` stands in for the
historical app registry, whose models have the same fields here). Migrating back and forth
in a transactional test flushed the database for the tests after it (a content-type error in
the browser tests), so the function is tested directly.
"""

import importlib

import pytest
from django.apps import apps

from bawaslu_portal.models import AuditEvent, AuditKind
from reports.models import ReporterIdentityAccess
from reports.selectors.cases import report_identity_access_list
from tests.factories.reports import intake_report

migration = importlib.import_module("office.migrations.0002_identity_views_to_audit_log")


@pytest.mark.django_db
def test_old_identity_views_show_on_the_case_page_after_the_migration(semarang_staff):
    report = intake_report(user=semarang_staff)
    ReporterIdentityAccess.objects.create(report=report, user=semarang_staff, purpose="klarifikasi")
    migration.copy_identity_views(apps, None)
    (event,) = report_identity_access_list(report=report)
    assert event.kind == AuditKind.IDENTITY_VIEW
    assert event.user == semarang_staff
    assert event.details["purpose"] == "klarifikasi"
    # Run again, nothing is copied twice.
    migration.copy_identity_views(apps, None)
    assert AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).count() == 1

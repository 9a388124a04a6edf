"""The audit log: a row for every audited event, read-only in the admin, purged after retention."""

import datetime
import io
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.audit import audit_record
from bawaslu_portal.models import AuditEvent, AuditKind, Person
from tests.factories import PositionRoleFactory, UserFactory
from tests.factories.reports import intake_report
from tests.portal.test_admin import IMPORT_URL, assert_no_unbounded_count, roster_csv

CHANGELIST = "/admin/bawaslu_portal/auditevent/"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def admin_client(client_for, portal_admin):
    return client_for(portal_admin)


def events(kind):
    return AuditEvent.objects.filter(kind=kind)


@pytest.mark.django_db
def test_login_is_recorded_with_user_and_address(client, semarang_staff, password):
    client.post("/masuk/", {"username": "semarang.staf", "password": password})
    event = events(AuditKind.LOGIN).get()
    assert event.user == semarang_staff
    assert event.username == "semarang.staf"
    assert event.ip == "127.0.0.1"


@pytest.mark.django_db
def test_failed_login_records_the_name_tried_not_the_password(client, semarang_staff):
    client.post("/masuk/", {"username": "semarang.staf", "password": "salah-sekali"})
    event = events(AuditKind.LOGIN_FAILED).get()
    assert event.username == "semarang.staf"
    assert event.user is None
    assert "salah-sekali" not in str(event.details)
    assert not events(AuditKind.LOGIN).exists()


@pytest.mark.django_db
def test_lockout_is_recorded(client, semarang_staff, password):
    """django-axes locks the pair after 5 failures: the lockout is its own event."""
    for _attempt in range(5):
        client.post("/masuk/", {"username": "semarang.staf", "password": "salah"})
    client.post("/masuk/", {"username": "semarang.staf", "password": password})
    assert events(AuditKind.LOCKOUT).filter(username="semarang.staf").exists()
    assert not events(AuditKind.LOGIN).exists()


@pytest.mark.django_db
def test_permission_denial_is_recorded_with_the_path(client_for, semarang_staff, bawaslu_semarang):
    """A PermissionDenied raised in a view reaches the 403 handler, which audits it."""
    report = intake_report(user=semarang_staff)
    viewer = UserFactory(username="semarang.lihat", agency=bawaslu_semarang, role="viewer")
    url = reverse("reports:reporter_identity", args=[report.pk])
    assert client_for(viewer).post(url).status_code == 403
    event = events(AuditKind.PERMISSION_DENIED).get()
    assert event.user == viewer
    assert event.details == {"path": url, "method": "POST"}


@pytest.mark.django_db
def test_csrf_failure_is_recorded_as_a_denial_and_shows_the_portal_page(semarang_staff):
    """A form without a valid CSRF token is refused (403_csrf.html) and audited with the reason."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(semarang_staff)
    response = client.post("/keluar/")
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    event = events(AuditKind.PERMISSION_DENIED).get()
    assert event.user == semarang_staff
    assert event.details["path"] == "/keluar/"
    assert event.details["csrf"]


@pytest.mark.django_db
def test_identity_view_is_recorded_with_the_report_and_purpose(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    client_for(semarang_staff).post(
        reverse("reports:reporter_identity", args=[report.pk]), {"purpose": "klarifikasi"}
    )
    event = events(AuditKind.IDENTITY_VIEW).get()
    assert (event.object_type, event.object_id) == ("reports.report", str(report.pk))
    assert event.details == {"purpose": "klarifikasi"}
    assert event.ip == "127.0.0.1"


@pytest.mark.django_db
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_export_is_recorded_with_its_filters(client_for, semarang_staff, extension):
    intake_report(user=semarang_staff)
    response = client_for(semarang_staff).get(
        f"/laporan/ekspor.{extension}?stage=diterima&q=&page=2"
    )
    assert response.status_code == 200
    event = events(AuditKind.EXPORT).get()
    assert event.user == semarang_staff
    # Empty fields and the page number are not filters.
    assert event.details == {
        "what": "reports",
        "format": extension,
        "filters": {"stage": "diterima"},
    }


@pytest.mark.django_db
def test_refused_export_is_a_denial_not_an_export(client_for, semarang_partner):
    assert client_for(semarang_partner).get("/laporan/ekspor.csv").status_code in {403, 404}
    assert not events(AuditKind.EXPORT).exists()


@pytest.mark.django_db
def test_admin_adds_changes_and_deletes_people_and_accounts(admin_client, portal_admin, regions):
    response = admin_client.post(
        "/admin/bawaslu_portal/person/add/", {"name": "Siti Aminah", "title": "", "known_as": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Person.objects.get(name="Siti Aminah")
    added = events(AuditKind.ADMIN_ADD).get()
    assert (added.object_type, added.object_id) == ("bawaslu_portal.person", str(person.pk))
    assert added.user == portal_admin

    staff = UserFactory(username="akan.dihapus")
    response = admin_client.post(f"/admin/bawaslu_portal/user/{staff.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    deleted = events(AuditKind.ADMIN_DELETE).get()
    assert (deleted.object_type, deleted.object_id) == ("bawaslu_portal.user", str(staff.pk))
    assert deleted.object_repr == str(staff)


@pytest.mark.django_db
def test_roster_import_is_recorded(admin_client, regions):
    PositionRoleFactory(name="Lurah")
    response = admin_client.post(
        IMPORT_URL, {"file": roster_csv("33.74.01.1001;Lurah;Siti Aminah;;;;;;;;")}
    )
    assert response.status_code == 302
    event = events(AuditKind.ROSTER_IMPORT).get()
    assert event.details["rows"] == 1


@pytest.mark.django_db
def test_admin_is_read_only(admin_client, portal_admin):
    event = audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    assert admin_client.get(CHANGELIST).status_code == 200
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403
    assert admin_client.post(f"{CHANGELIST}{event.pk}/delete/", {"post": "yes"}).status_code == 403
    page = admin_client.get(f"{CHANGELIST}{event.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_events_are_never_changed(portal_admin):
    event = audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    event.kind = AuditKind.LOGIN_FAILED
    with pytest.raises(ValueError, match="never changed"):
        event.save()


@pytest.mark.django_db
def test_changelist_filters_and_counts_are_bounded(admin_client, portal_admin, semarang_staff):
    """Filter by kind, date and exact username; no COUNT without a LIMIT."""
    audit_record(kind=AuditKind.LOGIN, user=semarang_staff)
    audit_record(kind=AuditKind.LOGIN_FAILED, username="semarang.staf")
    audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    with CaptureQueriesContext(connection) as captured:
        # What the date filter's "Today" link sends: local midnight, with its offset.
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        query = urlencode({"kind": "login", "q": "semarang.staf", "at__gte": str(midnight)})
        response = admin_client.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert [(event.kind, event.username) for event in shown] == [("login", "semarang.staf")]
    assert_no_unbounded_count(captured.captured_queries)


@pytest.mark.django_db
def test_changelist_query_count_does_not_grow(admin_client, portal_admin):
    def run():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(CHANGELIST).status_code == 200
        return len(captured.captured_queries)

    audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    few = run()
    for index in range(30):
        audit_record(kind=AuditKind.LOGIN_FAILED, username=f"orang{index}")
    assert run() == few


@pytest.mark.django_db
def test_purge_removes_only_events_past_retention(settings, portal_admin):
    settings.AUDIT_RETENTION_DAYS = 30
    old = audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=31))
    recent = audit_record(kind=AuditKind.LOGIN, user=portal_admin)
    call_command("purge_audit_log", stdout=io.StringIO())
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    purge = events(AuditKind.PURGE).get()
    assert purge.details["deleted"] == 1


@pytest.mark.django_db
def test_task_results_admin_is_bounded(admin_client):
    """django-tasks-db's results (one per reminder run) get the capped changelist too."""
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get("/admin/django_tasks_database/dbtaskresult/")
    assert response.status_code == 200
    assert response.context["cl"].paginator.__class__.__name__ == "CappedCountPaginator"
    assert_no_unbounded_count(captured.captured_queries)

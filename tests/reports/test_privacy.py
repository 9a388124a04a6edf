"""Personal data (UU 27/2022): the record of processing against the models, anonymisation
after the retention period, and a reporter's data exported and corrected, audited and
restricted to case handlers."""

import datetime
import io
import json
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bawaslu_portal.models import AuditEvent, AuditKind, UserRole
from reports.models import Report, ReporterIdentity, ReportStage, Witness
from reports.privacy import NOT_PERSONAL, PROCESSING_RECORD
from reports.selectors.privacy import ANONYMISED_NAME
from reports.services.privacy import reporters_anonymise
from tests.factories import UserFactory
from tests.factories.reports import REPORTER_NAME, REPORTER_NIK, intake_report
from tests.querycount import count_queries

#: Field names that hold data about a person wherever they appear.
PERSONAL_FIELD = re.compile(
    r"(^|_)(name|nik|nip|phone|email|address|birth_place|birth_date|sex|occupation|"
    r"citizenship|contact|ip|username|first_name|last_name|known_as)$"
)
#: Models of people-less reference data whose ``name`` is a label, not a person.
LABEL_MODELS = {
    "bawaslu_portal.region",
    "bawaslu_portal.positionrole",
    "coordination.topic",
    "coordination.declarationcampaign",
    "coordination.designationkind",
    "coordination.program",
    "coordination.workinggroup",
    "reports.election",
    "reports.electionstage",
    "reports.violationcategory",
    "reports.nonworkingday",
}


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def export_url(report):
    return reverse("reports:reporter_export", args=[report.pk])


def correct_url(report):
    return reverse("reports:reporter_correct", args=[report.pk])


def close(report, *, days_ago: int):
    Report.objects.filter(pk=report.pk).update(
        stage=ReportStage.SELESAI, closed_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


# The record of processing.


def test_every_personal_field_is_in_the_record_of_processing():
    """A field holding personal data cannot land without its row (or a stated reason)."""
    recorded = {(row.model, name) for row in PROCESSING_RECORD for name in row.fields}
    missing = []
    for app in ("bawaslu_portal", "coordination", "reports", "office"):
        for model in apps.get_app_config(app).get_models():
            label = model._meta.label_lower
            if label in LABEL_MODELS:
                continue
            for field in model._meta.concrete_fields:
                key = (label, field.name)
                if (
                    PERSONAL_FIELD.search(field.name)
                    and key not in recorded
                    and key not in NOT_PERSONAL
                ):
                    missing.append(key)
    assert not missing, f"personal fields missing from reports/privacy.py: {missing}"


def test_every_recorded_field_exists():
    for row in PROCESSING_RECORD:
        model = apps.get_model(row.model)
        names = {field.name for field in model._meta.get_fields()}
        assert set(row.fields) <= names, (row.model, set(row.fields) - names)
        if row.retention_setting:
            assert isinstance(row.retention_days(), int)
    for label, name in NOT_PERSONAL:
        apps.get_model(label)._meta.get_field(name)


@pytest.mark.django_db
def test_admins_see_the_record_with_the_retention_settings(client_for, portal_admin, settings):
    settings.REPORTER_RETENTION_DAYS = 1234
    response = client_for(portal_admin).get(reverse("reports:processing_record"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reporter identity" in html
    assert "1234 days" in html
    assert "Pasal 46 ayat (1)" in html
    assert html.count("<tr>") == len(PROCESSING_RECORD) + 1


@pytest.mark.django_db
def test_the_record_is_for_admins_only(client_for, semarang_staff):
    response = client_for(semarang_staff).get(reverse("reports:processing_record"))
    assert response.status_code == 403


# Anonymisation.


@pytest.mark.django_db
def test_anonymised_only_after_the_retention_period_and_only_when_closed(semarang_staff, settings):
    settings.REPORTER_RETENTION_DAYS = 30
    old_closed = intake_report(user=semarang_staff)
    Witness.objects.create(report=old_closed, name="Saksi Satu", contact="0812")
    recently_closed = intake_report(user=semarang_staff)
    still_open = intake_report(user=semarang_staff)
    close(old_closed, days_ago=31)
    close(recently_closed, days_ago=29)
    Report.objects.filter(pk=still_open.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=400)
    )

    assert reporters_anonymise() == 1

    identity = ReporterIdentity.objects.get(report=old_closed)
    assert identity.name == ANONYMISED_NAME
    assert (identity.nik, identity.phone, identity.email, identity.address) == ("", "", "", "")
    assert identity.birth_date is None
    witness = Witness.objects.get(report=old_closed)
    assert (witness.name, witness.contact) == (ANONYMISED_NAME, "")
    for kept in (recently_closed, still_open):
        assert ReporterIdentity.objects.get(report=kept).name == REPORTER_NAME
    event = AuditEvent.objects.get(kind=AuditKind.ANONYMISED)
    assert event.object_id == str(old_closed.pk)
    # The case itself stays: only the person is removed.
    assert Report.objects.filter(pk=old_closed.pk).exists()


@pytest.mark.django_db
def test_the_command_is_idempotent(semarang_staff, settings):
    settings.REPORTER_RETENTION_DAYS = 10
    close(intake_report(user=semarang_staff), days_ago=11)
    out = io.StringIO()
    call_command("anonymise_reporters", stdout=out)
    call_command("anonymise_reporters", stdout=out)
    assert out.getvalue().splitlines() == [
        "Anonymised 1 reporters of cases closed more than 10 days ago.",
        "Anonymised 0 reporters of cases closed more than 10 days ago.",
    ]
    assert AuditEvent.objects.filter(kind=AuditKind.ANONYMISED).count() == 1


# A data subject's export.


@pytest.mark.django_db
def test_handler_exports_everything_on_the_reporter_as_json(client_for, semarang_staff):
    """The identity and every report with the same NIK, with who viewed it; audited."""
    first = intake_report(user=semarang_staff)
    second = intake_report(user=semarang_staff)
    Witness.objects.create(report=second, name="Saksi Dua", contact="0813")
    client = client_for(semarang_staff)
    client.post(reverse("reports:reporter_identity", args=[first.pk]), {"purpose": "klarifikasi"})

    response = client.post(export_url(first), {"file_format": "json"})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["reporter"]["name"] == REPORTER_NAME
    assert data["reporter"]["nik"] == REPORTER_NIK
    assert {item["tracking_code"] for item in data["reports"]} == {
        first.tracking_code_display,
        second.tracking_code_display,
    }
    assert {"name": "Saksi Dua", "contact": "0813"} in [
        witness for item in data["reports"] for witness in item["witnesses"]
    ]
    assert data["identity_views"][0]["purpose"] == "klarifikasi"
    event = AuditEvent.objects.get(kind=AuditKind.SUBJECT_EXPORT)
    assert event.user == semarang_staff
    assert event.object_id == str(first.pk)
    assert event.details["format"] == "json"
    assert REPORTER_NAME not in json.dumps(event.details)


@pytest.mark.django_db
def test_export_as_xlsx(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    response = client_for(semarang_staff).post(export_url(report), {"file_format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    reporter = dict(workbook.worksheets[0].iter_rows(values_only=True))
    assert reporter["name"] == REPORTER_NAME
    assert AuditEvent.objects.get(kind=AuditKind.SUBJECT_EXPORT).details["format"] == "xlsx"


@pytest.mark.django_db
def test_export_leaves_out_reports_the_official_may_not_see(
    client_for, semarang_staff, serang_staff
):
    """The same reporter also filed in Serang: Semarang's export does not carry it."""
    from bawaslu_portal.models import Region

    semarang = intake_report(user=semarang_staff)
    intake_report(
        user=serang_staff,
        kelurahan=Region.objects.filter(depth=4).filter(code__startswith="36.73.").first(),
    )
    data = json.loads(
        client_for(semarang_staff).post(export_url(semarang), {"file_format": "json"}).content
    )
    assert [item["tracking_code"] for item in data["reports"]] == [semarang.tracking_code_display]


@pytest.mark.django_db
def test_export_query_count_does_not_grow_with_the_reports(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    client = client_for(semarang_staff)

    def export():
        assert client.post(export_url(report), {"file_format": "json"}).status_code == 200

    few = count_queries(export)
    for _index in range(4):
        intake_report(user=semarang_staff)
    assert count_queries(export) == few


@pytest.mark.django_db
def test_export_is_refused_to_others(
    client_for, semarang_staff, serang_staff, semarang_partner, bawaslu_semarang
):
    report = intake_report(user=semarang_staff)
    viewer = UserFactory(username="semarang.lihat", agency=bawaslu_semarang, role=UserRole.VIEWER)
    assert (
        client_for(serang_staff).post(export_url(report), {"file_format": "json"}).status_code
        == 404
    )
    assert (
        client_for(semarang_partner).post(export_url(report), {"file_format": "json"}).status_code
        == 403
    )
    assert client_for(viewer).post(export_url(report), {"file_format": "json"}).status_code == 403
    assert client_for(semarang_staff).get(export_url(report)).status_code == 405
    assert not AuditEvent.objects.filter(kind=AuditKind.SUBJECT_EXPORT).exists()


# A data subject's correction.


@pytest.mark.django_db
def test_handler_corrects_the_reporter_and_it_is_audited(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    client = client_for(semarang_staff)
    page = client.get(correct_url(report))
    assert page.status_code == 200
    assert REPORTER_NAME in page.content.decode()
    # Showing the form shows the identity: that view is logged.
    assert AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).count() == 1

    data = {
        name: value
        for name, value in page.context["form"].initial.items()
        if value is not None and name != "withhold_from_reported"
    }
    data["phone"] = "0899 1234 5678"
    response = client.post(correct_url(report), data)

    assert response.status_code == 302
    assert ReporterIdentity.objects.get(report=report).phone == "0899 1234 5678"
    event = AuditEvent.objects.get(kind=AuditKind.SUBJECT_CORRECTION)
    assert event.details == {"fields": ["phone"]}
    assert event.user == semarang_staff


@pytest.mark.django_db
def test_invalid_correction_is_refused_with_a_message(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    response = client_for(semarang_staff).post(
        correct_url(report), {"name": REPORTER_NAME, "address": "Jl. X", "nik": "123"}
    )
    assert response.status_code == 200
    assert "An NIK has exactly 16 digits" in response.content.decode()
    assert ReporterIdentity.objects.get(report=report).nik == REPORTER_NIK
    assert not AuditEvent.objects.filter(kind=AuditKind.SUBJECT_CORRECTION).exists()


@pytest.mark.django_db
def test_correction_is_for_the_handling_office_only(
    client_for, semarang_staff, jateng_staff, serang_staff, semarang_partner
):
    report = intake_report(user=semarang_staff)
    assert client_for(jateng_staff).get(correct_url(report)).status_code == 403
    assert client_for(serang_staff).get(correct_url(report)).status_code == 404
    assert client_for(semarang_partner).post(correct_url(report), {"name": "X"}).status_code == 403
    assert ReporterIdentity.objects.get(report=report).name == REPORTER_NAME
    assert not AuditEvent.objects.filter(
        kind__in=[AuditKind.SUBJECT_CORRECTION, AuditKind.IDENTITY_VIEW]
    ).exists()


@pytest.mark.django_db
def test_identity_page_offers_export_and_correction_to_the_handler(client_for, semarang_staff):
    report = intake_report(user=semarang_staff)
    html = (
        client_for(semarang_staff)
        .post(reverse("reports:reporter_identity", args=[report.pk]))
        .content.decode()
    )
    assert export_url(report) in html
    assert correct_url(report) in html


@pytest.mark.django_db
def test_a_reporters_request_is_answered_and_the_administrator_reads_it_in_the_audit_log(
    client_for, semarang_staff, portal_admin
):
    """The journey across actors, all through HTTP: the case handler looks up the reporter,
    exports their data and corrects it; the administrator finds the events, for this
    report and this handler, in the audit log, and none carries the reporter's name."""
    report = intake_report(user=semarang_staff)
    handler = client_for(semarang_staff)
    assert handler.post(export_url(report), {"file_format": "json"}).status_code == 200
    page = handler.get(correct_url(report))
    data = {
        name: value
        for name, value in page.context["form"].initial.items()
        if value is not None and name != "withhold_from_reported"
    }
    data["email"] = "pelapor.baru@example.org"
    assert handler.post(correct_url(report), data).status_code == 302

    response = client_for(portal_admin).get(
        "/admin/bawaslu_portal/auditevent/", {"q": semarang_staff.username}
    )
    assert response.status_code == 200
    shown = [
        (event.kind, event.object_id)
        for event in response.context["cl"].result_list
        if event.object_type == Report._meta.label_lower
    ]
    # The correction form reads the identity on its GET and again on its POST: two views.
    assert sorted(shown) == sorted(
        [
            (AuditKind.SUBJECT_EXPORT, str(report.pk)),
            (AuditKind.IDENTITY_VIEW, str(report.pk)),
            (AuditKind.IDENTITY_VIEW, str(report.pk)),
            (AuditKind.SUBJECT_CORRECTION, str(report.pk)),
        ]
    )
    assert REPORTER_NAME not in response.content.decode()


@pytest.mark.django_db
def test_record_and_correction_pages_query_counts_do_not_grow(
    client_for, portal_admin, semarang_staff
):
    """The record of processing and the correction form run the same queries with 1 or 6
    reports in the office (each page reads one record or none)."""
    first = intake_report(user=semarang_staff)
    admin, staff = client_for(portal_admin), client_for(semarang_staff)
    record = reverse("reports:processing_record")
    correct = reverse("reports:reporter_correct", args=[first.pk])

    def counts():
        admin.force_login(portal_admin, backend="bawaslu_portal.backends.UsernameOrEmailBackend")
        on_record = count_queries(lambda: admin.get(record))
        staff.force_login(semarang_staff, backend="bawaslu_portal.backends.UsernameOrEmailBackend")
        on_form = count_queries(lambda: staff.get(correct))
        return on_record, on_form

    small = counts()
    for _index in range(5):
        intake_report(user=semarang_staff)
    assert counts() == small

"""Official intake at ``/laporan/baru/``: what is recorded, specific errors, who may use it."""

import datetime
import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import (
    DeadlineStep,
    Report,
    ReporterIdentity,
    ReportHistory,
    ReportSource,
    ReportStage,
)
from tests.factories.reports_intake import (
    REPORTER_ADDRESS,
    REPORTER_NAME,
    REPORTER_NIK,
    REPORTER_PHONE,
    category,
    intake_report,
    pemilu,
    png_upload,
    report_post_data,
)
from tests.querycount import count_queries

URL = "/laporan/baru/"


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English, so tests match the source strings whatever the catalogue holds."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.mark.django_db
def test_official_records_a_laporan_with_everything(client_for, semarang_staff):
    """A complete laporan is stored as diterima with reporter, witness, evidence, history."""
    client = client_for(semarang_staff)
    data = report_post_data(evidence_files=[png_upload()])
    response = client.post(URL, data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == reverse("reports:detail", args=[report.pk])
    assert report.stage == ReportStage.DITERIMA
    assert report.office == semarang_staff.agency
    assert report.region_id == "33.74.01.1001"
    assert report.deadline_step == DeadlineStep.KAJIAN_AWAL
    assert report.deadline == timezone.localdate() + datetime.timedelta(days=2)
    assert not report.filed_late
    assert report.categories.count() == 1
    assert ReporterIdentity.objects.get(report=report).nik == REPORTER_NIK
    assert report.witnesses.get().name == "Saksi Satu"
    assert report.evidence.count() == 2
    history = ReportHistory.objects.get(report=report)
    assert (history.from_stage, history.to_stage, history.actor) == (
        "",
        ReportStage.DITERIMA,
        semarang_staff,
    )


@pytest.mark.django_db
def test_temuan_needs_no_reporter(client_for, semarang_commissioner):
    """A temuan by the supervisors is recorded without a reporter identity."""
    client = client_for(semarang_commissioner)
    data = report_post_data(
        source=ReportSource.TEMUAN, reporter_name="", reporter_address="", reporter_nik=""
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.source == ReportSource.TEMUAN
    assert not ReporterIdentity.objects.filter(report=report).exists()


@pytest.mark.django_db
def test_late_report_is_recorded_and_marked(client_for, semarang_staff):
    """A Pemilu report known weeks ago is recorded, marked late, with a warning message."""
    client = client_for(semarang_staff)
    data = report_post_data(
        election=str(pemilu().pk), incident_date="2024-01-05", known_date="2024-01-08"
    )
    response = client.post(URL, data, follow=True)
    report = Report.objects.get()
    assert report.filed_late
    assert report.filing_deadline == datetime.date(2024, 1, 17)
    assert "after the filing deadline" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"reported_nip": "12345"}, "reported_nip", "18 digits"),
        ({"reporter_nik": "12ab"}, "reporter_nik", "16 digits"),
        ({"description": ""}, "description", "Describe what happened"),
        ({"categories": []}, "categories", "at least one violation category"),
        (
            {"incident_date": "2024-11-10", "known_date": "2024-11-01"},
            "known_date",
            "cannot be before the date of the incident",
        ),
        ({"reported_agency_name": ""}, "reported_agency_name", "type its name"),
        ({"reporter_name": ""}, "reporter_name", "reporter's full name"),
        ({"incident_kelurahan": "36.73.01.1001"}, "incident_kelurahan", "listed kelurahan"),
        ({"evidence_links": "javascript:alert(1)"}, "evidence_links", "https://"),
        ({"source": "zzz"}, "source", "laporan or a temuan"),
        ({"reported_employment": "zzz"}, "reported_employment", "PNS, PPPK or other"),
    ],
)
@pytest.mark.django_db
def test_bad_input_gets_specific_errors(client_for, semarang_staff, overrides, field, message):
    """Each wrong input is refused with a message saying what to enter, and nothing is stored."""
    client = client_for(semarang_staff)
    response = client.post(URL, report_post_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors[field]
    assert not Report.objects.exists()
    assert "This field is required" not in str(errors)


@pytest.mark.django_db
def test_error_page_has_summary_and_error_title(client_for, semarang_staff):
    """With errors, the title starts with the error prefix and the summary links to fields."""
    client = client_for(semarang_staff)
    response = client.post(URL, report_post_data(description="", categories=[]))
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'href="#id_description"' in html
    assert 'href="#id_categories_0"' in html


@pytest.mark.django_db
def test_form_lists_only_jurisdiction_kelurahan(client_for, semarang_staff):
    """A city office chooses from its own kelurahan; other cities' are not offered."""
    response = client_for(semarang_staff).get(URL)
    form = response.context["form"]
    codes = set(form.fields["incident_kelurahan"].queryset.values_list("code", flat=True))
    assert len(codes) == 177
    assert all(code.startswith("33.74.") for code in codes)


@pytest.mark.django_db
def test_provincial_office_types_a_kelurahan_code(client_for, jateng_staff):
    """A provincial office gets a code field, not a select of thousands."""
    client = client_for(jateng_staff)
    form = client.get(URL).context["form"]
    assert "incident_kelurahan" not in form.fields
    data = report_post_data(incident_kelurahan=None, incident_kelurahan_code="33.74.01.1001")
    response = client.post(URL, data)
    assert response.status_code == 302
    assert Report.objects.get().region_id == "33.74.01.1001"
    response = client.post(
        URL, report_post_data(incident_kelurahan=None, incident_kelurahan_code="36.73.01.1001")
    )
    assert "outside your jurisdiction" in str(response.context["form"].errors)


@pytest.mark.django_db
def test_partner_cannot_record_reports(client_for, semarang_partner):
    """Partner officials get a 403 on the intake page."""
    client = client_for(semarang_partner)
    assert client.get(URL).status_code == 403
    assert client.post(URL, report_post_data()).status_code == 403


@pytest.mark.django_db
def test_intake_logs_no_personal_data(client_for, semarang_staff, caplog):
    """Nothing the reporter entered (name, NIK, phone, address) reaches the logs."""
    caplog.set_level(logging.DEBUG)
    client = client_for(semarang_staff)
    client.post(URL, report_post_data())
    client.post(URL, report_post_data(reported_nip="1"))  # an error response too
    report = intake_report(user=semarang_staff)
    client.post(reverse("reports:reporter_identity", args=[report.pk]))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (REPORTER_NAME, REPORTER_NIK, REPORTER_PHONE, REPORTER_ADDRESS):
        assert secret not in logged


@pytest.mark.django_db
def test_service_refuses_a_report_without_category(semarang_staff):
    """The service itself refuses a report without a violation category."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        intake_report(user=semarang_staff, categories=[])
    assert "categories" in caught.value.message_dict


@pytest.mark.django_db
def test_service_refuses_kelurahan_outside_office(semarang_staff, regions):
    """An official cannot record an incident outside their office's area."""
    from django.core.exceptions import ValidationError

    from bawaslu_portal.models import Region

    with pytest.raises(ValidationError):
        intake_report(user=semarang_staff, kelurahan=Region.objects.get(code="36.73.01.1001"))
    assert category() is not None


@pytest.mark.django_db
def test_kelurahan_select_is_grouped_by_kecamatan(client_for, semarang_staff):
    """The kelurahan select has one optgroup per kecamatan (16 in Kota Semarang)."""
    html = client_for(semarang_staff).get(URL).content.decode()
    select = html.split('id="id_incident_kelurahan"')[1].split("</select>")[0]
    assert select.count("<optgroup") == 16
    assert 'label="Kecamatan Semarang Tengah"' in select


@pytest.mark.django_db
def test_form_page_queries_do_not_grow_with_the_choices(client_for, semarang_staff):
    """The official form runs as many queries with 2 as with 12 agencies to choose from."""
    from tests.factories import AgencyFactory

    client = client_for(semarang_staff)
    AgencyFactory.create_batch(2)
    client.get(URL)  # warm the session
    small = count_queries(lambda: client.get(URL))
    AgencyFactory.create_batch(10)
    assert count_queries(lambda: client.get(URL)) == small

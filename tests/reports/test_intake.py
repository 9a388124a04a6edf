"""Official intake at ``/laporan/baru/``: what is recorded, specific errors, who may use it."""

import datetime
import logging
import re
from zoneinfo import ZoneInfo

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
from tests.factories.reports import (
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
def test_informasi_awal_is_recorded_at_the_office(client_for, semarang_staff):
    """Media or social-media information is recorded as informasi awal, with no filing deadline."""
    data = report_post_data(
        source=ReportSource.INFORMASI_AWAL,
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        incident_date="2024-01-05",
        known_date="2024-01-08",
    )
    assert client_for(semarang_staff).post(URL, data).status_code == 302
    report = Report.objects.get()
    assert report.source == ReportSource.INFORMASI_AWAL
    assert report.filing_deadline is None and not report.filed_late


@pytest.mark.django_db
def test_late_report_is_recorded_and_marked(client_for, semarang_staff):
    """A Pemilu report known weeks ago is recorded, marked late, and said to be unregistrable."""
    client = client_for(semarang_staff)
    data = report_post_data(
        election=str(pemilu().pk), incident_date="2024-01-05", known_date="2024-01-08"
    )
    response = client.post(URL, data, follow=True)
    report = Report.objects.get()
    assert report.filed_late and report.fails_filing_deadline
    assert report.filing_deadline == datetime.date(2024, 1, 17)
    html = response.content.decode()
    assert "came after the filing deadline" in html
    assert "cannot be registered" in html


@pytest.mark.django_db
def test_new_form_fields_are_stored(client_for, semarang_staff):
    """Formulir Model B.1's fields the portal lacked: time received, citizenship, the reported
    party's address and phone, and the time of the incident."""
    client = client_for(semarang_staff)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    data = report_post_data(
        known_date=yesterday.isoformat(),
        received_date=yesterday.isoformat(),
        received_time="14:30",
        reporter_citizenship="wni",
        reported_address="Jl. Terlapor No. 2, Semarang",
        reported_phone="+62 812-1111-2222",
        incident_time="09:15",
    )
    assert client.post(URL, data).status_code == 302
    report = Report.objects.get()
    received = timezone.localtime(report.received_at, ZoneInfo("Asia/Jakarta"))
    assert (received.date(), received.time()) == (yesterday, datetime.time(14, 30))
    assert ReportHistory.objects.get(report=report).at == report.received_at
    assert report.incident_time == datetime.time(9, 15)
    assert report.reported_address == "Jl. Terlapor No. 2, Semarang"
    assert report.reported_phone == "+62 812-1111-2222"
    assert ReporterIdentity.objects.get(report=report).citizenship == "wni"


@pytest.mark.django_db
def test_time_received_defaults_to_now_in_the_office_zone(client_for, semarang_staff):
    """The form starts with today's date and the time now in the office's zone (WIB for
    Semarang), and names the zone; left empty, the report is received now."""
    client = client_for(semarang_staff)
    response = client.get(URL)
    form = response.context["form"]
    now = timezone.localtime(timezone.now(), ZoneInfo("Asia/Jakarta"))
    assert form["received_date"].value() == now.date()
    assert abs(
        datetime.datetime.combine(now.date(), form["received_time"].value())
        - now.replace(tzinfo=None, second=0, microsecond=0)
    ) <= datetime.timedelta(minutes=1)
    assert "Time received (WIB)" in response.content.decode()
    before = timezone.now()
    data = report_post_data()
    assert client.post(URL, data).status_code == 302
    assert Report.objects.get().received_at >= before


@pytest.mark.django_db
def test_nothing_preselected_but_the_time_received(client_for, semarang_staff):
    """No employment type is preselected and the agency select starts empty."""
    html = client_for(semarang_staff).get(URL).content.decode()
    employment = html.split('id="div_id_reported_employment"')[1].split("</fieldset>")[0]
    assert "checked" not in employment
    agency = html.split('id="id_reported_agency"')[1].split("</select>")[0]
    assert '<option value="" selected>Choose the agency</option>' in agency
    response = client_for(semarang_staff).post(URL, report_post_data(reported_employment=None))
    assert response.context["form"].errors["reported_employment"] == ["Choose PNS, PPPK or other."]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"received_date": "2099-01-01", "received_time": "10:00"},
            "received_date",
            "The date received cannot be in the future.",
        ),
        (
            {"received_date": "2024-01-01", "received_time": "10:00"},
            "received_date",
            "The date received cannot be before the date it became known.",
        ),
        (
            {"received_date": "2024-01-01", "received_time": ""},
            "received_time",
            "Enter the time the report was received, e.g. 14:30.",
        ),
        (
            {"received_date": "", "received_time": "10:00"},
            "received_date",
            "Enter the date the report was received.",
        ),
        (
            {"received_time": "25:99"},
            "received_time",
            "Enter the time the report was received as hours and minutes, e.g. 14:30.",
        ),
        (
            {"incident_time": "noon"},
            "incident_time",
            "Enter the time of the incident as hours and minutes, e.g. 14:30.",
        ),
    ],
)
@pytest.mark.django_db
def test_time_received_and_incident_time_errors(
    client_for, semarang_staff, overrides, field, message
):
    """The moment of receipt is a date and a time, not in the future, not before it became
    known; the incident's time is hours and minutes."""
    response = client_for(semarang_staff).post(URL, report_post_data(**overrides))
    assert response.context["form"].errors[field] == [message]
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_time_received_later_today_is_in_the_future(client_for, semarang_staff):
    """Today at a time still to come is refused on the time field."""
    now = timezone.localtime(timezone.now(), ZoneInfo("Asia/Jakarta"))
    if now.hour == 23 and now.minute == 59:
        pytest.skip("no later minute today")
    data = report_post_data(
        known_date=now.date().isoformat(),
        incident_date=now.date().isoformat(),
        received_date=now.date().isoformat(),
        received_time="23:59",
    )
    response = client_for(semarang_staff).post(URL, data)
    assert response.context["form"].errors["received_time"] == [
        "The time received cannot be in the future."
    ]


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
        ({"source": "zzz"}, "source", "a laporan, a temuan or informasi awal"),
        ({"reported_employment": "zzz"}, "reported_employment", "PNS, PPPK or other"),
        ({"reporter_phone": "abc"}, "reporter_phone", "8 to 15 digits"),
        ({"reported_phone": "12-34"}, "reported_phone", "8 to 15 digits"),
        (
            {"reporter_phone": "", "reporter_email": ""},
            "reporter_phone",
            "phone number or an email",
        ),
        ({"reporter_birth_date": "2031-01-01"}, "reporter_birth_date", "cannot be in the future"),
        ({"description": "x" * 10_001}, "description", "at most 10000 characters"),
        ({"reported_address": "x" * 301}, "reported_address", "at most 300 characters"),
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
    assert len(errors[field]) == 1 and message in errors[field][0], errors[field]
    assert not Report.objects.exists()
    assert "This field is required" not in str(errors)


@pytest.mark.django_db
def test_an_empty_or_too_long_name_gets_one_message(client_for, semarang_staff):
    """An empty name or address gets one message each; a too-long name is told its length."""
    client = client_for(semarang_staff)
    errors = (
        client.post(URL, report_post_data(reporter_name="", reporter_address=""))
        .context["form"]
        .errors
    )
    assert errors["reporter_name"] == [
        "Enter the reporter's full name (a laporan needs a reporter)."
    ]
    assert errors["reporter_address"] == [
        "Enter the reporter's address (a laporan needs a reporter)."
    ]
    errors = client.post(URL, report_post_data(reporter_name="N" * 151)).context["form"].errors
    assert errors["reporter_name"] == ["Enter at most 150 characters (you entered 151)."]


@pytest.mark.django_db
def test_temuan_needs_no_contact_and_no_age(client_for, semarang_commissioner):
    """The reporter rules apply to a laporan only: a temuan has no reporter."""
    data = report_post_data(
        source=ReportSource.TEMUAN,
        reporter_name="",
        reporter_address="",
        reporter_nik="",
        reporter_phone="",
        reporter_email="",
        reporter_birth_date="",
    )
    assert client_for(semarang_commissioner).post(URL, data).status_code == 302


@pytest.mark.django_db
def test_report_forms_have_no_legend_with_for(client_for, semarang_staff):
    """A legend takes no ``for`` (Nu HTML Checker); radio groups are fieldsets with legends."""
    client = client_for(semarang_staff)
    for response in (client.get(URL), client.post(URL, report_post_data(source="zzz"))):
        html = response.content.decode()
        assert not re.search(r"<legend[^>]*\sfor=", html)
        assert '<legend class="form-label fs-6">Source<span class="asteriskField">*</span>' in html
    assert 'aria-describedby="id_source_error"' in html
    assert 'href="#id_source_0"' in html


@pytest.mark.django_db
def test_add_a_witness_without_javascript(client_for, semarang_staff):
    """One witness block to start with; "Add a witness" posts the form and it comes back
    with one more block, every answer kept and no error shown."""
    client = client_for(semarang_staff)
    response = client.get(URL)
    assert len(response.context["witnesses"].forms) == 1
    assert 'id="witness-template"' in response.content.decode()
    data = report_post_data(
        reported_name="",
        **{"witness-TOTAL_FORMS": "1", "action": "add_witness"},
    )
    response = client.post(URL, data)
    assert response.status_code == 200
    assert len(response.context["witnesses"].forms) == 2
    assert not response.context["form"].errors
    html = response.content.decode()
    assert "<title>Error:" not in html
    assert 'value="Saksi Satu"' in html and 'name="witness-1-name"' in html
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_chosen_files_are_asked_again_after_a_round_trip(client_for, semarang_staff):
    """When the page comes back (an error, a witness added), the files must be chosen again."""
    response = client_for(semarang_staff).post(
        URL, report_post_data(description="", evidence_files=[png_upload()])
    )
    assert 'data-testid="files-dropped"' in response.content.decode()


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

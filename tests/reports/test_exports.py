"""CSV and XLSX exports of the filtered list: no reporter identity, filters applied, bounded."""

import csv
import io

import pytest
from openpyxl import load_workbook

from reports.models import Report, ReportStage
from reports.selectors import exports
from tests.factories.reports import (
    REPORTER_ADDRESS,
    REPORTER_EMAIL,
    REPORTER_NAME,
    REPORTER_NIK,
    REPORTER_PHONE,
    intake_report,
)

SECRETS = (REPORTER_NAME, REPORTER_NIK, REPORTER_PHONE, REPORTER_EMAIL, REPORTER_ADDRESS)


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.mark.django_db
def test_csv_has_reports_and_no_identity(client_for, semarang_staff):
    """The CSV lists the reports with their deadline, and nothing of the reporter."""
    reports = [intake_report(user=semarang_staff) for _index in range(3)]
    response = client_for(semarang_staff).get("/laporan/ekspor.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = csv_rows(response)
    header, body = rows[0], rows[1:]
    assert len(body) == 3
    assert {row[0] for row in body} == {report.tracking_code_display for report in reports}
    assert not any("reporter" in column.lower() or "pelapor" in column.lower() for column in header)
    flat = "\n".join(",".join(row) for row in rows)
    for secret in SECRETS:
        assert secret not in flat


@pytest.mark.django_db
def test_xlsx_has_reports_and_no_identity(client_for, semarang_staff):
    """The XLSX holds the same rows, without the reporter."""
    intake_report(user=semarang_staff)
    response = client_for(semarang_staff).get("/laporan/ekspor.xlsx")
    assert response.status_code == 200
    rows = xlsx_rows(response)
    assert len(rows) == 2
    flat = "\n".join(str(cell) for row in rows for cell in row)
    for secret in SECRETS:
        assert secret not in flat


@pytest.mark.django_db
def test_export_applies_the_list_filters(client_for, semarang_staff):
    """Only the filtered reports are exported."""
    kept = intake_report(user=semarang_staff)
    dropped = intake_report(user=semarang_staff)
    Report.objects.filter(pk=dropped.pk).update(stage=ReportStage.KAJIAN_AWAL)
    rows = csv_rows(client_for(semarang_staff).get("/laporan/ekspor.csv", {"stage": "diterima"}))
    assert [row[0] for row in rows[1:]] == [kept.tracking_code_display]


@pytest.mark.django_db
def test_export_is_bounded(client_for, semarang_staff, monkeypatch):
    """Past the row limit the export stops and says so in its last row."""
    monkeypatch.setattr(exports, "MAX_EXPORT_ROWS", 2)
    for _index in range(3):
        intake_report(user=semarang_staff)
    rows = csv_rows(client_for(semarang_staff).get("/laporan/ekspor.csv"))
    assert len(rows) == 4
    assert "stops at 2 rows" in rows[-1][0]


@pytest.mark.django_db
def test_export_refused_to_partners_and_scoped(
    client_for, semarang_staff, semarang_partner, serang_staff
):
    """Partners get 403; another office's export does not contain this city's reports."""
    report = intake_report(user=semarang_staff)
    assert client_for(semarang_partner).get("/laporan/ekspor.csv").status_code == 403
    rows = csv_rows(client_for(serang_staff).get("/laporan/ekspor.csv"))
    assert report.tracking_code_display not in str(rows)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/laporan/ekspor.csv", "/laporan/ekspor.xlsx"])
def test_formula_looking_text_is_quoted(client_for, semarang_staff, url):
    """A name typed as a spreadsheet formula arrives as text, never as a live formula."""
    report = intake_report(user=semarang_staff)
    Report.objects.filter(pk=report.pk).update(
        reported_name='=HYPERLINK("http://evil.example","klik")'
    )
    response = client_for(semarang_staff).get(url)
    rows = csv_rows(response) if url.endswith(".csv") else xlsx_rows(response)
    names = [row[10] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://evil.example","klik")']


@pytest.mark.django_db
def test_received_date_is_the_regions_local_date(client_for, balikpapan_report_user):
    """Received at 23.30 WIB on 30 July is 31 July in Balikpapan (WITA)."""
    import datetime

    user, report = balikpapan_report_user
    Report.objects.filter(pk=report.pk).update(
        received_at=datetime.datetime(2024, 7, 30, 16, 30, tzinfo=datetime.UTC)
    )
    rows = csv_rows(client_for(user).get("/laporan/ekspor.csv"))
    assert rows[1][4] == "2024-07-31"


@pytest.fixture
def balikpapan_report_user(db):
    from bawaslu_portal.models import AgencyKind, UserRole
    from bawaslu_portal.services import regions_import
    from tests.factories import AgencyFactory, UserFactory

    regions_import(codes=["64.71"])
    office = AgencyFactory(
        name="Bawaslu Kota Balikpapan", kind=AgencyKind.BAWASLU_KABKOTA, region_id="64.71"
    )
    user = UserFactory(username="balikpapan.staf", agency=office, role=UserRole.STAFF)
    from bawaslu_portal.models import Region

    return user, intake_report(user=user, kelurahan=Region.objects.get(code="64.71.01.1001"))


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/laporan/ekspor.csv", "/laporan/ekspor.xlsx"])
def test_export_query_count_does_not_grow(client_for, semarang_staff, url):
    """Exporting 2 or 12 reports runs the same queries (categories prefetched per chunk)."""
    from tests.querycount import count_queries

    client = client_for(semarang_staff)
    for _index in range(2):
        intake_report(user=semarang_staff)
    small = count_queries(lambda: b"".join(client.get(url).streaming_content))
    for _index in range(10):
        intake_report(user=semarang_staff)
    assert count_queries(lambda: b"".join(client.get(url).streaming_content)) == small

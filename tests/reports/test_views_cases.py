"""The case list and detail pages: scope, filters, deadline marks and query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bawaslu_portal.models import Agency, Region
from reports.models import Report, ReportComment, ReportHistory, ReportStage, ViolationCategory
from tests.factories.reports import category, intake_report, pemilu, png_upload


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def make_reports(user, count: int, **overrides) -> list[Report]:
    return [intake_report(user=user, **overrides) for _index in range(count)]


def count_get(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_list_shows_jurisdiction_only(client_for, semarang_staff, serang_staff, jateng_staff):
    """Each office lists the reports of its area; the province sees its cities' reports."""
    semarang = intake_report(user=semarang_staff)
    serang = intake_report(user=serang_staff, kelurahan=Region.objects.get(code="36.73.01.1001"))
    listed = list(client_for(semarang_staff).get("/laporan/").context["page"].object_list)
    assert listed == [semarang]
    listed = list(client_for(serang_staff).get("/laporan/").context["page"].object_list)
    assert listed == [serang]
    listed = list(client_for(jateng_staff).get("/laporan/").context["page"].object_list)
    assert listed == [semarang]


@pytest.mark.django_db
def test_partner_gets_403_and_other_city_404(
    client_for, semarang_staff, semarang_partner, serang_staff
):
    """Partners never see case files; another city's report is not found."""
    report = intake_report(user=semarang_staff)
    partner = client_for(semarang_partner)
    assert partner.get("/laporan/").status_code == 403
    assert partner.get(report.get_absolute_url()).status_code == 403
    assert client_for(serang_staff).get(report.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_filters(client_for, semarang_staff, pemkot_semarang):
    """Stage, election, category, kecamatan, ASN agency, late and due-soon all narrow the list."""
    etik = category()
    other = ViolationCategory.objects.exclude(pk=etik.pk).order_by("pk").first()
    plain = intake_report(user=semarang_staff)
    by_agency = intake_report(
        user=semarang_staff,
        reported_agency=pemkot_semarang,
        reported_agency_name="",
        categories=[other],
        kelurahan=Region.objects.get(code="33.74.02.1001"),
    )
    late = intake_report(
        user=semarang_staff,
        election=pemilu(),
        incident_date=datetime.date(2024, 1, 5),
        known_date=datetime.date(2024, 1, 8),
    )
    Report.objects.filter(pk=plain.pk).update(stage=ReportStage.KAJIAN_AWAL)
    Report.objects.filter(pk=by_agency.pk).update(
        deadline=timezone.localdate() + datetime.timedelta(days=10)
    )
    client = client_for(semarang_staff)

    def listed(**params):
        return set(client.get("/laporan/", params).context["page"].object_list)

    assert listed(stage="kajian_awal") == {plain}
    assert listed(election=pemilu().pk) == {late}
    assert listed(category=other.pk) == {by_agency}
    assert listed(kecamatan="33.74.02") == {by_agency}
    assert listed(agency=pemkot_semarang.pk) == {by_agency}
    assert listed(late="on") == {late}
    assert listed(due_soon="on") == {plain, late}


@pytest.mark.django_db
def test_an_invalid_filter_says_so_and_the_valid_ones_still_apply(client_for, semarang_staff):
    """A junk filter value gets a specific error; the other filters keep narrowing the list."""
    plain = intake_report(user=semarang_staff)
    other = intake_report(user=semarang_staff)
    Report.objects.filter(pk=plain.pk).update(stage=ReportStage.KAJIAN_AWAL)
    response = client_for(semarang_staff).get(
        "/laporan/", {"stage": "kajian_awal", "election": "abc", "category": "x"}
    )
    assert response.status_code == 200
    assert set(response.context["page"].object_list) == {plain}
    assert other not in response.context["page"].object_list
    html = response.content.decode()
    assert "Choose one of the listed elections." in html
    assert "Choose one of the listed categories." in html
    for params, message in [
        ({"stage": "zzz"}, "Choose one of the listed stages."),
        ({"kecamatan": "99.99.99"}, "Choose one of the listed kecamatan."),
        ({"agency": "999999"}, "Choose one of the listed agencies."),
    ]:
        response = client_for(semarang_staff).get("/laporan/", params)
        assert response.status_code == 200
        assert message in response.content.decode()


@pytest.mark.django_db
def test_late_is_marked_with_text_not_colour_only(client_for, semarang_staff):
    """A report past its deadline says so in words in the list and on its page."""
    report = intake_report(user=semarang_staff)
    Report.objects.filter(pk=report.pk).update(
        deadline=timezone.localdate() - datetime.timedelta(days=3)
    )
    client = client_for(semarang_staff)
    assert "Late by 3 days" in client.get("/laporan/").content.decode()
    assert "Late by 3 days" in client.get(report.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_list_query_count_does_not_grow(client_for, semarang_staff):
    """The list runs the same number of queries for 2 and for 12 reports."""
    client = client_for(semarang_staff)
    make_reports(semarang_staff, 2)
    client.get("/laporan/")  # warm the session and user caches
    small = count_get(client, "/laporan/")
    make_reports(semarang_staff, 10)
    large = count_get(client, "/laporan/")
    assert small == large
    assert count_get(client, "/laporan/", {"late": "on", "stage": "diterima"}) <= small


@pytest.mark.django_db
def test_detail_query_count_does_not_grow(client_for, semarang_staff, jateng_staff):
    """The detail page runs as many queries with 1 as with many evidence items, witnesses,
    history rows, comments and identity views."""
    client = client_for(semarang_staff)
    report = intake_report(user=semarang_staff, evidence_files=[png_upload()])
    client.get(report.get_absolute_url())
    small = count_get(client, report.get_absolute_url())
    big = intake_report(
        user=semarang_staff,
        evidence_files=[png_upload() for _index in range(4)],
        evidence_links=[f"https://example.com/{index}" for index in range(4)],
        witnesses=[{"name": f"Saksi {index}"} for index in range(3)],
    )
    for _index in range(5):
        ReportComment.objects.create(
            report=big, author=jateng_staff, stage=big.stage, text="Catatan provinsi"
        )
        ReportHistory.objects.create(
            report=big, to_stage=big.stage, actor=jateng_staff, office=jateng_staff.agency
        )
        client.post(f"/laporan/{big.pk}/identitas-pelapor/")
    assert count_get(client, big.get_absolute_url()) == small


@pytest.mark.django_db
def test_detail_shows_timeline_and_deadlines(client_for, semarang_staff):
    """The case page shows the history and the current deadline with days left."""
    report = intake_report(user=semarang_staff)
    html = client_for(semarang_staff).get(report.get_absolute_url()).content.decode()
    assert "Timeline" in html and "Recorded at the office." in html
    assert "2 days left" in html
    assert report.office.name in html


@pytest.mark.django_db
def test_list_page_link_to_create_only_for_handlers(client_for, semarang_staff, bawaslu_semarang):
    """The "record a report" link is offered to case handlers, not to viewers."""
    from tests.factories import UserFactory

    viewer = UserFactory(username="viewer.smg", agency=bawaslu_semarang, role="viewer")
    assert "/laporan/baru/" in client_for(semarang_staff).get("/laporan/").content.decode()
    response = client_for(viewer).get("/laporan/")
    assert response.status_code == 200
    assert "/laporan/baru/" not in response.content.decode()
    assert Agency.objects.exists()


@pytest.mark.django_db
def test_detail_offers_the_workflow_forms_with_csrf(client_for, semarang_staff):
    """The case page carries the allowed transition forms, each with its CSRF token."""
    report = intake_report(user=semarang_staff)
    html = client_for(semarang_staff).get(report.get_absolute_url()).content.decode()
    assert 'value="diterima__kajian_awal"' in html
    forms = html.split(f'action="/laporan/{report.pk}/tindakan/"')[1:]
    assert forms and all("csrfmiddlewaretoken" in form.split("</form>")[0] for form in forms)


@pytest.mark.django_db
def test_export_links_carry_the_filters_but_not_the_page(client_for, semarang_staff):
    """The export links repeat the list's filters; the page number is not a filter."""
    intake_report(user=semarang_staff)
    html = (
        client_for(semarang_staff)
        .get("/laporan/", {"stage": "diterima", "late": "on", "page": "2"})
        .content.decode()
    )
    assert 'href="/laporan/ekspor.csv?stage=diterima&amp;late=on"' in html
    assert 'href="/laporan/ekspor.xlsx?stage=diterima&amp;late=on"' in html


@pytest.mark.django_db
def test_list_columns_city_for_a_province_place_office_and_a_category_legend(
    client_for, semarang_staff, jateng_staff
):
    """Issue 9 §9: the kelurahan and the handling office are separate columns; a province
    sees each report's kab/kota; the category codes have a legend with their names."""
    report = intake_report(user=semarang_staff)
    code = report.categories.get()
    city_page = client_for(semarang_staff).get("/laporan/")
    assert city_page.context["show_city"] is False
    assert 'data-testid="report-city"' not in city_page.content.decode()
    html = city_page.content.decode()
    assert (
        f'<td class="d-none d-lg-table-cell" data-testid="report-place">{report.region.name}'
        in html
    )
    assert f'<abbr title="{code.name}">{code.code}</abbr>' in html
    assert city_page.context["category_legend"] == [code]
    assert f'<dt class="col-2 col-md-1">{code.code}</dt>' in html
    province_page = client_for(jateng_staff).get("/laporan/")
    assert province_page.context["show_city"] is True
    assert (
        f'data-testid="report-city">{report.office.region.name}</td>'
        in province_page.content.decode()
    )

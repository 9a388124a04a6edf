"""The dashboard /dasbor/: hand-counted figures, equal to the lists behind them, in scope."""

import datetime
import itertools

import pytest
from django.utils import timezone

from coordination.models import MeetingStatus
from office.forms.dashboard import add_months
from reports.models import ReportStage
from tests.factories import MeetingFactory
from tests.factories.campaigns import (
    DeclarationFactory,
    DesignationKindFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    ProgramTargetFactory,
)
from tests.factories.reports import ReportFactory, ViolationCategoryFactory
from tests.office.conftest import list_count
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

KIND_NUMBERS = itertools.count(1)


def month_start(offset: int) -> datetime.date:
    return add_months(timezone.localdate().replace(day=1), offset)


def aware(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_current_timezone())


def figures(response) -> dict:
    return {figure.key: figure for figure in response.context["dashboard"].figures}


def build(city_agency, region="33.74", kelurahan="33.74.01.1001", kecamatan="33.74.01"):
    """One city's month: 2 held + 1 planned meetings this month, 1 held two months ago and one
    before the period; 2 declarations in one kecamatan, 1 in another; 2 reports received this
    month (one in category E1), 1 last month; one recommendation acted on after 10 days and
    one still waiting."""
    this_month, two_ago = month_start(0), month_start(-2)
    for status in (MeetingStatus.TERLAKSANA, MeetingStatus.TERLAKSANA, MeetingStatus.DIRENCANAKAN):
        MeetingFactory(
            region_id=region, host_agency=city_agency, starts_at=aware(this_month), status=status
        )
    MeetingFactory(
        region_id=region,
        host_agency=city_agency,
        starts_at=aware(two_ago),
        status=MeetingStatus.TERLAKSANA,
    )
    MeetingFactory(
        region_id=region,
        host_agency=city_agency,
        starts_at=aware(month_start(-13)),
        status=MeetingStatus.TERLAKSANA,
    )
    second_kecamatan = kecamatan[:-1] + "2"
    DeclarationFactory(region_id=kecamatan, organiser=city_agency, date=this_month)
    DeclarationFactory(region_id=kelurahan, organiser=city_agency, date=this_month)
    DeclarationFactory(region_id=second_kecamatan, organiser=city_agency, date=two_ago)
    kind = DesignationKindFactory(name=f"Kelurahan Pengawasan {next(KIND_NUMBERS)}")
    KelurahanDesignationFactory(kind=kind, kelurahan_id=kelurahan, date=this_month)
    category = ViolationCategoryFactory(code="E1", name="Kampanye di media sosial")
    ReportFactory(
        office=city_agency,
        region_id=kelurahan,
        received_at=aware(this_month),
        categories=[category],
    )
    ReportFactory(office=city_agency, region_id=kelurahan, received_at=aware(this_month))
    ReportFactory(
        office=city_agency,
        region_id=kelurahan,
        received_at=aware(month_start(-1)),
        stage=ReportStage.SELESAI,
        ppk_agency=city_agency,
        bkn_recommendation_date=month_start(-1),
        ppk_decision_date=month_start(-1) + datetime.timedelta(days=10),
    )
    ReportFactory(
        office=city_agency,
        region_id=kelurahan,
        received_at=aware(month_start(-1)),
        stage=ReportStage.TINDAK_LANJUT_PPK,
        ppk_agency=city_agency,
        bkn_recommendation_date=month_start(-1) + datetime.timedelta(days=1),
    )


@pytest.fixture
def dashboard_data(bawaslu_semarang, bawaslu_serang):
    build(bawaslu_semarang)
    build(bawaslu_serang, region="36.73", kelurahan="36.73.01.1001", kecamatan="36.73.01")
    program = ProgramFactory(
        owner_agency=bawaslu_semarang, period_start=month_start(-3), period_end=None
    )
    ProgramTargetFactory(program=program, target_count=26)
    ProgramTargetFactory(program=program, level="kecamatan", region_id="33.74.01", target_count=12)
    return program


def total(figure) -> list:
    return [cell.value for cell in figure.table.total]


def test_city_figures_match_the_hand_counts(client_for, semarang_staff, dashboard_data):
    response = client_for(semarang_staff).get("/dasbor/")
    assert response.status_code == 200
    data = figures(response)
    assert total(data["meetings"]) == [3, 1]  # held (2 + 1), planned; the one 13 months ago not
    assert total(data["declarations"]) == [3, 2]  # 3 declarations in 2 kecamatan
    assert "2 of 16 kecamatan" in data["declarations"].lead
    assert total(data["reports"]) == [4]
    assert total(data["ppk"]) == [2, 1]
    assert data["ppk"].median_days == 10
    assert [cells[0].value for _label, cells in data["categories"].table.rows] == [1]
    assert data["programs"].table.rows[0][1][0].value == "38 = 26 + 12"


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff"])
def test_each_linked_figure_equals_its_list(request, client_for, who, dashboard_data):
    """Every number that links somewhere (monthly totals, stages, categories, each kab/kota's
    cell for the province) equals the count of the list it opens."""
    client = client_for(request.getfixturevalue(who))
    data = figures(client.get("/dasbor/"))
    checked = 0
    for figure in data.values():
        tables = [figure.table, *figure.tables, figure.per_region]
        for table in filter(None, tables):
            cells = [cell for _label, row in table.rows for cell in row] + list(table.total or [])
            for cell in cells:
                if cell.url and isinstance(cell.value, int):
                    assert list_count(client, cell.url) == cell.value, (figure.key, cell.url)
                    checked += 1
    assert checked >= 8


def test_province_sees_each_kab_kota(client_for, jateng_staff, dashboard_data):
    """Jawa Tengah: Semarang's row, no Serang, and the per-city cells open their lists."""
    client = client_for(jateng_staff)
    response = client.get("/dasbor/")
    data = figures(response)
    rows = dict(data["meetings"].per_region.rows)
    assert [cell.value for cell in rows["Kota Semarang"]] == [3, 1]
    assert total(data["meetings"]) == [3, 1]
    for cell in rows["Kota Semarang"]:
        assert list_count(client, cell.url) == cell.value
    ppk_rows = dict(data["ppk"].per_region.rows)
    assert [cell.value for cell in ppk_rows["Kota Semarang"]] == [2, 1, "10.0"]
    report_rows = dict(data["reports-cities"].per_region.rows)
    assert report_rows["Kota Semarang"][0].value == 4
    assert list_count(client, report_rows["Kota Semarang"][0].url) == 4
    assert "Kota Serang" not in response.content.decode()


def test_partner_sees_no_case_figures(client_for, semarang_partner, dashboard_data):
    data = figures(client_for(semarang_partner).get("/dasbor/"))
    assert "reports" not in data and "ppk" not in data
    assert "meetings" in data


def test_period_is_chosen_and_validated(client_for, semarang_staff, dashboard_data):
    client = client_for(semarang_staff)
    last_month = month_start(-1).strftime("%Y-%m")
    data = figures(client.get("/dasbor/", {"start": last_month, "end": last_month}))
    assert total(data["meetings"]) == [0, 0]
    assert total(data["ppk"]) == [2, 1]
    response = client.get("/dasbor/", {"start": "2024-05", "end": "2024-01"})
    assert "The last month cannot be before the first." in response.content.decode()
    response = client.get("/dasbor/", {"start": "2020-01", "end": "2024-01"})
    assert "Choose at most 36 months." in response.content.decode()
    response = client.get("/dasbor/", {"start": "maret"})
    assert "Enter the first month as year-month" in response.content.decode()
    # The default period stands while the form has errors.
    assert len(response.context["dashboard"].figures[0].table.rows) == 12


def test_page_has_svg_charts_with_text_and_print_css(client_for, semarang_staff, dashboard_data):
    content = client_for(semarang_staff).get("/dasbor/").content.decode()
    assert content.count('<svg class="chart-svg"') >= 5
    assert 'aria-labelledby="chart-meetings-title chart-meetings-desc"' in content
    assert "office/dashboard.css" in content
    assert "<script>" not in content and "style=" not in content


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_dashboard_runs_the_same_queries_at_two_sizes(request, client_for, who, bawaslu_semarang):
    user = request.getfixturevalue(who)
    client = client_for(user)
    build(bawaslu_semarang)
    client.get("/dasbor/")
    small = count_queries(lambda: client.get("/dasbor/"))
    build(bawaslu_semarang)
    build(bawaslu_semarang)
    large = count_queries(lambda: client.get("/dasbor/"))
    assert small == large
    assert large <= 30


@pytest.mark.parametrize(("durations", "median"), [([30, 2, 10], 10), ([30, 2, 10, 4], 7)])
def test_median_days_is_the_middle_of_the_decisions(
    client_for, semarang_staff, jateng_staff, bawaslu_semarang, durations, median
):
    """Odd: the middle decision; even: the mean of the two middle ones; for the city and per
    kab/kota for the province (the window-function query)."""
    start = month_start(-1)
    for days in durations:
        ReportFactory(
            office=bawaslu_semarang,
            stage=ReportStage.SELESAI,
            ppk_agency=bawaslu_semarang,
            bkn_recommendation_date=start,
            ppk_decision_date=start + datetime.timedelta(days=days),
        )
    ReportFactory(  # still waiting: not in the median
        office=bawaslu_semarang,
        stage=ReportStage.TINDAK_LANJUT_PPK,
        ppk_agency=bawaslu_semarang,
        bkn_recommendation_date=start,
    )
    city = figures(client_for(semarang_staff).get("/dasbor/"))["ppk"]
    assert city.median_days == median
    assert f"acted on {len(durations)} of {len(durations) + 1}" in city.lead
    # The PPK's time limit is read from the editable rules, with their legal basis.
    assert "The PPK has 14 working days to decide (SKB 2022 netralitas ASN)." in city.lead
    province = figures(client_for(jateng_staff).get("/dasbor/"))["ppk"]
    cells = dict(province.per_region.rows)["Kota Semarang"]
    assert cells[2].value == f"{median}.0"


def test_province_chooses_one_kab_kota(client_for, jateng_staff, semarang_staff, dashboard_data):
    """Jawa Tengah picks Kota Semarang: its figures by month, the same as the city's own, with
    links that keep the kab/kota; a kab/kota of another province is refused."""
    client = client_for(jateng_staff)
    response = client.get("/dasbor/", {"kabkota": "33.74"})
    data = figures(response)
    assert not response.context["dashboard"].per_region
    assert data["meetings"].per_region is None
    city = figures(client_for(semarang_staff).get("/dasbor/"))
    client = client_for(jateng_staff)
    for key in ("meetings", "declarations", "reports", "ppk"):
        assert total(data[key]) == total(city[key]), key
    assert data["declarations"].lead == city["declarations"].lead
    for cell in data["meetings"].table.total + data["reports"].table.total:
        assert "33.74" in cell.url
        assert list_count(client, cell.url) == cell.value
    refused = client.get("/dasbor/", {"kabkota": "36.73"})
    assert "Choose one of the listed kab/kota." in refused.content.decode()
    assert refused.context["dashboard"].per_region


def test_a_city_has_no_kab_kota_choice(client_for, semarang_staff, dashboard_data):
    response = client_for(semarang_staff).get("/dasbor/", {"kabkota": "33.74"})
    assert "kabkota" not in response.context["form"].fields
    assert response.status_code == 200

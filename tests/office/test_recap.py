"""The weekly recap /rekap/: hand-counted figures for one ISO week, in scope, with its lists,
its print view and its PDF (issue 9 §5)."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from bawaslu_portal.models import AgencyKind, Region, UserRole
from bawaslu_portal.services import regions_import
from coordination.models import FollowUp, FollowUpStatus, MeetingStatus
from office.forms.recap import iso_week, parse_iso_week
from reports.models import ReportHistory, ReportStage
from tests.factories import AgencyFactory, FollowUpFactory, MeetingFactory, UserFactory
from tests.factories.campaigns import DeclarationFactory
from tests.factories.reports import ReportFactory
from tests.pdfs import archival_facts, page_texts
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
#: ISO week 2024-W47: Monday 18 to Sunday 24 November 2024.
WEEK = "2024-W47"
MONDAY = datetime.date(2024, 11, 18)


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, minute, tzinfo=WIB)


def build(office, *, city="33.74", kelurahan="33.74.01.1001", kecamatan="33.74.01"):
    """One city's week, hand-counted: 2 meetings held, 2 declarations, 3 new reports, 2 reports
    moved, 1 follow-up done, 3 follow-ups overdue at the week's end; the rest counts nowhere."""
    held = MeetingStatus.TERLAKSANA
    # Held in the week: Monday 00:30 and Sunday 23:30 (WIB).
    MeetingFactory(region_id=city, host_agency=office, status=held, starts_at=at(18, 0, 30))
    MeetingFactory(region_id=kecamatan, host_agency=office, status=held, starts_at=at(24, 23, 30))
    # Not counted: the Sunday before, the Monday after, planned, cancelled.
    MeetingFactory(region_id=city, host_agency=office, status=held, starts_at=at(17, 23, 30))
    MeetingFactory(region_id=city, host_agency=office, status=held, starts_at=at(25, 0, 10))
    MeetingFactory(region_id=city, host_agency=office, starts_at=at(20))
    MeetingFactory(
        region_id=city, host_agency=office, status=MeetingStatus.DIBATALKAN, starts_at=at(20)
    )
    for day in (18, 24, 25):
        DeclarationFactory(region_id=kecamatan, organiser=office, date=datetime.date(2024, 11, day))
    reports = [
        ReportFactory(office=office, region_id=kelurahan, received_at=received)
        for received in (at(18, 8), at(21), at(24, 22), at(17, 22))
    ]
    moves = [
        (reports[3], "", ReportStage.DITERIMA, at(17, 22)),
        (reports[3], ReportStage.DITERIMA, ReportStage.KAJIAN_AWAL, at(19)),
        (reports[3], ReportStage.KAJIAN_AWAL, ReportStage.DIREGISTRASI, at(20)),
        (reports[0], "", ReportStage.DITERIMA, at(18, 8)),  # an intake: no move
        (reports[1], ReportStage.DITERIMA, ReportStage.KAJIAN_AWAL, at(23)),
        (reports[2], ReportStage.DITERIMA, ReportStage.KAJIAN_AWAL, at(25, 9)),  # next week
    ]
    for report, source, target, when in moves:
        ReportHistory.objects.create(report=report, from_stage=source, to_stage=target, at=when)
    done, open_ = FollowUpStatus.SELESAI, FollowUpStatus.TERBUKA

    def follow_up(due_day, status=open_, completed=None, created=None):
        item = FollowUpFactory(
            region_id=city,
            responsible_agency=office,
            due_date=datetime.date(2024, 11, due_day),
            status=status,
            completed_at=completed,
        )
        FollowUp.objects.filter(pk=item.pk).update(created_at=created or at(1))

    follow_up(20, done, completed=at(21))  # done in the week
    follow_up(5, done, completed=at(10))  # done before: counts nowhere
    follow_up(22, done, completed=at(26))  # done after the week: overdue at its end
    follow_up(20)  # overdue
    follow_up(24, FollowUpStatus.DALAM_PROSES)  # overdue (due Sunday, not done)
    follow_up(25)  # due after the week
    follow_up(20, FollowUpStatus.DIBATALKAN)  # cancelled
    follow_up(20, created=at(26))  # did not exist yet


EXPECTED = {
    "meetings_held": 2,
    "declarations": 2,
    "reports_new": 3,
    "reports_moved": 2,
    "follow_ups_done": 1,
    "follow_ups_overdue": 3,
}


def figures(row) -> dict[str, int]:
    return {cell.key.rsplit("-", 1)[0]: cell.value for cell in row.cells}


@pytest.fixture
def week_data(bawaslu_semarang, bawaslu_serang):
    serang_kelurahan = (
        Region.objects.filter(code__startswith="36.73.", depth=4).order_by("code").first().code
    )
    build(bawaslu_semarang)
    build(bawaslu_serang, city="36.73", kelurahan=serang_kelurahan, kecamatan=serang_kelurahan[:8])


def test_iso_weeks_parse_and_print():
    assert parse_iso_week("2024-W47") == MONDAY
    assert parse_iso_week("2024-w1") == datetime.date(2024, 1, 1)
    assert parse_iso_week("2020-W53") == datetime.date(2020, 12, 28)
    for bad in ("2024-W54", "2023-W53", "2024-47", "W47", "", "2024-W0"):
        assert parse_iso_week(bad) is None, bad
    assert iso_week(datetime.date(2021, 1, 4)) == "2021-W01"


def test_city_figures_match_the_hand_counts(client_for, semarang_staff, week_data):
    """Serang's identical week never adds to Semarang's figures."""
    response = client_for(semarang_staff).get("/rekap/", {"week": WEEK})
    assert response.status_code == 200
    recap = response.context["recap"]
    assert not recap.per_region and recap.area.code == "33.74"
    assert figures(recap.total) == EXPECTED


def test_each_linked_figure_equals_its_list(client_for, semarang_staff, jateng_staff, week_data):
    for user in (semarang_staff, jateng_staff):
        client = client_for(user)
        recap = client.get("/rekap/", {"week": WEEK}).context["recap"]
        cells = [*recap.total.cells, *(cell for row in recap.rows for cell in row.cells)]
        linked = [cell for cell in cells if cell.url]
        assert {cell.key.rsplit("-", 1)[0] for cell in linked} == {
            "meetings_held",
            "declarations",
            "reports_new",
        }
        for cell in linked:
            response = client.get(cell.url)
            assert response.status_code == 200, cell.url
            form = response.context.get("form") or response.context.get("filter_form")
            assert form is None or not form.errors, (cell.url, form.errors)
            assert response.context["page"].paginator.count == cell.value, cell.url


def test_province_sees_its_kab_kota_side_by_side(
    client_for, jateng_staff, week_data, second_jateng_city
):
    recap = client_for(jateng_staff).get("/rekap/", {"week": WEEK}).context["recap"]
    assert recap.per_region
    rows = {row.region.code: figures(row) for row in recap.rows}
    assert set(rows) == {"33.01", "33.74"}
    assert rows["33.74"] == EXPECTED
    assert set(rows["33.01"].values()) == {0}
    assert figures(recap.total) == EXPECTED


def test_province_can_open_one_kab_kota(client_for, jateng_staff, week_data, second_jateng_city):
    response = client_for(jateng_staff).get("/rekap/", {"week": WEEK, "region": "33.74"})
    recap = response.context["recap"]
    assert recap.area.code == "33.74" and not recap.per_region
    assert figures(recap.total) == EXPECTED
    assert f'"/rekap/cetak/?week={WEEK}&amp;region=33.74"' in response.content.decode()


def test_other_province_sees_only_its_own(client_for, serang_staff, week_data):
    recap = client_for(serang_staff).get("/rekap/", {"week": WEEK}).context["recap"]
    assert recap.area.code == "36.73"
    assert figures(recap.total) == EXPECTED
    response = client_for(serang_staff).get("/rekap/", {"week": WEEK, "region": "33.74"})
    assert "region" not in response.context["form"].fields
    assert response.context["recap"].area.code == "36.73"


def test_a_city_cannot_choose_another_province(client_for, jateng_staff, week_data):
    response = client_for(jateng_staff).get("/rekap/", {"week": WEEK, "region": "36.73"})
    assert response.context["form"].errors["region"] == [
        "Choose a province or kab/kota of your jurisdiction from the list."
    ]
    assert response.context["recap"].area.code == "33"


def test_partner_gets_no_case_figures(client_for, semarang_partner, week_data):
    recap = client_for(semarang_partner).get("/rekap/", {"week": WEEK}).context["recap"]
    keys = set(figures(recap.total))
    assert "reports_new" not in keys and "reports_moved" not in keys


def test_nationwide_admin_chooses_a_province(client_for, portal_admin, week_data):
    client = client_for(portal_admin)
    response = client.get("/rekap/", {"week": WEEK})
    assert response.status_code == 200 and response.context["recap"].area is None
    assert b'data-testid="recap-choose"' in response.content
    recap = client.get("/rekap/", {"week": WEEK, "region": "33"}).context["recap"]
    assert recap.per_region and figures(recap.total) == EXPECTED


def test_week_is_validated_and_defaults_to_the_last_complete_week(
    client_for, semarang_staff, week_data
):
    client = client_for(semarang_staff)
    today = timezone.localdate()
    last_monday = today - datetime.timedelta(days=today.weekday() + 7)
    recap = client.get("/rekap/").context["recap"]
    assert recap.week.monday == last_monday
    response = client.get("/rekap/", {"week": "2024-W60"})
    assert response.context["form"].errors["week"] == [
        "Enter the week as year and week number, e.g. 2024-W47."
    ]
    assert response.context["recap"].week.monday == last_monday
    response = client.get("/rekap/", {"week": "1999-W10"})
    assert "week" in response.context["form"].errors


def test_previous_next_and_latest_active_week_links(client_for, semarang_staff, week_data):
    response = client_for(semarang_staff).get("/rekap/", {"week": "2024-W40"})
    html = response.content.decode()
    assert '"/rekap/?week=2024-W39"' in html and '"/rekap/?week=2024-W41"' in html
    # The latest activity is the Monday-after meeting and report move: week 2024-W48.
    assert response.context["recap"].latest_active == datetime.date(2024, 11, 25)
    assert 'data-testid="latest-active-week"' in html and '"/rekap/?week=2024-W48"' in html


def test_a_wita_city_counts_its_own_monday(client_for, regions):
    """A week starts at Monday 00:00 in the area's zone: 23:30 WIB Sunday is 00:30 WITA Monday."""
    regions_import(codes=["64.71"])  # Kota Balikpapan, WITA
    city = Region.objects.get(code="64.71")
    assert city.timezone == "WITA"
    office = AgencyFactory(
        name="Bawaslu Kota Balikpapan", kind=AgencyKind.BAWASLU_KABKOTA, region_id="64.71"
    )
    MeetingFactory(
        region_id="64.71",
        host_agency=office,
        status=MeetingStatus.TERLAKSANA,
        starts_at=at(17, 23, 30),
    )
    user = UserFactory(username="balikpapan.staf", agency=office, role=UserRole.STAFF)
    response = client_for(user).get("/rekap/", {"week": WEEK})
    assert figures(response.context["recap"].total)["meetings_held"] == 1
    assert "(WITA)" in response.content.decode()


def test_print_view_and_pdf(client_for, jateng_staff, week_data):
    client = client_for(jateng_staff)
    response = client.get("/rekap/cetak/", {"week": WEEK})
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-print" in html and "Weekly recap" in html and "Kota Semarang" in html
    response = client.get("/rekap/pdf/", {"week": WEEK, "region": "33.74"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="rekap-{WEEK}-33.74.pdf"'
    facts = archival_facts(response.content)
    assert facts.tagged and facts.has_structure_tree
    assert (facts.pdfa_part, facts.pdfa_conformance) == ("3", "B")
    assert facts.unembedded_fonts == [] and facts.lang
    text = " ".join(page_texts(response.content))
    assert "weekly recap" in text.lower() and "Meetings held" in text
    assert "Print (Cetak)" not in text and "Kota Semarang" in text


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_recap_runs_the_same_queries_at_two_sizes(request, client_for, who, bawaslu_semarang):
    client = client_for(request.getfixturevalue(who))

    def page():
        assert client.get("/rekap/", {"week": WEEK}).status_code == 200

    build(bawaslu_semarang)
    small = count_queries(page)
    build(bawaslu_semarang)
    build(bawaslu_semarang, kecamatan="33.74.02", kelurahan="33.74.02.1001")
    assert count_queries(page) == small
    # Session and user; six figures; three MAX; a province also lists its kab/kota for the
    # form's choices and for the rows. A partner sees no case files: four figures, two MAX.
    assert small == {"semarang_staff": 11, "jateng_staff": 13, "semarang_partner": 8}[who]


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_print_view_runs_the_same_queries_at_two_sizes(request, client_for, who, bawaslu_semarang):
    client = client_for(request.getfixturevalue(who))

    def page():
        assert client.get("/rekap/cetak/", {"week": WEEK}).status_code == 200

    build(bawaslu_semarang)
    small = count_queries(page)
    build(bawaslu_semarang)
    build(bawaslu_semarang, kecamatan="33.74.02", kelurahan="33.74.02.1001")
    assert count_queries(page) == small


@pytest.mark.parametrize("username", ["semarang.staf", "jateng.staf", "semarang.pemkot", "admin"])
def test_demo_links_a_week_with_activity(client, username):
    """The default week may be empty in the demo; the page links the latest week with activity,
    whose recap is not empty."""
    from bawaslu_portal.demo import seed_portal_demo
    from coordination.demo import seed_coordination_demo
    from reports.demo import seed_reports_demo

    portal = seed_portal_demo(password="demo-password-123")
    seed_coordination_demo(portal=portal)
    seed_reports_demo(portal=portal)
    client.force_login(
        portal.users[username], backend="bawaslu_portal.backends.UsernameOrEmailBackend"
    )
    params = {"region": "33"} if username == "admin" else {}
    recap = client.get("/rekap/", params).context["recap"]
    assert recap.latest_active is not None, username
    response = client.get("/rekap/", {**params, "week": recap.latest_active_label})
    assert response.status_code == 200
    assert sum(cell.value for cell in response.context["recap"].total.cells) > 0, username

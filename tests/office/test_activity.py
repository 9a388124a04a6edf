"""The activity feed /aktivitas/: who did what and when, from the records' own history, in
scope, never naming a reporter, paged by an "older than" cursor (issue 9 §6)."""

import datetime
import zoneinfo

import pytest

from bawaslu_portal.models import Region
from coordination.models import Declaration, FollowUp, Meeting
from office.selectors.activity import PAGE_SIZE
from reports.models import ReportComment, ReportHistory, ReportStage
from tests.factories import FollowUpFactory, MeetingFactory
from tests.factories.campaigns import DeclarationFactory
from tests.factories.coordination import FollowUpNoteFactory
from tests.factories.reports import ReporterIdentityFactory, ReportFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
REPORTER = "Pelapor Rahasia Sutrisno"


def build(
    office, author, *, city="33.74", kelurahan="33.74.01.1001", tag="Semarang", responsible=None
):
    """One of each source in ``city``, titled with ``tag``; the follow-up is ``responsible``'s
    (default: ``office``'s)."""
    meeting = MeetingFactory(region_id=city, host_agency=office, title=f"Rapat {tag}")
    follow_up = FollowUpFactory(
        region_id=city, responsible_agency=responsible or office, title=f"TL {tag}"
    )
    FollowUpNoteFactory(follow_up=follow_up, author=author, text="progress")
    DeclarationFactory(region_id=city, organiser=office, title=f"Deklarasi {tag}")
    report = ReportFactory(office=office, region_id=kelurahan, registration_number=f"REG-{tag}")
    ReporterIdentityFactory(report=report, name=REPORTER)
    ReportHistory.objects.create(
        report=report, from_stage="", to_stage=ReportStage.DITERIMA, actor=author
    )
    ReportHistory.objects.create(
        report=report,
        from_stage=ReportStage.DITERIMA,
        to_stage=ReportStage.KAJIAN_AWAL,
        actor=author,
    )
    ReportComment.objects.create(
        report=report, author=author, stage=ReportStage.KAJIAN_AWAL, text="cek"
    )
    return meeting


@pytest.fixture
def feed_data(bawaslu_semarang, bawaslu_serang, semarang_staff, serang_staff):
    serang_kelurahan = (
        Region.objects.filter(code__startswith="36.73.", depth=4).order_by("code").first().code
    )
    build(bawaslu_semarang, semarang_staff)
    build(bawaslu_serang, serang_staff, city="36.73", kelurahan=serang_kelurahan, tag="Serang")


def items(response):
    assert response.status_code == 200
    return response.context["page"].items


def test_city_sees_each_source_of_its_own_and_nothing_of_another(
    client_for, semarang_staff, feed_data
):
    response = client_for(semarang_staff).get("/aktivitas/")
    rows = items(response)
    subjects = {item.subject for item in rows}
    assert subjects == {"Rapat Semarang", "TL Semarang", "Deklarasi Semarang", "REG-Semarang"}
    assert len(rows) == 7  # meeting, follow-up, note, declaration, intake, move, comment
    html = response.content.decode()
    assert "Serang" not in html.replace("semarang", "").replace("Semarang", "")
    assert REPORTER not in html
    assert "moved the report from Diterima (received) to Kajian awal" in html


def test_province_sees_its_cities_only(client_for, jateng_staff, feed_data):
    subjects = {item.subject for item in items(client_for(jateng_staff).get("/aktivitas/"))}
    assert "Rapat Semarang" in subjects and "Rapat Serang" not in subjects


def test_partner_sees_no_reports_and_only_their_agencys_follow_ups(
    client_for, semarang_partner, feed_data, pemkot_semarang
):
    FollowUpFactory(region_id="33.74", responsible_agency=pemkot_semarang, title="TL Pemkot")
    rows = items(client_for(semarang_partner).get("/aktivitas/"))
    kinds = {item.kind for item in rows}
    assert "reports" not in kinds
    assert {item.subject for item in rows if item.kind == "follow_ups"} == {"TL Pemkot"}
    response = client_for(semarang_partner).get("/aktivitas/", {"kind": "reports"})
    assert response.context["form"].errors["kind"]


def test_kind_filter(client_for, semarang_staff, feed_data):
    client = client_for(semarang_staff)
    rows = items(client.get("/aktivitas/", {"kind": "reports"}))
    assert {item.kind for item in rows} == {"reports"} and len(rows) == 3
    response = client.get("/aktivitas/", {"kind": "nonsense"})
    assert response.context["form"].errors["kind"] == [
        "Choose one of the listed kinds of activity."
    ]
    assert len(items(response)) == 7


def test_pages_follow_the_cursor_without_gaps_or_repeats(client_for, semarang_staff, regions):
    """Equal timestamps (a bulk import) are ordered by source and pk, so no row is lost."""
    for n in range(PAGE_SIZE + 7):
        MeetingFactory(region_id="33.74", title=f"Rapat {n}")
    same = datetime.datetime(2024, 11, 20, 10, 0, tzinfo=WIB)
    Meeting.objects.update(created_at=same, updated_at=same)
    for n in range(3):
        FollowUpFactory(region_id="33.74", title=f"TL {n}")
    FollowUp.objects.update(created_at=same, updated_at=same)
    client = client_for(semarang_staff)
    seen, response = [], client.get("/aktivitas/")
    pages = 0
    while True:
        pages += 1
        page = response.context["page"]
        seen += [(item.kind, item.pk) for item in page.items]
        if not page.next_cursor:
            break
        assert 'data-testid="older"' in response.content.decode()
        response = client.get("/aktivitas/", {"before": page.next_cursor})
    assert pages == 2
    assert len(seen) == len(set(seen)) == PAGE_SIZE + 10


def test_damaged_cursor_is_refused_with_a_message(client_for, semarang_staff, feed_data):
    response = client_for(semarang_staff).get("/aktivitas/", {"before": "yesterday"})
    assert response.context["form"].non_field_errors() == [
        "The link to older activity is damaged; start again from the newest."
    ]
    assert len(items(response)) == 7


def test_changes_name_the_editor(client_for, semarang_staff, semarang_commissioner, feed_data):
    meeting = Meeting.objects.get(title="Rapat Semarang")
    Meeting.objects.filter(pk=meeting.pk).update(
        updated_by=semarang_commissioner,
        updated_at=meeting.created_at + datetime.timedelta(hours=1),
    )
    Declaration.objects.filter(title="Deklarasi Semarang").update(
        created_by=semarang_staff,
    )
    rows = items(client_for(semarang_staff).get("/aktivitas/", {"kind": "meetings"}))
    assert rows[0].action == "changed the meeting"
    assert rows[0].actor == (
        semarang_commissioner.get_full_name() or semarang_commissioner.username
    )


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_feed_runs_the_same_queries_at_two_sizes(
    request, client_for, who, bawaslu_semarang, semarang_staff
):
    user = request.getfixturevalue(who)
    client = client_for(user)

    def page():
        assert client.get("/aktivitas/").status_code == 200

    # A partner sees the follow-ups of their agency: make them theirs, so the feed is not empty.
    responsible = user.agency if user.is_partner else None
    build(bawaslu_semarang, semarang_staff, responsible=responsible)
    small = count_queries(page)
    for n in range(PAGE_SIZE + 5):
        build(bawaslu_semarang, semarang_staff, tag=f"x{n}", responsible=responsible)
    assert count_queries(page) == small
    assert len(items(client.get("/aktivitas/"))) == PAGE_SIZE
    # Session and user, then one query per source (six; a partner sees no case files: four).
    assert small == {"semarang_staff": 8, "jateng_staff": 8, "semarang_partner": 6}[who]


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_home_links_to_the_feed_and_the_recap(request, client_for, who):
    html = client_for(request.getfixturevalue(who)).get("/").content.decode()
    assert 'href="/aktivitas/"' in html and 'href="/rekap/"' in html

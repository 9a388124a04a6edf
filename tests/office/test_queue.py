"""The work queue on "/": hand-counted lines, each equal to the list its link opens, in scope."""

import pytest

from tests.factories import AgencyFactory, UserFactory
from tests.factories.reports import ReportFactory
from tests.office.conftest import days, list_count, make_coordination, make_reports
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


def queue_lines(response) -> dict[str, object]:
    queue = response.context["queue"]
    return {line.key: line for section in queue.sections for line in section.lines}


def test_city_queue_matches_the_hand_counts(client_for, semarang_staff, queue_data):
    """Semarang's lines count Semarang's records only (Serang has 5 late kajian awal)."""
    lines = queue_lines(client_for(semarang_staff).get("/"))
    counts = {key: line.count for key, line in lines.items()}
    agency_a, agency_b = queue_data.agency_a.pk, queue_data.agency_b.pk
    assert counts == {
        "reports-late-kajian_awal": 2,
        "reports-today-handling": 1,
        "reports-soon-kajian_awal": 1,
        "reports-soon-completion": 1,
        "reports-awaiting-kajian-awal": 1,
        "reports-late-bkn_response": 1,
        "follow-ups-overdue": 3,
        f"follow-ups-overdue-agency-{agency_a}": 2,
        f"follow-ups-overdue-agency-{agency_b}": 1,
        "meetings-this-week": 1,
        "meetings-without-minutes": 2,
    }


def test_city_queue_most_urgent_first(client_for, semarang_staff, queue_data):
    response = client_for(semarang_staff).get("/")
    sections = [section.key for section in response.context["queue"].sections]
    assert sections == ["cases", "follow-through", "follow-ups", "meetings"]
    keys = [line.key for line in response.context["queue"].sections[0].lines]
    assert keys[0] == "reports-late-kajian_awal"
    assert keys.index("reports-today-handling") < keys.index("reports-soon-completion")


def test_each_count_equals_the_list_its_link_opens(client_for, semarang_staff, queue_data):
    client = client_for(semarang_staff)
    lines = queue_lines(client.get("/"))
    for line in lines.values():
        assert list_count(client, line.url) == line.count, (line.key, line.url)


def test_the_page_shows_each_line_as_a_link(client_for, semarang_staff, queue_data):
    response = client_for(semarang_staff).get("/")
    content = response.content.decode()
    for line in queue_lines(response).values():
        assert f'href="{line.url.replace("&", "&amp;")}"' in content, line.key
    assert "Rapat koordinasi" in content  # this week's meeting is named and linked


def test_another_city_sees_only_its_own(client_for, serang_staff, queue_data):
    lines = queue_lines(client_for(serang_staff).get("/"))
    assert lines["reports-late-kajian_awal"].count == 5
    assert lines["follow-ups-overdue"].count == 3  # all of one agency
    assert lines["meetings-without-minutes"].count == 2


def test_province_sees_each_kab_kota_side_by_side(
    client_for, jateng_staff, queue_data, second_jateng_city, bawaslu_semarang
):
    """Jawa Tengah: a row per kab/kota, Serang (Banten) nowhere, and each cell equals its list."""
    cilacap = AgencyFactory(name="Bawaslu Kabupaten Cilacap", region_id="33.01")
    kelurahan = second_jateng_city.children.first().children.first().code
    ReportFactory(office=cilacap, region_id=kelurahan, stage="kajian_awal", deadline=days(-4))
    client = client_for(jateng_staff)
    response = client.get("/")
    queue = response.context["queue"]
    assert queue.per_region
    by_city = {
        row.region.code: {c.key.rsplit("-", 1)[0]: c for c in row.cells} for row in queue.rows
    }
    assert set(by_city) == {"33.01", "33.74"}
    assert by_city["33.74"]["late"].count == 2
    assert by_city["33.01"]["late"].count == 1
    assert by_city["33.74"]["follow_through"].count == 1
    assert by_city["33.74"]["overdue"].count == 3
    assert by_city["33.74"]["week"].count == 1
    assert by_city["33.74"]["without_minutes"].count == 2
    totals = {c.key.rsplit("-", 1)[0]: c.count for c in queue.total.cells}
    assert totals["late"] == 3
    for cell in [*queue.rows[0].cells, *queue.rows[1].cells, *queue.total.cells]:
        assert list_count(client, cell.url) == cell.count, (cell.key, cell.url)
    assert "Kota Serang" not in response.content.decode()


def test_partner_sees_their_agencys_tasks_first(client_for, semarang_partner, queue_data):
    """Pemkot Semarang: its own overdue and coming follow-ups first, no case files."""
    client = client_for(semarang_partner)
    response = client.get("/")
    sections = response.context["queue"].sections
    assert sections[0].key == "my-tasks"
    assert "cases" not in [section.key for section in sections]
    lines = queue_lines(response)
    assert lines["my-tasks-overdue"].count == 2
    assert lines["my-tasks-due-week"].count == 1
    for line in lines.values():
        assert list_count(client, line.url) == line.count, line.key


def test_counts_past_the_cap_read_like_the_list(client_for, semarang_staff, queue_data, settings):
    settings.ADMIN_COUNT_LIMIT = 2
    client = client_for(semarang_staff)
    response = client.get("/")
    line = queue_lines(response)["follow-ups-overdue"]
    assert line.count == 3 and line.capped
    assert "2+" in response.content.decode()
    assert client.get(line.url).context["page"].paginator.count_is_capped


def test_home_needs_a_login(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/masuk/")


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff", "semarang_partner"])
def test_home_runs_the_same_queries_at_two_sizes(
    request, client_for, who, bawaslu_semarang, pemkot_semarang
):
    """The queue's queries do not grow with the data (one city's worth, then three)."""
    user = request.getfixturevalue(who)
    client = client_for(user)
    agency_b = AgencyFactory(name="Dinas Kominfo", region_id="33.74")

    def add():
        make_reports(bawaslu_semarang, "33.74.01.1001")
        make_coordination("33.74", pemkot_semarang, agency_b, bawaslu_semarang)

    add()
    client.get("/")
    small = count_queries(lambda: client.get("/"))
    add()
    add()
    large = count_queries(lambda: client.get("/"))
    assert small == large
    assert large <= 12


def test_an_account_without_agency_gets_an_empty_queue_and_dashboard(client_for, regions):
    """No agency, no jurisdiction: the pages say so and count nothing (never the whole country)."""
    client = client_for(UserFactory(username="tanpa.lembaga", agency=None))
    response = client.get("/")
    assert response.status_code == 200
    assert not response.context["queue"].sections
    assert "Your account has no agency" in response.content.decode()
    dashboard = client.get("/dasbor/")
    assert dashboard.status_code == 200
    totals = [
        cell.value
        for figure in dashboard.context["dashboard"].figures
        if figure.table and figure.table.total
        for cell in figure.table.total
    ]
    assert set(totals) <= {0}

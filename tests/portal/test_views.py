"""Home, region browser and agency directory: content, scope and query counts at two sizes."""

import pytest

from bawaslu_portal.models import AgencyKind
from tests.factories import AgencyFactory, PositionFactory, PositionRoleFactory
from tests.querycount import count_queries


def test_home_shows_name_agency_and_jurisdiction(client_for, semarang_staff):
    response = client_for(semarang_staff).get("/")
    content = response.content.decode()
    assert "Bawaslu Kota Semarang" in content
    assert "Kota Semarang" in content
    assert "33.74" in content
    assert 'href="/wilayah/"' in content
    assert 'href="/lembaga/"' in content


def test_region_browser_lists_kecamatan_of_the_city(client_for, semarang_staff):
    response = client_for(semarang_staff).get("/wilayah/33.74/")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.count == 16
    assert "Semarang Tengah" in response.content.decode()


def test_breadcrumb_links_only_the_regions_the_user_may_open(
    client_for, semarang_staff, jateng_staff
):
    """A city's official sees the province above as a name, not as a link to a 404 page;
    the province's official gets the link, and it opens."""
    city_page = client_for(semarang_staff).get("/wilayah/33.74.01/").content.decode()
    assert 'href="/wilayah/33/"' not in city_page
    assert "Jawa Tengah" in city_page
    assert 'href="/wilayah/33.74/"' in city_page
    assert client_for(semarang_staff).get("/wilayah/33/").status_code == 404

    province = client_for(jateng_staff)
    assert 'href="/wilayah/33/"' in province.get("/wilayah/33.74.01/").content.decode()
    assert province.get("/wilayah/33/").status_code == 200


def test_kelurahan_page_shows_the_roster(client_for, semarang_staff):
    PositionFactory(region_id="33.74.01.1001", person__name="Sri Wahyuni")
    response = client_for(semarang_staff).get("/wilayah/33.74.01.1001/")
    assert "Sri Wahyuni" in response.content.decode()


def test_agency_list_filters_by_kind_and_name(client_for, semarang_staff, pemkot_semarang):
    AgencyFactory(name="Bapenda Kota Semarang", kind=AgencyKind.OPD)
    client = client_for(semarang_staff)
    response = client.get("/lembaga/", {"kind": AgencyKind.PEMDA})
    names = [agency.name for agency in response.context["page"].object_list]
    assert names == ["Pemerintah Kota Semarang"]
    response = client.get("/lembaga/", {"q": "bapenda"})
    assert [a.name for a in response.context["page"].object_list] == ["Bapenda Kota Semarang"]


def test_agency_list_empty_state(client_for, semarang_staff):
    response = client_for(semarang_staff).get("/lembaga/", {"q": "tidak-ada"})
    assert response.context["page"].paginator.count == 0


def _grow(n, parent):
    role = PositionRoleFactory(name="Kepala OPD")
    for _ in range(n):
        agency = AgencyFactory(kind=AgencyKind.OPD, parent=parent)
        PositionFactory(agency=agency, role=role, region_id="33.74")
        PositionFactory(region_id="33.74.01.1001", role=role)


@pytest.mark.parametrize(
    "url",
    ["/wilayah/", "/wilayah/33.74/", "/wilayah/33.74.01.1001/", "/lembaga/", "AGENCY"],
)
def test_query_count_does_not_grow_with_data(client_for, semarang_staff, pemkot_semarang, url):
    """The same number of queries with 2 and with 12 agencies/positions.

    The home page is the work queue: its query counts are in tests/office/test_queue.py.
    """
    client = client_for(semarang_staff)
    target = f"/lembaga/{pemkot_semarang.pk}/" if url == "AGENCY" else url
    _grow(2, pemkot_semarang)
    small = count_queries(lambda: client.get(target))
    _grow(10, pemkot_semarang)
    large = count_queries(lambda: client.get(target))
    assert small == large
    assert large <= 10


def test_agency_list_reports_an_unknown_kind(client_for, semarang_staff, pemkot_semarang):
    """A bad filter value is shown in the error summary, and the list is not filtered by it."""
    response = client_for(semarang_staff).get("/lembaga/", {"kind": "bukan-jenis"})
    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == ["Choose a kind of agency from the list"]
    assert "data-error-summary" in response.content.decode()
    assert pemkot_semarang in response.context["page"].object_list


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999"])
def test_junk_page_numbers_show_the_first_page(client_for, semarang_staff, page):
    response = client_for(semarang_staff).get("/wilayah/33.74/", {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number == 1

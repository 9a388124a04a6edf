"""The roster admin: kelurahan pages with their roster, filters, CSV in and out, and speed."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bawaslu_portal.models import AgencyKind, Person, Position, Region
from bawaslu_portal.services import regions_import
from tests.factories import AgencyFactory, PersonFactory, PositionFactory, PositionRoleFactory
from tests.querycount import count_queries

MIROTO = "33.74.01.1001"
HEADER = "kode_wilayah;jabatan;nama;gelar;nip;telepon;email;lembaga;mulai;selesai;aktif"
IMPORT_URL = "/admin/bawaslu_portal/position/import/"
REGION_CHANGELIST = "/admin/bawaslu_portal/region/"
POSITION_CHANGELIST = "/admin/bawaslu_portal/position/"


def region_change_url(code: str) -> str:
    return reverse("admin:bawaslu_portal_region_change", args=[code])


def roster_csv(*lines: str) -> SimpleUploadedFile:
    content = "\ufeff" + "\r\n".join([HEADER, *lines]) + "\r\n"
    return SimpleUploadedFile("roster.csv", content.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def admin_client(client_for, portal_admin):
    """The test client as the portal superuser, with the admin in English."""
    client = client_for(portal_admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def lurah(db):
    return PositionRoleFactory(name="Lurah")


@pytest.fixture
def miroto_roster(regions, lurah):
    """Kelurahan Miroto's roster: a Lurah and an anggota PKD."""
    return [
        PositionFactory(person__name="Siti Aminah", role=lurah, region_id=MIROTO),
        PositionFactory(
            person__name="Bambang Wijaya",
            role=PositionRoleFactory(name="Anggota PKD"),
            region_id=MIROTO,
        ),
    ]


def changelist_rows(response) -> list[str]:
    """The object ids linked from a changelist's result rows."""
    return re.findall(
        r'<th class="field-[^"]*"><a href="/admin/[^"]+/([^/"]+)/change/',
        (response.content.decode()),
    )


def assert_no_unbounded_count(captured) -> None:
    """Every COUNT in ``captured`` counts a LIMITed subquery (the capped paginator)."""
    for query in captured:
        sql = query["sql"].upper()
        if "COUNT(" in sql:
            assert "LIMIT" in sql, f"unbounded count: {query['sql']}"


def assert_no_full_region_scan(captured) -> None:
    """No query reads the region table without a WHERE or a LIMIT (no full option lists)."""
    for query in captured:
        sql = query["sql"].upper()
        if 'FROM "BAWASLU_PORTAL_REGION"' in sql and "COUNT(" not in sql:
            assert "WHERE" in sql or "LIMIT" in sql, f"full region read: {query['sql']}"


# --- the import view --------------------------------------------------------------------


def test_import_form_is_shown_to_admins(admin_client):
    """The import page shows the upload form and the expected columns."""
    response = admin_client.get(IMPORT_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert 'type="file"' in content
    assert 'enctype="multipart/form-data"' in content
    assert "kode_wilayah" in content
    assert "<script>" not in content  # CSP: no inline scripts
    assert 'style="' not in content


def test_changelist_links_to_the_import(admin_client):
    """The positions changelist has an "Import roster CSV" button."""
    response = admin_client.get(POSITION_CHANGELIST)

    assert IMPORT_URL in response.content.decode()


def test_import_good_file_creates_entries_and_redirects(admin_client, regions, lurah):
    """A good file is imported; the admin is sent back to the changelist with a count."""
    response = admin_client.post(
        IMPORT_URL,
        {"file": roster_csv(f"{MIROTO};Lurah;Siti Aminah;;;;;;;;", f"{MIROTO};Lurah;Budi;;;;;;;;")},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == POSITION_CHANGELIST
    assert "2 roster entries imported: 2 new, 0 updated, 0 unchanged." in response.content.decode()
    assert Position.objects.filter(region_id=MIROTO).count() == 2


def test_import_bad_file_imports_nothing_and_lists_rows(admin_client, regions, lurah):
    """A file with bad rows imports nothing; the page lists each bad row, column and reason."""
    response = admin_client.post(
        IMPORT_URL,
        {
            "file": roster_csv(
                f"{MIROTO};Lurah;Siti Aminah;;;;;;;;",
                "99.99.99.9999;Lurah;Tanpa Wilayah;;;;;;;;",
                f"{MIROTO};Lurah;NIP Salah;;123;;;;;;",
            )
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Nothing was imported" in content
    table = content[content.index('<table id="roster-errors">') :]
    table = table[: table.index("</table>")]
    assert re.search(r"<td>3</td>\s*<td>kode_wilayah</td>\s*<td>[^<]*99\.99\.99\.9999", table)
    assert re.search(r"<td>4</td>\s*<td>nip</td>\s*<td>An NIP has exactly 18 digits", table)
    assert "<td>2</td>" not in table
    assert "<title>Error:" in content
    assert not Person.objects.exists()
    assert not Position.objects.exists()


def test_import_without_file_gets_a_specific_error(admin_client):
    """Submitting the form without a file says which file is missing."""
    response = admin_client.post(IMPORT_URL, {})

    assert response.status_code == 200
    assert "Choose the roster CSV file to import." in response.content.decode()


def test_non_staff_users_are_sent_to_the_admin_login(client_for, semarang_staff):
    """The import view is for admin staff only: others are redirected to the admin login."""
    response = client_for(semarang_staff).get(IMPORT_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_position_rights_cannot_import(client_for, semarang_staff):
    """An admin-site user without add/change rights on positions gets a 403."""
    semarang_staff.is_staff = True
    semarang_staff.save()

    response = client_for(semarang_staff).get(IMPORT_URL)

    assert response.status_code == 403


# --- CSV export actions ------------------------------------------------------------------


def test_position_export_action_downloads_the_selected_entries(admin_client, miroto_roster):
    """ "Export selected roster entries as CSV" returns the selected entries only."""
    siti = miroto_roster[0]
    response = admin_client.post(
        POSITION_CHANGELIST,
        {"action": "export_roster", "_selected_action": [siti.pk], "index": 0},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert content.splitlines()[0] == HEADER
    assert "Siti Aminah" in content
    assert "Bambang Wijaya" not in content


def test_region_export_action_downloads_the_rosters(admin_client, miroto_roster, lurah):
    """ "Export the rosters of the selected regions as CSV" covers the regions' subtrees."""
    PositionFactory(person__name="Di Serang", role=lurah, region_id="36.73.01.1001")

    response = admin_client.post(
        REGION_CHANGELIST,
        {"action": "export_rosters", "_selected_action": ["33.74.01"], "index": 0},
    )

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Siti Aminah" in content
    assert "Bambang Wijaya" in content
    assert "Di Serang" not in content


# --- the kelurahan page and its roster inline ----------------------------------------------


def test_kelurahan_page_shows_its_roster(admin_client, miroto_roster):
    """The kelurahan change page lists its roster entries in the inline."""
    response = admin_client.get(region_change_url(MIROTO))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Siti Aminah" in content
    assert "Bambang Wijaya" in content
    assert 'name="positions-TOTAL_FORMS"' in content


def test_kelurahan_roster_edit_is_saved(admin_client, miroto_roster, regions):
    """Posting the roster inline saves an edit (end date, inactive) and a new entry."""
    siti, bambang = miroto_roster
    kantor = AgencyFactory(name="Kelurahan Miroto", kind=AgencyKind.KELURAHAN, region_id=MIROTO)
    newcomer = PersonFactory(name="Dewi Lestari")
    region = Region.objects.get(code=MIROTO)
    data = {
        "name": region.name,
        "kind": region.kind,
        "parent": region.parent_id,
        "timezone": region.timezone,
        "postal_code": region.postal_code,
        "positions-TOTAL_FORMS": "3",
        "positions-INITIAL_FORMS": "2",
        "positions-MIN_NUM_FORMS": "0",
        "positions-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, position in enumerate(miroto_roster):
        data.update(
            {
                f"positions-{index}-id": position.pk,
                f"positions-{index}-region": MIROTO,
                f"positions-{index}-role": position.role_id,
                f"positions-{index}-person": position.person_id,
                f"positions-{index}-agency": "",
                f"positions-{index}-start_date": "",
                f"positions-{index}-end_date": "",
                f"positions-{index}-is_active": "on",
            }
        )
    data.update(
        {
            "positions-0-agency": kantor.pk,
            "positions-0-start_date": "2023-01-02",
            "positions-0-end_date": "2024-06-30",
            "positions-0-is_active": "",
            "positions-2-region": MIROTO,
            "positions-2-role": siti.role_id,
            "positions-2-person": newcomer.pk,
            "positions-2-is_active": "on",
        }
    )

    response = admin_client.post(region_change_url(MIROTO), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    siti.refresh_from_db()
    assert (siti.agency, str(siti.end_date), siti.is_active) == (kantor, "2024-06-30", False)
    assert Position.objects.filter(region_id=MIROTO, person=newcomer).exists()
    bambang.refresh_from_db()
    assert bambang.is_active


def test_roster_inline_labels_entries_without_a_query_each(admin_client, miroto_roster, lurah):
    """Adding roster entries does not add queries: autocompletes are labelled from loaded rows."""
    url = region_change_url(MIROTO)
    admin_client.get(url)
    small = count_queries(lambda: admin_client.get(url))
    agency = AgencyFactory(name="Kelurahan Miroto", region_id=MIROTO)
    PositionFactory.create_batch(6, role=lurah, region_id=MIROTO, agency=agency)
    big = count_queries(lambda: admin_client.get(url))

    assert big == small


# --- changelists: search, filters, speed --------------------------------------------------


def test_region_search_by_name_and_code(admin_client, regions):
    """The region changelist finds a kelurahan by name and by code prefix."""
    by_name = changelist_rows(admin_client.get(REGION_CHANGELIST, {"q": "Miroto"}))
    by_code = changelist_rows(admin_client.get(REGION_CHANGELIST, {"q": "33.74.01.10"}))

    assert by_name == [MIROTO]
    assert MIROTO in by_code
    assert all(code.startswith("33.74.01.10") for code in by_code)


def test_position_search_by_name_and_code(admin_client, miroto_roster, lurah):
    """The roster changelist finds entries by person name and by region code."""
    PositionFactory(person__name="Di Serang", role=lurah, region_id="36.73.01.1001")
    siti, bambang = miroto_roster

    by_name = changelist_rows(admin_client.get(POSITION_CHANGELIST, {"q": "Siti"}))
    by_code = changelist_rows(admin_client.get(POSITION_CHANGELIST, {"q": "33.74"}))

    assert by_name == [str(siti.pk)]
    assert sorted(by_code) == sorted([str(siti.pk), str(bambang.pk)])


def test_region_filters_by_kabkota_kecamatan_and_level(admin_client, regions):
    """Kab/kota, kecamatan and level filters narrow the region list; kecamatan need a kab/kota."""
    response = admin_client.get(REGION_CHANGELIST, {"kabkota": "36.73", "depth": "3"})
    rows = changelist_rows(response)
    assert len(rows) == 6
    assert all(code.startswith("36.73.") and code.count(".") == 2 for code in rows)
    content = response.content.decode()
    assert "36.73.01 " in content  # the kecamatan filter now lists Serang's kecamatan
    assert "33.74.01 Semarang Tengah" not in content

    rows = changelist_rows(admin_client.get(REGION_CHANGELIST, {"kecamatan": "33.74.01"}))
    assert rows[0] == "33.74.01"
    assert all(code.startswith("33.74.01") for code in rows)
    assert len(rows) == 1 + Region.objects.filter(parent_id="33.74.01").count()


def test_position_filters_by_kabkota_and_kecamatan(admin_client, miroto_roster, lurah):
    """Kab/kota and kecamatan filters narrow the roster list."""
    elsewhere = PositionFactory(person__name="Di Serang", role=lurah, region_id="36.73.01.1001")
    other_kecamatan = PositionFactory(person__name="Lain", role=lurah, region_id="33.74.02.1001")

    by_city = changelist_rows(admin_client.get(POSITION_CHANGELIST, {"kabkota": "36.73"}))
    by_kecamatan = changelist_rows(
        admin_client.get(POSITION_CHANGELIST, {"kabkota": "33.74", "kecamatan": "33.74.01"})
    )

    assert by_city == [str(elsewhere.pk)]
    assert sorted(by_kecamatan) == sorted(str(p.pk) for p in miroto_roster)
    assert str(other_kecamatan.pk) not in by_kecamatan


def _measure(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return captured.captured_queries


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (REGION_CHANGELIST, {}),
        (REGION_CHANGELIST, {"kabkota": "33.74", "depth": "4"}),
        (REGION_CHANGELIST, {"q": "Mir"}),
        (POSITION_CHANGELIST, {}),
        (POSITION_CHANGELIST, {"kabkota": "33.74", "kecamatan": "33.74.01"}),
        (region_change_url(MIROTO), {}),
        ("/admin/bawaslu_portal/agency/", {}),
        ("/admin/bawaslu_portal/person/", {}),
    ],
)
def test_admin_pages_do_not_grow_with_data(client_for, portal_admin, db, url, params):
    """Admin pages run as many queries for one city as for two plus extra rosters, never an
    unbounded COUNT(*) and never a full read of the region table."""
    regions_import(codes=["33.74"])
    lurah = PositionRoleFactory(name="Lurah")
    PositionFactory.create_batch(2, role=lurah, region_id=MIROTO)
    client = client_for(portal_admin)
    client.get(url, params)  # warm the session and content-type caches
    small = _measure(client, url, params)

    regions_import(codes=["36.73"])
    agency = AgencyFactory(name="Kelurahan Miroto", region_id=MIROTO)
    PositionFactory.create_batch(20, role=lurah, region_id="36.73.01.1001", agency=agency)
    PositionFactory.create_batch(8, role=lurah, region_id=MIROTO)
    big = _measure(client, url, params)

    assert len(big) == len(small), "\n".join(q["sql"] for q in big)
    assert_no_unbounded_count(small + big)
    assert_no_full_region_scan(small + big)


def test_region_autocomplete_finds_kelurahan_by_code_and_name(admin_client, regions):
    """The region autocomplete (used by every region field) answers by code prefix and name,
    one capped page at a time."""
    url = "/admin/autocomplete/"
    params = {"app_label": "bawaslu_portal", "model_name": "position", "field_name": "region"}

    by_code = admin_client.get(url, {**params, "term": "33.74.01.100"}).json()
    with CaptureQueriesContext(connection) as captured:
        by_name = admin_client.get(url, {**params, "term": "miroto"}).json()

    assert {result["id"] for result in by_code["results"]} >= {MIROTO, "33.74.01.1002"}
    assert all(result["id"].startswith("33.74.01.100") for result in by_code["results"])
    assert [result["id"] for result in by_name["results"]] == [MIROTO]
    assert_no_unbounded_count(captured.captured_queries)


def test_position_and_agency_pages_do_not_grow_with_data(client_for, portal_admin, regions):
    """A roster entry's and an agency's change pages run the same queries with more data, and
    their region, person and agency fields are autocompletes, not option lists."""
    lurah = PositionRoleFactory(name="Lurah")
    agency = AgencyFactory(name="Kelurahan Miroto", region_id=MIROTO)
    position = PositionFactory(role=lurah, region_id=MIROTO, agency=agency)
    urls = [
        reverse("admin:bawaslu_portal_position_change", args=[position.pk]),
        reverse("admin:bawaslu_portal_agency_change", args=[agency.pk]),
    ]
    client = client_for(portal_admin)
    for url in urls:
        client.get(url)
    small = [_measure(client, url) for url in urls]

    AgencyFactory.create_batch(10, region_id="36.73")
    PositionFactory.create_batch(10, role=lurah, region_id="36.73.01.1001")
    big = [_measure(client, url) for url in urls]

    for before, after in zip(small, big, strict=True):
        assert len(after) == len(before), "\n".join(q["sql"] for q in after)
        assert_no_unbounded_count(after)
        assert_no_full_region_scan(after)
        for query in after:
            sql = query["sql"].upper()
            if 'FROM "BAWASLU_PORTAL_PERSON"' in sql or 'FROM "BAWASLU_PORTAL_AGENCY"' in sql:
                assert "WHERE" in sql, f"full option list: {query['sql']}"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/bawaslu_portal/region/?_facets=True",
        "/admin/bawaslu_portal/position/?_facets=True",
        "/admin/bawaslu_portal/agency/?_facets=True",
    ],
)
def test_facet_counts_are_never_run(admin_client, miroto_roster, url):
    """Asking for facet counts ("Show counts") does not count the big tables."""
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert_no_unbounded_count(captured)


@pytest.mark.parametrize("model", ["accessattempt", "accesslog", "accessfailurelog"])
def test_login_log_admins_count_with_a_bound(admin_client, model):
    """django-axes' login logs grow with every login; their changelists stay bounded."""
    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(f"/admin/axes/{model}/")
    assert response.status_code == 200
    assert_no_unbounded_count(captured)


def _opened_fingerprint(admin_client, url) -> str:
    response = admin_client.get(url)
    return response.context["adminform"].form.initial["edit_fingerprint"]


def _region_post(region, fingerprint, name):
    return {
        "name": name,
        "kind": region.kind,
        "parent": region.parent_id,
        "timezone": region.timezone,
        "postal_code": region.postal_code,
        "edit_fingerprint": fingerprint,
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
        "positions-MIN_NUM_FORMS": "0",
        "positions-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }


def test_saving_over_someone_elses_roster_change_is_refused(admin_client, regions, lurah):
    """Admin A opens Miroto; admin B adds a Lurah; A's save is refused and B's entry stays."""
    url = region_change_url(MIROTO)
    fingerprint = _opened_fingerprint(admin_client, url)
    region = Region.objects.get(code=MIROTO)
    PositionFactory(region_id=MIROTO, role=lurah, person__name="Admin B's Lurah")

    response = admin_client.post(url, _region_post(region, fingerprint, "Miroto Baru"))

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors().as_data()
    assert errors[0].code == "stale_edit"
    region.refresh_from_db()
    assert region.name == "Miroto"
    assert Position.objects.filter(person__name="Admin B's Lurah").exists()


def test_saving_an_unchanged_record_goes_through(admin_client, regions):
    url = region_change_url(MIROTO)
    fingerprint = _opened_fingerprint(admin_client, url)
    region = Region.objects.get(code=MIROTO)

    response = admin_client.post(url, _region_post(region, fingerprint, "Miroto Baru"))

    assert response.status_code == 302
    region.refresh_from_db()
    assert region.name == "Miroto Baru"


def test_agency_edit_conflict_is_refused(admin_client, regions):
    agency = AgencyFactory(name="Bapenda Kota Semarang", kind=AgencyKind.OPD)
    url = reverse("admin:bawaslu_portal_agency_change", args=[agency.pk])
    fingerprint = _opened_fingerprint(admin_client, url)
    type(agency).objects.filter(pk=agency.pk).update(phone="024-111")

    response = admin_client.post(
        url,
        {
            "name": "Bapenda",
            "kind": agency.kind,
            "region": agency.region_id,
            "is_active": "on",
            "edit_fingerprint": fingerprint,
        },
    )

    assert response.status_code == 200
    agency.refresh_from_db()
    assert (agency.name, agency.phone) == ("Bapenda Kota Semarang", "024-111")

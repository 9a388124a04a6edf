"""The search page /cari/: what it finds, for whom, and how (issue 9 §3).

The index is built the way production builds it: by the rebuild service over
records made with the factories, or by the signals after a service commits
(``django_capture_on_commit_callbacks(execute=True)``: the test transaction
never commits).
"""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import AgencyKind, Region, UserRole
from coordination.models import DeclarationKind, MeetingKind
from coordination.services.campaigns import (
    declaration_create,
    declaration_delete,
    declaration_update,
)
from coordination.services.meetings import meeting_create
from reports.models import Report, ReportStage
from reports.selectors.privacy import ANONYMISED_NAME
from reports.services.privacy import reporters_anonymise
from search.models import SearchDocument, SearchKind
from search.services import search_index_rebuild
from tests.factories import AgencyFactory, UserFactory
from tests.factories.campaigns import DeclarationFactory, ProgramFactory
from tests.factories.coordination import (
    FollowUpFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
)
from tests.factories.portal import PersonFactory, PositionFactory
from tests.factories.reports import (
    REPORTER_NAME,
    ReporterIdentityFactory,
    ReportFactory,
    intake_report,
)

URL = reverse("search:search")
WORD = "Gombelwetan"  # in no region's name

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the indonesian text search configuration and pg_trgm",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite fallback (icontains)"
)


def result_kinds(response) -> list[str]:
    return re.findall(r'data-search-result="([a-z_]+)"', response.content.decode())


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


@pytest.fixture
def semarang_everything(bawaslu_semarang, pemkot_semarang):
    """One record of every kind in Kota Semarang, each with ``WORD`` somewhere."""
    meeting = MeetingFactory(
        title=f"Rakor netralitas di {WORD}", host_agency=bawaslu_semarang, region_id="33.74"
    )
    FollowUpFactory(
        title="Surat edaran camat",
        description=f"Disebarkan ke kelurahan {WORD}",
        responsible_agency=pemkot_semarang,
        meeting=meeting,
    )
    DeclarationFactory(
        title=f"Deklarasi tolak politik uang {WORD}",
        region_id="33.74",
        organiser=bawaslu_semarang,
    )
    ProgramFactory(name=f"Sosialisasi {WORD}", owner_agency=bawaslu_semarang, region_id="33.74")
    AgencyFactory(name=f"Kelompok Tani {WORD}", kind=AgencyKind.LAINNYA, region_id="33.74")
    PositionFactory(person=PersonFactory(name=f"Siti {WORD}"), region_id="33.74.01.1001")
    ReportFactory(office=bawaslu_semarang, reported_name=f"Bambang {WORD}")
    search_index_rebuild()


# Finding -----------------------------------------------------------------------------------


def test_finds_every_kind_in_the_jurisdiction(client_for, semarang_staff, semarang_everything):
    """One query finds the meeting, follow-up, declaration, program, report, person and agency."""
    response = search(client_for(semarang_staff), WORD)
    assert sorted(result_kinds(response)) == sorted(
        [
            SearchKind.MEETING,
            SearchKind.FOLLOW_UP,
            SearchKind.DECLARATION,
            SearchKind.PROGRAM,
            SearchKind.REPORT,
            SearchKind.PERSON,
            SearchKind.AGENCY,
        ]
    )
    assert "<mark>" in response.content.decode()


def test_finds_regions_by_name(client_for, semarang_staff, regions):
    search_index_rebuild(kinds=[SearchKind.REGION])
    tugu = Region.objects.get(code="33.74.10")
    response = search(client_for(semarang_staff), tugu.name)
    assert SearchKind.REGION in result_kinds(response)
    assert reverse("region_detail", args=[tugu.code]) in response.content.decode()


def test_results_link_to_the_objects(client_for, semarang_staff, semarang_everything):
    response = search(client_for(semarang_staff), WORD)
    html = response.content.decode()
    found = SearchDocument.objects.filter(Q(title__contains=WORD) | Q(body__contains=WORD))
    assert found.count() == 7
    for document in found:
        assert f'href="{document.url}"' in html
        assert client_for(semarang_staff).get(document.url).status_code == 200


def test_one_kind_is_paginated(client_for, semarang_staff, bawaslu_semarang):
    for number in range(23):
        MeetingFactory(title=f"Rapat {WORD} {number}", host_agency=bawaslu_semarang)
    search_index_rebuild(kinds=[SearchKind.MEETING])
    client = client_for(semarang_staff)
    grouped = search(client, WORD)
    assert result_kinds(grouped).count(SearchKind.MEETING) == 5
    assert 'data-search-more="meeting"' in grouped.content.decode()
    first = search(client, WORD, type=SearchKind.MEETING)
    assert result_kinds(first).count(SearchKind.MEETING) == 20
    assert "23 results" in first.content.decode()
    second = search(client, WORD, type=SearchKind.MEETING, page=2)
    assert result_kinds(second).count(SearchKind.MEETING) == 3


def test_empty_state(client_for, semarang_staff, semarang_everything):
    response = search(client_for(semarang_staff), "tidakadasamasekali")
    assert result_kinds(response) == []
    assert "data-search-empty" in response.content.decode()


def test_titles_and_snippets_are_escaped(client_for, semarang_staff, bawaslu_semarang):
    MeetingFactory(
        title=f"<script>alert(1)</script> {WORD}",
        summary=f'<img src=x onerror="alert(2)"> {WORD} dibahas',
        host_agency=bawaslu_semarang,
    )
    search_index_rebuild(kinds=[SearchKind.MEETING])
    html = search(client_for(semarang_staff), WORD).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


# The query ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "a"}, "Enter at least 2 characters to search for"),
        ({"q": "   "}, "Enter what to search for"),
        ({"q": "x" * 101}, "Search with at most 100 characters"),
        ({"q": WORD, "type": "nonsense"}, "Choose a kind of result from the list"),
    ],
)
def test_invalid_queries_say_what_is_wrong(client_for, semarang_staff, params, message):
    response = client_for(semarang_staff).get(URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "There is a problem" in html
    assert result_kinds(response) == []


def test_no_query_is_a_plain_form(client_for, semarang_staff):
    html = client_for(semarang_staff).get(URL).content.decode()
    assert 'role="search"' in html
    assert "There is a problem" not in html


def test_needs_a_login(client):
    response = client.get(URL, {"q": WORD})
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_header_has_a_search_box(client_for, semarang_staff):
    html = client_for(semarang_staff).get(reverse("home")).content.decode()
    assert f'action="{URL}"' in html
    assert 'id="header-search"' in html


# Scope -------------------------------------------------------------------------------------


def test_never_finds_another_citys_records(client_for, serang_staff, semarang_everything):
    response = search(client_for(serang_staff), WORD)
    assert result_kinds(response) == []


def test_another_citys_meeting_and_report_stay_hidden(client_for, semarang_staff, bawaslu_serang):
    MeetingFactory(title=f"Rapat {WORD} Serang", region_id="36.73", host_agency=bawaslu_serang)
    ReportFactory(
        office=bawaslu_serang,
        region_id="36.73.01.1001",
        incident_kelurahan_id=None,
        reported_name=f"Asep {WORD}",
    )
    search_index_rebuild()
    assert result_kinds(search(client_for(semarang_staff), WORD)) == []


def test_province_finds_its_cities(client_for, jateng_staff, semarang_everything):
    assert SearchKind.MEETING in result_kinds(search(client_for(jateng_staff), WORD))


def test_partner_finds_no_reports_and_only_their_agencys_work(
    client_for, semarang_partner, semarang_everything, bawaslu_semarang
):
    """A partner sees the follow-up assigned to their agency, not another agency's meeting."""
    kinds = result_kinds(search(client_for(semarang_partner), WORD))
    assert SearchKind.REPORT not in kinds
    assert SearchKind.FOLLOW_UP in kinds
    assert SearchKind.MEETING not in kinds  # hosted by Bawaslu, their agency not in it
    assert SearchKind.PROGRAM in kinds  # programs concern the region: partners see them


def test_partner_cannot_ask_for_reports(client_for, semarang_partner, semarang_everything):
    response = client_for(semarang_partner).get(URL, {"q": WORD, "type": SearchKind.REPORT})
    assert "Choose a kind of result from the list" in response.content.decode()
    assert result_kinds(response) == []


# The reporter's identity -------------------------------------------------------------------

REPORTER = "Sutrisno Hadiwijoyo"


@pytest.fixture
def reported_by_sutrisno(bawaslu_semarang):
    report = ReportFactory(office=bawaslu_semarang, reported_name="Budi Terlapor")
    ReporterIdentityFactory(report=report, name=REPORTER)
    search_index_rebuild(kinds=[SearchKind.REPORT])
    return report


def test_case_handler_finds_a_report_by_its_reporters_name(
    client_for, semarang_staff, reported_by_sutrisno
):
    response = search(client_for(semarang_staff), REPORTER)
    assert result_kinds(response) == [SearchKind.REPORT]
    html = response.content.decode()
    assert "data-identity-match" in html
    assert REPORTER not in html.replace(f'value="{REPORTER}"', "").replace(
        f"Search: {REPORTER}", ""
    )


def test_office_above_finds_it_too(client_for, jateng_staff, reported_by_sutrisno):
    assert result_kinds(search(client_for(jateng_staff), REPORTER)) == [SearchKind.REPORT]


def test_viewer_never_finds_a_report_by_its_reporters_name(
    client_for, bawaslu_semarang, reported_by_sutrisno
):
    viewer = UserFactory(username="semarang.lihat", agency=bawaslu_semarang, role=UserRole.VIEWER)
    client = client_for(viewer)
    assert result_kinds(search(client, REPORTER)) == []
    assert result_kinds(search(client, "Sutrisno")) == []
    # The report itself is visible to the viewer: by what it says, it is found.
    assert result_kinds(search(client, "Budi Terlapor")) == [SearchKind.REPORT]


def test_a_city_office_does_not_find_the_provinces_case_by_its_reporter(
    client_for, semarang_staff, bawaslu_jateng, reported_by_sutrisno
):
    """The province handles it: the city sees the case (its area), not who reported it."""
    reported_by_sutrisno.office = bawaslu_jateng
    reported_by_sutrisno.save()
    search_index_rebuild(kinds=[SearchKind.REPORT])
    client = client_for(semarang_staff)
    assert result_kinds(search(client, REPORTER)) == []
    assert result_kinds(search(client, "Budi Terlapor")) == [SearchKind.REPORT]


def test_other_city_and_partner_never_find_it(
    client_for, serang_staff, semarang_partner, reported_by_sutrisno
):
    assert result_kinds(search(client_for(serang_staff), REPORTER)) == []
    assert result_kinds(search(client_for(semarang_partner), REPORTER)) == []


def test_the_reporters_contact_data_is_not_indexed(reported_by_sutrisno):
    document = SearchDocument.objects.get(kind=SearchKind.REPORT)
    identity = reported_by_sutrisno.reporter_identity
    for value in (identity.phone, identity.email, identity.address):
        assert value not in document.body
        assert value not in document.restricted_body
    assert REPORTER not in document.body
    assert document.restricted_body == REPORTER


# PostgreSQL: stemming and typos ------------------------------------------------------------


@postgres_only
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Rapat pengawasan partisipatif", "mengawasi"),  # through the -si widening
        ("Kegiatan yang diawasi bersama", "pengawasan"),  # the other way
        ("Penerimaan laporan dugaan pelanggaran", "melaporkan"),  # Snowball alone
        ("Sosialisasi pemilihan kepala daerah", "memilih"),  # Snowball alone
    ],
)
def test_postgres_stems_indonesian_words(client_for, semarang_staff, bawaslu_semarang, text, query):
    MeetingFactory(title=text, host_agency=bawaslu_semarang)
    search_index_rebuild(kinds=[SearchKind.MEETING])
    response = search(client_for(semarang_staff), query)
    assert result_kinds(response) == [SearchKind.MEETING]
    assert "<mark>" in response.content.decode()


@postgres_only
def test_postgres_indonesian_configuration_as_installed(db):
    """What the built-in configuration does on this server (the reason for the widening)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('indonesian', 'mengawasi')::text,"
            " to_tsvector('indonesian', 'pengawasan')::text,"
            " to_tsvector('indonesian', 'melaporkan')::text,"
            " to_tsvector('indonesian', 'laporan')::text"
        )
        assert cursor.fetchone() == ("'awasi':1", "'awas':1", "'lapor':1", "'lapor':1")


@postgres_only
def test_postgres_finds_names_with_a_typo(client_for, semarang_staff, regions):
    PositionFactory(person=PersonFactory(name="Hendrar Prihadi"), region_id="33.74.01.1001")
    search_index_rebuild(kinds=[SearchKind.PERSON])
    response = search(client_for(semarang_staff), "Hendrar Prihady")
    assert result_kinds(response) == [SearchKind.PERSON]


@postgres_only
def test_postgres_vectors_and_indexes_exist(semarang_everything):
    assert not SearchDocument.objects.filter(vector__isnull=True).exists()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s",
            [SearchDocument._meta.db_table],
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"searchdoc_vector_gin", "searchdoc_restricted_gin", "searchdoc_name_trgm"} <= names
    assert "searchdoc_title_trgm" not in names


# SQLite fallback ---------------------------------------------------------------------------


@sqlite_only
def test_sqlite_fallback_needs_every_word(client_for, semarang_staff, bawaslu_semarang):
    MeetingFactory(title="Rapat netralitas ASN", theme="", host_agency=bawaslu_semarang)
    MeetingFactory(title="Rapat anggaran", theme="", host_agency=bawaslu_semarang)
    search_index_rebuild(kinds=[SearchKind.MEETING])
    client = client_for(semarang_staff)
    assert result_kinds(search(client, "rapat NETRALITAS")) == [SearchKind.MEETING]
    assert result_kinds(search(client, "rapat")) == [SearchKind.MEETING, SearchKind.MEETING]
    html = search(client, "netral").content.decode()
    assert "<mark>netral</mark>itas" in html


# Keeping the index current -----------------------------------------------------------------


def test_a_meeting_made_by_the_service_is_indexed_whole(
    semarang_staff, bawaslu_semarang, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_create(
            actor=semarang_staff,
            kind=MeetingKind.RAKOR,
            title="Rakor pengawasan",
            starts_at=datetime.datetime(2024, 1, 10, 3, tzinfo=datetime.UTC),
            region=Region.objects.get(code="33.74"),
            host_agency=bawaslu_semarang,
            attendees=[{"name": "Ibu Wahyuningsih"}],
            agenda_items=[{"title": "Pembagian tugas pengawas TPS"}],
        )
    document = SearchDocument.objects.get(kind=SearchKind.MEETING, object_id=meeting.pk)
    assert document.title == "Rakor pengawasan"
    assert "Ibu Wahyuningsih" in document.body
    assert "Pembagian tugas pengawas TPS" in document.body
    assert document.region_id == "33.74"


def test_declarations_stay_current_through_create_update_and_delete(
    semarang_staff, bawaslu_semarang, django_capture_on_commit_callbacks
):
    fields = {
        "kind": DeclarationKind.NETRALITAS_ASN,
        "date": datetime.date(2024, 1, 10),
        "region": Region.objects.get(code="33.74"),
        "organiser": bawaslu_semarang,
    }
    with django_capture_on_commit_callbacks(execute=True):
        declaration = declaration_create(actor=semarang_staff, title="Deklarasi awal", **fields)
    assert SearchDocument.objects.get(kind=SearchKind.DECLARATION).title == "Deklarasi awal"
    with django_capture_on_commit_callbacks(execute=True):
        declaration_update(
            actor=semarang_staff,
            declaration=declaration,
            title="Deklarasi diubah",
            signatories=[{"name": "Pak Lurah Gombel"}],
            **fields,
        )
    document = SearchDocument.objects.get(kind=SearchKind.DECLARATION)
    assert document.title == "Deklarasi diubah"
    assert "Pak Lurah Gombel" in document.body
    with django_capture_on_commit_callbacks(execute=True):
        declaration_delete(actor=semarang_staff, declaration=declaration)
    assert not SearchDocument.objects.filter(kind=SearchKind.DECLARATION).exists()


def test_a_report_through_intake_indexes_its_reporter_apart(
    semarang_staff, bawaslu_semarang, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = intake_report(user=semarang_staff)
    document = SearchDocument.objects.get(kind=SearchKind.REPORT, object_id=report.pk)
    assert document.restricted_body == REPORTER_NAME
    assert REPORTER_NAME not in document.body
    assert "Budi Terlapor" in document.body
    assert document.office_id == report.office_id


def test_a_rolled_back_write_indexes_nothing(semarang_staff, bawaslu_semarang):
    with pytest.raises(RuntimeError), transaction.atomic():
        MeetingFactory(title="Tidak jadi", host_agency=bawaslu_semarang)
        raise RuntimeError
    MeetingFactory(title="Jadi", host_agency=bawaslu_semarang)
    # The outer test transaction never commits: nothing ran, and the batch queued for the
    # second meeting is a new one (the rolled-back savepoint dropped the first).
    assert not SearchDocument.objects.exists()


def test_a_renamed_person_is_found_by_the_new_name(regions, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        position = PositionFactory(person=PersonFactory(name="Nama Lama"))
    with django_capture_on_commit_callbacks(execute=True):
        position.person.name = "Nama Baru"
        position.person.save()
    assert SearchDocument.objects.get(kind=SearchKind.PERSON).title == "Nama Baru"


def test_an_attendee_added_later_reaches_the_meeting_document(
    bawaslu_semarang, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(title="Rapat", host_agency=bawaslu_semarang)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        MeetingAttendeeFactory(meeting=meeting, person=PersonFactory(name="Pak Darmanto"))
    assert "Pak Darmanto" in SearchDocument.objects.get(kind=SearchKind.MEETING).body


# The rebuild command -----------------------------------------------------------------------


def test_rebuild_command_builds_repairs_and_prunes(semarang_everything, bawaslu_semarang):
    SearchDocument.objects.exclude(kind=SearchKind.REGION).delete()
    stale = ReportFactory(office=bawaslu_semarang)
    search_index_rebuild(kinds=[SearchKind.REPORT])
    # A bulk delete sends no signal: the rebuild prunes the document left behind.
    type(stale).objects.filter(pk=stale.pk).update(stage=ReportStage.DITERIMA)
    SearchDocument.objects.filter(key=f"report:{stale.pk}").update(title="stale")
    AgencyFactory._meta.model.objects.filter(name__contains=WORD).update(is_active=False)

    call_command("rebuild_search_index", batch_size=3, stdout=open("/dev/null", "w"))  # noqa: SIM115

    kinds = set(SearchDocument.objects.values_list("kind", flat=True))
    assert {
        SearchKind.MEETING,
        SearchKind.FOLLOW_UP,
        SearchKind.DECLARATION,
        SearchKind.PROGRAM,
        SearchKind.REPORT,
        SearchKind.PERSON,
        SearchKind.REGION,
    } <= kinds
    assert SearchDocument.objects.get(key=f"report:{stale.pk}").title != "stale"
    # The deactivated agency left the index.
    assert not SearchDocument.objects.filter(kind=SearchKind.AGENCY, title__contains=WORD)
    # Every region of both cities (and their provinces) is there, batch after batch.
    assert SearchDocument.objects.filter(kind=SearchKind.REGION).count() == Region.objects.count()


def test_rebuild_removes_documents_of_deleted_records(bawaslu_semarang):
    meeting = MeetingFactory(title="Akan dihapus", host_agency=bawaslu_semarang)
    search_index_rebuild(kinds=[SearchKind.MEETING])
    type(meeting).objects.filter(pk=meeting.pk).delete()  # a bulk delete: signals aside
    SearchDocument.objects.filter(kind=SearchKind.MEETING).update(title="Akan dihapus")
    search_index_rebuild(kinds=[SearchKind.MEETING])
    assert not SearchDocument.objects.filter(kind=SearchKind.MEETING).exists()


def test_an_anonymised_reporter_leaves_the_index(
    semarang_staff, settings, django_capture_on_commit_callbacks
):
    """The anonymiser writes in bulk (no save signals): the reporter's name must still leave
    the report's document, or the index would keep it past the retention period."""
    settings.REPORTER_RETENTION_DAYS = 30
    with django_capture_on_commit_callbacks(execute=True):
        report = intake_report(user=semarang_staff)
    Report.objects.filter(pk=report.pk).update(
        stage=ReportStage.SELESAI, closed_at=timezone.now() - datetime.timedelta(days=31)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reporters_anonymise() == 1
    document = SearchDocument.objects.get(kind=SearchKind.REPORT, object_id=report.pk)
    assert REPORTER_NAME not in document.restricted_body
    assert document.restricted_body == ANONYMISED_NAME

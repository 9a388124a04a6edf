"""Printed meeting summaries (A4 page and PDF) and the printable follow-up list."""

import datetime
import io
import zoneinfo

import pytest
from pypdf import PdfReader

from coordination.models import AttendeeRole, FollowUpStatus, MeetingKind
from tests.factories import (
    AgencyFactory,
    AgendaItemFactory,
    FollowUpFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    PersonFactory,
)
from tests.pdfs import archival_facts, holds_only, page_texts
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


@pytest.fixture
def audiensi(bawaslu_semarang, pemkot_semarang):
    """The Semarang audiensi of 21 Sep 2023, 08.00-10.00 WIB: host, notulis, participant."""
    meeting = MeetingFactory(
        kind=MeetingKind.AUDIENSI,
        title="Audiensi Bawaslu Kota Semarang dengan Pemerintah Kota Semarang",
        starts_at=datetime.datetime(2023, 9, 21, 8, 0, tzinfo=WIB),
        ends_at=datetime.datetime(2023, 9, 21, 10, 0, tzinfo=WIB),
        venue="Lantai 8 Gedung Balaikota Semarang",
        host_agency=bawaslu_semarang,
        summary="Bawaslu meminta dukungan Pemkot.",
        decisions="Deklarasi serentak di seluruh kelurahan.",
    )
    for order, (name, agency, position, role) in enumerate(
        [
            ("Arief Rahman", bawaslu_semarang, "Ketua Bawaslu Kota Semarang", AttendeeRole.HOST),
            ("Hevearita Gunaryanti Rahayu", pemkot_semarang, "Wali Kota", AttendeeRole.PESERTA),
            ("Rina Notulis", bawaslu_semarang, "Staf Sekretariat", AttendeeRole.NOTULIS),
        ]
    ):
        MeetingAttendeeFactory(
            meeting=meeting,
            person=PersonFactory(name=name),
            agency=agency,
            position_title=position,
            role=role,
            order=order,
        )
    AgendaItemFactory(meeting=meeting, title="Perkenalan Anggota Bawaslu")
    FollowUpFactory(
        meeting=meeting,
        title="Sosialisasi melalui program smart RT/RW",
        responsible_agency=pemkot_semarang,
        due_date=datetime.date(2023, 11, 30),
    )
    return meeting


@pytest.mark.indonesian
def test_print_view_has_the_meeting_and_the_daftar_hadir(client_for, semarang_staff, audiensi):
    """Kop, Indonesian date, time range with zone, follow-ups, every attendee, two signatures."""
    response = client_for(semarang_staff).get(f"/rapat/{audiensi.pk}/cetak/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bawaslu Kota Semarang" in html
    assert "Kamis, 21 September 2023" in html
    assert "08.00–10.00 WIB" in html
    assert "Lantai 8 Gedung Balaikota Semarang" in html
    assert "Perkenalan Anggota Bawaslu" in html
    assert "Sosialisasi melalui program smart RT/RW" in html
    assert "Kamis, 30 November 2023" in html
    daftar_hadir = html.split('class="daftar-hadir"')[1]
    for name in ("Arief Rahman", "Hevearita Gunaryanti Rahayu", "Rina Notulis"):
        assert name in daftar_hadir
    assert daftar_hadir.count('class="signature-block"') == 2
    assert "Semarang, 21 September 2023" in daftar_hadir
    assert "data-print" in html
    assert f"/rapat/{audiensi.pk}/pdf/" in html
    assert "<script>" not in html and "style=" not in html


@pytest.mark.indonesian
def test_print_view_time_zone_is_the_regions(client_for, regions, serang_staff, bawaslu_serang):
    """A meeting is printed in its region's zone with the zone's label."""
    meeting = MeetingFactory(
        region_id="36.73",
        host_agency=bawaslu_serang,
        starts_at=datetime.datetime(2024, 11, 21, 9, 0, tzinfo=WIB),
        ends_at=None,
    )
    html = client_for(serang_staff).get(f"/rapat/{meeting.pk}/cetak/").content.decode()
    assert "09.00 WIB" in html


@pytest.mark.indonesian
def test_pdf_is_a_pdf_named_after_date_and_title_holding_the_attendees(
    client_for, semarang_staff, audiensi
):
    """The PDF download: %PDF magic, date-and-title file name, daftar hadir in its text."""
    response = client_for(semarang_staff).get(f"/rapat/{audiensi.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="2023-09-21-audiensi-bawaslu-kota-semarang-dengan-pemerintah-'
        'kota-semarang.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for name in ("Arief Rahman", "Hevearita Gunaryanti Rahayu", "Rina Notulis"):
        assert name in text
    assert "Kamis, 21 September 2023" in text
    assert len(reader.pages) >= 2  # the daftar hadir starts on its own page


@pytest.mark.indonesian
def test_meeting_pdf_is_tagged_archival_and_in_indonesian(client_for, semarang_staff, audiensi):
    """PDF/A-3b with a tag tree, lang "id" and the meeting's title: what an archive keeps."""
    content = client_for(semarang_staff).get(f"/rapat/{audiensi.pk}/pdf/").content
    facts = archival_facts(content)
    assert facts.has_structure_tree and facts.tagged
    assert (facts.pdfa_part, facts.pdfa_conformance) == ("3", "B")
    assert facts.output_intent == "/GTS_PDFA1" and facts.unembedded_fonts == []
    assert facts.lang == "id"
    assert facts.title.startswith(f"Ringkasan rapat: {audiensi.title}")


def _crowded_meeting(host_agency, guest_agency, *, guests: int, follow_ups: int):
    """A meeting of a host, a minute-taker and ``guests`` participants with fixed names.

    Before the signatures kept the row before them company, 24 guests put the
    daftar hadir's signatures alone on the last page, and 16 guests with 3
    follow-ups put the minutes' signatures alone on page 3.
    """
    meeting = MeetingFactory(
        kind=MeetingKind.AUDIENSI,
        title="Audiensi",
        host_agency=host_agency,
        starts_at=datetime.datetime(2023, 9, 21, 9, 0, tzinfo=WIB),
        summary="Ringkasan.",
        decisions="Keputusan.",
    )
    people = [
        ("Arief Rahman", host_agency, "Ketua Bawaslu Kota Semarang", AttendeeRole.HOST),
        ("Rina Notulis", host_agency, "Staf Sekretariat", AttendeeRole.NOTULIS),
    ]
    people += [
        (f"Peserta Nomor {n}", guest_agency, "Kepala Bidang", AttendeeRole.PESERTA)
        for n in range(1, guests + 1)
    ]
    for order, (name, agency, position, role) in enumerate(people):
        MeetingAttendeeFactory(
            meeting=meeting,
            person=PersonFactory(name=name),
            agency=agency,
            position_title=position,
            role=role,
            order=order,
        )
    for n in range(follow_ups):
        FollowUpFactory(
            meeting=meeting, title=f"Tindak lanjut {n}", responsible_agency=guest_agency
        )
    return meeting


#: Everything a signature row of the crowded meeting may print, in English (the tests'
#: language): place and date, roles, names, and the host's agency and the minute-taker's
#: position that a signature block could add under them.
SIGNATURE_TEXT = [
    "Semarang, 21 September 2023",
    "Minute-taker (Notulis)",
    "Ketua Bawaslu Kota Semarang",
    "Bawaslu Kota Semarang",
    "Arief Rahman",
    "Rina Notulis",
    "Staf Sekretariat",
]


@pytest.mark.parametrize(("guests", "follow_ups"), [(24, 0), (16, 3)])
def test_no_page_of_the_meeting_pdf_holds_only_signatures(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang, guests, follow_ups
):
    """A signature row takes the last table row before it to the next page: the last page
    (daftar hadir) and the page after the minutes always hold more than signatures."""
    meeting = _crowded_meeting(
        bawaslu_semarang, pemkot_semarang, guests=guests, follow_ups=follow_ups
    )
    response = client_for(semarang_staff).get(f"/rapat/{meeting.pk}/pdf/")
    pages = page_texts(response.content)
    alone = [number for number, text in enumerate(pages, 1) if holds_only(text, SIGNATURE_TEXT)]
    assert not alone, f"pages {alone} of {len(pages)} hold only a signature block"
    last_row = guests + 2 + 5  # attendees and the five blank rows of the daftar hadir
    assert f"{last_row}." in pages[-1] and "Arief Rahman" in pages[-1]


def test_minutes_print_follow_ups_as_agreed_not_todays_status(client_for, semarang_staff, audiensi):
    """What, who and the due date as agreed: no status column, no "overdue" of today."""
    follow_up = audiensi.follow_ups.get()
    assert follow_up.is_overdue  # due 30 Nov 2023, still open
    html = client_for(semarang_staff).get(f"/rapat/{audiensi.pk}/cetak/").content.decode()
    minutes = html.split('class="daftar-hadir"')[0]
    table = minutes[minutes.index(follow_up.title) - 600 :]
    assert "Sosialisasi melalui program smart RT/RW" in table
    assert "Thursday, 30 November 2023" in table
    assert "overdue" not in html.lower() and "Late by" not in html
    assert ">Open<" not in html and ">Status</th>" not in table


def test_a_position_is_printed_once(client_for, semarang_staff, bawaslu_semarang, regions):
    """A person recorded by their office and a title naming its agency are not repeated."""
    kesbangpol = AgencyFactory(name="Badan Kesatuan Bangsa dan Politik Kota Semarang")
    meeting = MeetingFactory(host_agency=bawaslu_semarang)
    for order, (name, agency, position, role) in enumerate(
        [
            ("Arief Rahman", bawaslu_semarang, "Ketua Bawaslu Kota Semarang", AttendeeRole.HOST),
            (
                "Kepala Badan Kesbangpol Kota Semarang",
                kesbangpol,
                "Kepala Badan Kesbangpol Kota Semarang",
                AttendeeRole.NOTULIS,
            ),
        ]
    ):
        MeetingAttendeeFactory(
            meeting=meeting,
            person=PersonFactory(name=name),
            agency=agency,
            position_title=position,
            role=role,
            order=order,
        )
    html = client_for(semarang_staff).get(f"/rapat/{meeting.pk}/cetak/").content.decode()
    daftar_hadir = html.split('class="daftar-hadir"')[1]
    table, signatures = daftar_hadir.split('class="signatures"')
    assert table.count("Kepala Badan Kesbangpol Kota Semarang") == 1  # the name column
    assert "<td>Badan Kesatuan Bangsa dan Politik Kota Semarang</td>" in table
    assert "<td>Ketua Bawaslu Kota Semarang</td>" in table  # not ", Bawaslu Kota Semarang"
    assert signatures.count("Ketua Bawaslu Kota Semarang") == 1
    assert signatures.count("Kepala Badan Kesbangpol Kota Semarang") == 1
    assert html.count("Kepala Badan Kesbangpol Kota Semarang, ") == 0


def test_another_citys_meeting_is_404(client_for, serang_staff, audiensi):
    """Bawaslu Kota Serang cannot print or download a Semarang meeting."""
    client = client_for(serang_staff)
    assert client.get(f"/rapat/{audiensi.pk}/cetak/").status_code == 404
    assert client.get(f"/rapat/{audiensi.pk}/pdf/").status_code == 404


def test_province_sees_its_citys_meeting(client_for, jateng_staff, audiensi):
    """Bawaslu Jawa Tengah may print Kota Semarang's meeting."""
    assert client_for(jateng_staff).get(f"/rapat/{audiensi.pk}/cetak/").status_code == 200


def test_partner_prints_only_meetings_of_their_agency(client_for, semarang_partner, regions):
    """A partner official sees (and prints) only meetings that concern their agency."""
    other = MeetingFactory()
    client = client_for(semarang_partner)
    assert client.get(f"/rapat/{other.pk}/cetak/").status_code == 404
    other.participating_agencies.add(semarang_partner.agency)
    assert client.get(f"/rapat/{other.pk}/cetak/").status_code == 200


def test_anonymous_is_sent_to_login(client, audiensi):
    """The print view and PDF need a login."""
    assert client.get(f"/rapat/{audiensi.pk}/cetak/").status_code == 302
    assert client.get(f"/rapat/{audiensi.pk}/pdf/").status_code == 302


def test_print_view_query_count_does_not_grow_with_rows(
    client_for, semarang_staff, bawaslu_semarang
):
    """2 or 12 attendees, agenda items and follow-ups: the same number of queries."""
    client = client_for(semarang_staff)

    def make(size):
        meeting = MeetingFactory(host_agency=bawaslu_semarang)
        for _ in range(size):
            MeetingAttendeeFactory(meeting=meeting, agency=bawaslu_semarang)
            AgendaItemFactory(meeting=meeting)
            FollowUpFactory(meeting=meeting, responsible_person=PersonFactory())
        return meeting

    small, large = make(2), make(12)
    client.get(f"/rapat/{small.pk}/cetak/")  # warm the session and user caches
    small_count = count_queries(lambda: client.get(f"/rapat/{small.pk}/cetak/"))
    large_count = count_queries(lambda: client.get(f"/rapat/{large.pk}/cetak/"))
    assert small_count == large_count


def test_follow_up_print_honours_the_list_filters(client_for, semarang_staff, pemkot_semarang):
    """The printable list shows the follow-ups the same filters select on /tindak-lanjut/."""
    FollowUpFactory(title="Tugas Pemkot", responsible_agency=pemkot_semarang)
    FollowUpFactory(title="Tugas selesai", status=FollowUpStatus.SELESAI)
    client = client_for(semarang_staff)
    html = client.get("/tindak-lanjut/cetak/").content.decode()
    assert "Tugas Pemkot" in html and "Tugas selesai" in html
    html = client.get("/tindak-lanjut/cetak/", {"agency": pemkot_semarang.pk}).content.decode()
    assert "Tugas Pemkot" in html and "Tugas selesai" not in html
    html = client.get("/tindak-lanjut/cetak/", {"status": "selesai"}).content.decode()
    assert "Tugas Pemkot" not in html and "Tugas selesai" in html
    assert "doc-landscape" in html


def test_follow_up_print_is_scoped(client_for, serang_staff, regions):
    """Another city's follow-ups are not printed."""
    FollowUpFactory(title="Tugas Semarang")
    html = client_for(serang_staff).get("/tindak-lanjut/cetak/").content.decode()
    assert "Tugas Semarang" not in html


def test_follow_up_print_query_count(client_for, semarang_staff, regions):
    """2 or 12 follow-ups: the same number of queries."""
    client = client_for(semarang_staff)
    for _ in range(2):
        FollowUpFactory(meeting=MeetingFactory(), responsible_person=PersonFactory())
    client.get("/tindak-lanjut/cetak/")
    small = count_queries(lambda: client.get("/tindak-lanjut/cetak/"))
    for _ in range(10):
        FollowUpFactory(meeting=MeetingFactory(), responsible_person=PersonFactory())
    assert count_queries(lambda: client.get("/tindak-lanjut/cetak/")) == small


def test_meeting_detail_and_follow_up_list_link_to_the_printouts(
    client_for, semarang_staff, audiensi
):
    """The detail page offers the print view and the PDF; the list keeps its filters."""
    client = client_for(semarang_staff)
    html = client.get(f"/rapat/{audiensi.pk}/").content.decode()
    assert f"/rapat/{audiensi.pk}/cetak/" in html and f"/rapat/{audiensi.pk}/pdf/" in html
    html = client.get("/tindak-lanjut/", {"status": "terbuka", "page": "2"}).content.decode()
    assert "/tindak-lanjut/cetak/?status=terbuka" in html


def test_print_page_and_admin_name_the_portal_icon(
    client_for, semarang_staff, audiensi, portal_admin
):
    """Issue 9 §9: without a declared icon the browser asks for /favicon.ico, which 404s."""
    icon = 'rel="icon" href="/static/img/favicon.svg"'
    assert icon in client_for(semarang_staff).get(f"/rapat/{audiensi.pk}/cetak/").content.decode()
    assert icon in client_for(portal_admin).get("/admin/").content.decode()

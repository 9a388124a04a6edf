"""The coordination demo seed: the five source events with their facts, a cancelled
follow-up and a meeting attachment that open, idempotent."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse

from bawaslu_portal.demo import seed_portal_demo
from bawaslu_portal.models import AgencyKind, Position
from coordination.demo import (
    AUDIENSI_SEMARANG,
    KUNJUNGAN_PANGKALPINANG,
    RAKOR_BALIKPAPAN,
    RAKOR_SERANG,
    SILATURAHMI_SEMARANG,
    SOURCE_MEETING_TITLES,
    seed_coordination_demo,
)
from coordination.models import (
    AgendaItem,
    AttachmentKind,
    AttendeeRole,
    FollowUp,
    FollowUpNote,
    FollowUpStatus,
    Meeting,
    MeetingAttachment,
    MeetingAttendee,
    MeetingKind,
    MeetingStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    portal = seed_portal_demo(password="demo-password-1")
    seed_coordination_demo(portal=portal)
    return portal


def table_row(html: str, text: str) -> str:
    """The table row (``<tr>…</tr>``) of ``html`` that holds ``text``."""
    for row in re.findall(r"<tr\b.*?</tr>", html, flags=re.DOTALL):
        if text in row:
            return row
    raise AssertionError(f"no table row holds {text!r}")


def _counts():
    return (
        Meeting.objects.count(),
        MeetingAttendee.objects.count(),
        AgendaItem.objects.count(),
        FollowUp.objects.count(),
        FollowUpNote.objects.count(),
        Meeting.topics.through.objects.count(),
        Meeting.participating_agencies.through.objects.count(),
        MeetingAttachment.objects.count(),
    )


def test_seed_is_idempotent(seeded):
    """Running the seed a second time changes no counts and stores no file again."""
    first = _counts()
    files = set(MeetingAttachment.objects.values_list("file", flat=True))
    seed_coordination_demo(portal=seed_portal_demo(password="demo-password-1"))
    assert _counts() == first
    assert set(MeetingAttachment.objects.values_list("file", flat=True)) == files


def test_audiensi_attendance_list_downloads(seeded, client_for):
    """The audiensi's demo attendance list was uploaded through ``attachment_add`` as the
    meeting ended; the staff login finds it on the meeting page and downloads the PDF."""
    meeting = Meeting.objects.get(title=AUDIENSI_SEMARANG)
    attachment = meeting.attachments.get()
    assert (attachment.kind, attachment.content_type) == (
        AttachmentKind.DAFTAR_HADIR,
        "application/pdf",
    )
    assert attachment.uploaded_at == meeting.ends_at
    assert attachment.uploaded_by.username == "semarang.staf"
    assert attachment.size < 20 * 1024
    client = client_for(seeded.users["semarang.staf"])
    url = reverse(
        "coordination:attachment_download",
        kwargs={"pk": meeting.pk, "attachment_pk": attachment.pk},
    )
    assert url in client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-") and b"Contoh berkas demo" in content


def test_a_cancelled_follow_up_with_its_reason(seeded, client_for):
    """One follow-up of the audiensi was cancelled through ``follow_up_set_status`` on its
    day, the reason its note; the follow-up list shows it as cancelled."""
    cancelled = FollowUp.objects.get(status=FollowUpStatus.DIBATALKAN)
    assert cancelled.meeting.title == AUDIENSI_SEMARANG
    assert cancelled.completed_at is None
    note = cancelled.notes.get()
    assert note.date == datetime.date(2023, 10, 16) and "Dibatalkan" in note.text
    assert "Data demo" in cancelled.description
    client = client_for(seeded.users["semarang.staf"])
    page = client.get(reverse("coordination:follow_up_list"), {"status": "dibatalkan"})
    assert page.status_code == 200
    assert "Cancelled" in table_row(page.content.decode(), cancelled.title)
    detail = client.get(reverse("coordination:follow_up_detail", kwargs={"pk": cancelled.pk}))
    assert detail.status_code == 200 and note.text in detail.content.decode()


def test_the_five_source_events_are_held_public_meetings(seeded):
    """Each source article can be found by its title, held and on the public agenda."""
    for title in SOURCE_MEETING_TITLES:
        meeting = Meeting.objects.get(title=title)
        assert meeting.status == MeetingStatus.TERLAKSANA
        assert meeting.is_public
        assert meeting.summary and meeting.decisions
        assert meeting.follow_ups.exists()
        assert meeting.agenda_items.exists()


def test_semarang_audiensi_facts(seeded):
    """21 Sep 2023 on the 8th floor of the Balaikota, where the Wali Kota received Bawaslu:
    the Pemkot hosts, Bawaslu takes part; the attendees and commitments."""
    meeting = Meeting.objects.get(title=AUDIENSI_SEMARANG)
    local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Jakarta"))
    assert local.date() == datetime.date(2023, 9, 21)
    assert meeting.kind == MeetingKind.AUDIENSI
    assert "Lantai 8 Gedung Balaikota Semarang" in meeting.venue
    assert meeting.host_agency.name == "Pemerintah Kota Semarang"
    assert meeting.participating_agencies.filter(name="Bawaslu Kota Semarang").exists()
    host = meeting.attendees.get(role=AttendeeRole.HOST)
    assert host.person.name == "Hevearita Gunaryanti Rahayu"
    names = set(meeting.attendees.values_list("person__name", flat=True))
    assert {
        "Arief Rahman",
        "Anggota Bawaslu Kota Semarang",
        "Kepala Sekretariat Bawaslu Kota Semarang",
        "Asisten Pemerintahan Setda Kota Semarang",
        "Kepala Badan Kesbangpol Kota Semarang",
        "Kepala Bapenda Kota Semarang",
    } < names
    assert set(meeting.topics.values_list("name", flat=True)) == {"Netralitas ASN", "Politik uang"}
    follow_ups = " ".join(meeting.follow_ups.values_list("title", flat=True))
    for commitment in ("OPD", "smart RT/RW", "sosialisasi", "serentak di seluruh kelurahan"):
        assert commitment in follow_ups
    assert "32 lurah" in meeting.summary and "10 Kelurahan Anti Politik Uang" in meeting.summary


def test_no_source_meeting_has_an_invented_role(seeded):
    """No article names a minute-taker, so no source meeting lists a notulis."""
    meetings = Meeting.objects.filter(title__in=SOURCE_MEETING_TITLES)
    assert not MeetingAttendee.objects.filter(
        meeting__in=meetings, role=AttendeeRole.NOTULIS
    ).exists()


def test_balikpapan_rakor_is_in_wita_with_its_speakers(seeded):
    """31 Jul 2024 at 09.00 WITA, Kejari Balikpapan Slamer Riyanto among the narasumber, with
    his office as the article gives it and no post it does not give."""
    meeting = Meeting.objects.get(title=RAKOR_BALIKPAPAN)
    assert meeting.region.timezone == "WITA"
    local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo("Asia/Makassar"))
    assert (local.date(), local.hour) == (datetime.date(2024, 7, 31), 9)
    speakers = meeting.attendees.filter(role=AttendeeRole.NARASUMBER)
    slamer = speakers.get(person__name="Slamer Riyanto")
    assert slamer.position_title == "Kejaksaan Negeri Balikpapan"
    assert slamer.agency.name == "Kejaksaan Negeri Balikpapan"
    assert not Position.objects.filter(person=slamer.person).exists()
    assert speakers.count() == 4
    assert "38 kegiatan" in meeting.summary


def test_silaturahmi_with_the_parties_camat_and_lurah(seeded):
    """27 Nov 2023, hosted by the Pemkot: Forkopimda, the parties, the camat of all 16
    kecamatan and the lurah of all 177 kelurahan; Bawaslu and KPU explained supervision
    (the article names neither speaker)."""
    silaturahmi = Meeting.objects.get(title=SILATURAHMI_SEMARANG)
    assert silaturahmi.kind == MeetingKind.SILATURAHMI
    assert silaturahmi.host_agency.name == "Pemerintah Kota Semarang"
    participants = silaturahmi.participating_agencies
    assert participants.filter(kind=AgencyKind.KECAMATAN).count() == 16
    assert participants.filter(kind=AgencyKind.KELURAHAN).count() == 177
    assert participants.filter(kind=AgencyKind.PARTAI).exists()
    assert participants.filter(name="Forkopimda Kota Semarang").exists()
    speakers = set(
        silaturahmi.attendees.filter(role=AttendeeRole.NARASUMBER).values_list(
            "person__name", flat=True
        )
    )
    assert speakers == {"Perwakilan Bawaslu Kota Semarang", "Perwakilan KPU Kota Semarang"}
    assert not silaturahmi.attendees.filter(person__name="Arief Rahman").exists()


def test_other_source_events(seeded):
    """The Serang rakor and the Pangkalpinang kunjungan, hosted by Bawaslu."""
    serang = Meeting.objects.get(title=RAKOR_SERANG)
    assert serang.venue == "Aula Hotel Horison TC UPI Serang"
    assert "Pokja" in serang.decisions
    kunjungan = Meeting.objects.get(title=KUNJUNGAN_PANGKALPINANG)
    assert kunjungan.kind == MeetingKind.KUNJUNGAN
    assert kunjungan.host_agency.name == "Bawaslu Kota Pangkalpinang"
    assert "Cegah, Awasi, Tindak" in kunjungan.summary
    assert "belum masuk ke Bawaslu" in kunjungan.summary
    visitor = kunjungan.attendees.get(person__name="Budi Utama")
    assert visitor.role == AttendeeRole.PESERTA


def test_upcoming_public_meetings_exist(seeded):
    """The agenda has upcoming items, a cancelled one, and a non-public internal meeting."""
    from django.utils import timezone

    upcoming = Meeting.objects.filter(starts_at__gt=timezone.now(), is_public=True)
    assert upcoming.filter(status=MeetingStatus.DIRENCANAKAN).count() >= 3
    assert upcoming.filter(status=MeetingStatus.DIBATALKAN).exists()
    assert Meeting.objects.filter(is_public=False).exists()


def test_campaign_records_are_linked_to_the_source_meetings(seeded):
    """Balikpapan rakor → sosialisasi program; Serang rakor → pokja; kunjungan → CAT program."""
    balikpapan = Meeting.objects.get(title=RAKOR_BALIKPAPAN)
    assert balikpapan.programs.filter(name="Sosialisasi Pilkada 2024").exists()
    assert Meeting.objects.get(title=RAKOR_SERANG).working_groups.exists()
    kunjungan = Meeting.objects.get(title=KUNJUNGAN_PANGKALPINANG)
    assert kunjungan.programs.filter(name__contains="Cegah, Awasi, Tindak").exists()


def test_public_agenda_shows_the_seeded_meetings(seeded, client):
    """The seeded upcoming meetings are on the agenda, the internal one is not."""
    html = client.get("/agenda/").content.decode()
    assert "Rakor Pengawasan Partisipatif bersama Panwaslu Kelurahan" in html
    assert "Rapat Internal Persiapan Pleno" not in html
    past = client.get("/agenda/", {"waktu": "lalu", "kota": "33.74"}).content.decode()
    assert AUDIENSI_SEMARANG in past

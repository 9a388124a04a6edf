"""Services for meetings, attachments and follow-ups."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bawaslu_portal.models import Region
from coordination import services
from coordination.models import (
    AttachmentKind,
    AttendeeRole,
    FollowUpStatus,
    MeetingKind,
    MeetingStatus,
    Topic,
)
from tests.factories import (
    AgencyFactory,
    AgendaItemFactory,
    FollowUpFactory,
    MeetingFactory,
    PersonFactory,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def tmp_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


def _meeting_kwargs(host, **overrides):
    start = timezone.now() + datetime.timedelta(days=1)
    data = {
        "kind": MeetingKind.AUDIENSI,
        "title": "Audiensi Bawaslu dengan Wali Kota",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "region": Region.objects.get(code="33.74"),
        "host_agency": host,
        "venue": "Lantai 8 Gedung Balaikota Semarang",
    }
    data.update(overrides)
    return data


def test_meeting_create_saves_attendees_in_order_and_agenda(semarang_staff, bawaslu_semarang):
    """A meeting is created with its attendees (in the given order), agenda and topics."""
    pemkot = AgencyFactory(name="Pemkot")
    arief, ita = PersonFactory(name="Arief Rahman"), PersonFactory(name="Hevearita")
    topic = Topic.objects.get(name="Netralitas ASN")
    meeting = services.meeting_create(
        actor=semarang_staff,
        **_meeting_kwargs(bawaslu_semarang),
        participating_agencies=[pemkot],
        topics=[topic],
        attendees=[
            {"person": arief, "agency": bawaslu_semarang, "role": AttendeeRole.HOST},
            {"person": ita, "agency": pemkot, "position_title": "Wali Kota"},
        ],
        agenda_items=[{"title": "Pembukaan"}, {"title": "Diskusi", "notes": "Netralitas ASN"}],
    )
    assert [a.person.name for a in meeting.attendees.all()] == ["Arief Rahman", "Hevearita"]
    assert [i.title for i in meeting.agenda_items.all()] == ["Pembukaan", "Diskusi"]
    assert list(meeting.topics.all()) == [topic]
    assert list(meeting.participating_agencies.all()) == [pemkot]
    assert meeting.created_by == semarang_staff
    assert meeting.version == 1
    assert meeting.level == "kabkota"


def test_meeting_create_refuses_end_before_start(semarang_staff, bawaslu_semarang):
    """A meeting that ends before it starts is refused with code end_before_start."""
    start = timezone.now()
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_create(
            actor=semarang_staff,
            **_meeting_kwargs(
                bawaslu_semarang, starts_at=start, ends_at=start - datetime.timedelta(hours=1)
            ),
        )
    assert "ends_at" in excinfo.value.message_dict


def test_meeting_create_refuses_the_same_person_twice(semarang_staff, bawaslu_semarang):
    """Listing one person twice is refused (duplicate_attendee) and nothing is saved."""
    person = PersonFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_create(
            actor=semarang_staff,
            **_meeting_kwargs(bawaslu_semarang),
            attendees=[{"person": person}, {"person": person}],
        )
    assert excinfo.value.code == "duplicate_attendee"


def test_meeting_create_refuses_a_region_outside_the_jurisdiction(serang_staff, bawaslu_serang):
    """Bawaslu Kota Serang cannot log a meeting in Kota Semarang."""
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_create(actor=serang_staff, **_meeting_kwargs(bawaslu_serang))
    assert excinfo.value.error_dict["region"][0].code == "outside_jurisdiction"


def test_meeting_update_bumps_version_and_replaces_rows(semarang_staff, bawaslu_semarang):
    """An update replaces attendees and agenda and increments the version."""
    meeting = services.meeting_create(
        actor=semarang_staff,
        **_meeting_kwargs(bawaslu_semarang),
        agenda_items=[{"title": "Lama"}],
    )
    updated = services.meeting_update(
        actor=semarang_staff,
        meeting=meeting,
        **_meeting_kwargs(bawaslu_semarang, title="Judul baru", status=MeetingStatus.TERLAKSANA),
        agenda_items=[{"title": "Baru"}],
        attendees=[{"person": PersonFactory()}],
        expected_version=1,
    )
    assert updated.version == 2
    assert updated.title == "Judul baru"
    assert [i.title for i in updated.agenda_items.all()] == ["Baru"]
    assert updated.attendees.count() == 1


def test_meeting_update_with_a_stale_version_is_refused(
    semarang_staff, semarang_commissioner, bawaslu_semarang
):
    """Saving over someone else's newer save is refused and names who changed it."""
    meeting = services.meeting_create(actor=semarang_staff, **_meeting_kwargs(bawaslu_semarang))
    services.meeting_update(
        actor=semarang_commissioner,
        meeting=meeting,
        **_meeting_kwargs(bawaslu_semarang, title="Versi ketua"),
        expected_version=1,
    )
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_update(
            actor=semarang_staff,
            meeting=meeting,
            **_meeting_kwargs(bawaslu_semarang, title="Versi staf"),
            expected_version=1,
        )
    assert excinfo.value.code == "stale_version"
    assert str(semarang_commissioner) in excinfo.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.title == "Versi ketua"


def test_meeting_copy_takes_the_template_but_not_the_record(semarang_staff, bawaslu_semarang):
    """A copy keeps kind, title, venue, host, topics and agenda, not summary or attendance."""
    topic = Topic.objects.get(name="Politik uang")
    original = MeetingFactory(
        host_agency=bawaslu_semarang,
        starts_at=timezone.now() - datetime.timedelta(days=30),
        summary="Notulen",
        decisions="Keputusan",
        status=MeetingStatus.TERLAKSANA,
        is_public=True,
        topics=[topic],
    )
    AgendaItemFactory(meeting=original, title="Sambutan")
    original.attendees.create(person=PersonFactory())
    copy = services.meeting_copy(actor=semarang_staff, meeting=original)
    assert copy.pk != original.pk
    assert copy.copied_from == original
    assert (copy.kind, copy.title, copy.venue, copy.host_agency) == (
        original.kind,
        original.title,
        original.venue,
        original.host_agency,
    )
    assert list(copy.topics.all()) == [topic]
    assert [i.title for i in copy.agenda_items.all()] == ["Sambutan"]
    assert copy.summary == copy.decisions == ""
    assert copy.attendees.count() == 0
    assert copy.status == MeetingStatus.DIRENCANAKAN
    assert not copy.is_public
    assert copy.starts_at > timezone.now()


def test_attachment_add_stores_a_real_image(semarang_staff, tmp_media):
    """A real PNG is stored under a random name with its sniffed type."""
    meeting = MeetingFactory()
    upload = SimpleUploadedFile("foto rapat.png", PNG, content_type="image/png")
    attachment = services.attachment_add(
        actor=semarang_staff, meeting=meeting, upload=upload, kind=AttachmentKind.FOTO
    )
    assert attachment.content_type == "image/png"
    assert attachment.original_name == "foto_rapat.png"
    assert attachment.file.name.startswith("meetings/")
    assert "foto" not in attachment.file.name


def test_attachment_add_refuses_html_renamed_jpg(semarang_staff, tmp_media):
    """An HTML page disguised as a .jpg is refused by content (unsupported_type)."""
    meeting = MeetingFactory()
    upload = SimpleUploadedFile(
        "foto.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(actor=semarang_staff, meeting=meeting, upload=upload)
    assert excinfo.value.code == "unsupported_type"


def test_attachment_add_refuses_oversize(semarang_staff, tmp_media):
    """A file above 10 MB is refused (too_large)."""
    meeting = MeetingFactory()
    upload = SimpleUploadedFile("besar.png", PNG + b"\0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(actor=semarang_staff, meeting=meeting, upload=upload)
    assert excinfo.value.code == "too_large"


def test_attachment_delete_removes_the_row(
    semarang_staff, tmp_media, django_capture_on_commit_callbacks
):
    """Deleting an attachment removes the row and, on commit, the stored file."""
    meeting = MeetingFactory()
    upload = SimpleUploadedFile("a.png", PNG)
    attachment = services.attachment_add(actor=semarang_staff, meeting=meeting, upload=upload)
    path = tmp_media / attachment.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(actor=semarang_staff, attachment=attachment)
    assert not meeting.attachments.exists()
    assert not path.exists()


def test_follow_up_create_from_a_meeting(semarang_staff, pemkot_semarang):
    """A follow-up records what, who, by when, and its meeting."""
    meeting = MeetingFactory()
    due = timezone.localdate() + datetime.timedelta(days=10)
    follow_up = services.follow_up_create(
        actor=semarang_staff,
        title="Deklarasi serentak di setiap kelurahan",
        responsible_agency=pemkot_semarang,
        due_date=due,
        region=meeting.region,
        meeting=meeting,
    )
    assert follow_up.status == FollowUpStatus.TERBUKA
    assert follow_up.meeting == meeting
    assert list(meeting.follow_ups.all()) == [follow_up]


def test_follow_up_create_refuses_outside_jurisdiction(serang_staff, pemkot_semarang):
    """A follow-up in another city is refused."""
    with pytest.raises(ValidationError):
        services.follow_up_create(
            actor=serang_staff,
            title="X",
            responsible_agency=pemkot_semarang,
            due_date=timezone.localdate(),
            region=Region.objects.get(code="33.74"),
        )


def test_follow_up_add_progress_moves_to_in_progress_then_done(semarang_partner, pemkot_semarang):
    """The first note sets "in progress"; mark_done closes it with completed_at."""
    follow_up = FollowUpFactory(responsible_agency=pemkot_semarang)
    services.follow_up_add_progress(actor=semarang_partner, follow_up=follow_up, text="Mulai")
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DALAM_PROSES
    assert follow_up.version == 2
    note = services.follow_up_add_progress(
        actor=semarang_partner, follow_up=follow_up, text="Selesai", mark_done=True
    )
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.SELESAI
    assert follow_up.completed_at is not None
    assert note.author == semarang_partner
    assert follow_up.notes.count() == 2


def test_follow_up_add_progress_refuses_stale_version_and_closed(semarang_partner):
    """A note against an old version, or on a closed follow-up, is refused."""
    follow_up = FollowUpFactory()
    services.follow_up_add_progress(actor=semarang_partner, follow_up=follow_up, text="A")
    with pytest.raises(ValidationError) as excinfo:
        services.follow_up_add_progress(
            actor=semarang_partner, follow_up=follow_up, text="B", expected_version=1
        )
    assert excinfo.value.code == "stale_version"
    services.follow_up_set_status(
        actor=semarang_partner, follow_up=follow_up, status=FollowUpStatus.DIBATALKAN
    )
    with pytest.raises(ValidationError) as excinfo:
        services.follow_up_add_progress(actor=semarang_partner, follow_up=follow_up, text="C")
    assert excinfo.value.code == "closed"


def test_follow_up_add_progress_refuses_future_date(semarang_partner):
    """Progress cannot be dated in the future."""
    follow_up = FollowUpFactory()
    with pytest.raises(ValidationError) as excinfo:
        services.follow_up_add_progress(
            actor=semarang_partner,
            follow_up=follow_up,
            text="A",
            date=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert "date" in excinfo.value.message_dict


def test_follow_up_set_status_with_note(semarang_staff):
    """Setting a status can carry a note; reopening clears completed_at."""
    follow_up = FollowUpFactory()
    services.follow_up_set_status(
        actor=semarang_staff, follow_up=follow_up, status=FollowUpStatus.SELESAI, note="Beres"
    )
    follow_up.refresh_from_db()
    assert follow_up.completed_at is not None
    assert follow_up.notes.get().text == "Beres"
    reopened = services.follow_up_set_status(
        actor=semarang_staff, follow_up=follow_up, status=FollowUpStatus.TERBUKA
    )
    assert reopened.completed_at is None
    with pytest.raises(ValidationError):
        services.follow_up_set_status(actor=semarang_staff, follow_up=follow_up, status="nope")

"""Meeting pages: list, detail, the one create/edit form, copy and attachments."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import AgencyKind
from coordination.models import AttendeeRole, Meeting, MeetingStatus, Topic
from tests.coordination.meeting_helpers import PNG, in_english, tmp_media  # noqa: F401
from tests.factories import (
    AgencyFactory,
    AgendaItemFactory,
    FollowUpFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    PersonFactory,
)
from tests.querycount import count_queries


def management(prefix, total=3, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_post(host, pemkot, **overrides):
    """A complete, valid POST of the meeting form with two attendees and two agenda items."""
    data = {
        "kind": "audiensi",
        "title": "Audiensi Bawaslu Kota Semarang dengan Wali Kota",
        "theme": "Netralitas ASN dan politik uang",
        "date": "2023-09-21",
        "start_time": "10:00",
        "end_date": "",
        "end_time": "12:00",
        "venue": "Lantai 8 Gedung Balaikota Semarang",
        "region": "33.74",
        "host_agency": str(host.pk),
        "participating_agencies": [str(pemkot.pk)],
        "topics": [str(Topic.objects.get(name="Netralitas ASN").pk)],
        "status": "terlaksana",
        "summary": "Bawaslu meminta dukungan.",
        "decisions": "Deklarasi serentak.",
        "is_public": "on",
        "version": "",
        **management("attendees"),
        "attendees-0-name": "Arief Rahman",
        "attendees-0-agency": str(host.pk),
        "attendees-0-position_title": "Ketua Bawaslu Kota Semarang",
        "attendees-0-role": "host",
        "attendees-1-name": "Hevearita Gunaryanti Rahayu",
        "attendees-1-agency": str(pemkot.pk),
        "attendees-1-position_title": "Wali Kota Semarang",
        "attendees-1-role": "peserta",
        "attendees-2-name": "",
        "attendees-2-agency": "",
        "attendees-2-position_title": "",
        "attendees-2-role": "peserta",
        **management("agenda"),
        "agenda-0-title": "Pembukaan",
        "agenda-0-notes": "",
        "agenda-1-title": "Diskusi netralitas ASN",
        "agenda-1-notes": "",
        "agenda-2-title": "",
        "agenda-2-notes": "",
        "save": "1",
    }
    data.update(overrides)
    return data


@pytest.mark.indonesian
def test_create_meeting_with_attendees_and_agenda(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """Staff log a meeting in one POST; times are taken in the region's zone (WIB)."""
    client = client_for(semarang_staff)
    assert client.get(reverse("coordination:meeting_create")).status_code == 200
    response = client.post(
        reverse("coordination:meeting_create"), meeting_post(bawaslu_semarang, pemkot_semarang)
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    assert meeting.starts_at == datetime.datetime(2023, 9, 21, 3, 0, tzinfo=datetime.UTC)
    assert [a.person.name for a in meeting.attendees.all()] == [
        "Arief Rahman",
        "Hevearita Gunaryanti Rahayu",
    ]
    assert meeting.attendees.first().role == AttendeeRole.HOST
    assert [i.title for i in meeting.agenda_items.all()] == ["Pembukaan", "Diskusi netralitas ASN"]
    assert meeting.is_public
    detail = client.get(meeting.get_absolute_url())
    content = detail.content.decode()
    assert "Kamis, 21 September 2023" in content
    assert "10.00 WIB" in content
    assert "Hevearita Gunaryanti Rahayu" in content


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Enter the title of the meeting"),
        ({"end_time": "09:00"}, "end_time", "The meeting cannot end before it starts"),
        ({"date": ""}, "date", "Enter the meeting date"),
        ({"region": ""}, "region", "Choose the region where the meeting is held"),
    ],
)
def test_meeting_form_gives_specific_errors(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang, overrides, field, message
):
    """Bad input comes back with a specific message, the posted data and nothing saved."""
    client = client_for(semarang_staff)
    in_english(client)
    response = client.post(
        reverse("coordination:meeting_create"),
        meeting_post(bawaslu_semarang, pemkot_semarang, **overrides),
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not Meeting.objects.exists()
    content = response.content.decode()
    assert "Arief Rahman" in content
    assert content.split("</title>")[0].count("Error:") == 1


def test_meeting_form_refuses_the_same_attendee_twice(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """Listing the same name twice is an error on the second row."""
    client = client_for(semarang_staff)
    in_english(client)
    response = client.post(
        reverse("coordination:meeting_create"),
        meeting_post(bawaslu_semarang, pemkot_semarang, **{"attendees-1-name": " arief  rahman"}),
    )
    assert response.status_code == 200
    errors = response.context["attendee_formset"].forms[1].errors["name"]
    assert "already listed in row 1" in errors[0]
    assert not Meeting.objects.exists()
    # Only a row is wrong, yet the page title still says so.
    assert response.content.decode().split("</title>")[0].count("Error:") == 1


def test_add_more_rows_rerenders_without_errors(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """'Add more attendee rows' keeps the posted data, adds three rows and shows no errors."""
    client = client_for(semarang_staff)
    data = meeting_post(bawaslu_semarang, pemkot_semarang, title="")
    del data["save"]
    data["add_attendee_rows"] = "1"
    response = client.post(reverse("coordination:meeting_create"), data)
    assert response.status_code == 200
    assert len(response.context["attendee_formset"].forms) == 6
    assert "error-summary" not in response.content.decode()
    assert "Arief Rahman" in response.content.decode()
    assert not Meeting.objects.exists()


def test_add_more_agenda_rows(client_for, semarang_staff, bawaslu_semarang, pemkot_semarang):
    """'Add more agenda rows' adds three agenda rows and leaves the attendee rows alone."""
    client = client_for(semarang_staff)
    data = meeting_post(bawaslu_semarang, pemkot_semarang)
    del data["save"]
    data["add_agenda_rows"] = "1"
    response = client.post(reverse("coordination:meeting_create"), data)
    assert len(response.context["agenda_formset"].forms) == 6
    assert len(response.context["attendee_formset"].forms) == 3
    assert not Meeting.objects.exists()


def test_edit_meeting_keeps_rows_and_bumps_version(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """Editing through the form replaces the rows and increments the version."""
    client = client_for(semarang_staff)
    client.post(
        reverse("coordination:meeting_create"), meeting_post(bawaslu_semarang, pemkot_semarang)
    )
    meeting = Meeting.objects.get()
    url = reverse("coordination:meeting_update", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["version"] == 1
    data = meeting_post(
        bawaslu_semarang,
        pemkot_semarang,
        title="Judul baru",
        version="1",
        **management("attendees", total=3, initial=2),
        **{"attendees-1-DELETE": "on"},
    )
    response = client.post(url, data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Judul baru"
    assert meeting.version == 2
    assert [a.person.name for a in meeting.attendees.all()] == ["Arief Rahman"]


def test_edit_conflict_is_refused_and_keeps_the_posted_data(
    client_for, semarang_staff, semarang_commissioner, bawaslu_semarang, pemkot_semarang
):
    """A save based on an old version is refused, names who changed it, and shows the data."""
    client = client_for(semarang_staff)
    client.post(
        reverse("coordination:meeting_create"), meeting_post(bawaslu_semarang, pemkot_semarang)
    )
    meeting = Meeting.objects.get()
    url = reverse("coordination:meeting_update", args=[meeting.pk])
    semarang_commissioner.first_name = "Ketua"
    semarang_commissioner.last_name = "Bawaslu"
    semarang_commissioner.save()
    other = client_for(semarang_commissioner)
    other.post(
        url, meeting_post(bawaslu_semarang, pemkot_semarang, title="Versi ketua", version="1")
    )
    client = client_for(semarang_staff)
    in_english(client)
    response = client.post(
        url, meeting_post(bawaslu_semarang, pemkot_semarang, title="Versi staf", version="1")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "changed by Ketua Bawaslu" in content
    assert "Versi staf" in content
    meeting.refresh_from_db()
    assert meeting.title == "Versi ketua"
    # Having seen the conflict, saving again goes through.
    assert response.context["form"].data["version"] == "2"


def test_meeting_list_filters(client_for, semarang_staff, bawaslu_semarang):
    """The list filters by kind, topic, region and period."""
    topic = Topic.objects.get(name="Hoaks")
    tugu = MeetingFactory(title="Rakor Tugu", region_id="33.74.01", topics=[topic])
    MeetingFactory(title="Audiensi", kind="audiensi")
    client = client_for(semarang_staff)
    response = client.get(reverse("coordination:meeting_list"), {"topic": topic.pk})
    assert [m.title for m in response.context["page"].object_list] == ["Rakor Tugu"]
    response = client.get(reverse("coordination:meeting_list"), {"region": "33.74.01"})
    assert list(response.context["page"].object_list) == [tugu]
    response = client.get(reverse("coordination:meeting_list"), {"kind": "audiensi"})
    assert [m.title for m in response.context["page"].object_list] == ["Audiensi"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=30)
    response = client.get(reverse("coordination:meeting_list"), {"date_from": tomorrow})
    assert list(response.context["page"].object_list) == []


def _meetings(count, host):
    pemkot = AgencyFactory(kind=AgencyKind.PEMDA)
    topics = list(Topic.objects.all()[:2])
    for _index in range(count):
        meeting = MeetingFactory(host_agency=host, participating_agencies=[pemkot], topics=topics)
        MeetingAttendeeFactory(meeting=meeting, agency=pemkot)
        MeetingAttendeeFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)
        FollowUpFactory(meeting=meeting, responsible_agency=pemkot)


def test_meeting_list_query_count_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The list runs the same number of queries for 2 and 12 meetings."""
    client = client_for(semarang_staff)
    url = reverse("coordination:meeting_list")
    _meetings(2, bawaslu_semarang)
    small = count_queries(lambda: client.get(url))
    _meetings(10, bawaslu_semarang)
    large = count_queries(lambda: client.get(url))
    assert small == large


def test_meeting_detail_query_count_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The detail page runs the same number of queries with 2 or 12 attendees and follow-ups."""
    client = client_for(semarang_staff)
    meeting = MeetingFactory(host_agency=bawaslu_semarang)
    for _index in range(2):
        MeetingAttendeeFactory(meeting=meeting, agency=AgencyFactory())
        FollowUpFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)
    small = count_queries(lambda: client.get(meeting.get_absolute_url()))
    for _index in range(10):
        MeetingAttendeeFactory(meeting=meeting, agency=AgencyFactory())
        FollowUpFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)
        meeting.participating_agencies.add(AgencyFactory())
    large = count_queries(lambda: client.get(meeting.get_absolute_url()))
    assert small == large


def test_copy_needs_post_and_opens_the_copy_for_editing(
    client_for, semarang_staff, bawaslu_semarang
):
    """GET asks for confirmation; POST creates a planned copy and opens its edit form."""
    meeting = MeetingFactory(host_agency=bawaslu_semarang, status=MeetingStatus.TERLAKSANA)
    client = client_for(semarang_staff)
    url = reverse("coordination:meeting_copy", args=[meeting.pk])
    assert client.get(url).status_code == 200
    assert Meeting.objects.count() == 1
    response = client.post(url)
    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response["Location"] == reverse("coordination:meeting_update", args=[copy.pk])
    assert copy.copied_from == meeting


@pytest.mark.usefixtures("tmp_media")
def test_attachment_upload_download_and_delete(client_for, semarang_staff):
    """A real image is attached, downloaded as an attachment, and deleted after confirming."""
    meeting = MeetingFactory()
    client = client_for(semarang_staff)
    upload_url = reverse("coordination:attachment_upload", args=[meeting.pk])
    response = client.post(
        upload_url, {"kind": "foto", "file": SimpleUploadedFile("foto.png", PNG)}
    )
    assert response.status_code == 302
    attachment = meeting.attachments.get()
    download = client.get(
        reverse("coordination:attachment_download", args=[meeting.pk, attachment.pk])
    )
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PNG
    delete_url = reverse("coordination:attachment_delete", args=[meeting.pk, attachment.pk])
    assert client.get(delete_url).status_code == 200
    assert client.post(delete_url).status_code == 302
    assert not meeting.attachments.exists()


@pytest.mark.usefixtures("tmp_media")
def test_disguised_attachment_is_refused_with_a_specific_error(client_for, semarang_staff):
    """An HTML page renamed .jpg is refused by its content, with a message on the file field."""
    meeting = MeetingFactory()
    client = client_for(semarang_staff)
    in_english(client)
    response = client.post(
        reverse("coordination:attachment_upload", args=[meeting.pk]),
        {
            "kind": "foto",
            "file": SimpleUploadedFile("foto.jpg", b"<html><body>hi</body></html>"),
        },
    )
    assert response.status_code == 200
    assert "whatever its name says" in response.context["attachment_form"].errors["file"][0]
    assert not meeting.attachments.exists()


@pytest.mark.usefixtures("tmp_media")
def test_oversize_attachment_is_refused(client_for, semarang_staff):
    """A file over 10 MB is refused with its size and the limit."""
    meeting = MeetingFactory()
    client = client_for(semarang_staff)
    big = SimpleUploadedFile("besar.png", PNG + b"\0" * (10 * 1024 * 1024 + 1))
    in_english(client)
    response = client.post(
        reverse("coordination:attachment_upload", args=[meeting.pk]),
        {"kind": "foto", "file": big},
    )
    assert "the limit is" in response.context["attachment_form"].errors["file"][0]
    assert not meeting.attachments.exists()


def test_attendee_name_reuses_a_known_person(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """A name already known at the agency links to that person instead of a new one."""
    known = PersonFactory(name="Hevearita Gunaryanti Rahayu")
    MeetingAttendeeFactory(person=known, agency=pemkot_semarang)
    client = client_for(semarang_staff)
    client.post(
        reverse("coordination:meeting_create"), meeting_post(bawaslu_semarang, pemkot_semarang)
    )
    meeting = Meeting.objects.exclude(attendees__person=known, title__startswith="Rapat").latest(
        "pk"
    )
    assert meeting.attendees.filter(person=known).exists()


def test_meeting_form_query_count_does_not_grow_with_rows(
    client_for, semarang_staff, bawaslu_semarang, pemkot_semarang
):
    """The edit form and a re-rendered POST cost the same with 2 or 12 attendee rows.

    Every row offers the same agencies; they are read once, not once per row.
    """
    client = client_for(semarang_staff)

    def edit_url(size):
        meeting = MeetingFactory(host_agency=bawaslu_semarang)
        for _index in range(size):
            MeetingAttendeeFactory(meeting=meeting, agency=pemkot_semarang)
        return reverse("coordination:meeting_update", args=[meeting.pk])

    def post(size):
        rows = {}
        for index in range(size):
            rows[f"attendees-{index}-name"] = f"Peserta {index}"
            rows[f"attendees-{index}-agency"] = str(pemkot_semarang.pk)
            rows[f"attendees-{index}-role"] = "peserta"
        data = meeting_post(bawaslu_semarang, pemkot_semarang, title="")
        data.update({**management("attendees", total=size), **rows})
        return lambda: client.post(reverse("coordination:meeting_create"), data)

    small, large = edit_url(2), edit_url(12)
    client.get(small)
    assert count_queries(lambda: client.get(small)) == count_queries(lambda: client.get(large))
    assert count_queries(post(2)) == count_queries(post(12))


@pytest.mark.parametrize(
    ("url_name", "params", "field", "message"),
    [
        ("coordination:meeting_list", {"kind": "pesta"}, "kind", "Choose a kind from the list"),
        ("coordination:meeting_list", {"status": "x"}, "status", "Choose a status from the list"),
        ("coordination:follow_up_list", {"status": "x"}, "status", "Choose a status from the list"),
        ("coordination:declaration_list", {"kind": "x"}, "kind", "Choose a kind from the list"),
        (
            "coordination:designation_list",
            {"status": "x"},
            "status",
            "Choose a status from the list",
        ),
    ],
)
def test_unknown_filter_value_gets_a_specific_error(
    client_for, semarang_staff, url_name, params, field, message
):
    """A hand-edited or stale filter link says which filter was not understood."""
    response = client_for(semarang_staff).get(reverse(url_name), params)
    assert response.status_code == 200
    form = response.context.get("filter_form") or response.context["form"]
    assert form.errors[field] == [message]


def _partner_meetings(count, office, partner_agency):
    """Per round: one meeting the partner leads, one it takes part in, one it sends a person
    to, and one it has nothing to do with (not on its list)."""
    for _index in range(count):
        MeetingFactory(host_agency=partner_agency)
        MeetingFactory(host_agency=office, participating_agencies=[partner_agency])
        MeetingAttendeeFactory(meeting=MeetingFactory(host_agency=office), agency=partner_agency)
        MeetingFactory(host_agency=office)


def test_partner_meeting_list_query_count_does_not_grow(
    client_for, semarang_partner, bawaslu_semarang, pemkot_semarang
):
    """A partner's list (the agency_involved rule: leads, takes part, sends a person) runs
    the same queries for 3 and 21 of its meetings, and shows only those."""
    client = client_for(semarang_partner)
    url = reverse("coordination:meeting_list")
    _partner_meetings(1, bawaslu_semarang, pemkot_semarang)
    small = count_queries(lambda: client.get(url))
    _partner_meetings(6, bawaslu_semarang, pemkot_semarang)
    assert count_queries(lambda: client.get(url)) == small
    assert client.get(url).context["page"].paginator.count == 21

"""Follow-up pages: list with overdue marks and filters, detail, creation, progress, my tasks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import AgencyKind
from coordination.models import FollowUp, FollowUpStatus
from tests.coordination.meeting_helpers import in_english
from tests.factories import AgencyFactory, FollowUpFactory, FollowUpNoteFactory, MeetingFactory
from tests.querycount import count_queries


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_list_marks_overdue_and_due_this_week_in_words(client_for, semarang_staff):
    """Overdue and due-this-week follow-ups carry a text badge, not only a colour."""
    FollowUpFactory(title="Terlambat", due_date=days(-2))
    FollowUpFactory(title="Minggu ini", due_date=days(3))
    FollowUpFactory(title="Nanti", due_date=days(30))
    FollowUpFactory(title="Selesai lama", due_date=days(-5), status=FollowUpStatus.SELESAI)
    client = in_english(client_for(semarang_staff))
    response = client.get(reverse("coordination:follow_up_list"))
    content = response.content.decode()
    assert content.count('data-testid="overdue"') == 1
    assert content.count('data-testid="due-this-week"') == 1
    assert ">Overdue<" in content
    assert ">Due this week<" in content


def test_list_filters_by_agency_status_due_range_and_overdue(client_for, semarang_staff):
    """The filters narrow the list by agency, status, due dates and overdue only."""
    pemkot = AgencyFactory(name="Pemkot", kind=AgencyKind.PEMDA)
    late = FollowUpFactory(title="A", responsible_agency=pemkot, due_date=days(-1))
    FollowUpFactory(title="B", due_date=days(10), status=FollowUpStatus.DALAM_PROSES)
    client = client_for(semarang_staff)
    url = reverse("coordination:follow_up_list")

    def titles(params):
        return [f.title for f in client.get(url, params).context["page"].object_list]

    assert titles({"agency": pemkot.pk}) == ["A"]
    assert titles({"status": "dalam_proses"}) == ["B"]
    assert titles({"due_from": days(0).isoformat()}) == ["B"]
    assert titles({"due_to": days(0).isoformat()}) == ["A"]
    assert titles({"overdue": "on"}) == [late.title]


def test_list_hides_other_cities(client_for, serang_staff):
    """Bawaslu Kota Serang does not see Semarang's follow-ups."""
    FollowUpFactory()
    response = client_for(serang_staff).get(reverse("coordination:follow_up_list"))
    assert list(response.context["page"].object_list) == []


def test_list_query_count_does_not_grow(client_for, semarang_staff):
    """The list runs the same number of queries for 2 and 12 follow-ups."""
    client = client_for(semarang_staff)
    url = reverse("coordination:follow_up_list")
    for _index in range(2):
        FollowUpFactory(meeting=MeetingFactory(), responsible_person=None)
    small = count_queries(lambda: client.get(url))
    for _index in range(10):
        FollowUpFactory(meeting=MeetingFactory())
    large = count_queries(lambda: client.get(url))
    assert small == large


def test_my_tasks_query_count_does_not_grow(client_for, semarang_partner, pemkot_semarang):
    """Tugas saya runs the same number of queries for 2 and 12 follow-ups."""
    client = client_for(semarang_partner)
    url = reverse("coordination:my_tasks")
    for _index in range(2):
        FollowUpFactory(responsible_agency=pemkot_semarang, meeting=MeetingFactory())
    small = count_queries(lambda: client.get(url))
    for _index in range(10):
        FollowUpFactory(responsible_agency=pemkot_semarang, meeting=MeetingFactory())
    large = count_queries(lambda: client.get(url))
    assert small == large
    assert len(client.get(url).context["page"].object_list) == 12


def test_detail_query_count_does_not_grow(client_for, semarang_staff):
    """The detail page runs the same number of queries with 2 or 12 notes."""
    client = client_for(semarang_staff)
    follow_up = FollowUpFactory(meeting=MeetingFactory())
    for _index in range(2):
        FollowUpNoteFactory(follow_up=follow_up, author=semarang_staff)
    small = count_queries(lambda: client.get(follow_up.get_absolute_url()))
    for _index in range(10):
        FollowUpNoteFactory(follow_up=follow_up, author=semarang_staff)
    large = count_queries(lambda: client.get(follow_up.get_absolute_url()))
    assert small == large


def test_create_standalone_follow_up(client_for, semarang_staff, pemkot_semarang):
    """Staff record a standalone follow-up with a responsible person by name."""
    client = client_for(semarang_staff)
    response = client.post(
        reverse("coordination:follow_up_create"),
        {
            "title": "Sosialisasi smart RT/RW",
            "description": "",
            "responsible_agency": pemkot_semarang.pk,
            "responsible_person_name": "Kepala Kesbangpol",
            "due_date": days(14).isoformat(),
            "region": "33.74",
        },
    )
    follow_up = FollowUp.objects.get()
    assert response["Location"] == follow_up.get_absolute_url()
    assert follow_up.responsible_person.name == "Kepala Kesbangpol"
    assert follow_up.created_by == semarang_staff


def test_create_follow_up_from_a_meeting_takes_its_region(
    client_for, semarang_staff, pemkot_semarang
):
    """From a meeting, the follow-up belongs to the meeting and its region."""
    meeting = MeetingFactory(region_id="33.74.01")
    client = client_for(semarang_staff)
    url = reverse("coordination:meeting_follow_up_create", args=[meeting.pk])
    assert "region" not in client.get(url).context["form"].fields
    response = client.post(
        url,
        {
            "title": "Deklarasi serentak",
            "responsible_agency": pemkot_semarang.pk,
            "due_date": days(7).isoformat(),
        },
    )
    assert response["Location"] == meeting.get_absolute_url()
    follow_up = FollowUp.objects.get()
    assert (follow_up.meeting, follow_up.region_id) == (meeting, "33.74.01")


def test_create_follow_up_gives_specific_errors(client_for, semarang_staff):
    """Missing fields get specific messages."""
    client = in_english(client_for(semarang_staff))
    response = client.post(reverse("coordination:follow_up_create"), {})
    errors = response.context["form"].errors
    assert errors["title"] == ["Enter what will be done"]
    assert errors["due_date"] == ["Enter the due date"]
    assert errors["responsible_agency"] == ["Choose the agency responsible for the follow-up"]


def test_partner_adds_progress_and_marks_done(client_for, semarang_partner, pemkot_semarang):
    """The responsible agency's partner official adds progress, then marks the follow-up done."""
    follow_up = FollowUpFactory(responsible_agency=pemkot_semarang)
    client = client_for(semarang_partner)
    tasks = client.get(reverse("coordination:my_tasks"))
    assert list(tasks.context["page"].object_list) == [follow_up]
    url = reverse("coordination:follow_up_progress", args=[follow_up.pk])
    response = client.post(url, {"text": "Surat edaran disiapkan", "version": "1"})
    assert response["Location"] == follow_up.get_absolute_url()
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DALAM_PROSES
    client.post(url, {"text": "Sudah terbit", "mark_done": "on", "version": "2"})
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.SELESAI
    assert [n.text for n in follow_up.notes.all()] == ["Surat edaran disiapkan", "Sudah terbit"]


def test_progress_with_a_stale_version_is_refused(client_for, semarang_partner, pemkot_semarang):
    """A progress note posted against an old version is refused; the text is kept."""
    follow_up = FollowUpFactory(responsible_agency=pemkot_semarang, version=3)
    client = in_english(client_for(semarang_partner))
    response = client.post(
        reverse("coordination:follow_up_progress", args=[follow_up.pk]),
        {"text": "Catatan saya", "version": "2"},
    )
    assert response.status_code == 200
    assert "your changes were not saved" in response.content.decode()
    assert "Catatan saya" in response.content.decode()
    assert not follow_up.notes.exists()


def test_empty_progress_gets_a_specific_error(client_for, semarang_partner, pemkot_semarang):
    """An empty progress note is refused with a specific message."""
    follow_up = FollowUpFactory(responsible_agency=pemkot_semarang)
    client = in_english(client_for(semarang_partner))
    response = client.post(
        reverse("coordination:follow_up_progress", args=[follow_up.pk]), {"text": ""}
    )
    assert response.context["form"].errors["text"] == ["Describe the progress made"]


def test_staff_change_status_with_a_reason(client_for, semarang_staff):
    """Bawaslu staff may cancel a follow-up with a reason."""
    follow_up = FollowUpFactory()
    client = client_for(semarang_staff)
    response = client.post(
        reverse("coordination:follow_up_status", args=[follow_up.pk]),
        {"status": "dibatalkan", "note": "Tidak relevan lagi", "version": "1"},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DIBATALKAN
    assert follow_up.notes.get().text == "Tidak relevan lagi"


@pytest.mark.parametrize("name", ["follow_up_list", "my_tasks", "follow_up_create"])
def test_pages_render(client_for, semarang_staff, name):
    """The follow-up pages render for staff."""
    assert client_for(semarang_staff).get(reverse(f"coordination:{name}")).status_code == 200


def test_staff_correct_a_follow_up(client_for, semarang_staff, pemkot_semarang):
    """Staff change what, who and by when; the region stays and the version moves on."""
    follow_up = FollowUpFactory(region_id="33.74.01")
    client = client_for(semarang_staff)
    url = reverse("coordination:follow_up_update", args=[follow_up.pk])
    assert client.get(url).context["form"].initial["version"] == 1
    response = client.post(
        url,
        {
            "title": "Judul baru",
            "responsible_agency": pemkot_semarang.pk,
            "responsible_person_name": "",
            "due_date": days(20).isoformat(),
            "version": "1",
        },
    )
    assert response["Location"] == follow_up.get_absolute_url()
    follow_up.refresh_from_db()
    assert (follow_up.title, follow_up.responsible_agency, follow_up.region_id) == (
        "Judul baru",
        pemkot_semarang,
        "33.74.01",
    )
    assert follow_up.version == 2


def test_correcting_a_changed_follow_up_is_refused(client_for, semarang_staff, pemkot_semarang):
    """A correction based on an old version is refused and keeps the typed text."""
    follow_up = FollowUpFactory(version=2)
    client = in_english(client_for(semarang_staff))
    response = client.post(
        reverse("coordination:follow_up_update", args=[follow_up.pk]),
        {
            "title": "Teks saya",
            "responsible_agency": pemkot_semarang.pk,
            "due_date": days(20).isoformat(),
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert "your changes were not saved" in response.content.decode()
    assert "Teks saya" in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.title != "Teks saya"


def test_invalid_filter_is_reported_and_the_valid_ones_still_apply(client_for, semarang_staff):
    """A malformed date is reported; the status filter still applies, on the list and its print."""
    FollowUpFactory(title="Tugas terbuka")
    FollowUpFactory(title="Tugas selesai", status=FollowUpStatus.SELESAI)
    client = client_for(semarang_staff)
    params = {"status": "selesai", "due_from": "2024-13-45"}
    response = client.get(reverse("coordination:follow_up_list"), params)
    assert response.status_code == 200
    assert "due_from" in response.context["form"].errors
    assert [f.title for f in response.context["page"].object_list] == ["Tugas selesai"]
    html = client.get(reverse("coordination:follow_up_print"), params).content.decode()
    assert "Tugas selesai" in html and "Tugas terbuka" not in html

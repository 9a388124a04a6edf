"""Who sees and does what: jurisdiction (404), read-only roles and partners (403)."""

import pytest
from django.urls import reverse

from bawaslu_portal.models import AgencyKind, UserRole
from coordination import permissions
from tests.factories import (
    AgencyFactory,
    FollowUpFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    UserFactory,
)


def test_another_citys_meeting_is_404_for_serang_and_visible_for_the_province(
    client_for, serang_staff, jateng_staff
):
    """Bawaslu Kota Serang gets a 404 for a Semarang meeting; Bawaslu Jawa Tengah sees it."""
    meeting = MeetingFactory()
    assert client_for(serang_staff).get(meeting.get_absolute_url()).status_code == 404
    assert client_for(jateng_staff).get(meeting.get_absolute_url()).status_code == 200


def test_other_citys_meetings_are_not_listed(client_for, serang_staff):
    """The list of Bawaslu Kota Serang does not include Semarang's meetings."""
    MeetingFactory()
    response = client_for(serang_staff).get(reverse("coordination:meeting_list"))
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize(
    "name", ["meeting_update", "meeting_copy", "attachment_upload", "meeting_follow_up_create"]
)
def test_other_city_actions_are_404(client_for, serang_staff, name):
    """Actions on another city's meeting are 404s, not 403s: its existence is not revealed."""
    meeting = MeetingFactory()
    client = client_for(serang_staff)
    url = reverse(f"coordination:{name}", args=[meeting.pk])
    assert client.post(url).status_code == 404


def test_partner_sees_only_meetings_that_concern_their_agency(
    client_for, semarang_partner, pemkot_semarang
):
    """A partner sees meetings their agency hosts, joins or attends; not the others (404)."""
    hosted = MeetingFactory(host_agency=pemkot_semarang)
    joined = MeetingFactory(participating_agencies=[pemkot_semarang])
    attended = MeetingFactory()
    MeetingAttendeeFactory(meeting=attended, agency=pemkot_semarang)
    other = MeetingFactory()
    client = client_for(semarang_partner)
    listed = client.get(reverse("coordination:meeting_list")).context["page"].object_list
    assert set(listed) == {hosted, joined, attended}
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(attended.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", [UserRole.PARTNER, UserRole.VIEWER])
def test_read_only_roles_get_403_on_changes(client_for, pemkot_semarang, bawaslu_semarang, role):
    """Viewers and partners can read a meeting they see, but editing it is a 403."""
    agency = pemkot_semarang if role == UserRole.PARTNER else bawaslu_semarang
    user = UserFactory(agency=agency, role=role)
    meeting = MeetingFactory(host_agency=pemkot_semarang)
    client = client_for(user)
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(reverse("coordination:meeting_create")).status_code == 403
    for name in ["meeting_update", "meeting_copy", "attachment_upload"]:
        url = reverse(f"coordination:{name}", args=[meeting.pk])
        assert client.post(url).status_code == 403, name
    assert client.get(reverse("coordination:follow_up_create")).status_code == 403


def test_partner_updates_only_their_own_agencys_follow_ups(
    client_for, semarang_partner, pemkot_semarang
):
    """Another agency's follow-up is a 404 for a partner; status changes on their own are 403."""
    own = FollowUpFactory(responsible_agency=pemkot_semarang)
    opd = AgencyFactory(kind=AgencyKind.OPD, name="Bapenda")
    other = FollowUpFactory(responsible_agency=opd)
    client = client_for(semarang_partner)
    assert client.get(other.get_absolute_url()).status_code == 404
    progress_other = reverse("coordination:follow_up_progress", args=[other.pk])
    assert client.post(progress_other, {"text": "x"}).status_code == 404
    status_own = reverse("coordination:follow_up_status", args=[own.pk])
    assert client.post(status_own, {"status": "dibatalkan"}).status_code == 403
    assert permissions.can_update_follow_up(semarang_partner, own)
    assert not permissions.can_update_follow_up(semarang_partner, other)
    assert not permissions.can_change_follow_up_status(semarang_partner, own)


def test_staff_of_another_city_cannot_update_a_follow_up(serang_staff):
    """Permission functions also refuse Bawaslu staff outside the follow-up's region."""
    follow_up = FollowUpFactory()
    assert not permissions.can_update_follow_up(serang_staff, follow_up)
    assert not permissions.can_change_follow_up_status(serang_staff, follow_up)


def test_follow_up_from_a_meeting_needs_the_right_to_edit_the_meeting(
    semarang_staff, serang_staff, semarang_partner
):
    """Staff record follow-ups standalone or from their own meetings; partners never."""
    meeting = MeetingFactory()  # Kota Semarang
    assert permissions.can_create_follow_up(semarang_staff)
    assert permissions.can_create_follow_up(semarang_staff, meeting)
    assert permissions.can_create_follow_up(serang_staff)
    assert not permissions.can_create_follow_up(serang_staff, meeting)
    assert not permissions.can_create_follow_up(semarang_partner, meeting)


def test_attachment_download_is_404_outside_the_jurisdiction(client_for, serang_staff):
    """An attachment of another city's meeting cannot be fetched, even by guessing ids."""
    meeting = MeetingFactory()
    attachment = meeting.attachments.create(
        kind="foto", file="meetings/x.png", original_name="x.png", content_type="image/png", size=1
    )
    url = reverse("coordination:attachment_download", args=[meeting.pk, attachment.pk])
    assert client_for(serang_staff).get(url).status_code == 404


def test_anonymous_users_are_sent_to_login(client, regions):
    """Every coordination page needs a login."""
    response = client.get(reverse("coordination:meeting_list"))
    assert response.status_code == 302
    assert "/masuk/" in response["Location"]


def test_partner_cannot_correct_their_follow_up(client_for, semarang_partner, pemkot_semarang):
    """Changing what, who or when is a 403 for the responsible partner."""
    follow_up = FollowUpFactory(responsible_agency=pemkot_semarang)
    url = reverse("coordination:follow_up_update", args=[follow_up.pk])
    assert client_for(semarang_partner).get(url).status_code == 403


def test_partner_sees_only_their_own_follow_ups_of_a_meeting(
    client_for, semarang_partner, pemkot_semarang
):
    """On a meeting's page a partner sees the follow-ups of their agency, not the others'."""
    meeting = MeetingFactory(host_agency=pemkot_semarang)
    FollowUpFactory(meeting=meeting, responsible_agency=pemkot_semarang, title="Milik Pemkot")
    FollowUpFactory(meeting=meeting, title="Milik OPD lain")
    response = client_for(semarang_partner).get(meeting.get_absolute_url())
    assert [f.title for f in response.context["meeting"].follow_ups.all()] == ["Milik Pemkot"]

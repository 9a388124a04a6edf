"""The public agenda: no login, only public meetings and declarations, no contact data."""

import datetime

import pytest
from django.utils import timezone

from bawaslu_portal.models import AgencyKind
from coordination.models import AttendeeRole, Declaration, DeclarationKind, MeetingStatus
from tests.factories import AgencyFactory, MeetingAttendeeFactory, MeetingFactory, PersonFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


def _declaration(*, title, days, region_id="33.74", is_public=True, organiser=None):
    """A declaration ``days`` from today (the campaigns part owns the model)."""
    return Declaration.objects.create(
        kind=DeclarationKind.ANTI_POLITIK_UANG,
        title=title,
        date=timezone.localdate() + datetime.timedelta(days=days),
        region_id=region_id,
        place="Halaman Balaikota",
        organiser=organiser or AgencyFactory(region_id=region_id),
        is_public=is_public,
    )


@pytest.fixture
def agenda(regions, bawaslu_semarang, bawaslu_serang):
    """Public and internal meetings in Semarang and Serang, upcoming and past."""
    now = timezone.now()
    public = MeetingFactory(
        title="Rakor publik Semarang", is_public=True, host_agency=bawaslu_semarang
    )
    speaker = PersonFactory(name="Budi Narasumber", phone="081234567890", email="budi@example.id")
    MeetingAttendeeFactory(meeting=public, person=speaker, role=AttendeeRole.NARASUMBER)
    participant = PersonFactory(name="Sari Peserta", phone="089876543210")
    MeetingAttendeeFactory(meeting=public, person=participant, role=AttendeeRole.PESERTA)
    return {
        "public": public,
        "internal": MeetingFactory(
            title="Rapat internal pleno", is_public=False, host_agency=bawaslu_semarang
        ),
        "past": MeetingFactory(
            title="Audiensi yang lalu",
            is_public=True,
            status=MeetingStatus.TERLAKSANA,
            starts_at=now - datetime.timedelta(days=30),
            host_agency=bawaslu_semarang,
        ),
        "cancelled": MeetingFactory(
            title="Sosialisasi batal",
            is_public=True,
            status=MeetingStatus.DIBATALKAN,
            host_agency=bawaslu_semarang,
        ),
        "serang": MeetingFactory(
            title="Rakor publik Serang",
            is_public=True,
            region_id="36.73",
            venue="Aula Hotel Horison",
            host_agency=bawaslu_serang,
        ),
    }


def test_agenda_works_without_login_and_hides_non_public(client, agenda):
    """Anonymous visitors see upcoming public meetings only, cancelled ones marked as such."""
    response = client.get("/agenda/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rakor publik Semarang" in html
    assert "Rakor publik Serang" in html
    assert "Rapat internal pleno" not in html
    assert "Audiensi yang lalu" not in html
    assert "Sosialisasi batal" in html
    assert "agenda-item-cancelled" in html


def test_agenda_past_meetings(client, agenda):
    """``waktu=lalu`` lists past public meetings."""
    html = client.get("/agenda/", {"waktu": "lalu"}).content.decode()
    assert "Audiensi yang lalu" in html
    assert "Rakor publik Semarang" not in html


def test_agenda_city_filter(client, agenda):
    """``kota`` narrows the agenda to one kab/kota."""
    html = client.get("/agenda/", {"kota": "36.73"}).content.decode()
    assert "Rakor publik Serang" in html
    assert "Rakor publik Semarang" not in html


def test_agenda_unknown_city_is_ignored_with_an_error(client, agenda):
    """A city that is not offered falls back to every city and says so."""
    response = client.get("/agenda/", {"kota": "99.99"})
    assert response.status_code == 200
    assert "Rakor publik Semarang" in response.content.decode()
    assert response.context["form"].errors["kota"]


def test_public_meeting_page_shows_no_contact_data(client, agenda):
    """The public page names the speakers, never phones, emails or the participants list."""
    response = client.get(f"/agenda/{agenda['public'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Budi Narasumber" in html
    assert "081234567890" not in html and "budi@example.id" not in html
    assert "Sari Peserta" not in html and "089876543210" not in html


def test_agenda_list_shows_no_contact_data(client, agenda):
    """The list has no phone numbers or email addresses of people."""
    html = client.get("/agenda/").content.decode()
    assert "081234567890" not in html and "budi@example.id" not in html


def test_non_public_meeting_page_is_404(client, agenda):
    """An internal meeting has no public page."""
    assert client.get(f"/agenda/{agenda['internal'].pk}/").status_code == 404


def test_cancelled_public_meeting_page_says_cancelled(client, agenda):
    """A cancelled public meeting stays visible, marked as cancelled."""
    response = client.get(f"/agenda/{agenda['cancelled'].pk}/")
    assert response.status_code == 200
    assert "alert-warning" in response.content.decode()


def test_agenda_shows_public_declarations_only(client, agenda):
    """Upcoming public declarations are listed; internal ones are not."""
    _declaration(title="Deklarasi anti politik uang serentak", days=5)
    _declaration(title="Deklarasi internal", days=5, is_public=False)
    _declaration(title="Deklarasi lalu", days=-20)
    html = client.get("/agenda/").content.decode()
    assert "Deklarasi anti politik uang serentak" in html
    assert "Deklarasi internal" not in html
    assert "Deklarasi lalu" not in html
    assert "Deklarasi lalu" in client.get("/agenda/", {"waktu": "lalu"}).content.decode()


def test_city_choices_are_the_cities_with_public_items(client, agenda):
    """The city filter offers Kota Semarang and Kota Serang."""
    choices = dict(client.get("/agenda/").context["form"].fields["kota"].choices)
    assert set(choices) == {"", "33.74", "36.73"}


def test_nav_links_to_the_agenda_for_anonymous_visitors(client, regions):
    """The login page links to the public agenda."""
    assert 'href="/agenda/"' in client.get("/masuk/").content.decode()


def test_agenda_query_count_does_not_grow_with_rows(client, regions, bawaslu_semarang):
    """2 or 12 public meetings and declarations: the same number of queries."""
    organiser = AgencyFactory(kind=AgencyKind.PEMDA)

    def add(n):
        for i in range(n):
            MeetingFactory(is_public=True, host_agency=bawaslu_semarang)
            _declaration(title=f"Deklarasi {i}", days=3, organiser=organiser)

    add(2)
    client.get("/agenda/")
    small = count_queries(lambda: client.get("/agenda/"))
    add(10)
    assert count_queries(lambda: client.get("/agenda/")) == small


def test_public_meeting_page_query_count(client, regions, bawaslu_semarang):
    """A public meeting page costs the same with 2 or 12 speakers and agencies."""

    def make(n):
        meeting = MeetingFactory(is_public=True, host_agency=bawaslu_semarang)
        for _ in range(n):
            MeetingAttendeeFactory(meeting=meeting, role=AttendeeRole.NARASUMBER)
            meeting.participating_agencies.add(AgencyFactory())
        return meeting

    small, large = make(2), make(12)
    small_count = count_queries(lambda: client.get(f"/agenda/{small.pk}/"))
    assert count_queries(lambda: client.get(f"/agenda/{large.pk}/")) == small_count


def test_invalid_city_keeps_the_other_filters(client, agenda):
    """A bad city is reported in the error summary; the period still applies."""
    response = client.get("/agenda/", {"kota": "99.99", "waktu": "lalu"})
    html = response.content.decode()
    assert "Audiensi yang lalu" in html
    assert "Rakor publik Semarang" not in html
    assert "data-error-summary" in html

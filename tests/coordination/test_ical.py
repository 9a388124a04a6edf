"""The public agenda's iCalendar feeds: parseable, stable UIDs, region time zones, bounded."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from bawaslu_portal.models import Region
from bawaslu_portal.services import regions_import
from coordination.models import AttendeeRole, Declaration, DeclarationKind, MeetingStatus
from tests.factories import AgencyFactory, MeetingAttendeeFactory, MeetingFactory, PersonFactory
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")


def _events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def balikpapan(db):
    """Kota Balikpapan (WITA) with a public rakor at 09.00 WITA next week."""
    regions_import(codes=["64.71"])
    host = AgencyFactory(name="Bawaslu Kota Balikpapan", region_id="64.71")
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=7), datetime.time(9), tzinfo=WITA
    )
    return MeetingFactory(
        title="Rakor Stakeholder Balikpapan",
        region_id="64.71",
        host_agency=host,
        venue="Hotel Novotel Balikpapan",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        is_public=True,
    )


def test_feed_parses_and_has_the_content_type(client, balikpapan):
    """``/agenda.ics`` is text/calendar and parses with icalendar."""
    response = client.get("/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = _events(response)
    assert calendar["VERSION"] == "2.0"
    event = events[f"meeting-{balikpapan.pk}@testserver"]
    assert "Rakor Stakeholder Balikpapan" in str(event["SUMMARY"])
    assert "Hotel Novotel Balikpapan" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(f"/agenda/{balikpapan.pk}/")
    assert "LAST-MODIFIED" in event and "DTSTAMP" in event


def test_times_carry_the_regions_zone(client, balikpapan):
    """A WITA city's meeting starts at 09.00 Asia/Makassar, with a VTIMEZONE for it."""
    calendar, events = _events(client.get("/agenda.ics"))
    event = events[f"meeting-{balikpapan.pk}@testserver"]
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    start = event.decoded("DTSTART")
    assert start.hour == 9 and start.utcoffset() == datetime.timedelta(hours=8)
    assert event.decoded("DTEND") - start == datetime.timedelta(hours=3)
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert "Asia/Makassar" in zones


def test_uids_are_stable_across_requests(client, balikpapan):
    """Two fetches of an unchanged agenda give the same UIDs (and the same bytes)."""
    first = client.get("/agenda.ics")
    second = client.get("/agenda.ics")
    assert set(_events(first)[1]) == set(_events(second)[1])
    assert first.content == second.content


def test_feed_has_only_public_items_without_people(client, balikpapan):
    """No internal meetings; descriptions carry no names or contact data of people."""
    internal = MeetingFactory(
        title="Rapat internal", region_id="64.71", host_agency=balikpapan.host_agency
    )
    person = PersonFactory(name="Slamer Riyanto", phone="081100001111", email="s@example.id")
    MeetingAttendeeFactory(meeting=balikpapan, person=person, role=AttendeeRole.NARASUMBER)
    body = client.get("/agenda.ics").content.decode()
    assert f"meeting-{internal.pk}@" not in body
    assert "Slamer Riyanto" not in body
    assert "081100001111" not in body and "s@example.id" not in body


def test_cancelled_meeting_is_marked_cancelled(client, balikpapan):
    """A cancelled public meeting stays in the feed with STATUS:CANCELLED."""
    balikpapan.status = MeetingStatus.DIBATALKAN
    balikpapan.save()
    event = _events(client.get("/agenda.ics"))[1][f"meeting-{balikpapan.pk}@testserver"]
    assert str(event["STATUS"]) == "CANCELLED"


def test_feed_is_bounded_to_the_last_twelve_months(client, balikpapan):
    """Meetings older than a year are left out of the feed."""
    old = MeetingFactory(
        region_id="64.71",
        host_agency=balikpapan.host_agency,
        is_public=True,
        starts_at=timezone.now() - datetime.timedelta(days=400),
    )
    events = _events(client.get("/agenda.ics"))[1]
    assert f"meeting-{old.pk}@testserver" not in events


def test_city_feed(client, regions, balikpapan, bawaslu_semarang):
    """``/agenda/<city>.ics`` has that city's public meetings only; unknown cities are 404."""
    semarang = MeetingFactory(is_public=True, host_agency=bawaslu_semarang)
    events = _events(client.get("/agenda/64.71.ics"))[1]
    assert f"meeting-{balikpapan.pk}@testserver" in events
    assert f"meeting-{semarang.pk}@testserver" not in events
    assert client.get("/agenda/99.99.ics").status_code == 404
    assert client.get("/agenda/64.71.01.ics").status_code == 404
    semarang_events = _events(client.get("/agenda/33.74.ics"))[1]
    assert set(semarang_events) == {f"meeting-{semarang.pk}@testserver"}


def test_declarations_are_all_day_events(client, balikpapan):
    """A public declaration is an all-day event with its own stable UID."""
    declaration = Declaration.objects.create(
        kind=DeclarationKind.NETRALITAS_ASN,
        title="Deklarasi Netralitas ASN Kota Balikpapan",
        date=timezone.localdate() + datetime.timedelta(days=3),
        region=Region.objects.get(code="64.71"),
        organiser=balikpapan.host_agency,
        is_public=True,
    )
    event = _events(client.get("/agenda.ics"))[1][f"declaration-{declaration.pk}@testserver"]
    assert event.decoded("DTSTART") == declaration.date
    assert "Deklarasi Netralitas ASN Kota Balikpapan" in str(event["SUMMARY"])


def test_feed_query_count_does_not_grow_with_events(client, balikpapan):
    """2 or 12 meetings in the feed: the same number of queries."""
    MeetingFactory(region_id="64.71", host_agency=balikpapan.host_agency, is_public=True)
    small = count_queries(lambda: client.get("/agenda.ics"))
    for _ in range(10):
        MeetingFactory(region_id="64.71", host_agency=balikpapan.host_agency, is_public=True)
    assert count_queries(lambda: client.get("/agenda.ics")) == small

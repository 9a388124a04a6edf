"""Meeting and follow-up models: levels, overdue rules, constraints, seeded topics."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from coordination.models import FollowUpStatus, MeetingAttendee, Topic
from tests.factories import FollowUpFactory, MeetingAttendeeFactory, MeetingFactory


def test_topics_are_seeded(db):
    """The migration seeds the editable topic list."""
    names = set(Topic.objects.values_list("name", flat=True))
    assert {"Netralitas ASN", "Politik uang", "Hoaks", "Disabilitas", "SARA"} <= names


@pytest.mark.parametrize(
    ("code", "level"),
    [("33.74", "kabkota"), ("33.74.01", "kecamatan"), ("33.74.01.1001", "kelurahan")],
)
def test_meeting_level_follows_the_region(regions, code, level):
    """The level is derived from the region: city, kecamatan or kelurahan."""
    assert MeetingFactory(region_id=code).level == level


def test_meeting_cannot_end_before_it_starts(regions):
    """The database refuses a meeting that ends before it starts."""
    start = timezone.now()
    with pytest.raises(IntegrityError):
        MeetingFactory(starts_at=start, ends_at=start - datetime.timedelta(minutes=1))


def test_a_person_attends_a_meeting_once(regions):
    """The database refuses the same person twice at one meeting."""
    attendee = MeetingAttendeeFactory()
    with pytest.raises(IntegrityError):
        MeetingAttendee.objects.create(meeting=attendee.meeting, person=attendee.person)


def test_overdue_and_due_this_week(regions):
    """Open follow-ups past due are overdue; due within 7 days is due this week; done is neither."""
    today = timezone.localdate()
    late = FollowUpFactory(due_date=today - datetime.timedelta(days=1))
    soon = FollowUpFactory(due_date=today + datetime.timedelta(days=6))
    later = FollowUpFactory(due_date=today + datetime.timedelta(days=7))
    done = FollowUpFactory(
        due_date=today - datetime.timedelta(days=1), status=FollowUpStatus.SELESAI
    )
    assert (late.is_overdue, late.is_due_this_week) == (True, False)
    assert (soon.is_overdue, soon.is_due_this_week) == (False, True)
    assert (later.is_overdue, later.is_due_this_week) == (False, False)
    assert (done.is_overdue, done.is_due_this_week) == (False, False)


def test_meeting_over_several_days(regions):
    """A meeting ending on another local day says so (judged in the region's zone)."""
    start = datetime.datetime(2024, 7, 31, 1, 0, tzinfo=datetime.UTC)
    one_day = MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=8))
    two_days = MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(days=1))
    assert not one_day.ends_on_another_day
    assert two_days.ends_on_another_day

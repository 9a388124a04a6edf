"""Query counts at two data sizes for the coordination pages no other module measured.

This module completes the two-size query-count coverage of the house standard ("every list,
detail and dashboard page has a query-count test at two data sizes"): the pages that choose
a program's or a pokja's meetings (a checkbox per meeting), the city agenda feed, the meeting
PDF and the admin changelists of the coordination tables. Each test builds a few rows, then
many, checks the extra rows are on the page (so it cannot pass on an empty page) and asserts
the same number of queries. ``tests/portal/test_query_counts.py`` holds the table of every
page and the test that covers it.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import Region
from coordination.models import FollowUpStatus
from tests.factories import FollowUpFactory, MeetingFactory
from tests.factories.campaigns import (
    DeclarationCampaignFactory,
    DeclarationFactory,
    KelurahanDesignationFactory,
    ProgramFactory,
    WorkingGroupFactory,
)
from tests.factories.coordination import AgendaItemFactory, MeetingAttendeeFactory
from tests.portal.test_admin import assert_no_unbounded_count, changelist_rows
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

#: A day inside the programs' default period (the factory's 2024).
IN_2024 = datetime.datetime(2024, 6, 3, 9, tzinfo=datetime.UTC)


def _warm_count(client, url) -> int:
    """The queries of a second GET (the first warms the session and the caches)."""
    assert client.get(url).status_code == 200
    return count_queries(lambda: client.get(url))


def _meetings(count, host, *, starts_at=IN_2024):
    return [
        MeetingFactory(
            title=f"Rapat pilihan {starts_at:%Y%m%d%H%M%S} {index}",
            host_agency=host,
            region_id=f"33.74.{index % 16 + 1:02d}",
            starts_at=starts_at + datetime.timedelta(hours=index),
        )
        for index in range(count)
    ]


@pytest.mark.parametrize(
    ("url_name", "factory", "owner"),
    [
        ("coordination:program_meetings", ProgramFactory, "owner_agency"),
        ("coordination:working_group_meetings", WorkingGroupFactory, "agency"),
    ],
)
def test_meeting_choice_pages_do_not_grow(
    client_for, semarang_staff, bawaslu_semarang, url_name, factory, owner
):
    """The "Link meetings" page of a program or a pokja offers every meeting of its region
    (one checkbox each): the same queries for 2 and 12 meetings.

    One of them is linked first (the page also reads the linked ones).
    """
    record = factory(**{owner: bawaslu_semarang})
    url = reverse(url_name, args=[record.pk])
    client = client_for(semarang_staff)
    few = _meetings(2, bawaslu_semarang)
    record.meetings.add(few[0])
    small = _warm_count(client, url)
    many = _meetings(10, bawaslu_semarang, starts_at=IN_2024 + datetime.timedelta(days=30))
    record.meetings.add(*many[:5])
    large = count_queries(lambda: client.get(url))
    html = client.get(url).content.decode()
    assert [meeting.title for meeting in few + many if meeting.title not in html] == []
    assert large == small


def test_a_pokja_with_a_linked_meeting_offers_the_others(
    client_for, semarang_staff, bawaslu_semarang
):
    """A pokja's "Link meetings" page offers every meeting of its region, linked or not
    (it offered only the linked ones: a pokja has no period, and ``Q() | linked`` is
    ``linked``)."""
    group = WorkingGroupFactory(agency=bawaslu_semarang)
    linked, other = _meetings(2, bawaslu_semarang)
    group.meetings.add(linked)
    url = reverse("coordination:working_group_meetings", args=[group.pk])
    html = client_for(semarang_staff).get(url).content.decode()
    assert linked.title in html
    assert other.title in html


def test_city_agenda_feed_does_not_grow(client, bawaslu_semarang):
    """``/agenda/<kab/kota>.ics``: the same queries for 2 and 12 public meetings of the city."""
    url = reverse("coordination:public_city_feed", args=["33.74"])
    host = bawaslu_semarang
    soon = timezone.now() + datetime.timedelta(days=5)
    MeetingFactory.create_batch(2, host_agency=host, is_public=True, starts_at=soon)
    small = _warm_count(client, url)
    MeetingFactory.create_batch(10, host_agency=host, is_public=True, starts_at=soon)
    large = count_queries(lambda: client.get(url))
    assert client.get(url).content.decode().count("BEGIN:VEVENT") == 12
    assert large == small


def test_meeting_pdf_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The meeting PDF (the print page's context, converted): the same queries with 2 or 12
    attendees, agenda items and follow-ups."""

    def make(size):
        meeting = MeetingFactory(host_agency=bawaslu_semarang)
        for _index in range(size):
            MeetingAttendeeFactory(meeting=meeting, agency=bawaslu_semarang)
            AgendaItemFactory(meeting=meeting)
            FollowUpFactory(meeting=meeting)
        return reverse("coordination:meeting_pdf", args=[meeting.pk])

    client = client_for(semarang_staff)
    small_url, large_url = make(2), make(12)
    small = _warm_count(client, small_url)
    response = client.get(large_url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert count_queries(lambda: client.get(large_url)) == small


def _designations(count):
    taken = KelurahanDesignationFactory._meta.model.objects.values_list("kelurahan_id", flat=True)
    free = Region.objects.filter(depth=4, code__startswith="33.74.").exclude(code__in=taken)
    for region in free.order_by("code")[:count]:
        KelurahanDesignationFactory(kelurahan_id=region.code)


def _follow_ups(count):
    FollowUpFactory.create_batch(count, status=FollowUpStatus.TERBUKA)


#: Each coordination table's changelist and how to add ``n`` rows to it.
CHANGELISTS = {
    "meeting": lambda n: MeetingFactory.create_batch(n),
    "followup": _follow_ups,
    "declaration": lambda n: DeclarationFactory.create_batch(n),
    "declarationcampaign": lambda n: DeclarationCampaignFactory.create_batch(n),
    "kelurahandesignation": _designations,
    "program": lambda n: ProgramFactory.create_batch(n),
    "workinggroup": lambda n: WorkingGroupFactory.create_batch(n),
}


@pytest.mark.parametrize("model", list(CHANGELISTS))
def test_admin_changelists_do_not_grow(admin_client, regions, model):
    """Each coordination changelist: the same queries for 2 and 12 rows, every row listed,
    and no COUNT(*) without a LIMIT (the capped paginator)."""
    url = reverse(f"admin:coordination_{model}_changelist")
    CHANGELISTS[model](2)
    admin_client.get(url)  # warm the session and the content types
    small = count_queries(lambda: admin_client.get(url))
    CHANGELISTS[model](10)
    response = admin_client.get(url)
    assert len(changelist_rows(response)) == 12
    with CaptureQueriesContext(connection) as captured:
        assert admin_client.get(url).status_code == 200
    assert_no_unbounded_count(captured.captured_queries)
    assert len(captured.captured_queries) == small, "\n".join(
        query["sql"] for query in captured.captured_queries
    )

"""The public agenda reads what it shows, not the history (issue 10 §1).

"Not over yet" is ``COALESCE(ends_at, starts_at) >= now`` on the index ``meeting_public_end_idx``
(it was ``starts_at >= now OR ends_at >= now``, which no index serves), and the city filter's
list asks each kab/kota through ``meeting_public_city_idx`` (it was a scan of every public
meeting's region). The timings live in ``benchmarks/profile_pages.py`` and
``docs/performance.md``; these tests hold the shape of the SQL and the behaviour.
"""

import datetime
import re

import pytest
from django.db import connection
from django.db.models import F
from django.db.models.functions import Coalesce, Substr
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coordination.models import Meeting
from coordination.selectors import meeting_public_list, public_city_list
from coordination.selectors.campaigns import CITY_CODE_LENGTH
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

END = 'COALESCE("coordination_meeting"."ends_at", "coordination_meeting"."starts_at")'


def _agenda_queries(client, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/agenda/", params or {})
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def _meeting_queries(queries: list[str]) -> list[str]:
    return [sql for sql in queries if re.search(r'FROM "coordination_meeting"(?! "U)', sql)]


def _history(count: int, host_agency, *, region_id="33.74.01"):
    """``count`` past public meetings, some without an end."""
    now = timezone.now()
    for day in range(1, count + 1):
        starts = now - datetime.timedelta(days=day)
        MeetingFactory(
            is_public=True,
            starts_at=starts,
            ends_at=None if day % 3 == 0 else starts + datetime.timedelta(hours=2),
            region_id=region_id,
            host_agency=host_agency,
        )


def test_the_indexes_are_the_expressions_the_agenda_filters_on():
    """The selectors' expressions and the indexes' must be the same, or the index is never used."""
    indexes = {index.name: index for index in Meeting._meta.indexes}
    assert indexes["meeting_public_end_idx"].expressions == (
        F("is_public"),
        Coalesce("ends_at", "starts_at"),
    )
    assert indexes["meeting_public_city_idx"].expressions == (
        F("is_public"),
        Substr("region", 1, CITY_CODE_LENGTH),
    )


@pytest.mark.parametrize("period", ["akan-datang", "lalu"])
def test_the_meeting_list_is_bounded_by_the_end_column(client, regions, bawaslu_semarang, period):
    """Both lists and their counts filter on COALESCE(ends_at, starts_at), never an OR."""
    MeetingFactory(is_public=True, host_agency=bawaslu_semarang)
    _history(2, bawaslu_semarang)
    meeting_sql = _meeting_queries(_agenda_queries(client, {"waktu": period}))
    assert len(meeting_sql) == 2  # the capped count and the page
    operator = ">=" if period == "akan-datang" else "<"
    for sql in meeting_sql:
        where = sql.split(" WHERE ", 1)[1]
        assert f"{END} {operator}" in where, sql
        assert '"coordination_meeting"."ends_at" >=' not in where.replace(END, "END"), sql
        assert " OR " not in where, sql


def test_the_city_list_asks_each_city_instead_of_reading_every_meeting(client, agenda_cities):
    """One EXISTS per kab/kota on the city index's expression; no IN over all meetings."""
    queries = _agenda_queries(client)
    [city_sql] = [sql for sql in queries if 'FROM "bawaslu_portal_region"' in sql]
    assert "EXISTS" in city_sql
    assert "IN (SELECT" not in city_sql
    assert re.search(
        r'SUBSTR(ING)?\("U0"\."region_id", 1, 5\) = \("bawaslu_portal_region"', city_sql
    )


@pytest.fixture
def agenda_cities(regions, bawaslu_semarang, bawaslu_serang):
    MeetingFactory(is_public=True, region_id="33.74.01.1001", host_agency=bawaslu_semarang)
    MeetingFactory(is_public=False, region_id="36.73", host_agency=bawaslu_serang)


def test_city_list_is_the_cities_with_a_public_meeting(agenda_cities):
    assert [city.code for city in public_city_list()] == ["33.74"]


def test_agenda_query_count_is_the_same_with_a_longer_history(client, regions, bawaslu_semarang):
    """3 or 30 past public meetings behind the same upcoming one: the same queries, both periods."""
    MeetingFactory(is_public=True, host_agency=bawaslu_semarang)
    _history(3, bawaslu_semarang)
    client.get("/agenda/")
    small = {
        period: len(_agenda_queries(client, {"waktu": period}))
        for period in ("akan-datang", "lalu")
    }
    _history(30, bawaslu_semarang, region_id="33.74.02")
    large = {
        period: len(_agenda_queries(client, {"waktu": period}))
        for period in ("akan-datang", "lalu")
    }
    assert large == small


def test_not_over_yet_is_what_it_was(regions, bawaslu_semarang):
    """Ongoing meetings are upcoming; a meeting without an end is over once it has started."""
    now = timezone.now()
    hour = datetime.timedelta(hours=1)

    def meeting(title, starts, ends):
        return MeetingFactory(
            title=title,
            is_public=True,
            starts_at=starts,
            ends_at=ends,
            host_agency=bawaslu_semarang,
        )

    meeting("ahead", now + hour, now + 2 * hour)
    meeting("ahead, no end", now + hour, None)
    meeting("ongoing", now - hour, now + hour)
    meeting("ongoing for days", now - 72 * hour, now + 24 * hour)
    meeting("ended", now - 2 * hour, now - hour)
    meeting("started, no end", now - hour, None)
    MeetingFactory(title="internal", starts_at=now + hour, host_agency=bawaslu_semarang)

    upcoming = [m.title for m in meeting_public_list(upcoming=True, now=now)]
    past = [m.title for m in meeting_public_list(upcoming=False, now=now)]
    assert upcoming == ["ongoing for days", "ongoing", "ahead", "ahead, no end"]
    assert past == ["started, no end", "ended"]

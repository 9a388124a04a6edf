"""Date filters of the lists take years 2000..2100: a hand-edited URL gets a message, not a 500.

The first and last days Python can hold (0001-01-01, 9999-12-31) used to
overflow in ``coordination.selectors.meeting_list`` (local midnight of year 1
is before year 1 in UTC; the day after 9999-12-31 does not exist).
"""

import datetime

import pytest
from django.urls import reverse

from coordination import selectors
from tests.coordination.test_views_meetings import meeting_post
from tests.factories import FollowUpFactory, MeetingFactory
from tests.factories.campaigns import DeclarationFactory

OUT_OF_RANGE = "Enter a date between the years 2000 and 2100"
FIRST_DAY, LAST_DAY = "0001-01-01", "9999-12-31"

# (list URL, its "from" parameter, its "until" parameter, the title of its one record)
DATE_FILTERS = [
    ("coordination:meeting_list", "date_from", "date_to", "Rapat kisi-kisi"),
    ("coordination:follow_up_list", "due_from", "due_to", "Tindak lanjut kisi-kisi"),
    ("coordination:follow_up_print", "due_from", "due_to", "Tindak lanjut kisi-kisi"),
    ("coordination:declaration_list", "date_from", "date_to", "Deklarasi kisi-kisi"),
]


@pytest.fixture
def listed(bawaslu_semarang):
    """One record in each list, so the lists have rows to (not) filter."""
    meeting = MeetingFactory(title="Rapat kisi-kisi", host_agency=bawaslu_semarang)
    FollowUpFactory(
        title="Tindak lanjut kisi-kisi", meeting=meeting, responsible_agency=bawaslu_semarang
    )
    DeclarationFactory(title="Deklarasi kisi-kisi", organiser=bawaslu_semarang)


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "start", "end", "title"), DATE_FILTERS)
@pytest.mark.parametrize(("which", "value"), [("start", FIRST_DAY), ("end", LAST_DAY)])
def test_a_date_outside_the_years_is_refused_with_a_message(
    client_for, semarang_staff, listed, url_name, start, end, title, which, value
):
    """Each list answers 200 and says which years it takes, instead of overflowing."""
    name = start if which == "start" else end
    response = client_for(semarang_staff).get(reverse(url_name), {name: value})
    html = response.content.decode()
    assert response.status_code == 200
    form = response.context.get("form") or response.context["filter_form"]
    assert form.errors[name] == [OUT_OF_RANGE]
    if url_name == "coordination:follow_up_print":
        # The printout has no form: it notes the ignored filter and still lists the rows.
        assert "Some filters were not understood and were ignored." in html
        assert title in html
    else:
        assert OUT_OF_RANGE in html


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "start", "end", "title"), DATE_FILTERS)
def test_dates_at_the_ends_of_the_years_still_filter(
    client_for, semarang_staff, listed, url_name, start, end, title
):
    """2000-01-01 and 2100-12-31 are accepted, and every record lies between them."""
    response = client_for(semarang_staff).get(
        reverse(url_name), {start: "2000-01-01", end: "2100-12-31"}
    )
    assert response.status_code == 200
    form = response.context.get("form") or response.context["filter_form"]
    assert not form.errors
    assert title in response.content.decode()


@pytest.mark.django_db
def test_meeting_list_selector_takes_the_extreme_dates(semarang_staff, bawaslu_semarang):
    """Called without the form, the selector does not overflow on Python's first and last day."""
    meeting = MeetingFactory(region_id="33.74", host_agency=bawaslu_semarang)
    filters = selectors.MeetingFilters(date_from=datetime.date.min, date_to=datetime.date.max)
    assert list(selectors.meeting_list(user=semarang_staff, filters=filters)) == [meeting]


@pytest.mark.django_db
@pytest.mark.parametrize("day", [FIRST_DAY, LAST_DAY])
def test_a_meeting_date_outside_the_years_is_refused(
    client_for, semarang_staff, pemkot_semarang, day
):
    """The meeting form refuses year 1 (whose local midnight overflowed in UTC) and year 9999."""
    data = meeting_post(semarang_staff.agency, pemkot_semarang, date=day, start_time="00:00")
    response = client_for(semarang_staff).post(reverse("coordination:meeting_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [OUT_OF_RANGE]

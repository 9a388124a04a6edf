"""What every logged-in request costs: the user, their agency and its region in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bawaslu_portal.backends import UsernameOrEmailBackend
from bawaslu_portal.models import User
from bawaslu_portal.scoping import user_jurisdiction
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


def test_the_session_user_comes_with_agency_and_region(semarang_staff):
    backend = UsernameOrEmailBackend()
    loaded = []
    assert count_queries(lambda: loaded.append(backend.get_user(semarang_staff.pk))) == 1
    [user] = loaded
    assert count_queries(lambda: (user.agency.name, user.agency.region.name)) == 0
    assert count_queries(lambda: user_jurisdiction(user)) == 0
    assert user_jurisdiction(user).region.code == "33.74"


def test_a_user_read_elsewhere_still_gets_their_jurisdiction(semarang_staff):
    user = User.objects.get(pk=semarang_staff.pk)
    assert count_queries(lambda: user_jurisdiction(user)) == 1
    assert user_jurisdiction(user).region.code == "33.74"


def test_an_inactive_or_missing_user_is_not_loaded(semarang_staff):
    backend = UsernameOrEmailBackend()
    semarang_staff.is_active = False
    semarang_staff.save()
    assert backend.get_user(semarang_staff.pk) is None
    assert backend.get_user(987654) is None


def test_a_list_page_reads_the_jurisdiction_without_a_query_of_its_own(client_for, semarang_staff):
    """Session, then the user with agency and region; no separate region lookup."""
    client = client_for(semarang_staff)
    client.get(reverse("coordination:meeting_list"))
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("coordination:meeting_list"))
    statements = [query["sql"] for query in captured.captured_queries]
    assert 'FROM "django_session"' in statements[0]
    assert 'FROM "bawaslu_portal_user"' in statements[1]
    assert '"bawaslu_portal_agency"' in statements[1] and '"bawaslu_portal_region"' in statements[1]
    jurisdiction_lookup = 'FROM "bawaslu_portal_region" INNER JOIN "bawaslu_portal_agency"'
    assert not any(jurisdiction_lookup in sql for sql in statements)

"""The editable rule data is managed in the admin; the admin's changes drive the deadlines."""

import datetime

import pytest
from django.urls import reverse

from reports.deadlines import add_working_days
from reports.models import Election, NonWorkingDay, ViolationCategory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["election", "violationcategory", "deadlinerule", "nonworkingday"]
)
def test_rule_data_changelists_and_forms_load(client_for, portal_admin, model):
    client = client_for(portal_admin)
    assert client.get(reverse(f"admin:reports_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:reports_{model}_add")).status_code == 200


def test_election_change_page_shows_its_stages(client_for, portal_admin):
    election = Election.objects.get(name="Pemilu 2024")
    response = client_for(portal_admin).get(
        reverse("admin:reports_election_change", args=[election.pk])
    )
    assert "Masa tenang" in response.content.decode()


def test_admin_added_cuti_bersama_moves_deadlines(client_for, portal_admin):
    """A cuti bersama entered in the admin is skipped by the working-day count."""
    assert add_working_days(datetime.date(2024, 4, 5), 1) == datetime.date(2024, 4, 8)
    response = client_for(portal_admin).post(
        reverse("admin:reports_nonworkingday_add"),
        {"date": "2024-04-08", "name": "Cuti bersama Idul Fitri"},
    )
    assert response.status_code == 302
    assert NonWorkingDay.objects.filter(date=datetime.date(2024, 4, 8)).exists()
    assert add_working_days(datetime.date(2024, 4, 5), 1) == datetime.date(2024, 4, 9)


def test_seeded_categories_are_the_skb_2022_list():
    """7 code-of-ethics forms and 12 discipline forms."""
    assert ViolationCategory.objects.filter(group="etik").count() == 7
    assert ViolationCategory.objects.filter(group="disiplin").count() == 12

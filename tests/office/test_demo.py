"""The demo data gives every demo login a non-empty work queue and dashboard."""

import pytest

from bawaslu_portal.demo import seed_portal_demo
from coordination.demo import seed_coordination_demo
from reports.demo import seed_reports_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    portal = seed_portal_demo(password="demo-password-123")
    seed_coordination_demo(portal=portal)
    seed_reports_demo(portal=portal)
    return portal


def queue_total(response) -> int:
    queue = response.context["queue"]
    if queue.per_region:
        return sum(cell.count for cell in queue.total.cells)
    return sum(line.count for section in queue.sections for line in section.lines)


@pytest.mark.parametrize(
    "username", ["semarang.staf", "semarang.ketua", "jateng.staf", "semarang.pemkot"]
)
def test_demo_logins_have_something_in_their_queue(client, demo, username):
    client.force_login(
        demo.users[username], backend="bawaslu_portal.backends.UsernameOrEmailBackend"
    )
    response = client.get("/")
    assert response.status_code == 200
    assert queue_total(response) > 0, username


def test_demo_dashboard_has_figures(client, demo):
    client.force_login(
        demo.users["semarang.staf"], backend="bawaslu_portal.backends.UsernameOrEmailBackend"
    )
    response = client.get("/dasbor/", {"start": "2023-01", "end": "2024-12"})
    figures = {figure.key: figure for figure in response.context["dashboard"].figures}
    assert sum(cell.value for cell in figures["meetings"].table.total) > 0
    assert sum(cell.value for cell in figures["reports"].table.total) > 0

"""The demo data gives every demo login a non-empty work queue and dashboard."""

import pytest
from django.urls import reverse

from bawaslu_portal.demo import seed_portal_demo
from coordination.demo import seed_coordination_demo
from coordination.models import DeclarationDocument, MeetingAttachment
from reports.demo import seed_reports_demo
from reports.models import Evidence

pytestmark = pytest.mark.django_db

#: Each kind of stored file: its rows, its download route, the owner's key and the file's key.
DEMO_FILE_ROUTES = [
    (
        MeetingAttachment.objects.all,
        "coordination:attachment_download",
        "meeting_id",
        "attachment_pk",
    ),
    (
        DeclarationDocument.objects.all,
        "coordination:declaration_document_download",
        "declaration_id",
        "document_pk",
    ),
    (
        lambda: Evidence.objects.exclude(file=""),
        "reports:evidence_download",
        "report_id",
        "evidence_pk",
    ),
]


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


def test_every_demo_file_downloads_for_the_office(client, demo):
    """Every file of the demo (meeting attachments, declaration documents, evidence) opens for
    the Semarang staff login through its download URL, with its stored content type."""
    urls = [
        (reverse(route, kwargs={"pk": getattr(row, owner), key: row.pk}), row.content_type)
        for rows, route, owner, key in DEMO_FILE_ROUTES
        for row in rows()
    ]
    assert {content_type for _url, content_type in urls} == {"application/pdf", "image/png"}
    assert len(urls) == 4
    client.force_login(
        demo.users["semarang.staf"], backend="bawaslu_portal.backends.UsernameOrEmailBackend"
    )
    for url, content_type in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type, url
        assert len(b"".join(response.streaming_content)) < 20 * 1024

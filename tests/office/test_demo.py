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


def test_every_demo_file_downloads_for_the_office(client, demo):
    """Every file of the demo (meeting attachments, declaration documents, evidence) opens for
    the Semarang staff login through its download URL, with its stored content type."""
    from django.urls import reverse

    from coordination.models import DeclarationDocument, MeetingAttachment
    from reports.models import Evidence

    urls = [
        (
            reverse(
                "coordination:attachment_download",
                kwargs={"pk": row.meeting_id, "attachment_pk": row.pk},
            ),
            row.content_type,
        )
        for row in MeetingAttachment.objects.all()
    ]
    urls += [
        (
            reverse(
                "coordination:declaration_document_download",
                kwargs={"pk": row.declaration_id, "document_pk": row.pk},
            ),
            row.content_type,
        )
        for row in DeclarationDocument.objects.all()
    ]
    urls += [
        (
            reverse(
                "reports:evidence_download", kwargs={"pk": row.report_id, "evidence_pk": row.pk}
            ),
            row.content_type,
        )
        for row in Evidence.objects.exclude(file="")
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

"""Reporter protection: the identity is shown only to case handlers, and every view is logged."""

import pytest
from django.urls import reverse

from bawaslu_portal.models import AuditEvent, AuditKind
from reports.models import ReportSource
from reports.selectors.cases import report_identity_access_list
from tests.factories import UserFactory
from tests.factories.reports import (
    REPORTER_ADDRESS,
    REPORTER_NAME,
    REPORTER_NIK,
    REPORTER_PHONE,
    intake_report,
)

SECRETS = (REPORTER_NAME, REPORTER_NIK, REPORTER_PHONE, REPORTER_ADDRESS)


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def identity_url(report):
    return reverse("reports:reporter_identity", args=[report.pk])


@pytest.mark.django_db
def test_detail_page_hides_identity_until_asked(client_for, semarang_staff):
    """The case page never shows the reporter; it offers an explicit action instead."""
    report = intake_report(user=semarang_staff)
    html = client_for(semarang_staff).get(report.get_absolute_url()).content.decode()
    for secret in SECRETS:
        assert secret not in html
    assert identity_url(report) in html
    assert "Show reporter identity" in html


@pytest.mark.django_db
def test_every_view_writes_an_access_row(client_for, semarang_staff, semarang_commissioner):
    """Each view of the identity logs who, when and which report, every single time."""
    report = intake_report(user=semarang_staff)
    client = client_for(semarang_staff)
    for _attempt in range(2):
        response = client.post(identity_url(report), {"purpose": "klarifikasi"})
        assert response.status_code == 200
        assert REPORTER_NAME in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    client_for(semarang_commissioner).post(identity_url(report))
    accesses = report_identity_access_list(report=report)
    assert accesses.count() == 3
    assert set(accesses.values_list("user", flat=True)) == {
        semarang_staff.pk,
        semarang_commissioner.pk,
    }
    assert accesses.filter(details__purpose="klarifikasi").count() == 2


@pytest.mark.django_db
def test_detail_page_lists_who_viewed(client_for, semarang_staff):
    """Case handlers see who viewed the identity on the case page."""
    report = intake_report(user=semarang_staff)
    client = client_for(semarang_staff)
    client.post(identity_url(report))
    html = client.get(report.get_absolute_url()).content.decode()
    assert 'data-testid="identity-accesses"' in html
    assert semarang_staff.get_full_name() in html


@pytest.mark.django_db
def test_identity_view_is_a_post(client_for, semarang_staff):
    """A GET (a prefetch, a crawler) neither shows nor logs the identity."""
    report = intake_report(user=semarang_staff)
    assert client_for(semarang_staff).get(identity_url(report)).status_code == 405
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


@pytest.mark.django_db
def test_provincial_office_above_may_view(client_for, semarang_staff, jateng_staff):
    """Bawaslu Provinsi, above the handling office, is a case handler too."""
    report = intake_report(user=semarang_staff)
    assert client_for(jateng_staff).post(identity_url(report)).status_code == 200
    assert AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).get().user == jateng_staff


@pytest.mark.django_db
def test_partner_other_office_and_viewer_are_refused(
    client_for, semarang_staff, semarang_partner, serang_staff, bawaslu_semarang
):
    """Partners get 403, another city's office 404, a Bawaslu viewer 403; none is logged."""
    report = intake_report(user=semarang_staff)
    viewer = UserFactory(username="semarang.viewer", agency=bawaslu_semarang, role="viewer")
    assert client_for(semarang_partner).post(identity_url(report)).status_code == 403
    assert client_for(serang_staff).post(identity_url(report)).status_code == 404
    response = client_for(viewer).post(identity_url(report))
    assert response.status_code == 403
    assert REPORTER_NAME not in response.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


@pytest.mark.django_db
def test_identity_absent_from_list_and_public_pages(client, client_for, semarang_staff):
    """Neither the list, its filters, nor any public page shows the reporter."""
    report = intake_report(user=semarang_staff)
    pages = [
        client_for(semarang_staff).get("/laporan/").content.decode(),
        client_for(semarang_staff).get("/laporan/", {"stage": "diterima"}).content.decode(),
    ]
    client.logout()
    pages.append(client.post("/cek-laporan/", {"code": report.tracking_code}).content.decode())
    pages.append(client.get("/lapor/").content.decode())
    for html in pages:
        for secret in SECRETS:
            assert secret not in html


@pytest.mark.django_db
def test_temuan_has_no_identity_to_show(client_for, semarang_staff):
    """A temuan has no reporter: the page says so and offers no identity action."""
    report = intake_report(user=semarang_staff, source=ReportSource.TEMUAN)
    html = client_for(semarang_staff).get(report.get_absolute_url()).content.decode()
    assert "No reporter identity is recorded" in html
    assert identity_url(report) not in html


@pytest.mark.django_db
@pytest.mark.parametrize("withhold", [True, False])
def test_case_page_warns_when_the_reporter_asked_to_be_withheld(
    client_for, semarang_staff, withhold
):
    """Handlers are warned before clarification letters go out; the identity stays hidden."""
    report = intake_report(user=semarang_staff)
    report.reporter_identity.withhold_from_reported = withhold
    report.reporter_identity.save()
    html = client_for(semarang_staff).get(report.get_absolute_url()).content.decode()
    assert ('data-testid="withhold-warning"' in html) is withhold
    for secret in SECRETS:
        assert secret not in html

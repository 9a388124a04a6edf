"""The reports demo seed: every city, every stage, the source cases, and idempotent."""

import pytest

from bawaslu_portal.demo import seed_portal_demo
from reports.demo import seed_reports_demo
from reports.models import Report, ReportHistory, ReportStage


@pytest.fixture
def seeded(db):
    portal = seed_portal_demo(password="demo-password-123")
    seed_reports_demo(portal=portal)
    return portal


@pytest.mark.django_db
def test_every_stage_and_every_city(seeded):
    """The demo covers every stage of the workflow and every demo city."""
    assert set(Report.objects.values_list("stage", flat=True)) == set(ReportStage.values)
    cities = {code[:5] for code in Report.objects.values_list("region_id", flat=True)}
    assert cities == {"33.74", "64.71", "36.73", "19.71"}


@pytest.mark.django_db
def test_pangkalpinang_kahmi_reports(seeded):
    """The KAHMI protest reports were received on Friday 25 Oct 2024 and registered on the
    28th, the day of the Pj Wali Kota's visit, numbered as in the issue's example."""
    reports = Report.objects.filter(tracking_code__startswith="DEM0PGK").order_by("tracking_code")
    assert reports.count() == 3
    assert all("KAHMI" in report.description for report in reports)
    first = reports[0]
    assert first.registration_number == "001/Reg/LP/PW/19.71/X/2024"
    assert first.registered_at.date().isoformat() == "2024-10-28"
    assert first.stage == ReportStage.SELESAI
    assert first.comments.filter(office__name__contains="Bangka Belitung").exists()
    assert reports[1].registration_number == "002/Reg/LP/PW/19.71/X/2024"


@pytest.mark.django_db
def test_semarang_like_and_share_case(seeded):
    """The Semarang case of an ASN liking and sharing campaign posts reached the PPK."""
    report = Report.objects.get(tracking_code="DEM0SMG001")
    assert "membagikan" in report.description and "menyukai" in report.description
    assert report.stage == ReportStage.TINDAK_LANJUT_PPK
    assert report.categories.filter(code="E4").exists()
    assert report.follow_up_links.count() == 2
    history = list(report.history.values_list("to_stage", flat=True))
    assert history[0] == ReportStage.DITERIMA and history[-1] == ReportStage.TINDAK_LANJUT_PPK


@pytest.mark.django_db
def test_seed_is_idempotent(seeded):
    """Running the seed again creates nothing new."""
    reports, history = Report.objects.count(), ReportHistory.objects.count()
    seed_reports_demo(portal=seed_portal_demo(password="demo-password-123"))
    assert Report.objects.count() == reports
    assert ReportHistory.objects.count() == history

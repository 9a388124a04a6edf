"""Hand-counted records for the work queue and the dashboard: Semarang's, and Serang's that
Semarang must never see."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from bawaslu_portal.models import AgencyKind, Region
from bawaslu_portal.services import regions_import
from coordination.models import FollowUpStatus, MeetingStatus
from reports.models import ReportStage
from tests.factories import AgencyFactory, FollowUpFactory, MeetingFactory
from tests.factories.reports import ReportFactory


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


def list_count(client, url: str) -> int:
    """How many rows the list at ``url`` counts (the list must take every filter the link sets)."""
    response = client.get(url)
    assert response.status_code == 200, url
    form = response.context.get("form")
    assert form is None or not form.errors, (url, form.errors)
    return response.context["page"].paginator.count


@dataclass
class QueueData:
    serang_kelurahan: str
    agency_a: object
    agency_b: object


def make_reports(office, region_id: str, *, late_kajian=2) -> None:
    """Per city: late kajian awal ×``late_kajian``, handling due today, completion and a public
    filing due within 2 days, a late KASN/BKN reply, and three that count nowhere."""
    late = [
        (ReportStage.KAJIAN_AWAL, -1 - offset, "kajian_awal", {}) for offset in range(late_kajian)
    ]
    for stage, due_in, step, extra in [
        *late,
        (ReportStage.KLARIFIKASI, 0, "handling", {}),
        (ReportStage.PERLU_DILENGKAPI, 2, "completion", {}),
        (ReportStage.DITERIMA, 1, "kajian_awal", {"via_public_form": True}),
        (ReportStage.REKOMENDASI_DITERUSKAN, -10, "bkn_response", {}),
        # Counted nowhere: due in 3 days, closed past its deadline, officials' own intake
        # (not public).
        (ReportStage.KAJIAN, 3, "handling", {}),
        (ReportStage.SELESAI, -3, "handling", {}),
    ]:
        ReportFactory(
            office=office,
            region_id=region_id,
            stage=stage,
            deadline=days(due_in),
            deadline_step=step,
            **extra,
        )


def make_coordination(region_id: str, agency_a, agency_b, host) -> None:
    """Overdue follow-ups: 2 of agency A, 1 of B; this week 1 meeting; 2 held without minutes."""
    FollowUpFactory(region_id=region_id, responsible_agency=agency_a, due_date=days(-1))
    FollowUpFactory(region_id=region_id, responsible_agency=agency_a, due_date=days(-3))
    FollowUpFactory(
        region_id=region_id,
        responsible_agency=agency_b,
        due_date=days(-2),
        status=FollowUpStatus.DALAM_PROSES,
    )
    FollowUpFactory(
        region_id=region_id,
        responsible_agency=agency_b,
        due_date=days(-2),
        status=FollowUpStatus.SELESAI,
    )
    FollowUpFactory(region_id=region_id, responsible_agency=agency_a, due_date=days(3))
    MeetingFactory(region_id=region_id, host_agency=host, starts_at=at_noon(days(0)))
    for status, summary in [
        (MeetingStatus.TERLAKSANA, ""),
        (MeetingStatus.TERLAKSANA, ""),
        (MeetingStatus.TERLAKSANA, "Notulen ditulis."),
        (MeetingStatus.DIBATALKAN, ""),
    ]:
        MeetingFactory(
            region_id=region_id,
            host_agency=host,
            starts_at=at_noon(days(-40)),
            status=status,
            summary=summary,
        )


@pytest.fixture
def queue_data(bawaslu_semarang, bawaslu_serang, pemkot_semarang):
    """Semarang's and Serang's records, alike; each city sees only its own."""
    serang_kelurahan = (
        Region.objects.filter(code__startswith="36.73.", depth=4).order_by("code").first().code
    )
    agency_a = pemkot_semarang
    agency_b = AgencyFactory(
        name="Dinas Kominfo Kota Semarang", kind=AgencyKind.OPD, region_id="33.74"
    )
    make_reports(bawaslu_semarang, "33.74.01.1001")
    make_reports(bawaslu_serang, serang_kelurahan, late_kajian=5)
    make_coordination("33.74", agency_a, agency_b, bawaslu_semarang)
    serang_agency = AgencyFactory(
        name="Pemerintah Kota Serang", kind=AgencyKind.PEMDA, region_id="36.73"
    )
    make_coordination("36.73", serang_agency, serang_agency, bawaslu_serang)
    return QueueData(serang_kelurahan, agency_a, agency_b)


@pytest.fixture
def second_jateng_city(regions):
    """Kabupaten Cilacap (33.01), so the province has two kab/kota side by side."""
    regions_import(codes=["33.01"])
    return Region.objects.get(code="33.01")

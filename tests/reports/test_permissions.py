"""Who may see a case, act on it, comment on it and see the reporter's identity."""

import pytest

from bawaslu_portal.models import AgencyKind, UserRole
from reports.models import ReportStage
from reports.permissions.cases import (
    can_comment_report,
    can_handle_report,
    can_view_report,
    can_view_reporter_identity,
)
from reports.permissions.workflow import allowed_transitions
from tests.factories import AgencyFactory, UserFactory
from tests.factories.reports import ReportFactory


@pytest.fixture
def report(bawaslu_semarang):
    return ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)


def test_handling_office(report, semarang_staff, semarang_commissioner):
    """The handling office's staff and commissioners see, act, comment and see the reporter."""
    for user in (semarang_staff, semarang_commissioner):
        assert can_view_report(user, report)
        assert can_handle_report(user, report)
        assert can_comment_report(user, report)
        assert can_view_reporter_identity(user, report)
        assert allowed_transitions(user, report)


def test_office_above(report, jateng_staff):
    """Bawaslu Provinsi sees the case, comments and sees the reporter, but does not handle it."""
    assert can_view_report(jateng_staff, report)
    assert not can_handle_report(jateng_staff, report)
    assert can_comment_report(jateng_staff, report)
    assert can_view_reporter_identity(jateng_staff, report)
    # Staff may not take over (a commissioners' decision): nothing to do for them.
    assert allowed_transitions(jateng_staff, report) == []
    jateng_staff.role = UserRole.COMMISSIONER
    assert [t.target for t in allowed_transitions(jateng_staff, report)] == [
        ReportStage.DIAMBIL_ALIH
    ]


def test_taken_over_case_stays_visible_below_but_not_the_reporter(bawaslu_jateng, semarang_staff):
    """After a take-over the city still sees the case in its area, not the reporter's identity."""
    report = ReportFactory(office=bawaslu_jateng, stage=ReportStage.DIAMBIL_ALIH)
    assert can_view_report(semarang_staff, report)
    assert not can_handle_report(semarang_staff, report)
    assert not can_comment_report(semarang_staff, report)
    assert not can_view_reporter_identity(semarang_staff, report)
    assert allowed_transitions(semarang_staff, report) == []


def test_viewer_sees_but_does_nothing(report, bawaslu_semarang):
    viewer = UserFactory(agency=bawaslu_semarang, role=UserRole.VIEWER)
    assert can_view_report(viewer, report)
    assert not can_handle_report(viewer, report)
    assert not can_comment_report(viewer, report)
    assert not can_view_reporter_identity(viewer, report)


def test_partner_and_other_cities_see_nothing(report, semarang_partner, serang_staff):
    for user in (semarang_partner, serang_staff):
        assert not can_view_report(user, report)
        assert not can_view_reporter_identity(user, report)
        assert allowed_transitions(user, report) == []


def test_panwaslu_kecamatan_below_is_not_above(report, regions):
    """An office *below* the handling office neither handles nor sees the reporter."""
    panwaslu = AgencyFactory(kind=AgencyKind.PANWASLU_KECAMATAN, region_id="33.74.01")
    user = UserFactory(agency=panwaslu, role=UserRole.COMMISSIONER)
    assert not can_handle_report(user, report)
    assert not can_view_reporter_identity(user, report)


def test_nationwide_admin(report, portal_admin):
    assert can_handle_report(portal_admin, report)
    assert can_view_reporter_identity(portal_admin, report)


def test_closed_case_takes_no_comments_and_no_steps(bawaslu_semarang, semarang_commissioner):
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.SELESAI)
    assert not can_comment_report(semarang_commissioner, report)
    assert allowed_transitions(semarang_commissioner, report) == []

"""``report_transition`` details: stale versions, registration numbers, comments, privacy."""

import datetime
import logging
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bawaslu_portal.models import UserRole
from reports.models import RegistrationCounter, ReportHistory, ReportSource, ReportStage
from reports.services.cases import report_comment_add
from reports.services.workflow import registration_number_format, report_transition, roman_month
from tests.factories import AgencyFactory, UserFactory
from tests.factories.reports import PilkadaFactory, ReporterIdentityFactory, ReportFactory

D = datetime.date


def frozen_now(moment: datetime.datetime):
    """Freeze ``timezone.now`` (and so ``localdate``) for the services."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def register(actor, report):
    return report_transition(
        actor=actor,
        report=report,
        to_stage=ReportStage.DIREGISTRASI,
        expected_version=report.version,
    )


def test_stale_transition_is_refused(semarang_staff, semarang_commissioner):
    """Two officials on the same page: the second is told, and nothing of theirs is saved."""
    report = ReportFactory(office=semarang_staff.agency)
    seen_version = report.version
    report_transition(
        actor=semarang_staff,
        report=report,
        to_stage=ReportStage.KAJIAN_AWAL,
        expected_version=seen_version,
    )

    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_commissioner,
            report=report,
            to_stage=ReportStage.DICABUT,
            expected_version=seen_version,
            reason="Dicabut",
        )

    assert caught.value.code == "stale_version"
    report.refresh_from_db()
    assert report.get_stage_display() in caught.value.messages[0]
    assert report.stage == ReportStage.KAJIAN_AWAL
    assert report.version == seen_version + 1
    assert ReportHistory.objects.filter(report=report).count() == 1


def test_transition_uses_the_locked_row_not_the_callers_copy(semarang_staff):
    """A caller's outdated in-memory report cannot overwrite newer data."""
    report = ReportFactory(office=semarang_staff.agency)
    ReportFactory._meta.model.objects.filter(pk=report.pk).update(description="Baru")
    report_transition(
        actor=semarang_staff, report=report, to_stage=ReportStage.KAJIAN_AWAL, expected_version=1
    )
    report.refresh_from_db()
    assert report.description == "Baru"


@pytest.mark.parametrize(
    ("month", "roman"), [(1, "I"), (4, "IV"), (9, "IX"), (10, "X"), (11, "XI"), (12, "XII")]
)
def test_roman_months(month, roman):
    assert roman_month(month) == roman


def test_registration_number_default_format():
    """The default format reads like ``001/Reg/LP/PW/19.71/X/2024``."""
    number = registration_number_format(
        seq=1,
        source=ReportSource.LAPORAN,
        election_code="PW",
        region_code="19.71",
        on=D(2024, 10, 28),
    )
    assert number == "001/Reg/LP/PW/19.71/X/2024"
    temuan = registration_number_format(
        seq=12,
        source=ReportSource.TEMUAN,
        election_code="PL",
        region_code="33.74",
        on=D(2024, 1, 3),
    )
    assert temuan == "012/Reg/TM/PL/33.74/I/2024"


def test_registration_number_format_is_a_setting(settings):
    """Offices with another numbering scheme change ``REPORT_NUMBER_FORMAT``."""
    settings.REPORT_NUMBER_FORMAT = "{kind}-{year}-{seq:04d}"
    number = registration_number_format(
        seq=7,
        source=ReportSource.INFORMASI_AWAL,
        election_code="PL",
        region_code="33",
        on=D(2024, 2, 1),
    )
    assert number == "TM-2024-0007"


@frozen_now(datetime.datetime(2024, 10, 28, 3, 0, tzinfo=datetime.UTC))
def test_registration_numbers_are_consecutive_per_office_and_year(
    _now, semarang_staff, serang_staff, bawaslu_semarang
):
    """Each office numbers from 001 in each year, with no gaps; other offices have their own."""
    election = PilkadaFactory()
    reports = [
        ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL, election=election)
        for _ in range(3)
    ]
    numbers = [register(semarang_staff, report).registration_number for report in reports]
    assert numbers == [
        "001/Reg/LP/PW/33.74/X/2024",
        "002/Reg/LP/PW/33.74/X/2024",
        "003/Reg/LP/PW/33.74/X/2024",
    ]
    serang_report = ReportFactory(
        office=serang_staff.agency,
        region_id="36.73",
        incident_kelurahan_id=None,
        stage=ReportStage.KAJIAN_AWAL,
        election=election,
        source=ReportSource.TEMUAN,
    )
    assert register(serang_staff, serang_report).registration_number == (
        "001/Reg/TM/PW/36.73/X/2024"
    )
    counter = RegistrationCounter.objects.get(office=bawaslu_semarang, year=2024)
    assert counter.last == 3
    history = ReportHistory.objects.get(report=reports[0])
    assert history.data["registration_number"] == numbers[0]


def test_a_failed_registration_leaves_no_gap(semarang_staff, bawaslu_semarang):
    """The counter rolls back with a registration that fails validation."""
    broken = ReportFactory(
        office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL, reported_nip="123"
    )
    with pytest.raises(ValidationError):
        register(semarang_staff, broken)
    assert not RegistrationCounter.objects.filter(office=bawaslu_semarang, last__gt=0).exists()

    good = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)
    assert register(semarang_staff, good).registration_sequence == 1


def test_registration_starts_the_handling_deadline(semarang_staff):
    """Registering starts the handling period (7 days for a pemilu)."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    with frozen_now(datetime.datetime(2024, 1, 15, 3, 0, tzinfo=datetime.UTC)):
        report = register(semarang_staff, report)
    assert report.deadline == D(2024, 1, 22)
    assert report.deadline_step == "handling"
    assert report.registration_year == 2024


def test_pemilu_extension_counts_from_the_registration(semarang_staff):
    """UU 7/2017 ps. 454 ayat (8): 14 working days after registration, not after the 7 days.

    Registered Monday 5 February 2024 (WIB): Tuesday 27 February, not 4 March.
    """
    report = ReportFactory(
        office=semarang_staff.agency,
        stage=ReportStage.KLARIFIKASI,
        registration_number="001/Reg/LP/PL/33.74/II/2024",
        registered_at=datetime.datetime(2024, 2, 5, 2, 0, tzinfo=datetime.UTC),
        deadline=D(2024, 2, 12),
        deadline_step="handling",
    )
    report = report_transition(
        actor=semarang_staff,
        report=report,
        to_stage=ReportStage.KLARIFIKASI,
        expected_version=1,
        note="Keterangan saksi belum lengkap.",
    )
    assert report.deadline == D(2024, 2, 27)
    assert report.handling_extended
    assert report.stage == ReportStage.KLARIFIKASI


def test_provincial_office_comments_on_the_kajian_awal(jateng_staff, semarang_staff):
    """Bawaslu Provinsi comments on a city report; the city answers; both keep their office."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    comment = report_comment_add(
        actor=jateng_staff, report=report, text="  Perlu klarifikasi status kepegawaian.  "
    )
    reply = report_comment_add(actor=semarang_staff, report=report, text="Sudah dicek ke BKPSDM.")
    assert (comment.office, comment.stage, comment.text) == (
        jateng_staff.agency,
        ReportStage.KAJIAN_AWAL,
        "Perlu klarifikasi status kepegawaian.",
    )
    assert reply.office == semarang_staff.agency
    report.refresh_from_db()
    assert report.version == 1


def test_comments_are_refused_outside_the_line(serang_staff, semarang_partner, semarang_staff):
    """Another city, a partner official, a closed case or an empty text are refused."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    for outsider in (serang_staff, semarang_partner):
        with pytest.raises(PermissionDenied):
            report_comment_add(actor=outsider, report=report, text="x")
    with pytest.raises(ValidationError) as caught:
        report_comment_add(actor=semarang_staff, report=report, text="   ")
    assert caught.value.error_dict["text"][0].code == "required"
    report.stage = ReportStage.SELESAI
    with pytest.raises(PermissionDenied):
        report_comment_add(actor=semarang_staff, report=report, text="x")


def test_lower_office_cannot_take_over_from_the_province(
    bawaslu_jateng, bawaslu_semarang, semarang_commissioner
):
    """A take-over goes up the hierarchy only."""
    report = ReportFactory(office=bawaslu_jateng, stage=ReportStage.KAJIAN_AWAL)
    with pytest.raises(PermissionDenied):
        report_transition(
            actor=semarang_commissioner,
            report=report,
            to_stage=ReportStage.DIAMBIL_ALIH,
            expected_version=1,
            note="x",
            target_office=bawaslu_semarang,
        )


def test_province_forwards_down_to_the_city(bawaslu_jateng, bawaslu_semarang, jateng_staff):
    """Dilimpahkan from the province to the city office that covers the incident."""
    report = ReportFactory(office=bawaslu_jateng, stage=ReportStage.DITERIMA)
    report = report_transition(
        actor=jateng_staff,
        report=report,
        to_stage=ReportStage.DILIMPAHKAN,
        expected_version=1,
        note="Kewenangan Bawaslu Kota.",
        target_office=bawaslu_semarang,
    )
    assert report.office == bawaslu_semarang


def test_nationwide_admin_takes_over_for_the_office_they_choose(
    portal_admin, bawaslu_semarang, bawaslu_jateng
):
    """An admin without agency acts for any office, but must name it."""
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.DITERIMA)
    report = report_transition(
        actor=portal_admin,
        report=report,
        to_stage=ReportStage.DIAMBIL_ALIH,
        expected_version=1,
        note="x",
        target_office=bawaslu_jateng,
    )
    assert report.office == bawaslu_jateng


def test_ppk_agency_must_not_be_bawaslu(semarang_staff, bawaslu_semarang):
    report = ReportFactory(
        office=bawaslu_semarang,
        stage=ReportStage.REKOMENDASI_DITERUSKAN,
        registration_number="001/Reg/LP/PL/33.74/I/2024",
        recommendation_date=D(2024, 2, 1),
    )
    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.TINDAK_LANJUT_PPK,
            expected_version=1,
            bkn_recommendation_number="R-1",
            bkn_recommendation_date=D(2024, 1, 20),
            ppk_agency=bawaslu_semarang,
        )
    assert set(caught.value.error_dict) == {"bkn_recommendation_date"}
    with pytest.raises(ValidationError) as caught:
        report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.TINDAK_LANJUT_PPK,
            expected_version=1,
            bkn_recommendation_number="R-1",
            bkn_recommendation_date=D(2024, 2, 20),
            ppk_agency=bawaslu_semarang,
        )
    assert set(caught.value.error_dict) == {"ppk_agency"}


def test_unknown_fields_are_a_programming_error(semarang_staff):
    report = ReportFactory(office=semarang_staff.agency)
    with pytest.raises(TypeError):
        report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.KAJIAN_AWAL,
            expected_version=1,
            reason="x",
        )


def test_history_and_logs_carry_no_personal_data(semarang_staff, caplog):
    """History rows and log lines never contain the reporter's or the ASN's name."""
    identity = ReporterIdentityFactory(
        report__office=semarang_staff.agency, name="Siti Pelapor Rahasia"
    )
    report = identity.report
    with caplog.at_level(logging.DEBUG):
        report = report_transition(
            actor=semarang_staff,
            report=report,
            to_stage=ReportStage.DICABUT,
            expected_version=1,
            reason="Dicabut pelapor.",
        )
    entry = ReportHistory.objects.get(report=report)
    for text in (str(entry.data), entry.note, caplog.text):
        assert "Siti Pelapor Rahasia" not in text
        assert report.reported_name not in text
    assert str(identity) != identity.name


def test_viewer_of_the_handling_office_cannot_act(bawaslu_semarang):
    viewer = UserFactory(agency=bawaslu_semarang, role=UserRole.VIEWER)
    report = ReportFactory(office=bawaslu_semarang)
    with pytest.raises(PermissionDenied):
        report_transition(
            actor=viewer, report=report, to_stage=ReportStage.KAJIAN_AWAL, expected_version=1
        )


def test_staff_of_a_non_bawaslu_agency_cannot_act(regions):
    """A 'staff' account whose agency is not Bawaslu has no case-handling rights."""
    opd = AgencyFactory(region_id="33.74")
    user = UserFactory(agency=opd, role=UserRole.STAFF)
    report = ReportFactory()
    with pytest.raises(PermissionDenied):
        report_transition(
            actor=user, report=report, to_stage=ReportStage.KAJIAN_AWAL, expected_version=1
        )


def test_registration_in_the_quiet_period_keeps_the_statutory_days(semarang_staff):
    """The quiet period changes no handling deadline: 7 days (UU 7/2017 ps. 454 ayat (7))."""
    report = ReportFactory(office=semarang_staff.agency, stage=ReportStage.KAJIAN_AWAL)
    with frozen_now(datetime.datetime(2024, 2, 12, 3, 0, tzinfo=datetime.UTC)):
        report = register(semarang_staff, report)
    assert report.deadline == D(2024, 2, 19)
    assert report.registration_number == "001/Reg/LP/PL/33.74/II/2024"


def test_today_is_the_handling_office_day(bawaslu_semarang, semarang_staff):
    """At 00.30 WIB on 1 February (still 31 January in UTC) the number says February."""
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)
    with frozen_now(datetime.datetime(2024, 1, 31, 17, 30, tzinfo=datetime.UTC)):
        report = register(semarang_staff, report)
    assert report.registration_number.endswith("/II/2024")

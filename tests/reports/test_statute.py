"""The workflow against the statutes: late filings, the clock, the recipient, sanctions, blocking.

Each test names the article and ayat it checks.
"""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import UserRole
from reports.models import (
    FollowUpKind,
    RecommendationRecipient,
    ReportFollowUp,
    ReportSource,
    ReportStage,
)
from reports.services.workflow import report_transition
from tests.factories import UserFactory
from tests.factories.reports import PilkadaFactory, ReportFactory, intake_report, pemilu

D = datetime.date
pytestmark = pytest.mark.django_db


def frozen(moment: datetime.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def move(actor, report, to_stage, note="", **fields):
    return report_transition(
        actor=actor,
        report=report,
        to_stage=to_stage,
        expected_version=report.version,
        note=note,
        **fields,
    )


@pytest.fixture
def commissioner(bawaslu_semarang):
    return UserFactory(agency=bawaslu_semarang, role=UserRole.COMMISSIONER)


def test_a_late_laporan_cannot_be_registered(semarang_staff):
    """UU 7/2017 ps. 454 ayat (6): filed after 7 working days, the laporan fails the formal test.

    Register is refused with the reason; the office keeps it as informasi awal, which
    can then be assessed and registered as a temuan (TM).
    """
    today = timezone.localdate()
    report = intake_report(
        election=pemilu(),
        incident_date=today - datetime.timedelta(days=40),
        known_date=today - datetime.timedelta(days=30),
    )
    assert report.filed_late and report.fails_filing_deadline
    report = move(semarang_staff, report, ReportStage.KAJIAN_AWAL)

    with pytest.raises(ValidationError) as caught:
        move(semarang_staff, report, ReportStage.DIREGISTRASI)
    assert caught.value.code == "guard"
    assert "cannot be registered" in caught.value.messages[0]
    assert "(UU 7/2017 ps. 454 ayat (6))" in caught.value.messages[0]  # the rule's own basis

    report = move(
        semarang_staff,
        report,
        ReportStage.INFORMASI_AWAL,
        reason="Dilaporkan melewati 7 hari kerja; disimpan sebagai informasi awal.",
    )
    assert (report.stage, report.source) == (
        ReportStage.INFORMASI_AWAL,
        ReportSource.INFORMASI_AWAL,
    )
    assert report.deadline is None
    report = move(semarang_staff, report, ReportStage.KAJIAN_AWAL)
    report = move(semarang_staff, report, ReportStage.DIREGISTRASI)
    assert "/Reg/TM/" in report.registration_number


def test_an_on_time_laporan_cannot_be_kept_as_informasi_awal_this_way(semarang_staff):
    """The late-filing path is only for late filings."""
    report = intake_report(election=pemilu())
    assert not report.filed_late
    with pytest.raises(ValidationError) as caught:
        move(semarang_staff, report, ReportStage.INFORMASI_AWAL, reason="x")
    assert caught.value.code == "guard"


def test_a_late_temuan_counts_7_days_from_discovery(semarang_staff):
    """UU 7/2017 ps. 454 ayat (5): a temuan is established within 7 (calendar) days."""
    today = timezone.localdate()
    on_time = intake_report(
        user=semarang_staff,
        source=ReportSource.TEMUAN,
        election=pemilu(),
        incident_date=today - datetime.timedelta(days=8),
        known_date=today - datetime.timedelta(days=7),
    )
    late = intake_report(
        user=semarang_staff,
        source=ReportSource.TEMUAN,
        election=pemilu(),
        incident_date=today - datetime.timedelta(days=9),
        known_date=today - datetime.timedelta(days=8),
    )
    assert on_time.filing_deadline == today and not on_time.filed_late
    assert late.filed_late and late.fails_filing_deadline


def test_informasi_awal_has_no_filing_deadline(semarang_staff):
    report = intake_report(
        user=semarang_staff,
        source=ReportSource.INFORMASI_AWAL,
        known_date=timezone.localdate() - datetime.timedelta(days=60),
        incident_date=timezone.localdate() - datetime.timedelta(days=61),
    )
    assert report.filing_deadline is None and not report.filed_late


def test_pemilihan_handling_counts_from_receipt(semarang_staff, bawaslu_semarang):
    """UU 10/2016 ps. 134 ayat (5)-(6): 3 days after the laporan is received, then + 2 days."""
    report = ReportFactory(
        office=bawaslu_semarang,
        election=PilkadaFactory(),
        stage=ReportStage.KAJIAN_AWAL,
        received_at=datetime.datetime(2024, 10, 1, 3, 0, tzinfo=datetime.UTC),
        known_date=D(2024, 9, 30),
        incident_date=D(2024, 9, 29),
    )
    with frozen(datetime.datetime(2024, 10, 2, 3, 0, tzinfo=datetime.UTC)):
        report = move(semarang_staff, report, ReportStage.DIREGISTRASI)
        assert report.deadline == D(2024, 10, 4)
        report = move(semarang_staff, report, ReportStage.KLARIFIKASI)
        report = move(semarang_staff, report, ReportStage.KLARIFIKASI, note="Keterangan tambahan.")
    assert report.deadline == D(2024, 10, 6)
    assert report.handling_extended


def test_pemilu_handling_counts_from_registration(semarang_staff, bawaslu_semarang):
    """UU 7/2017 ps. 454 ayat (7): 7 days after the laporan is received *and registered*."""
    report = ReportFactory(office=bawaslu_semarang, stage=ReportStage.KAJIAN_AWAL)
    with frozen(datetime.datetime(2024, 2, 5, 3, 0, tzinfo=datetime.UTC)):
        report = move(semarang_staff, report, ReportStage.DIREGISTRASI)
    assert report.deadline == D(2024, 2, 12)
    with frozen(datetime.datetime(2024, 2, 9, 3, 0, tzinfo=datetime.UTC)):
        report = move(semarang_staff, report, ReportStage.DIREGISTRASI, note="Perlu keterangan.")
    # ayat (8): 14 working days after registration (8 and 14 February are holidays).
    assert report.deadline == D(2024, 2, 27)


def test_starting_the_kajian_awal_late_does_not_move_its_deadline(semarang_staff):
    """Perbawaslu 7/2022 ps. 15 ayat (1): the kajian awal runs from receipt."""
    report = intake_report(election=pemilu())
    deadline = report.deadline
    report = move(semarang_staff, report, ReportStage.KAJIAN_AWAL)
    assert report.deadline == deadline


@pytest.mark.parametrize(
    ("letter_date", "recipient"),
    [
        (D(2023, 12, 20), RecommendationRecipient.KASN),
        (D(2024, 8, 23), RecommendationRecipient.KASN),
        (D(2024, 8, 24), RecommendationRecipient.BKN),
    ],
)
def test_the_recipient_is_chosen_by_the_letter_date(
    commissioner, bawaslu_semarang, letter_date, recipient
):
    """KASN until its functions ended (24 August 2024), BKN from then on."""
    report = ReportFactory(
        office=bawaslu_semarang,
        stage=ReportStage.KAJIAN,
        registration_number=f"001/Reg/LP/PL/33.74/XII/{letter_date}",
        received_at=datetime.datetime(2023, 12, 1, 3, 0, tzinfo=datetime.UTC),
        incident_date=D(2023, 11, 29),
        known_date=D(2023, 11, 30),
    )
    report = move(
        commissioner,
        report,
        ReportStage.REKOMENDASI_DITERUSKAN,
        recommendation_number="001/PM.00.02/K.JT-25/2023",
        recommendation_date=letter_date,
    )
    assert report.recommendation_recipient == recipient
    label = recipient.label
    assert report.stage_label == f"Diteruskan ke {label}"
    follow_up = ReportFollowUp.objects.get(report=report, kind=FollowUpKind.BKN_RECOMMENDATION)
    assert f"Obtain {label}'s recommendation" in follow_up.follow_up.title


def test_ringan_is_not_a_neutrality_sanction(semarang_staff, bawaslu_semarang, pemkot_semarang):
    """PP 94/2021 ps. 8: neutrality gets sedang or berat; ringan is refused."""
    report = ReportFactory(
        office=bawaslu_semarang,
        stage=ReportStage.TINDAK_LANJUT_PPK,
        registration_number="002/Reg/LP/PL/33.74/I/2024",
        bkn_recommendation_date=D(2024, 2, 1),
        ppk_agency=pemkot_semarang,
    )
    with pytest.raises(ValidationError) as caught:
        move(
            semarang_staff,
            report,
            ReportStage.SELESAI,
            ppk_sanction="ringan",
            ppk_decision_date=D(2024, 3, 1),
        )
    assert "ppk_sanction" in caught.value.error_dict


def test_blocking_when_the_ppk_does_not_act(semarang_staff, bawaslu_semarang, pemkot_semarang):
    """SKB 2022: a PPK past its deadline → BKN is asked to block the record, tracked to the end."""
    report = ReportFactory(
        office=bawaslu_semarang,
        stage=ReportStage.TINDAK_LANJUT_PPK,
        registration_number="003/Reg/LP/PL/33.74/I/2024",
        recommendation_date=D(2024, 1, 20),
        recommendation_recipient=RecommendationRecipient.KASN,
        bkn_recommendation_number="R-1/KASN/2024",
        bkn_recommendation_date=D(2024, 2, 1),
        ppk_agency=pemkot_semarang,
        deadline=D(2024, 2, 21),
        deadline_step="ppk_decision",
    )
    report = move(
        semarang_staff,
        report,
        ReportStage.PEMBLOKIRAN,
        block_request_number="900/BLK/2024",
        block_request_date=D(2024, 3, 1),
    )
    block = ReportFollowUp.objects.get(report=report, kind=FollowUpKind.BLOCK_REQUEST).follow_up
    assert block.is_open and block.responsible_agency == bawaslu_semarang
    assert report.deadline == block.due_date
    report = move(semarang_staff, report, ReportStage.PEMBLOKIRAN, blocked_on=D(2024, 3, 8))
    block.refresh_from_db()
    assert not block.is_open
    assert report.deadline is None
    with pytest.raises(ValidationError):
        move(semarang_staff, report, ReportStage.PEMBLOKIRAN, blocked_on=D(2024, 3, 9))
    report = move(
        semarang_staff,
        report,
        ReportStage.SELESAI,
        ppk_sanction="sedang_12",
        ppk_decision_date=D(2024, 4, 1),
    )
    assert report.is_closed
    assert report.get_ppk_sanction_display().endswith("12 months")


def test_case_page_shows_the_rule_and_the_late_filing(client, semarang_staff):
    """The page shows the rule behind each deadline with its basis, and refuses a late laporan."""
    today = timezone.localdate()
    report = intake_report(
        election=pemilu(),
        incident_date=today - datetime.timedelta(days=40),
        known_date=today - datetime.timedelta(days=30),
    )
    client.force_login(semarang_staff)
    response = client.get(reverse("reports:detail", args=[report.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="late-filing"' in body
    assert "UU 7/2017 ps. 454 ayat (6)" in body
    assert "Perbawaslu 7/2022 ps. 15 ayat (1)" in body
    assert 'data-testid="rule-to-verify"' in body

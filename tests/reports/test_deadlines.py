"""Deadline arithmetic across weekends, Indonesian holidays, voting days and cuti bersama."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.deadlines import (
    add_days,
    add_working_days,
    days_left,
    deadline_for,
    filing_deadline,
    statutory_deadline,
    working_days_between,
)
from reports.models import DayUnit, DeadlineRule, DeadlineStep, Election, ElectionType
from tests.factories.reports import (
    ElectionFactory,
    NonWorkingDayFactory,
    PilkadaFactory,
    ReportFactory,
)

D = datetime.date

pytestmark = pytest.mark.django_db


@pytest.fixture
def cuti_bersama_idul_fitri_2024():
    """The collective leave days around Idul Fitri 2024 (10–11 April are national holidays)."""
    for day in (8, 9, 12, 15):
        NonWorkingDayFactory(date=D(2024, 4, day), name="Cuti bersama Idul Fitri 1445 H")


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Friday + 1 working day is Monday.
        (D(2024, 1, 5), 1, D(2024, 1, 8)),
        # A weekday start counts from the next day: Monday + 2 is Wednesday.
        (D(2024, 1, 8), 2, D(2024, 1, 10)),
        # Voting day, Wednesday 14 February 2024, is a holiday.
        (D(2024, 2, 13), 1, D(2024, 2, 15)),
        # Isra Mikraj (Thu 8 Feb), the weekend with Imlek, and voting day are all skipped.
        (D(2024, 2, 7), 3, D(2024, 2, 13)),
        (D(2024, 2, 7), 4, D(2024, 2, 15)),
        # Seven working days from the day known (pemilu filing) over voting day.
        (D(2024, 2, 8), 7, D(2024, 2, 20)),
        # Pilkada voting day, Wednesday 27 November 2024.
        (D(2024, 11, 26), 1, D(2024, 11, 28)),
        # Across the new year: 25 Dec and 1 Jan are holidays.
        (D(2024, 12, 24), 3, D(2024, 12, 30)),
        (D(2024, 12, 24), 5, D(2025, 1, 2)),
        # Zero days is the start itself.
        (D(2024, 2, 14), 0, D(2024, 2, 14)),
    ],
)
def test_add_working_days_skips_weekends_and_national_holidays(start, days, expected):
    """Working days skip Saturdays, Sundays and the holidays of ``holidays.Indonesia``."""
    assert add_working_days(start, days) == expected


def test_idul_fitri_2024_without_cuti_bersama():
    """Only the national holidays (10–11 April) count when no cuti bersama is entered."""
    assert add_working_days(D(2024, 4, 5), 1) == D(2024, 4, 8)
    assert add_working_days(D(2024, 4, 9), 1) == D(2024, 4, 12)


@pytest.mark.usefixtures("cuti_bersama_idul_fitri_2024")
def test_idul_fitri_2024_with_cuti_bersama():
    """Admin-added cuti bersama (8, 9, 12, 15 April) are skipped as well."""
    # Friday 5 April → the next working day is Tuesday 16 April.
    assert add_working_days(D(2024, 4, 5), 1) == D(2024, 4, 16)
    # 14 working days (pemilu extension) from Monday 1 April.
    assert add_working_days(D(2024, 4, 1), 14) == D(2024, 4, 29)
    assert working_days_between(D(2024, 4, 5), D(2024, 4, 16)) == 1


def test_voting_day_of_an_election_is_a_non_working_day():
    """A voting day in the database counts even when the holidays package lacks it."""
    assert add_working_days(D(2025, 6, 2), 1) == D(2025, 6, 3)
    Election.objects.create(
        name="Pemungutan suara ulang",
        type=ElectionType.PEMILIHAN,
        code="PW",
        voting_day=D(2025, 6, 3),
    )
    assert add_working_days(D(2025, 6, 2), 1) == D(2025, 6, 4)


def test_long_spans_reach_past_the_first_window():
    """Long counts keep extending the holiday window (260 working days ≈ one year)."""
    end = add_working_days(D(2024, 1, 1), 230)
    assert working_days_between(D(2024, 1, 1), end) == 230
    assert end.weekday() < 5


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        add_days(D(2024, 1, 1), -1)


def test_calendar_days_ignore_holidays():
    """Calendar days count every day, holidays included."""
    assert add_days(D(2024, 2, 13), 2) == D(2024, 2, 15)
    assert add_days(D(2024, 2, 13), 2, DayUnit.WORKING) == D(2024, 2, 16)


def test_seeded_rules_give_the_statutory_deadlines():
    """Filing: 7 working days (pemilu) or 7 days (pilkada); kajian awal 2 days; handling 7 / 3."""
    pemilu = ElectionFactory()
    pilkada = PilkadaFactory()
    assert filing_deadline(pemilu, D(2024, 2, 8)) == D(2024, 2, 20)
    assert filing_deadline(pilkada, D(2024, 11, 21)) == D(2024, 11, 28)
    assert deadline_for(pemilu, DeadlineStep.KAJIAN_AWAL, D(2024, 1, 12)) == D(2024, 1, 14)
    assert deadline_for(pemilu, DeadlineStep.HANDLING, D(2024, 1, 15)) == D(2024, 1, 22)
    assert deadline_for(pilkada, DeadlineStep.HANDLING, D(2024, 10, 1)) == D(2024, 10, 4)
    assert deadline_for(pilkada, DeadlineStep.HANDLING_EXTENDED, D(2024, 10, 4)) == D(2024, 10, 6)
    # 14 working days from a registration on Monday 15 January 2024.
    assert deadline_for(pemilu, DeadlineStep.HANDLING_EXTENDED, D(2024, 1, 15)) == D(2024, 2, 2)


def test_pemilu_extension_counts_14_working_days_from_registration():
    """UU 7/2017 ps. 454 ayat (8): the whole handling ends 14 working days after registration.

    Registered Monday 5 February 2024; 8 February (Isra Mikraj) and 14 February (voting
    day) are holidays: the law gives Tuesday 27 February, not 4 March (the 14 working
    days counted after the first 7 days).
    """
    assert statutory_deadline("pemilu", "handling_extended", D(2024, 2, 5)) == D(2024, 2, 27)
    assert statutory_deadline("pemilu", "handling", D(2024, 2, 5)) == D(2024, 2, 12)


@pytest.mark.parametrize(
    ("election_type", "step", "start", "expected"),
    [
        # UU 7/2017 ps. 454 ayat (5): temuan within 7 days of discovery (calendar).
        ("pemilu", "temuan", D(2024, 2, 1), D(2024, 2, 8)),
        # ayat (6): a laporan within 7 working days of becoming known.
        ("pemilu", "filing", D(2024, 2, 1), D(2024, 2, 13)),
        # ayat (7): handled within 7 days of receipt and registration.
        ("pemilu", "handling", D(2024, 3, 1), D(2024, 3, 8)),
        # UU 10/2016 ps. 134 ayat (4): filing (and temuan) within 7 days, calendar.
        ("pemilihan", "filing", D(2024, 11, 21), D(2024, 11, 28)),
        ("pemilihan", "temuan", D(2024, 11, 21), D(2024, 11, 28)),
        # ayat (5): handled within 3 days of receipt; ayat (6): + 2 days.
        ("pemilihan", "handling", D(2024, 11, 25), D(2024, 11, 28)),
        ("pemilihan", "handling_extended", D(2024, 11, 28), D(2024, 11, 30)),
        # Perbawaslu: kajian awal and completion 2 days each (unit to verify).
        ("pemilu", "kajian_awal", D(2024, 3, 1), D(2024, 3, 3)),
        ("pemilu", "completion", D(2024, 3, 1), D(2024, 3, 3)),
        ("pemilihan", "kajian_awal", D(2024, 11, 1), D(2024, 11, 3)),
        ("pemilihan", "completion", D(2024, 11, 1), D(2024, 11, 3)),
    ],
)
def test_statutory_deadline_table(election_type, step, start, expected):
    """The public entry point gives each statutory deadline from the seeded rules."""
    assert statutory_deadline(election_type, step, start) == expected


def test_statutory_deadline_refuses_unknown_names():
    """Only "pemilu" and "pemilihan", and only known steps."""
    with pytest.raises(ValueError):
        statutory_deadline("pilkada", "filing", D(2024, 1, 1))
    with pytest.raises(ValueError):
        statutory_deadline("pemilu", "handling_quiet_period", D(2024, 1, 1))


def test_quiet_period_changes_no_deadline():
    """Perbawaslu 7/2022 ps. 11 ayat (4) is about receiving reports, not a deadline."""
    assert not DeadlineRule.objects.filter(step="handling_quiet_period").exists()
    pemilu = Election.objects.get(name="Pemilu 2024")
    assert deadline_for(pemilu, DeadlineStep.HANDLING, D(2024, 2, 12)) == D(2024, 2, 19)


def test_seeded_rules_cite_the_right_ayat():
    """Filing is ayat (6), handling (7), extension (8); uncertain units are marked."""
    basis = dict(
        DeadlineRule.objects.filter(election_type="pemilu").values_list("step", "legal_basis")
    )
    assert basis["temuan"].endswith("ayat (5)")
    assert basis["filing"].endswith("ayat (6)")
    assert basis["handling"].endswith("ayat (7)")
    assert basis["handling_extended"].endswith("ayat (8)")
    pemilihan = dict(
        DeadlineRule.objects.filter(election_type="pemilihan").values_list("step", "legal_basis")
    )
    assert "ps. 134 ayat (5)" in pemilihan["handling"]
    assert "Perbawaslu 9/2024" in pemilihan["handling"]
    assert set(
        DeadlineRule.objects.filter(to_verify=True, election_type="pemilu").values_list(
            "step", flat=True
        )
    ) >= {"kajian_awal", "completion"}


def test_rules_are_editable_data():
    """Changing a rule row changes the deadline; a deleted rule is a clear error."""
    pemilu = ElectionFactory()
    DeadlineRule.objects.filter(election_type="pemilu", step="kajian_awal").update(
        days=3, unit=DayUnit.WORKING
    )
    assert deadline_for(pemilu, DeadlineStep.KAJIAN_AWAL, D(2024, 2, 9)) == D(2024, 2, 15)
    DeadlineRule.objects.filter(election_type="pemilu", step="kajian_awal").delete()
    with pytest.raises(ValidationError) as caught:
        deadline_for(pemilu, DeadlineStep.KAJIAN_AWAL, D(2024, 2, 9))
    assert caught.value.code == "no_rule"


def test_days_left_and_late(regions):
    """Days left count down to 0 on the day and go negative when late; closed reports have none."""
    assert days_left(D(2024, 2, 15), today=D(2024, 2, 13)) == 2
    assert days_left(D(2024, 2, 15), today=D(2024, 2, 16)) == -1
    assert days_left(None) is None
    report = ReportFactory(deadline=D(2024, 2, 15))
    assert report.days_left(today=D(2024, 2, 15)) == 0
    assert report.is_late
    report.stage = "selesai"
    assert report.days_left() is None
    assert not report.is_late


@pytest.mark.parametrize(
    ("deadline_offset", "stage", "expected"),
    [
        (-3, "diterima", {"state": "late", "days": 3}),
        (0, "diterima", {"state": "today", "days": 0}),
        (2, "diterima", {"state": "soon", "days": 2}),
        (3, "diterima", {"state": "running", "days": 3}),
        (-3, "selesai", None),
    ],
)
def test_deadline_mark(deadline_offset, stage, expected):
    """Late, due today, due soon (within DUE_SOON_DAYS) or running; closed cases have none."""
    from reports.models import Report

    today = datetime.date(2024, 3, 4)
    report = Report(stage=stage, deadline=today + datetime.timedelta(days=deadline_offset))
    assert report.deadline_mark(today) == expected

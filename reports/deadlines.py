"""Deadline arithmetic: calendar and working days, and the statutory rules as data.

Working days skip Saturdays, Sundays, the Indonesian national holidays of the
``holidays`` package (which includes the 2024 election days), the voting days
of the elections in the database, and the extra non-working days admins add
(:class:`~reports.models.NonWorkingDay`, for cuti bersama). The rules
themselves (how many days, which unit) are rows of
:class:`~reports.models.DeadlineRule`, so an admin can correct them without a
release.

The quiet period changes no deadline: Perbawaslu 7/2022 ps. 11 ayat (4) makes
an office *receive* reports 24 hours a day in the quiet period and on voting
day; it is an opening-hours rule, not a handling deadline.

A deadline counts from the day *after* the start: a step that starts on
Monday with 2 days is due on Wednesday; 1 working day from a Friday is the
next Monday.
"""

import datetime
from functools import lru_cache

import holidays
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from reports.models import (
    CountedFrom,
    DayUnit,
    DeadlineRule,
    DeadlineStep,
    Election,
    ElectionType,
    NonWorkingDay,
    ReportSource,
)


@lru_cache(maxsize=32)
def _national_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.Indonesia(years=[year]).keys())


def non_working_days(start: datetime.date, end: datetime.date) -> set[datetime.date]:
    """Holidays between ``start`` and ``end`` (inclusive), weekends not included.

    Two queries (admin-added days and voting days), whatever the span.
    """
    days: set[datetime.date] = set()
    for year in range(start.year, end.year + 1):
        days.update(d for d in _national_holidays(year) if start <= d <= end)
    days.update(
        NonWorkingDay.objects.filter(date__range=(start, end)).values_list("date", flat=True)
    )
    days.update(
        Election.objects.filter(voting_day__range=(start, end)).values_list("voting_day", flat=True)
    )
    return days


def is_working_day(day: datetime.date, extra: set[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in extra


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).

    ``days`` must be zero or more; zero returns ``start``.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return start
    # Even the longest Indonesian holiday stretch (Idul Fitri with cuti bersama)
    # leaves far more than a third of the days working, so 3× + 30 is a safe window.
    window_end = start + datetime.timedelta(days=days * 3 + 30)
    extra = non_working_days(start, window_end)
    day = start
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if day > window_end:
            window_end = day + datetime.timedelta(days=days * 3 + 30)
            extra |= non_working_days(day, window_end)
        if is_working_day(day, extra):
            counted += 1
    return day


def add_days(start: datetime.date, days: int, unit: str = DayUnit.CALENDAR) -> datetime.date:
    """``days`` calendar or working days after ``start``."""
    if unit == DayUnit.WORKING:
        return add_working_days(start, days)
    if days < 0:
        raise ValueError("days must not be negative")
    return start + datetime.timedelta(days=days)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    if end <= start:
        return 0
    extra = non_working_days(start, end)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + datetime.timedelta(days=offset), extra)
    )


def rule_for(election_type: str, step: str) -> DeadlineRule:
    """The rule for ``step`` of an election type; ``ValidationError`` (``no_rule``) if missing."""
    try:
        return DeadlineRule.objects.get(election_type=election_type, step=step)
    except DeadlineRule.DoesNotExist as exc:
        raise ValidationError(
            _("No deadline rule is set for “%(step)s” in a %(type)s; ask an administrator.")
            % {
                "step": DeadlineStep(step).label,
                "type": ElectionType(election_type).label,
            },
            code="no_rule",
        ) from exc


#: The election types the public entry point accepts, by their statutory names.
STATUTORY_TYPES = {"pemilu": ElectionType.PEMILU, "pemilihan": ElectionType.PEMILIHAN}


def statutory_deadline(election_type: str, step: str, start: datetime.date) -> datetime.date:
    """The last day of ``step`` that counts from ``start``, under the editable rules.

    The one public entry point to the deadline engine, for docs, tests and
    admins; the workflow reads the same :class:`~reports.models.DeadlineRule`
    rows. ``election_type`` is ``"pemilu"`` (UU 7/2017 ps. 454) or
    ``"pemilihan"`` (UU 1/2015 jo. UU 10/2016 ps. 134). ``step`` is one of
    ``"temuan"``, ``"filing"``, ``"kajian_awal"``, ``"completion"``,
    ``"handling"`` or ``"handling_extended"`` (and the follow-through steps
    ``"bkn_response"``, ``"ppk_decision"``, ``"block_response"``). ``start``
    is the day the rule counts from (its ``counted_from``): the discovery,
    the day it became known, the receipt, the registration, or the end of
    the period an extension prolongs. The start day itself is not counted.

    Example: a Pemilu laporan registered on Monday 5 February 2024 that needs
    more information must be handled by Tuesday 27 February 2024 (14 working
    days; 8 and 14 February are holidays).

    Raises ``ValueError`` for an unknown election type or step and
    ``ValidationError`` (``no_rule``) when an admin removed the rule.
    """
    if election_type not in STATUTORY_TYPES:
        raise ValueError(f"election_type must be one of {sorted(STATUTORY_TYPES)}")
    if step not in DeadlineStep.values:
        raise ValueError(f"unknown step {step!r}")
    rule = rule_for(STATUTORY_TYPES[election_type], step)
    return add_days(start, rule.days, rule.unit)


def deadline_start(
    rule: DeadlineRule,
    *,
    report,
    today: datetime.date,
    letter_date: datetime.date | None = None,
) -> datetime.date:
    """The day ``rule`` counts from for ``report``, read from its ``counted_from``.

    Dates of the case are read in the handling office's zone. A registration
    happening now counts from ``today``; an extension counts from the current
    deadline (``previous_deadline``) or from the registration.
    """
    zone = report.office.region.zoneinfo
    match rule.counted_from:
        case CountedFrom.DISCOVERY | CountedFrom.KNOWN:
            return report.known_date
        case CountedFrom.RECEIPT:
            return timezone.localdate(report.received_at, zone)
        case CountedFrom.REGISTRATION:
            if report.registered_at is not None:
                return timezone.localdate(report.registered_at, zone)
            return today
        case CountedFrom.PREVIOUS_DEADLINE:
            return report.deadline or today
        case CountedFrom.LETTER:
            return letter_date or today
    return today


def report_deadline(
    report, step: str, *, today: datetime.date, letter_date: datetime.date | None = None
) -> datetime.date:
    """The deadline of ``step`` for ``report``, counted as its rule says."""
    rule = rule_for(report.election.type, step)
    start = deadline_start(rule, report=report, today=today, letter_date=letter_date)
    return add_days(start, rule.days, rule.unit)


def deadline_for(election: Election, step: str, start: datetime.date) -> datetime.date:
    """The deadline of ``step`` started on ``start`` under the election's rules."""
    rule = rule_for(election.type, step)
    return add_days(start, rule.days, rule.unit)


def filing_deadline(
    election: Election, known_date: datetime.date, *, temuan: bool = False
) -> datetime.date:
    """The last day a laporan may be filed (or a temuan made) about ``known_date``.

    UU 7/2017 ps. 454 ayat (5) (temuan) and (6) (laporan); UU 10/2016 ps. 134 ayat (4).
    """
    step = DeadlineStep.TEMUAN if temuan else DeadlineStep.FILING
    return deadline_for(election, step, known_date)


def filing_legal_basis(report) -> str:
    """The statute setting the filing deadline of ``report``, from the editable rule data.

    A temuan's rule is UU 7/2017 ps. 454 ayat (5), a laporan's ayat (6) (Pemilu);
    UU 10/2016 ps. 134 ayat (4) for a Pemilihan. The statute alone when an admin
    left the rule's basis empty. One query.
    """
    step = DeadlineStep.TEMUAN if report.source == ReportSource.TEMUAN else DeadlineStep.FILING
    basis = (
        DeadlineRule.objects.filter(election_type=report.election.type, step=step)
        .values_list("legal_basis", flat=True)
        .first()
    )
    if basis:
        return basis
    return (
        "UU 7/2017 ps. 454" if report.election.type == ElectionType.PEMILU else "UU 10/2016 ps. 134"
    )


def days_left(deadline: datetime.date | None, today: datetime.date | None = None) -> int | None:
    """Calendar days until ``deadline`` (0 on the day, negative when late)."""
    if deadline is None:
        return None
    today = today or timezone.localdate()
    return (deadline - today).days

"""Deadline arithmetic: calendar and working days, and the statutory rules as data.

Working days skip Saturdays, Sundays, the Indonesian national holidays of the
``holidays`` package (which includes the 2024 election days), the voting days
of the elections in the database, and the extra non-working days admins add
(:class:`~reports.models.NonWorkingDay`, for cuti bersama). The rules
themselves (how many days, which unit) are rows of
:class:`~reports.models.DeadlineRule`, so an admin can correct them without a
release.

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
    DayUnit,
    DeadlineRule,
    DeadlineStep,
    Election,
    ElectionStage,
    ElectionStageKind,
    ElectionType,
    NonWorkingDay,
)

#: Steps that count differently during the quiet period and on voting day.
QUIET_PERIOD_KINDS = {ElectionStageKind.MASA_TENANG, ElectionStageKind.PEMUNGUTAN}


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


def in_quiet_period(election: Election, day: datetime.date) -> bool:
    """Whether ``day`` falls in the election's quiet period or on its voting day."""
    if day == election.voting_day:
        return True
    return ElectionStage.objects.filter(
        election=election, kind__in=QUIET_PERIOD_KINDS, starts_on__lte=day, ends_on__gte=day
    ).exists()


def deadline_for(election: Election, step: str, start: datetime.date) -> datetime.date:
    """The deadline of ``step`` started on ``start`` under the election's rules.

    Handling that starts in the quiet period or on voting day uses the
    ``handling_quiet_period`` rule (1×24 hours for a Pemilu) when the election
    type has one.
    """
    if step == DeadlineStep.HANDLING and in_quiet_period(election, start):
        quick = DeadlineRule.objects.filter(
            election_type=election.type, step=DeadlineStep.HANDLING_QUIET_PERIOD
        ).first()
        if quick is not None:
            return add_days(start, quick.days, quick.unit)
    rule = rule_for(election.type, step)
    return add_days(start, rule.days, rule.unit)


def filing_deadline(election: Election, known_date: datetime.date) -> datetime.date:
    """The last day a laporan may be filed about something that became known on ``known_date``."""
    return deadline_for(election, DeadlineStep.FILING, known_date)


def days_left(deadline: datetime.date | None, today: datetime.date | None = None) -> int | None:
    """Calendar days until ``deadline`` (0 on the day, negative when late)."""
    if deadline is None:
        return None
    today = today or timezone.localdate()
    return (deadline - today).days

"""The work queue: what needs doing in the user's jurisdiction, most urgent first.

Every line counts the rows of the list its link opens, through the same
selector and the same filter (``reports.selectors.cases.report_list`` with
``due``/``step``, ``coordination.selectors.follow_up_list`` and
``meeting_list``), so a count and its list cannot disagree. Counts are bounded
like the lists' own (``bawaslu_portal.pagination``): a single count reads at
most ``ADMIN_COUNT_LIMIT + 1`` rows, and past the cap a line says "1,000+"
as its list says "more than 1,000".

A province (a Bawaslu Provinsi) sees the same per kab/kota side by side: one
grouped query per kind of record, grouped on the kab/kota part of the region
code (``33.74``), inside the (stage, deadline), (status, due_date) and
(status, starts_at) index ranges the filters select.

The number of queries does not depend on the data.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.selectors import FollowUpFilters, MeetingFilters, follow_up_list, meeting_list
from reports.permissions.cases import can_view_reports
from reports.selectors.cases import (
    CASE_STEPS,
    DUE_LATE,
    DUE_SOON,
    DUE_TODAY,
    FOLLOW_THROUGH_STEPS,
    STEP_GROUP_CASE,
    STEP_GROUP_FOLLOW_THROUGH,
    awaiting_kajian_awal_q,
    due_q,
    report_list,
    step_q,
)

#: A kab/kota code is five characters: "33.74".
CITY_CODE_LENGTH = 5
#: Meetings of this week named on the queue (the rest are behind the link).
MEETINGS_SHOWN = 5
#: Agencies with overdue follow-ups named on the queue, most overdue first.
AGENCIES_SHOWN = 10


def count_cap() -> int:
    return settings.ADMIN_COUNT_LIMIT


def capped_count(queryset: QuerySet) -> int:
    """The count the list's paginator shows: at most ``cap + 1`` rows are read."""
    return queryset.order_by()[: count_cap() + 1].count()


def _url(name: str, **params) -> str:
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    return f"{reverse(name)}?{query}" if query else reverse(name)


def week_bounds(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week of ``today``."""
    monday = today - datetime.timedelta(days=today.weekday())
    return monday, monday + datetime.timedelta(days=6)


@dataclass(frozen=True)
class QueueLine:
    """One thing to do: what, how many, and the list (or record) that shows them."""

    key: str
    label: str
    count: int
    url: str
    cap: int = 0

    @property
    def capped(self) -> bool:
        return self.count > self.cap


@dataclass
class QueueSection:
    key: str
    title: str
    lines: list[QueueLine] = field(default_factory=list)
    #: Records named under the lines (this week's meetings).
    items: list = field(default_factory=list)
    empty_text: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class RegionRow:
    region: Region | None
    label: str
    cells: list[QueueLine]

    @property
    def total(self) -> int:
        """Everything waiting in the kab/kota (the phone layout's summary)."""
        return sum(cell.count for cell in self.cells)


@dataclass
class WorkQueue:
    """Sections of lines (a city, a partner, the country), or a table per kab/kota (a province)."""

    sections: list[QueueSection] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    rows: list[RegionRow] = field(default_factory=list)
    total: RegionRow | None = None
    today: datetime.date | None = None

    @property
    def per_region(self) -> bool:
        return bool(self.columns)


def _line(key: str, label: str, count: int, url: str) -> QueueLine:
    return QueueLine(key=key, label=label, count=count, url=url, cap=count_cap())


# The sections of one jurisdiction ------------------------------------------------------------


def _bucket_labels() -> dict[str, str]:
    return {
        DUE_LATE: _("Past the deadline"),
        DUE_TODAY: _("Due today"),
        DUE_SOON: _("Due in the next 2 days"),
    }


def _report_step_counts(user, today: datetime.date) -> dict[tuple[str, str], int]:
    """(bucket, step) → open reports, in one grouped query over the near-deadline range."""
    buckets = (DUE_LATE, DUE_TODAY, DUE_SOON)
    near = Q()
    for bucket in buckets:
        near |= due_q(bucket, today)
    rows = (
        report_list(user=user, today=today)
        .filter(near)
        .prefetch_related(None)
        .order_by()
        .values("deadline_step")
        .annotate(**{bucket: Count("pk", filter=due_q(bucket, today)) for bucket in buckets})
    )
    counts = {}
    for row in rows:
        for bucket in buckets:
            counts[(bucket, row["deadline_step"])] = row[bucket]
    return counts


def _deadline_lines(counts, steps, buckets) -> list[QueueLine]:
    labels = _bucket_labels()
    lines = []
    for bucket in buckets:
        for step in steps:
            n = counts.get((bucket, step), 0)
            if n:
                lines.append(
                    _line(
                        f"reports-{bucket}-{step}",
                        _("%(when)s: %(step)s") % {"when": labels[bucket], "step": step.label},
                        n,
                        _url("reports:list", due=bucket, step=step.value),
                    )
                )
    return lines


def _case_sections(user, today: datetime.date) -> list[QueueSection]:
    counts = _report_step_counts(user, today)
    lines = _deadline_lines(counts, CASE_STEPS, (DUE_LATE, DUE_TODAY, DUE_SOON))
    cases = QueueSection(
        "cases",
        _("Case deadlines"),
        lines,
        empty_text="" if lines else _("No case is late or due in the next 2 days."),
    )
    awaiting = report_list(user=user, today=today, awaiting_kajian_awal=True)
    cases.lines.append(
        _line(
            "reports-awaiting-kajian-awal",
            _("New public filings awaiting kajian awal"),
            capped_count(awaiting),
            _url("reports:list", awaiting_kajian_awal="on"),
        )
    )
    lines = _deadline_lines(counts, FOLLOW_THROUGH_STEPS, (DUE_LATE, DUE_TODAY, DUE_SOON))
    follow_through = QueueSection(
        "follow-through",
        _("KASN/BKN and PPK follow-through"),
        lines,
        empty_text="" if lines else _("Nothing waits on KASN/BKN, the PPK or BKN's block."),
    )
    return [cases, follow_through]


def _follow_up_section(user) -> QueueSection:
    overdue = follow_up_list(user=user, filters=FollowUpFilters(overdue_only=True))
    section = QueueSection("follow-ups", _("Overdue follow-ups"))
    section.lines.append(
        _line(
            "follow-ups-overdue",
            _("All overdue follow-ups"),
            capped_count(overdue),
            _url("coordination:follow_up_list", overdue="on"),
        )
    )
    per_agency = (
        overdue.order_by()
        .values("responsible_agency_id", "responsible_agency__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "responsible_agency__name")[:AGENCIES_SHOWN]
    )
    for row in per_agency:
        section.lines.append(
            _line(
                f"follow-ups-overdue-agency-{row['responsible_agency_id']}",
                row["responsible_agency__name"],
                row["n"],
                _url(
                    "coordination:follow_up_list",
                    overdue="on",
                    agency=row["responsible_agency_id"],
                ),
            )
        )
    return section


def _partner_section(user, today: datetime.date) -> QueueSection:
    """A partner official's own agency's follow-ups: overdue, then due this week."""
    agency = user.agency
    overdue = follow_up_list(user=user, filters=FollowUpFilters(agency=agency, overdue_only=True))
    week_end = today + datetime.timedelta(days=6)
    due_soon = follow_up_list(
        user=user,
        filters=FollowUpFilters(agency=agency, open_only=True, due_from=today, due_to=week_end),
    )
    return QueueSection(
        "my-tasks",
        _("Your agency's tasks"),
        [
            _line(
                "my-tasks-overdue",
                _("Overdue"),
                capped_count(overdue),
                _url("coordination:follow_up_list", agency=agency.pk, overdue="on"),
            ),
            _line(
                "my-tasks-due-week",
                _("Due in the next 7 days"),
                capped_count(due_soon),
                _url(
                    "coordination:follow_up_list",
                    agency=agency.pk,
                    open_only="on",
                    due_from=today.isoformat(),
                    due_to=week_end.isoformat(),
                ),
            ),
        ],
    )


def _meeting_section(user, today: datetime.date, *, with_minutes: bool) -> QueueSection:
    monday, sunday = week_bounds(today)
    this_week = meeting_list(user=user, filters=MeetingFilters(date_from=monday, date_to=sunday))
    section = QueueSection("meetings", _("Meetings"))
    section.lines.append(
        _line(
            "meetings-this-week",
            _("This week's meetings"),
            capped_count(this_week),
            _url(
                "coordination:meeting_list",
                date_from=monday.isoformat(),
                date_to=sunday.isoformat(),
            ),
        )
    )
    section.items = list(
        this_week.prefetch_related(None).order_by("starts_at", "pk")[:MEETINGS_SHOWN]
    )
    if with_minutes:
        section.lines.append(
            _line(
                "meetings-without-minutes",
                _("Held meetings without minutes"),
                capped_count(meeting_list(user=user, filters=MeetingFilters(without_minutes=True))),
                _url("coordination:meeting_list", without_minutes="on"),
            )
        )
    return section


# Per kab/kota, for a province ----------------------------------------------------------------


def _grouped(queryset: QuerySet, column: str, **counts: Q) -> dict[str, dict[str, int]]:
    """kab/kota code → {name: rows matching that Q}, in one grouped query."""
    rows = (
        queryset.prefetch_related(None)
        .order_by()
        .annotate(city=Substr(column, 1, CITY_CODE_LENGTH))
        .values("city")
        .annotate(**{name: Count("pk", filter=q) for name, q in counts.items()})
    )
    return {row["city"]: {name: row[name] for name in counts} for row in rows}


def _province_queue(user, today: datetime.date, reports: bool) -> WorkQueue:
    monday, sunday = week_bounds(today)
    cities = list(scope_to_jurisdiction(Region.objects.filter(depth=2), user).order_by("code"))
    specs = []  # (key, label, counts by city, url params, url name)
    if reports:
        near = due_q(DUE_LATE, today) | due_q(DUE_TODAY, today) | due_q(DUE_SOON, today)
        report_counts = _grouped(
            report_list(user=user, today=today).filter(near | awaiting_kajian_awal_q()),
            "region_id",
            late=due_q(DUE_LATE, today) & step_q(STEP_GROUP_CASE),
            today=due_q(DUE_TODAY, today),
            soon=due_q(DUE_SOON, today),
            follow_through=due_q(DUE_LATE, today) & step_q(STEP_GROUP_FOLLOW_THROUGH),
            awaiting=awaiting_kajian_awal_q(),
        )
        specs += [
            (
                "late",
                _("Cases past the deadline"),
                report_counts,
                {"due": DUE_LATE, "step": STEP_GROUP_CASE},
                "reports:list",
            ),
            ("today", _("Due today"), report_counts, {"due": DUE_TODAY}, "reports:list"),
            ("soon", _("Due in the next 2 days"), report_counts, {"due": DUE_SOON}, "reports:list"),
            (
                "follow_through",
                _("KASN/BKN or PPK past its time"),
                report_counts,
                {"due": DUE_LATE, "step": STEP_GROUP_FOLLOW_THROUGH},
                "reports:list",
            ),
            (
                "awaiting",
                _("Public filings awaiting kajian awal"),
                report_counts,
                {"awaiting_kajian_awal": "on"},
                "reports:list",
            ),
        ]
    follow_up_counts = _grouped(
        follow_up_list(user=user, filters=FollowUpFilters(overdue_only=True)),
        "region_id",
        overdue=Q(),
    )
    week_counts = _grouped(
        meeting_list(user=user, filters=MeetingFilters(date_from=monday, date_to=sunday)),
        "region_id",
        week=Q(),
    )
    minutes_counts = _grouped(
        meeting_list(user=user, filters=MeetingFilters(without_minutes=True)),
        "region_id",
        without_minutes=Q(),
    )
    week = {"date_from": monday.isoformat(), "date_to": sunday.isoformat()}
    specs += [
        (
            "overdue",
            _("Overdue follow-ups"),
            follow_up_counts,
            {"overdue": "on"},
            "coordination:follow_up_list",
        ),
        ("week", _("This week's meetings"), week_counts, week, "coordination:meeting_list"),
        (
            "without_minutes",
            _("Held meetings without minutes"),
            minutes_counts,
            {"without_minutes": "on"},
            "coordination:meeting_list",
        ),
    ]
    # The report list filters by ``kabkota``, the coordination lists by ``region``.
    region_param = {"reports:list": "kabkota", "coordination:follow_up_list": "region"}
    rows = []
    for city in cities:
        cells = []
        for key, label, counts, params, name in specs:
            n = counts.get(city.code, {}).get(key, 0)
            param = region_param.get(name, "region")
            url = _url(name, **params, **{param: city.code})
            cells.append(_line(f"{key}-{city.code}", label, n, url))
        rows.append(RegionRow(city, city.name, cells))
    total_cells = [
        _line(
            f"{key}-total",
            label,
            sum(values.get(key, 0) for values in counts.values()),
            _url(name, **params),
        )
        for key, label, counts, params, name in specs
    ]
    return WorkQueue(
        columns=[Column(key, label) for key, label, *_rest in specs],
        rows=rows,
        total=RegionRow(None, _("Whole province"), total_cells),
        today=today,
    )


def work_queue(*, user, today: datetime.date | None = None) -> WorkQueue:
    """What needs doing in ``user``'s jurisdiction, most urgent first.

    A partner official gets their agency's follow-ups first and no case files;
    a Bawaslu official the case deadlines, the follow-through, the overdue
    follow-ups and the meetings; a province the same per kab/kota.
    """
    today = today or timezone.localdate()
    jurisdiction = user_jurisdiction(user)
    if jurisdiction.is_empty:
        return WorkQueue(today=today)
    reports = can_view_reports(user)
    if not user.is_partner and jurisdiction.region is not None and jurisdiction.region.depth == 1:
        return _province_queue(user, today, reports)
    sections = []
    if user.is_partner and user.agency_id is not None:
        sections.append(_partner_section(user, today))
    if reports:
        sections += _case_sections(user, today)
    if not user.is_partner:
        sections.append(_follow_up_section(user))
    sections.append(_meeting_section(user, today, with_minutes=not user.is_partner))
    return WorkQueue(sections=sections, today=today)

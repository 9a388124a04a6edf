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

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.counting import bounded_group_counts, bounded_grouped_sums
from bawaslu_portal.models import Agency, Region
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.selectors import FollowUpFilters, MeetingFilters, follow_up_list, meeting_list
from coordination.selectors.campaigns import CITY_CODE_LENGTH
from office.selectors.shared import Column, RegionTable, Row, list_url
from reports.permissions.cases import can_view_reports
from reports.selectors.cases import (
    DUE_BUCKETS,
    DUE_LATE,
    DUE_SOON,
    DUE_TODAY,
    STEP_GROUP_CASE,
    STEP_GROUP_FOLLOW_THROUGH,
    STEP_GROUPS,
    awaiting_kajian_awal_q,
    due_q,
    report_list,
    step_q,
)

#: Meetings of this week named on the queue (the rest are behind the link).
MEETINGS_SHOWN = 5
#: Agencies with overdue follow-ups named on the queue, most overdue first.
AGENCIES_SHOWN = 10


def count_cap() -> int:
    return settings.ADMIN_COUNT_LIMIT


def capped_count(queryset: QuerySet) -> int:
    """The count the list's paginator shows: at most ``cap + 1`` rows are read."""
    return queryset.order_by()[: count_cap() + 1].count()


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
    #: The count is a lower bound: its tally read only the first rows of a long list.
    at_least: bool = False

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


@dataclass
class RegionRow(Row):
    """A kab/kota's row (or the province's total): its cells are :class:`QueueLine`."""

    @property
    def total(self) -> int:
        """Everything waiting in the kab/kota (the phone layout's summary)."""
        return sum(cell.count for cell in self.cells)


@dataclass
class WorkQueue(RegionTable):
    """Sections of lines (a city, a partner, the country), or a table per kab/kota (a province)."""

    sections: list[QueueSection] = field(default_factory=list)
    today: datetime.date | None = None

    @property
    def per_region(self) -> bool:
        return bool(self.columns)


def _line(key: str, label: str, count: int, url: str, *, at_least: bool = False) -> QueueLine:
    return QueueLine(key=key, label=label, count=count, url=url, cap=count_cap(), at_least=at_least)


# The sections of one jurisdiction ------------------------------------------------------------


def _bucket_labels() -> dict[str, str]:
    return {
        DUE_LATE: _("Past the deadline"),
        DUE_TODAY: _("Due today"),
        DUE_SOON: _("Due in the next 2 days"),
    }


def _near_deadline_q(today: datetime.date) -> Q:
    """An open report late, due today or due soon: in any of the ``due`` buckets."""
    near = Q()
    for bucket in DUE_BUCKETS:
        near |= due_q(bucket, today)
    return near


def _report_step_counts(user, today: datetime.date) -> tuple[dict[tuple[str, str], int], bool]:
    """(bucket, step) → open reports near or past their deadline, and whether the tallies are
    complete: one grouped query over at most cap + 1 such reports (a lower bound beyond)."""
    tallies, complete = bounded_grouped_sums(
        report_list(user=user, today=today).filter(_near_deadline_q(today)).prefetch_related(None),
        key=F("deadline_step"),
        flags={bucket: due_q(bucket, today) for bucket in DUE_BUCKETS},
        limit=count_cap(),
    )
    counts = {(bucket, step): n for step, row in tallies.items() for bucket, n in row.items()}
    return counts, complete


def _deadline_section(
    key: str, title: str, empty_text: str, steps, counts, *, complete: bool
) -> QueueSection:
    """A section of deadline lines: one per bucket and step of ``steps`` with open reports in
    it (``counts`` and ``complete``: see :func:`_report_step_counts`), else ``empty_text``."""
    labels = _bucket_labels()
    lines = [
        _line(
            f"reports-{bucket}-{step}",
            _("%(when)s: %(step)s") % {"when": labels[bucket], "step": step.label},
            counts[bucket, step],
            list_url("reports:list", due=bucket, step=step.value),
            at_least=not complete,
        )
        for bucket in DUE_BUCKETS
        for step in steps
        if counts.get((bucket, step))
    ]
    return QueueSection(key, title, lines, empty_text="" if lines else empty_text)


def _case_sections(user, today: datetime.date) -> list[QueueSection]:
    """The deadline sections, one per step group of the report list's ``step`` filter; the
    cases' section also counts the public filings awaiting kajian awal."""
    counts, complete = _report_step_counts(user, today)
    cases = _deadline_section(
        "cases",
        _("Case deadlines"),
        _("No case is late or due in the next 2 days."),
        STEP_GROUPS[STEP_GROUP_CASE],
        counts,
        complete=complete,
    )
    cases.lines.append(
        _line(
            "reports-awaiting-kajian-awal",
            _("New public filings awaiting kajian awal"),
            capped_count(report_list(user=user, today=today, awaiting_kajian_awal=True)),
            list_url("reports:list", awaiting_kajian_awal="on"),
        )
    )
    follow_through = _deadline_section(
        "follow-through",
        _("KASN/BKN and PPK follow-through"),
        _("Nothing waits on KASN/BKN, the PPK or BKN's block."),
        STEP_GROUPS[STEP_GROUP_FOLLOW_THROUGH],
        counts,
        complete=complete,
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
            list_url("coordination:follow_up_list", overdue="on"),
        )
    )
    # The agencies with the most overdue follow-ups, counted among the longest overdue cap + 1
    # (exact whenever the jurisdiction has at most cap overdue, as the line above shows): a
    # GROUP BY over a bounded subquery, never over every overdue row of a big table.
    by_agency = bounded_group_counts(
        overdue.order_by("due_date", "pk"), column="responsible_agency", cap=count_cap()
    )
    names = dict(Agency.objects.filter(pk__in=list(by_agency)).values_list("pk", "name"))
    per_agency = sorted(
        (
            {"responsible_agency_id": pk, "responsible_agency__name": names[pk], "n": n}
            for pk, n in by_agency.items()
        ),
        key=lambda row: (-row["n"], row["responsible_agency__name"]),
    )[:AGENCIES_SHOWN]
    for row in per_agency:
        section.lines.append(
            _line(
                f"follow-ups-overdue-agency-{row['responsible_agency_id']}",
                row["responsible_agency__name"],
                row["n"],
                list_url(
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
                list_url("coordination:follow_up_list", agency=agency.pk, overdue="on"),
            ),
            _line(
                "my-tasks-due-week",
                _("Due in the next 7 days"),
                capped_count(due_soon),
                list_url(
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
            list_url(
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
                list_url("coordination:meeting_list", without_minutes="on"),
            )
        )
    return section


# Per kab/kota, for a province ----------------------------------------------------------------


#: How many rows a province's per-kab/kota tally reads at most (one query per list): enough
#: for every late case of a busy province; beyond it the cells are lower bounds ("12+").
PROVINCE_ROWS_READ = 20_000


def _per_city(queryset: QuerySet, **flags: Q) -> tuple[dict[str, dict[str, int]], bool]:
    """kab/kota code → {name: rows matching that Q}, in one grouped query over a bounded
    number of rows, and whether the tallies are complete."""
    return bounded_grouped_sums(
        queryset.prefetch_related(None),
        key=Substr("region", 1, CITY_CODE_LENGTH),
        flags=flags,
        limit=PROVINCE_ROWS_READ,
    )


def _province_queue(user, today: datetime.date, reports: bool) -> WorkQueue:
    monday, sunday = week_bounds(today)
    cities = list(scope_to_jurisdiction(Region.objects.filter(depth=2), user).order_by("code"))
    specs = []  # (key, label, counts by city, url params, url name)
    complete = {}  # column key → whether its tally read every row
    if reports:
        near = _near_deadline_q(today)
        report_counts, complete["reports"] = _per_city(
            report_list(user=user, today=today).filter(near | awaiting_kajian_awal_q()),
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
    follow_up_counts, complete["overdue"] = _per_city(
        follow_up_list(user=user, filters=FollowUpFilters(overdue_only=True)),
        overdue=Q(),
    )
    week_counts, complete["week"] = _per_city(
        meeting_list(user=user, filters=MeetingFilters(date_from=monday, date_to=sunday)),
        week=Q(),
    )
    minutes_counts, complete["without_minutes"] = _per_city(
        meeting_list(user=user, filters=MeetingFilters(without_minutes=True)),
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
    report_keys = {"late", "today", "soon", "follow_through", "awaiting"}
    at_least = {
        key: not complete["reports" if key in report_keys else key] for key, *_rest in specs
    }
    rows = []
    for city in cities:
        cells = []
        for key, label, counts, params, name in specs:
            n = counts.get(city.code, {}).get(key, 0)
            param = region_param.get(name, "region")
            url = list_url(name, **params, **{param: city.code})
            cells.append(_line(f"{key}-{city.code}", label, n, url, at_least=at_least[key]))
        rows.append(RegionRow(city, city.name, cells))
    total_cells = [
        _line(
            f"{key}-total",
            label,
            sum(values.get(key, 0) for values in counts.values()),
            list_url(name, **params),
            at_least=at_least[key],
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

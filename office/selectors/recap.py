"""The weekly recap ``/rekap/`` (issue 9 §5): what happened in one ISO week, per kab/kota.

A week runs from Monday 00:00 to the next Monday 00:00 in the time zone of the
area recapped (a province and its kab/kota share one zone: WIB, WITA or WIT).
The figures:

- meetings held: meetings with status "held" that started in the week;
- declarations: declarations dated in the week;
- new reports: reports received in the week;
- reports moved: reports that changed stage in the week (history rows with a
  ``from_stage``; the intake row is not a move), each report counted once;
- follow-ups done: follow-ups completed (``completed_at``) in the week;
- follow-ups overdue: follow-ups that, at the end of the week, existed, were
  due on or before its Sunday and were not done: still open now, or done only
  after the week ended (cancelled ones are not overdue).

Each figure is one grouped query for every kab/kota of the area (grouped on the
kab/kota part of the region code, ``33.74``), starting from the selector of
the list it links to (``meeting_list``, ``declaration_list``, ``report_list``,
``follow_up_list``), so the jurisdiction scope and the partner rule apply as
they do on the lists. The first three link to the list filtered to the same
rows; the lists take whole days in the server's zone (WIB), so for a WITA or
WIT area a record in the hour or two at either end of the week may fall on the
other side there. The lists have no filter for a move, a completion or
"overdue at a past date", so those three figures have no link.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.models import FollowUpStatus, MeetingStatus
from coordination.selectors import (
    DeclarationFilters,
    FollowUpFilters,
    MeetingFilters,
    declaration_list,
    follow_up_list,
    meeting_list,
)
from office.forms.recap import iso_week
from office.selectors.shared import (
    Column,
    RegionTable,
    Row,
    counts_per_city,
    list_url,
)
from reports.models import ReportHistory
from reports.permissions.cases import can_view_reports
from reports.selectors.cases import report_list

MEETINGS_HELD = "meetings_held"
DECLARATIONS = "declarations"
REPORTS_NEW = "reports_new"
REPORTS_MOVED = "reports_moved"
FOLLOW_UPS_DONE = "follow_ups_done"
FOLLOW_UPS_OVERDUE = "follow_ups_overdue"


@dataclass(frozen=True)
class RecapWeek:
    """One ISO week in one zone: its Monday and Sunday, and the instants it starts and ends."""

    monday: datetime.date
    zone_label: str
    start: datetime.datetime
    end: datetime.datetime

    @classmethod
    def of(cls, monday: datetime.date, region: Region | None) -> "RecapWeek":
        zone = region.zoneinfo if region is not None else timezone.get_current_timezone()
        label = region.timezone if region is not None else "WIB"
        start = datetime.datetime.combine(monday, datetime.time.min, tzinfo=zone)
        after = monday + datetime.timedelta(days=7)
        return cls(monday, label, start, datetime.datetime.combine(after, datetime.time.min, zone))

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def label(self) -> str:
        return iso_week(self.monday)

    @property
    def previous(self) -> str:
        return iso_week(self.monday - datetime.timedelta(days=7))

    @property
    def next(self) -> str:
        return iso_week(self.monday + datetime.timedelta(days=7))

    def is_over(self, now: datetime.datetime) -> bool:
        return now >= self.end


@dataclass(frozen=True)
class Cell:
    key: str
    value: int
    url: str = ""


@dataclass
class Recap(RegionTable):
    """The figures of one week: a row per kab/kota and a total (a province), or one row.

    Its rows' cells are :class:`Cell`.
    """

    week: RecapWeek
    area: Region | None
    #: The Monday of the latest week with a held meeting, a declaration or a report.
    latest_active: datetime.date | None = None

    @property
    def per_region(self) -> bool:
        return self.area is not None and self.area.depth == 1

    @property
    def latest_active_label(self) -> str:
        return iso_week(self.latest_active) if self.latest_active else ""

    @property
    def figures(self) -> list[tuple[Column, Cell]]:
        """A single area's figures, each with its column (for the one-row page)."""
        row = self.total if self.total is not None else (self.rows[0] if self.rows else None)
        return list(zip(self.columns, row.cells, strict=True)) if row else []


def _figure(
    key: str,
    label: str,
    queryset: QuerySet,
    name: str = "",
    params: dict | None = None,
    param: str = "",
    *,
    column: str = "region_id",
    n=None,
) -> tuple:
    """A figure of :func:`_figures`: ``queryset`` counted per kab/kota of ``column`` (``n``: the
    count, default its rows), linked to the list ``name`` with ``params`` (its region filter
    ``param``) when there is one."""
    counts = counts_per_city(queryset, column, n=Count("pk") if n is None else n)
    return key, label, counts, name, params or {}, param


def _figures(user, area: Region, week: RecapWeek, reports: bool) -> list[tuple]:
    """(key, label, counts by kab/kota, list URL name or "", URL params, region param)."""
    monday, sunday = week.monday.isoformat(), week.sunday.isoformat()
    in_week = {"gte": week.start, "lt": week.end}
    held = meeting_list(
        user=user, filters=MeetingFilters(status=MeetingStatus.TERLAKSANA, region=area)
    ).filter(starts_at__gte=in_week["gte"], starts_at__lt=in_week["lt"])
    declarations = declaration_list(
        user=user,
        filters=DeclarationFilters(date_from=week.monday, date_to=week.sunday, region=area),
    )
    done = follow_up_list(
        user=user, filters=FollowUpFilters(status=FollowUpStatus.SELESAI, region=area)
    ).filter(completed_at__gte=in_week["gte"], completed_at__lt=in_week["lt"])
    not_done_by_then = Q(status__in=FollowUpStatus.open_statuses()) | Q(
        status=FollowUpStatus.SELESAI, completed_at__gte=week.end
    )
    overdue = (
        follow_up_list(user=user, filters=FollowUpFilters(region=area))
        .filter(due_date__lte=week.sunday, created_at__lt=week.end)
        .filter(not_done_by_then)
    )
    dates = {"date_from": monday, "date_to": sunday}
    figures = [
        _figure(
            MEETINGS_HELD,
            _("Meetings held"),
            held,
            "coordination:meeting_list",
            {"status": MeetingStatus.TERLAKSANA, **dates},
            "region",
        ),
        _figure(
            DECLARATIONS,
            _("Declarations"),
            declarations,
            "coordination:declaration_list",
            dates,
            "region",
        ),
    ]
    if reports:
        received = report_list(user=user, kabkota=area).filter(
            received_at__gte=in_week["gte"], received_at__lt=in_week["lt"]
        )
        moves = scope_to_jurisdiction(
            ReportHistory.objects.all(), user, field="report__region"
        ).filter(
            subtree_q("report__region", area.code),
            at__gte=in_week["gte"],
            at__lt=in_week["lt"],
        )
        figures += [
            _figure(
                REPORTS_NEW,
                _("New reports"),
                received,
                "reports:list",
                {"received_from": monday, "received_to": sunday},
                "kabkota",
            ),
            _figure(
                REPORTS_MOVED,
                _("Reports that moved"),
                moves.exclude(from_stage=""),
                column="report__region_id",
                n=Count("report_id", distinct=True),
            ),
        ]
    figures += [
        _figure(FOLLOW_UPS_DONE, _("Follow-ups done"), done),
        _figure(FOLLOW_UPS_OVERDUE, _("Follow-ups overdue at the week's end"), overdue),
    ]
    return figures


def _latest(queryset: QuerySet, field: str, upto):
    """The latest ``field`` of ``queryset`` up to ``upto`` (None without one): one MAX query."""
    return (
        queryset.filter(**{f"{field}__lte": upto})
        .prefetch_related(None)
        .order_by()
        .aggregate(last=Max(field))["last"]
    )


def _latest_active(user, area: Region, week: RecapWeek, reports: bool) -> datetime.date | None:
    """The Monday (in the area's zone) of the latest week with activity up to now.

    Three MAX queries on indexed timestamps (meetings by (status, starts_at),
    declarations by date, reports by (region, received_at)): cheap, and only a
    hint for a week that shows nothing.
    """
    now = timezone.now()
    days: list[datetime.date] = []
    started = _latest(
        meeting_list(
            user=user, filters=MeetingFilters(status=MeetingStatus.TERLAKSANA, region=area)
        ),
        "starts_at",
        now,
    )
    if started:
        days.append(timezone.localtime(started, area.zoneinfo).date())
    declared = _latest(
        declaration_list(user=user, filters=DeclarationFilters(region=area)),
        "date",
        timezone.localtime(now, area.zoneinfo).date(),
    )
    if declared:
        days.append(declared)
    if reports:
        received = _latest(report_list(user=user, kabkota=area), "received_at", now)
        if received:
            days.append(timezone.localtime(received, area.zoneinfo).date())
    if not days:
        return None
    last = max(days)
    return last - datetime.timedelta(days=last.weekday())


def recap_area(user, region: Region | None) -> Region | None:
    """The area recapped: the region chosen (checked by the form), else the jurisdiction's."""
    if region is not None:
        return region
    return user_jurisdiction(user).region


def recap(*, user, monday: datetime.date, region: Region | None = None) -> Recap:
    """The figures of the week starting ``monday`` for ``region`` (default: the jurisdiction).

    ``region`` must lie in the user's jurisdiction (the recap form offers only
    those). A nationwide user without a chosen province gets no figures (the
    page asks for a province). A province gets a row per kab/kota and its
    totals; a kab/kota (or a smaller area) one row. Case figures only for those
    who may see case files.
    """
    area = recap_area(user, region)
    week = RecapWeek.of(monday, area)
    if area is None:
        return Recap(week=week, area=None)
    reports = can_view_reports(user)
    figures = _figures(user, area, week, reports)
    columns = [Column(key, label) for key, label, *_rest in figures]
    jurisdiction = user_jurisdiction(user)
    # The lists' filters cover the user's jurisdiction by default; a narrower area is a filter.
    whole = jurisdiction.region is not None and jurisdiction.region.code == area.code
    # A nationwide user's province is no choice of the lists' region filters (kab/kota only).
    total_linkable = whole or area.depth == 2

    def cell(key, counts_for, name, params, param, code) -> Cell:
        value = sum(values.get("n", 0) for values in counts_for)
        url = ""
        if name and (code or total_linkable):
            area_param = {param: code} if code else ({} if whole else {param: area.code})
            url = list_url(name, **params, **area_param)
        return Cell(f"{key}-{code or 'total'}", value, url)

    rows = []
    if area.depth == 1:
        cities = list(Region.objects.filter(depth=2).subtree(area.code).order_by("code"))
        rows = [
            Row(
                city,
                city.name,
                [
                    cell(key, [counts.get(city.code, {})], name, params, param, city.code)
                    for key, _label, counts, name, params, param in figures
                ],
            )
            for city in cities
        ]
    total = Row(
        area,
        _("Whole province") if area.depth == 1 else area.label,
        [
            cell(key, counts.values(), name, params, param, "")
            for key, _label, counts, name, params, param in figures
        ],
    )
    return Recap(
        week=week,
        area=area,
        columns=columns,
        rows=rows,
        total=total,
        latest_active=_latest_active(user, area, week, reports),
    )

"""The dashboard's figures for the jurisdiction, by month over a period (issue 9 §2).

Each figure is aggregated in the database: one grouped query per figure
(``TruncMonth`` on the date that places a record in a month), never a loop over
rows in Python. Every query starts from the selector of the list the figure
links to (``meeting_list``, ``declaration_list``, ``designation_list``,
``program_list``, ``report_list``), so what a figure counts is what its list
shows; the links carry the same period.

A province gets, under each figure, a table of the period per kab/kota (one
grouped query per figure on the kab/kota part of the region code).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.db.models.functions import RowNumber, Substr, TruncMonth
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.charts import Bar, horizontal_bar_chart
from coordination.models import DesignationStatus, MeetingStatus
from coordination.selectors import (
    DeclarationFilters,
    DesignationFilters,
    MeetingFilters,
    declaration_list,
    designation_list,
    meeting_list,
    program_list,
    program_progress,
)
from office.charts import Series, monthly_column_chart
from office.selectors.shared import CITY_CODE_LENGTH, counts_per_city, list_url
from reports.models import DayUnit, DeadlineRule, DeadlineStep, ReportStage, ViolationCategory
from reports.permissions.cases import can_view_reports
from reports.selectors.cases import report_list

KECAMATAN_CODE_LENGTH = 8
#: Programs drawn on the dashboard, latest first; the program list has the rest.
PROGRAMS_SHOWN = 12


def month_list(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def _month_key(value) -> datetime.date:
    """``TruncMonth`` gives a date for a date column and an aware datetime for a datetime one."""
    return value.date() if isinstance(value, datetime.datetime) else value


@dataclass
class Cell:
    value: object
    url: str = ""


@dataclass
class Table:
    """The table behind a chart: a header row, body rows (a label and cells), a total row."""

    caption: str
    headers: list[str]
    rows: list[tuple[str, list[Cell]]]
    total: list[Cell] | None = None


@dataclass
class Figure:
    key: str
    title: str
    lead: str = ""
    chart: str = ""
    table: Table | None = None
    #: Further tables of the figure (reports by stage).
    tables: list[Table] = field(default_factory=list)
    per_region: Table | None = None
    links: list[tuple[str, str]] = field(default_factory=list)
    median_days: float | None = None


@dataclass
class Dashboard:
    start: datetime.date
    end: datetime.date
    figures: list[Figure]
    per_region: bool


def _monthly(queryset: QuerySet, column: str, **counts) -> dict[datetime.date, dict]:
    rows = (
        queryset.prefetch_related(None)
        .order_by()
        .annotate(month=TruncMonth(column))
        .values("month")
        .annotate(**counts)
    )
    return {_month_key(row.pop("month")): row for row in rows}


def _month_label(month: datetime.date) -> str:
    return formats.date_format(month, "M Y")


def _monthly_figure(
    key: str, title: str, months, monthly, series: list[tuple[str, str]], total_urls: list[str]
) -> Figure:
    """A figure of monthly values, its chart and its table: ``series`` is (name in ``monthly``,
    label); ``total_urls`` link each series' total."""
    values = {name: [monthly.get(m, {}).get(name, 0) for m in months] for name, _label in series}
    labels = [_month_label(m) for m in months]
    chart = monthly_column_chart(
        chart_id=f"chart-{key}",
        title=title,
        description=_("Monthly figures from %(first)s to %(last)s; the table below gives them.")
        % {"first": labels[0], "last": labels[-1]},
        month_labels=[formats.date_format(m, "M y") for m in months],
        series=[Series(label, values[name]) for name, label in series],
    )
    rows = [
        (labels[i], [Cell(values[name][i]) for name, _label in series]) for i in range(len(months))
    ]
    total = [
        Cell(sum(values[name]), url) for (name, _label), url in zip(series, total_urls, strict=True)
    ]
    table = Table(
        caption=title,
        headers=[_("Month"), *(label for _name, label in series)],
        rows=rows,
        total=total,
    )
    return Figure(key, title, chart=chart, table=table)


def _city_table(caption, cities, counts, columns, urls=None, missing=None) -> Table:
    """A row per kab/kota of ``counts`` (city code → {name: value}); ``columns``: (name, label).

    ``missing`` maps a column to what stands for a city without a value (default 0).
    """
    missing = missing or {}
    rows = []
    for city in cities:
        values = counts.get(city.code, {})
        cells = []
        for name, _label in columns:
            url = urls(city, name) if urls else ""
            cells.append(Cell(values.get(name, missing.get(name, 0)), url))
        rows.append((city.name, cells))
    return Table(
        caption=caption, headers=[_("Kab/kota"), *(label for _n, label in columns)], rows=rows
    )


# The figures ----------------------------------------------------------------------------------


def _code(region: Region | None) -> str | None:
    return region.code if region else None


def _meetings(user, start, end, months, cities, region) -> Figure:
    queryset = meeting_list(
        user=user, filters=MeetingFilters(date_from=start, date_to=end, region=region)
    )
    counts = {
        "held": Count("pk", filter=Q(status=MeetingStatus.TERLAKSANA)),
        "planned": Count("pk", filter=Q(status=MeetingStatus.DIRENCANAKAN)),
    }
    period = {"date_from": start.isoformat(), "date_to": end.isoformat()}
    where = {"region": _code(region)}
    held_url = list_url(
        "coordination:meeting_list", status=MeetingStatus.TERLAKSANA, **period, **where
    )
    planned_url = list_url(
        "coordination:meeting_list", status=MeetingStatus.DIRENCANAKAN, **period, **where
    )
    title = _("Meetings held and planned")
    series = [("held", _("Held")), ("planned", _("Planned"))]
    monthly = _monthly(queryset, "starts_at", **counts)
    figure = _monthly_figure("meetings", title, months, monthly, series, [held_url, planned_url])
    figure.links = [(_("Held meetings in the period"), held_url)]
    if cities:
        figure.per_region = _city_table(
            _("Meetings per kab/kota"),
            cities,
            counts_per_city(queryset, "region_id", **counts),
            series,
            lambda city, name: list_url(
                "coordination:meeting_list",
                status=MeetingStatus.TERLAKSANA if name == "held" else MeetingStatus.DIRENCANAKAN,
                region=city.code,
                **period,
            ),
        )
    return figure


def _kecamatan_q() -> Q:
    # A declaration at kecamatan or kelurahan level covers its kecamatan.
    return Q(region__depth__gte=3)


def _declarations(user, start, end, months, cities, region) -> Figure:
    queryset = declaration_list(
        user=user, filters=DeclarationFilters(date_from=start, date_to=end, region=region)
    ).select_related(None)
    kecamatan = Substr("region_id", 1, KECAMATAN_CODE_LENGTH)
    counts = {
        "declarations": Count("pk"),
        "kecamatan": Count(kecamatan, filter=_kecamatan_q(), distinct=True),
    }
    url = list_url(
        "coordination:declaration_list",
        date_from=start.isoformat(),
        date_to=end.isoformat(),
        region=_code(region),
    )
    title = _("Declarations and the kecamatan they cover")
    series = [("declarations", _("Declarations")), ("kecamatan", _("Kecamatan covered"))]
    monthly = _monthly(queryset, "date", **counts)
    figure = _monthly_figure("declarations", title, months, monthly, series, [url, ""])
    # The period's kecamatan are counted once each (a month's column counts that month's).
    covered = queryset.order_by().aggregate(n=counts["kecamatan"])["n"]
    all_kecamatan = scope_to_jurisdiction(Region.objects.filter(depth=3), user)
    if region is not None:
        all_kecamatan = all_kecamatan.filter(subtree_q("code", region.code))
    total = all_kecamatan.count()
    figure.table.total[1] = Cell(covered)
    figure.lead = _(
        "%(covered)s of %(total)s kecamatan held at least one declaration in the period."
    ) % {"covered": covered, "total": total}
    figure.links = [(_("Declarations in the period"), url)]
    if cities:
        per_city = counts_per_city(queryset, "region_id", **counts)
        totals = counts_per_city(all_kecamatan, "code", total=Count("code"))
        for code, values in totals.items():
            per_city.setdefault(code, {}).update(values)
        figure.per_region = _city_table(
            _("Declarations per kab/kota"),
            cities,
            per_city,
            [*series, ("total", _("Kecamatan"))],
            lambda city, name: (
                list_url(
                    "coordination:declaration_list",
                    date_from=start.isoformat(),
                    date_to=end.isoformat(),
                    region=city.code,
                )
                if name == "declarations"
                else ""
            ),
        )
    return figure


def _designations(user, start, end, months, cities, region) -> Figure:
    everything = designation_list(
        user=user, filters=DesignationFilters(region=region)
    ).select_related(None)
    dated = everything.filter(date__gte=start, date__lte=end)
    counts = {
        "designated": Count("pk"),
        "active": Count("pk", filter=Q(status=DesignationStatus.AKTIF)),
    }
    active_url = list_url(
        "coordination:designation_list", status=DesignationStatus.AKTIF, region=_code(region)
    )
    title = _("Kelurahan designations")
    series = [("designated", _("Designated in the month")), ("active", _("Still active"))]
    monthly = _monthly(dated, "date", **counts)
    figure = _monthly_figure("designations", title, months, monthly, series, ["", ""])
    active_now = designation_list(
        user=user, filters=DesignationFilters(status=DesignationStatus.AKTIF, region=region)
    )
    cap = settings.ADMIN_COUNT_LIMIT
    active_count = active_now.order_by()[: cap + 1].count()
    figure.lead = _("%(n)s designations are active now.") % {
        "n": formats.number_format(active_count) if active_count <= cap else f"{cap}+"
    }
    figure.links = [
        (_("Active designations"), active_url),
        (_("Coverage per kecamatan"), reverse("coordination:designation_coverage")),
    ]
    if cities:
        figure.per_region = _city_table(
            _("Designations per kab/kota"),
            cities,
            counts_per_city(dated, "kelurahan_id", **counts),
            [("designated", _("Designated in the period")), ("active", _("Still active"))],
        )
    return figure


def _programs(user, start, end, region) -> Figure:
    programs = list(
        program_list(user=user, region=region)
        .filter(period_start__lte=end)
        .filter(Q(period_end__isnull=True) | Q(period_end__gte=start))[:PROGRAMS_SHOWN]
    )
    progress = program_progress(programs=programs)
    bars, rows = [], []
    for program in programs:
        done = progress[program.pk]
        parts = " + ".join(str(item.target.target_count) for item in done.targets)
        bars.append(
            Bar(
                label=program.name[:28],
                percent=done.percent,
                value_text=f"{done.done_total}/{done.target_total} ({done.percent}%)",
            )
        )
        rows.append(
            (
                program.name,
                [
                    Cell(f"{done.target_total}" + (f" = {parts}" if len(done.targets) > 1 else "")),
                    Cell(done.done_total),
                    Cell(f"{done.percent}%", program.get_absolute_url()),
                ],
            )
        )
    title = _("Program progress against targets")
    return Figure(
        "programs",
        title,
        lead=_("Held meetings linked to each program running in the period, against its targets."),
        chart=horizontal_bar_chart(
            bars,
            chart_id="chart-programs",
            title=title,
            description=_(
                "Percent of each program's target reached; the table below gives the numbers."
            ),
            label_width=220,
            bar_width=300,
        )
        if bars
        else "",
        table=Table(
            caption=title,
            headers=[_("Program"), _("Target"), _("Held"), _("Reached")],
            rows=rows,
        ),
        links=[(_("All programs"), list_url("coordination:program_list", region=_code(region)))],
    )


def _reports(user, start, end, months, cities, region) -> list[Figure]:
    received = report_list(
        user=user, received_from=start, received_to=end, kabkota=region
    ).select_related(None)
    period = {
        "received_from": start.isoformat(),
        "received_to": end.isoformat(),
        "kabkota": _code(region),
    }
    url = list_url("reports:list", **period)
    title = _("Reports received, by status")
    # One pass over the period's reports: counted per (month, stage[, kab/kota]); the month,
    # stage and kab/kota totals are sums over those few groups (at most months x stages x
    # cities rows, whatever the number of reports).
    city = Substr("region_id", 1, CITY_CODE_LENGTH) if cities else Value("")
    groups = (
        received.prefetch_related(None)
        .order_by()
        .annotate(month=TruncMonth("received_at"), city=city)
        .values("month", "stage", "city")
        .annotate(n=Count("pk"))
    )
    monthly: dict = defaultdict(lambda: {"received": 0})
    by_stage: dict = defaultdict(int)
    by_city: dict = defaultdict(lambda: {"received": 0})
    for group in groups:
        monthly[_month_key(group["month"])]["received"] += group["n"]
        by_stage[group["stage"]] += group["n"]
        by_city[group["city"]]["received"] += group["n"]
    series = [("received", _("Received"))]
    figure = _monthly_figure("reports", title, months, monthly, series, [url])
    stage_table = Table(
        caption=_("Reports received in the period, by their stage now"),
        headers=[_("Stage"), _("Reports")],
        rows=[
            (label, [Cell(by_stage[value], list_url("reports:list", stage=value, **period))])
            for value, label in ReportStage.choices
            if by_stage.get(value)
        ],
    )
    figure.tables = [stage_table]
    figure.links = [(_("Reports received in the period"), url)]
    through = ViolationCategory.reports.through
    by_category = (
        through.objects.filter(report__in=received.values("pk"))
        .values("violationcategory_id", "violationcategory__code", "violationcategory__name")
        .annotate(n=Count("report_id"))
        .order_by("violationcategory__group", "violationcategory__order", "violationcategory__code")
    )
    category_rows = [
        (
            f"{row['violationcategory__code']} {row['violationcategory__name']}",
            [
                Cell(
                    row["n"],
                    list_url("reports:list", category=row["violationcategory_id"], **period),
                )
            ],
        )
        for row in by_category
    ]
    peak = max([1, *(cells[0].value for _label, cells in category_rows)])
    categories = Figure(
        "categories",
        _("Reports by SKB category"),
        lead=_(
            "Reports received in the period, per category of the joint decree (SKB) on "
            "ASN neutrality; a report may have several."
        ),
        chart=horizontal_bar_chart(
            [
                Bar(
                    label=label[:28],
                    percent=100 * cells[0].value / peak,
                    value_text=str(cells[0].value),
                )
                for label, cells in category_rows
            ],
            chart_id="chart-categories",
            title=_("Reports by SKB category"),
            description=_("Reports per category; the table below gives the numbers."),
        )
        if category_rows
        else "",
        table=Table(
            caption=_("Reports by SKB category"),
            headers=[_("Category"), _("Reports")],
            rows=category_rows,
        ),
    )
    figures = [figure, categories]
    if cities:
        figure_cities = Figure("reports-cities", _("Reports received per kab/kota"))
        figure_cities.per_region = _city_table(
            _("Reports received per kab/kota"),
            cities,
            by_city,
            series,
            lambda city, name: list_url("reports:list", **{**period, "kabkota": city.code}),
        )
        figures.append(figure_cities)
    return figures


def _ppk(user, start, end, months, cities, region) -> Figure:
    """The PPK's follow-through of KASN/BKN's recommendations received in the period."""
    recommended = (
        report_list(user=user, kabkota=region)
        .select_related(None)
        .filter(
            ppk_agency__isnull=False,
            bkn_recommendation_date__gte=start,
            bkn_recommendation_date__lte=end,
        )
    )
    counts = {
        "recommended": Count("pk"),
        "acted": Count("pk", filter=Q(ppk_decision_date__isnull=False)),
    }
    monthly = _monthly(recommended, "bkn_recommendation_date", **counts)
    waiting_url = list_url(
        "reports:list", stage=ReportStage.TINDAK_LANJUT_PPK, kabkota=_code(region)
    )
    title = _("Recommendations the PPK acted on")
    series = [("recommended", _("Recommended to the PPK")), ("acted", _("Acted on"))]
    figure = _monthly_figure("ppk", title, months, monthly, series, ["", ""])
    total = sum(row["recommended"] for row in monthly.values())
    acted = sum(row["acted"] for row in monthly.values())
    median = _median_days(recommended, acted)
    if total:
        lead = _(
            "The PPK acted on %(acted)s of %(total)s recommendations (%(percent)s%%); "
            "median %(median)s days from KASN/BKN's recommendation to the PPK's decision."
        ) % {
            "acted": acted,
            "total": total,
            "percent": round(100 * acted / total),
            "median": "—" if median is None else formats.number_format(median, 1),
        }
    else:
        lead = _("No KASN/BKN recommendation reached a PPK in the period.")
    rules = list(
        DeadlineRule.objects.filter(step=DeadlineStep.PPK_DECISION)
        .order_by()
        .values_list("days", "unit", "legal_basis")
        .distinct()
    )
    if len(rules) == 1:
        days, unit, basis = rules[0]
        lead += " " + _("The PPK has %(days)s %(unit)s to decide (%(basis)s).") % {
            "days": days,
            "unit": DayUnit(unit).label,
            "basis": basis,
        }
    figure.lead = lead
    figure.links = [(_("Reports waiting for the PPK now"), waiting_url)]
    figure.median_days = median
    if cities:
        per_city = counts_per_city(recommended, "region_id", **counts)
        for code, days in _median_days_per_city(recommended).items():
            per_city.setdefault(code, {})["median"] = formats.number_format(days, 1)
        figure.per_region = _city_table(
            _("Recommendations to the PPK per kab/kota"),
            cities,
            per_city,
            [*series, ("median", _("Median days"))],
            missing={"median": "—"},
        )
    return figure


def _durations(recommended: QuerySet) -> QuerySet:
    return recommended.filter(ppk_decision_date__isnull=False).annotate(
        days=ExpressionWrapper(
            F("ppk_decision_date") - F("bkn_recommendation_date"), output_field=DurationField()
        )
    )


def _median_days_per_city(recommended: QuerySet) -> dict[str, float]:
    """Per kab/kota, the median days to the PPK's decision, in one query.

    Window functions number each city's decisions by duration; only the one or two
    middle rows of each city come back (row (n + 1) / 2 and (n + 2) / 2, integer
    division), so the answer is at most two rows per kab/kota whatever the data.
    """
    city = Substr("region_id", 1, CITY_CODE_LENGTH)
    rows = (
        _durations(recommended)
        .order_by()
        .annotate(
            city=city,
            position=Window(RowNumber(), partition_by=[city], order_by=[F("days").asc(), "pk"]),
            size=Window(Count("pk"), partition_by=[city]),
        )
        .filter(
            position__gte=(F("size") + 1) / 2,
            position__lte=(F("size") + 2) / 2,
        )
        .values_list("city", "days")
    )
    middles: dict[str, list[int]] = {}
    for code, days in rows:
        middles.setdefault(code, []).append(days.days)
    return {code: sum(values) / len(values) for code, values in middles.items()}


def _median_days(recommended: QuerySet, acted: int) -> float | None:
    """The median of (decision date − recommendation date) in days, read in the database.

    The database orders the acted-on reports by that duration and returns only
    the one or two middle values (OFFSET), whatever the number of reports.
    """
    if not acted:
        return None
    durations = _durations(recommended).order_by("days", "pk").values_list("days", flat=True)
    low = (acted - 1) // 2
    middle = list(durations[low : low + (2 if acted % 2 == 0 else 1)])
    return sum(value.days for value in middle) / len(middle)


def dashboard(
    *, user, start: datetime.date, end: datetime.date, kabkota: Region | None = None
) -> Dashboard:
    """The figures for ``user``'s jurisdiction from ``start`` to ``end`` (whole months).

    A province also gets each figure per kab/kota, or one kab/kota's figures when it
    chooses ``kabkota`` (which the period form keeps inside the jurisdiction). Case
    figures only for those who may see case files.
    """
    jurisdiction = user_jurisdiction(user)
    months = month_list(start, end)
    per_region = (
        kabkota is None and jurisdiction.region is not None and jurisdiction.region.depth == 1
    )
    cities = (
        list(scope_to_jurisdiction(Region.objects.filter(depth=2), user).order_by("code"))
        if per_region
        else []
    )
    where = (user, start, end, months, cities, kabkota)
    figures = [
        _meetings(*where),
        _declarations(*where),
        _designations(*where),
        _programs(user, start, end, kabkota),
    ]
    if can_view_reports(user):
        figures += _reports(*where)
        figures.append(_ppk(*where))
    return Dashboard(start=start, end=end, figures=figures, per_region=per_region)

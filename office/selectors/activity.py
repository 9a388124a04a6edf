"""The activity feed ``/aktivitas/`` (issue 9 §6): who did what, when, in the jurisdiction.

Built from the rows that already exist, never from a log of its own:

- meetings, follow-ups and declarations: their latest change (``updated_at``) and
  who made it (``updated_by``, else ``created_by``, from ``TrackedModel``);
- follow-up progress notes (``created_at``, ``author``);
- report history rows (``at``, ``actor``): the intake and every move of stage;
- report comments (``at``, ``author``).

A report's reporter is never shown: a history row's actor is the official who
acted (none for a filing through the public form), and the report is named by
its registration number or tracking code.

The feed pages by an "older than" cursor (instant, source, pk), never by
offset: each source gives its newest ``PAGE_SIZE + 1`` rows older than the
cursor, in the scope, and Python merges those few rows. A page is one query
per source whatever the size of the tables (no UNION of whole tables, no
COUNT).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from bawaslu_portal.scoping import scope_to_jurisdiction
from coordination.models import FollowUpNote
from coordination.selectors import declaration_list, follow_up_list, meeting_list
from office.forms.activity import (
    KIND_DECLARATIONS,
    KIND_FOLLOW_UPS,
    KIND_MEETINGS,
    KIND_REPORTS,
    format_cursor,
)
from reports.models import ReportComment, ReportHistory, ReportStage
from reports.permissions.cases import can_view_reports

PAGE_SIZE = 25
#: A record saved again within this time of its creation counts as created, not changed.
CREATED_SLACK = datetime.timedelta(seconds=2)


@dataclass(frozen=True)
class ActivityItem:
    at: datetime.datetime
    rank: int
    pk: int
    kind: str
    actor: str
    action: str
    subject: str
    url: str
    region: object

    @property
    def cursor(self) -> str:
        return format_cursor(self.at, self.rank, self.pk)


@dataclass
class ActivityPage:
    items: list[ActivityItem]
    next_cursor: str = ""


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def _older_than(field: str, rank: int, cursor) -> Q:
    """Rows after ``cursor`` in the feed's order (newest first; ties by source, then pk)."""
    if cursor is None:
        return Q()
    at, cursor_rank, cursor_pk = cursor
    older = Q(**{f"{field}__lt": at})
    if rank < cursor_rank:
        return older | Q(**{field: at})
    if rank == cursor_rank:
        return older | Q(**{field: at, "pk__lt": cursor_pk})
    return older


def _newest(queryset: QuerySet, field: str, rank: int, cursor) -> list:
    return list(
        queryset.filter(_older_than(field, rank, cursor)).order_by(f"-{field}", "-pk")[
            : PAGE_SIZE + 1
        ]
    )


def _created(record) -> bool:
    """Whether ``record``'s last save was its creation (within :data:`CREATED_SLACK`)."""
    return record.updated_at - record.created_at < CREATED_SLACK


def _changed(record) -> tuple[str, object]:
    """Whether ``record`` was created or changed last, and by whom."""
    created = _created(record)
    editor = getattr(record, "updated_by", None)
    return ("created" if created else "changed"), (editor if editor and not created else None) or (
        record.created_by
    )


def _item(rank: int, kind: str, row, at, actor: str, action: str, subject) -> ActivityItem:
    """The feed's line for ``row`` (a record, a note, a history row): ``subject`` is the record it
    names and links to (``row`` itself, or the follow-up or report it belongs to)."""
    return ActivityItem(
        at,
        rank,
        row.pk,
        kind,
        actor,
        action,
        str(subject),
        subject.get_absolute_url(),
        subject.region,
    )


def _changed_records(records: QuerySet, rank: int, cursor, *people: str) -> list:
    """The newest changed of ``records`` (tracked records: meetings, follow-ups, declarations),
    with their region and the ``people`` who created or changed them."""
    return _newest(
        records.select_related(None).select_related("region", *people), "updated_at", rank, cursor
    )


def _meetings(user, rank, cursor) -> list[ActivityItem]:
    rows = _changed_records(
        meeting_list(user=user).prefetch_related(None), rank, cursor, "created_by", "updated_by"
    )
    items = []
    for meeting in rows:
        how, who = _changed(meeting)
        action = _("recorded the meeting") if how == "created" else _("changed the meeting")
        items.append(
            _item(rank, KIND_MEETINGS, meeting, meeting.updated_at, _person(who), action, meeting)
        )
    return items


def _follow_ups(user, rank, cursor) -> list[ActivityItem]:
    rows = _changed_records(follow_up_list(user=user), rank, cursor, "created_by")
    items = []
    for follow_up in rows:
        how, who = _changed(follow_up)
        if how == "created":
            action, actor = _("assigned the follow-up"), _person(who)
        else:
            # A follow-up keeps no last editor: its notes say who worked on it.
            action, actor = _("follow-up updated"), ""
        items.append(
            _item(rank, KIND_FOLLOW_UPS, follow_up, follow_up.updated_at, actor, action, follow_up)
        )
    return items


def _follow_up_notes(user, rank, cursor) -> list[ActivityItem]:
    notes = scope_to_jurisdiction(FollowUpNote.objects.all(), user, field="follow_up__region")
    if user.is_partner:
        notes = notes.filter(follow_up__responsible_agency_id=user.agency_id)
    rows = _newest(notes.select_related("follow_up__region", "author"), "created_at", rank, cursor)
    action = _("wrote progress on the follow-up")
    return [
        _item(
            rank,
            KIND_FOLLOW_UPS,
            note,
            note.created_at,
            _person(note.author),
            action,
            note.follow_up,
        )
        for note in rows
    ]


def _declarations(user, rank, cursor) -> list[ActivityItem]:
    rows = _changed_records(declaration_list(user=user), rank, cursor, "created_by")
    items = []
    for declaration in rows:
        created = _created(declaration)
        items.append(
            _item(
                rank,
                KIND_DECLARATIONS,
                declaration,
                declaration.updated_at,
                _person(declaration.created_by) if created else "",
                _("recorded the declaration") if created else _("declaration changed"),
                declaration,
            )
        )
    return items


#: What a report's line shows of it (never its reporter): its number, code and region.
REPORT_FIELDS = (
    "report__registration_number",
    "report__tracking_code",
    "report__region__code",
    "report__region__timezone",
)


def _report_rows(queryset: QuerySet, user, rank, cursor, *, person: str, fields=()) -> list:
    """The newest rows of a report's history or comments in the scope, with ``fields``, the
    ``person`` who acted and what the line shows of the report."""
    scoped = scope_to_jurisdiction(queryset, user, field="report__region")
    return _newest(
        scoped.select_related("report__region", person).only(
            "at",
            *fields,
            *(f"{person}__{name}" for name in ("first_name", "last_name", "username")),
            *REPORT_FIELDS,
        ),
        "at",
        rank,
        cursor,
    )


def _report_moves(user, rank, cursor) -> list[ActivityItem]:
    rows = _report_rows(
        ReportHistory.objects.all(),
        user,
        rank,
        cursor,
        person="actor",
        fields=("from_stage", "to_stage"),
    )
    items = []
    for row in rows:
        if row.from_stage:
            action = _("moved the report from %(from)s to %(to)s") % {
                "from": ReportStage(row.from_stage).label,
                "to": ReportStage(row.to_stage).label,
            }
        else:
            action = _("report received: %(stage)s") % {"stage": ReportStage(row.to_stage).label}
        items.append(_item(rank, KIND_REPORTS, row, row.at, _person(row.actor), action, row.report))
    return items


def _report_comments(user, rank, cursor) -> list[ActivityItem]:
    rows = _report_rows(ReportComment.objects.all(), user, rank, cursor, person="author")
    action = _("commented on the report")
    return [
        _item(
            rank, KIND_REPORTS, comment, comment.at, _person(comment.author), action, comment.report
        )
        for comment in rows
    ]


#: The sources in their tie order (a source's rank is its index), with the kind they belong to.
SOURCES = (
    (KIND_MEETINGS, _meetings),
    (KIND_FOLLOW_UPS, _follow_ups),
    (KIND_FOLLOW_UPS, _follow_up_notes),
    (KIND_DECLARATIONS, _declarations),
    (KIND_REPORTS, _report_moves),
    (KIND_REPORTS, _report_comments),
)


def activity_page(*, user, kind: str = "", before=None) -> ActivityPage:
    """The newest :data:`PAGE_SIZE` activities older than ``before`` (a parsed cursor).

    ``kind``: only that kind of record (see ``office.forms.activity``). Reports
    only for those who may see case files; a partner sees what concerns their
    agency, as on the lists.
    """
    reports = can_view_reports(user)
    items: list[ActivityItem] = []
    for rank, (source_kind, source) in enumerate(SOURCES):
        if kind and source_kind != kind:
            continue
        if source_kind == KIND_REPORTS and not reports:
            continue
        items += source(user, rank, before)
    items.sort(key=lambda item: (item.at, item.rank, item.pk), reverse=True)
    page = items[:PAGE_SIZE]
    more = len(items) > PAGE_SIZE
    return ActivityPage(page, page[-1].cursor if more and page else "")

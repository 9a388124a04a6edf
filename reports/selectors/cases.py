"""Reads of the case pages: the list, the case, its evidence, comments and identity views.

Always through the jurisdiction scope. None of these load
:class:`~reports.models.ReporterIdentity`: the reporter's identity is read only
through ``reports.services.cases.reporter_identity_access``, which logs the view.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, AuditEvent, AuditKind, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import get_in_jurisdiction_or_404, scope_to_jurisdiction
from reports.models import (
    DUE_SOON_DAYS,
    DeadlineStep,
    Election,
    Evidence,
    Report,
    ReportComment,
    ReporterIdentity,
    ReportStage,
    ViolationCategory,
)
from reports.selectors.related import linked_count_annotation

#: The deadline buckets of the ``due`` filter (the work queue's lines), most urgent first.
DUE_LATE = "late"
DUE_TODAY = "today"
DUE_SOON = "soon"
DUE_BUCKETS = (DUE_LATE, DUE_TODAY, DUE_SOON)

#: The follow-through steps: the case is decided and waits on KASN/BKN, the PPK or BKN's block.
FOLLOW_THROUGH_STEPS = (
    DeadlineStep.BKN_RESPONSE,
    DeadlineStep.PPK_DECISION,
    DeadlineStep.BLOCK_RESPONSE,
)
#: The steps Bawaslu itself must finish in time (UU 7/2017 ps. 454, UU 10/2016 ps. 134).
CASE_STEPS = (
    DeadlineStep.KAJIAN_AWAL,
    DeadlineStep.COMPLETION,
    DeadlineStep.HANDLING,
    DeadlineStep.HANDLING_EXTENDED,
)
#: ``step`` filter values that stand for a group of steps.
STEP_GROUP_CASE = "case"
STEP_GROUP_FOLLOW_THROUGH = "follow_through"
STEP_GROUPS = {STEP_GROUP_CASE: CASE_STEPS, STEP_GROUP_FOLLOW_THROUGH: FOLLOW_THROUGH_STEPS}


def due_q(bucket: str, today: datetime.date) -> Q:
    """An open report whose running deadline falls in ``bucket``.

    ``late``: the deadline has passed; ``today``: it is today; ``soon``: it is
    one of the next :data:`DUE_SOON_DAYS` days (tomorrow or the day after).
    The filter rides on the (stage, deadline) index.
    """
    open_stages = ReportStage.open_stages()
    if bucket == DUE_LATE:
        return Q(stage__in=open_stages, deadline__lt=today)
    if bucket == DUE_TODAY:
        return Q(stage__in=open_stages, deadline=today)
    if bucket == DUE_SOON:
        return Q(
            stage__in=open_stages,
            deadline__gt=today,
            deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
    raise ValueError(f"unknown due bucket {bucket!r}")


def step_q(step: str) -> Q:
    """A report whose running deadline is for ``step``, or for any step of a step group."""
    return Q(deadline_step__in=STEP_GROUPS.get(step, (step,)))


def awaiting_kajian_awal_q() -> Q:
    """A filing through the public form that nobody has started to assess (stage diterima)."""
    return Q(stage=ReportStage.DITERIMA, via_public_form=True)


def received_between_q(start: datetime.date | None, end: datetime.date | None) -> Q:
    """Received on ``start`` or later and on ``end`` or earlier, whole days in the server's zone.

    On the (region, received_at) index. The filter form keeps the years sane, so the
    day after ``end`` exists.
    """
    zone = timezone.get_current_timezone()
    q = Q()
    if start:
        q &= Q(received_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=zone))
    if end:
        after = end + datetime.timedelta(days=1)
        q &= Q(received_at__lt=datetime.datetime.combine(after, datetime.time.min, tzinfo=zone))
    return q


def report_list(
    *,
    user,
    stage: str = "",
    election: Election | None = None,
    category: ViolationCategory | None = None,
    kecamatan: Region | None = None,
    agency: Agency | None = None,
    late: bool = False,
    due_soon: bool = False,
    due: str = "",
    step: str = "",
    kabkota: Region | None = None,
    awaiting_kajian_awal: bool = False,
    received_from: datetime.date | None = None,
    received_to: datetime.date | None = None,
    today: datetime.date | None = None,
    count_links: bool = False,
) -> QuerySet[Report]:
    """Reports in ``user``'s jurisdiction, newest first, filtered.

    ``late``: an open report past its current deadline, or one filed after
    the filing deadline. ``due_soon``: an open report whose deadline is today
    or within the next :data:`DUE_SOON_DAYS` days. ``due``: one bucket of
    :func:`due_q` (late, today, soon); ``step``: the step whose deadline runs
    (a :class:`~reports.models.DeadlineStep` or a group of :data:`STEP_GROUPS`);
    ``kabkota``: the incident in that kab/kota; ``awaiting_kajian_awal``: see
    :func:`awaiting_kajian_awal_q`; ``received_from``/``received_to``: see
    :func:`received_between_q`. ``count_links``: each report carries
    ``linked_count``, the reports of its group (itself included; 0 when not
    linked), counted in the same query (the list page's badge).
    """
    today = today or timezone.localdate()
    queryset = scope_to_jurisdiction(Report.objects.all(), user)
    if stage:
        queryset = queryset.filter(stage=stage)
    if election is not None:
        queryset = queryset.filter(election=election)
    if category is not None:
        queryset = queryset.filter(categories=category)
    if kabkota is not None:
        queryset = queryset.filter(subtree_q("region", kabkota.code))
    if kecamatan is not None:
        queryset = queryset.filter(subtree_q("region", kecamatan.code))
    if agency is not None:
        queryset = queryset.filter(reported_agency=agency)
    open_stages = ReportStage.open_stages()
    if late:
        queryset = queryset.filter(
            Q(stage__in=open_stages, deadline__lt=today) | Q(filed_late=True)
        )
    if due_soon:
        queryset = queryset.filter(
            stage__in=open_stages,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        )
    if due:
        queryset = queryset.filter(due_q(due, today))
    if step:
        queryset = queryset.filter(step_q(step))
    if awaiting_kajian_awal:
        queryset = queryset.filter(awaiting_kajian_awal_q())
    if received_from or received_to:
        queryset = queryset.filter(received_between_q(received_from, received_to))
    if count_links:
        queryset = queryset.annotate(linked_count=linked_count_annotation())
    return (
        queryset.select_related("election", "region", "office__region", "reported_agency")
        .prefetch_related(
            Prefetch("categories", queryset=ViolationCategory.objects.order_by("group", "order"))
        )
        .order_by("-received_at", "-pk")
    )


def report_get(*, user, pk: int) -> Report:
    """One report in ``user``'s jurisdiction (404 otherwise), with what its page shows."""
    return get_in_jurisdiction_or_404(
        Report.objects.select_related(
            "election",
            "region",
            "region__parent",
            "incident_kelurahan",
            "office",
            "office__region",
            "reported_agency",
            "ppk_agency",
            "created_by",
            "group",
        ).prefetch_related(
            Prefetch("categories", queryset=ViolationCategory.objects.order_by("group", "order")),
            "witnesses",
            Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk")),
        ),
        user,
        pk=pk,
    )


def report_comment_list(*, report: Report) -> list[ReportComment]:
    """The comments, oldest first; each carries ``author_label`` (a deleted account is named so)."""
    comments = list(report.comments.select_related("author", "office").order_by("at", "pk"))
    for comment in comments:
        comment.author_label = (
            str(comment.author) if comment.author is not None else _("a deleted account")
        )
    return comments


def report_identity_access_list(*, report: Report) -> QuerySet[AuditEvent]:
    """Who viewed the reporter's identity, newest first: the audit log's identity views.

    Served by the index ``audit_object_idx`` (object type, id, time). Each row has
    ``user``, ``username``, ``at`` and ``details.purpose``.
    """
    return (
        AuditEvent.objects.filter(
            kind=AuditKind.IDENTITY_VIEW,
            object_type=Report._meta.label_lower,
            object_id=str(report.pk),
        )
        .select_related("user", "user__agency")
        .order_by("-at", "-pk")
    )


def report_reporter_status(*, report: Report) -> dict[str, bool]:
    """Whether a reporter is recorded and asked to be withheld from the reported party.

    One query, and no identity field is loaded: the case page uses it to warn
    handlers before clarification letters go out.
    """
    row = ReporterIdentity.objects.filter(report=report).values("withhold_from_reported").first()
    return {
        "has_reporter": row is not None,
        "withhold_from_reported": bool(row and row["withhold_from_reported"]),
    }


def evidence_get(*, user, report_pk: int, pk: int) -> Evidence:
    """One evidence item of a report in ``user``'s jurisdiction (404 otherwise)."""
    report = get_in_jurisdiction_or_404(Report.objects.all(), user, pk=report_pk)
    evidence = Evidence.objects.filter(report=report, pk=pk).select_related("report").first()
    if evidence is None:
        raise Http404
    return evidence

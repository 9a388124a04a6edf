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

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import get_in_jurisdiction_or_404, scope_to_jurisdiction
from reports.models import (
    DUE_SOON_DAYS,
    Election,
    Evidence,
    Report,
    ReportComment,
    ReporterIdentity,
    ReporterIdentityAccess,
    ReportStage,
    ViolationCategory,
)


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
    today: datetime.date | None = None,
) -> QuerySet[Report]:
    """Reports in ``user``'s jurisdiction, newest first, filtered.

    ``late``: an open report past its current deadline, or one filed after
    the filing deadline. ``due_soon``: an open report whose deadline is today
    or within the next :data:`DUE_SOON_DAYS` days.
    """
    today = today or timezone.localdate()
    queryset = scope_to_jurisdiction(Report.objects.all(), user)
    if stage:
        queryset = queryset.filter(stage=stage)
    if election is not None:
        queryset = queryset.filter(election=election)
    if category is not None:
        queryset = queryset.filter(categories=category)
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
    return (
        queryset.select_related("election", "region", "office", "reported_agency")
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


def report_identity_access_list(*, report: Report) -> QuerySet[ReporterIdentityAccess]:
    return report.identity_accesses.select_related("user", "user__agency").order_by("-at", "-pk")


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

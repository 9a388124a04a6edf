"""Reads of reports, always through the jurisdiction scope.

None of these load :class:`~reports.models.ReporterIdentity`: the reporter's
identity is read only through ``reports.services.intake.reporter_identity_access``,
which logs the view.
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
    DeadlineRule,
    DeadlineStep,
    Election,
    Evidence,
    Report,
    ReportComment,
    ReporterIdentity,
    ReporterIdentityAccess,
    ReportHistory,
    ReportSource,
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


def history_actor_label(entry: ReportHistory) -> str:
    """Who took a step of the timeline, as the case page names them.

    A history row has no actor in two cases: the first row of a report filed
    through the public form (nobody was logged in: the reporter filed it), and
    a row whose official's account was deleted since (``SET_NULL``).
    """
    if entry.actor is not None:
        return str(entry.actor)
    if not entry.from_stage and entry.report.via_public_form:
        return _("the reporter (public form)")
    return _("a deleted account")


def report_history_list(*, report: Report) -> list[ReportHistory]:
    """The timeline, oldest first, each row with its ``actor_label`` (history_actor_label)."""
    entries = list(report.history.select_related("actor", "office").order_by("at", "pk"))
    for entry in entries:
        entry.actor_label = history_actor_label(entry)
    return entries


def report_deadline_rules(*, report: Report) -> dict[str, DeadlineRule | None]:
    """The rules behind the case's current deadline (``"deadline"``) and its filing deadline.

    One query (none when neither runs). The case page shows each rule's days,
    unit, starting day and legal basis, and says when the regulation leaves
    the unit to be verified.
    """
    filing_step = (
        DeadlineStep.TEMUAN if report.source == ReportSource.TEMUAN else DeadlineStep.FILING
    )
    steps = set()
    if report.deadline and report.deadline_step:
        steps.add(report.deadline_step)
    if report.filing_deadline:
        steps.add(filing_step)
    by_step = (
        {
            rule.step: rule
            for rule in DeadlineRule.objects.filter(
                election_type=report.election.type, step__in=steps
            )
        }
        if steps
        else {}
    )
    return {
        "deadline": by_step.get(report.deadline_step) if report.deadline else None,
        "filing": by_step.get(filing_step) if report.filing_deadline else None,
    }


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


def report_public_status(*, tracking_code: str) -> dict | None:
    """What ``/cek-laporan/`` may show for a tracking code: no name, no personal data.

    Returns the stage, the stage dates (from the history: stage and date
    only, never the notes, which may name people), the current deadline and
    the handling office's name, and the zone label of the incident's region
    (for the dates); None for an unknown code. Always runs the same
    queries whether or not the code exists, so a wrong code looks no different
    in timing.
    """
    report = (
        Report.objects.filter(tracking_code=tracking_code)
        .select_related("office", "election", "region")
        .only(
            "pk",
            "stage",
            "deadline",
            "deadline_step",
            "received_at",
            "registration_number",
            "filed_late",
            "source",
            "office__name",
            "election__name",
            "region__timezone",
        )
        .first()
    )
    steps = list(
        ReportHistory.objects.filter(report__tracking_code=tracking_code)
        .order_by("at", "pk")
        .values_list("to_stage", "at")
    )
    if report is None:
        return None
    return {
        "stage": ReportStage(report.stage).label,
        "is_closed": report.stage in ReportStage.closed_stages(),
        # Made after its filing deadline: it will not be registered (UU 7/2017 ps. 454
        # ayat (6); UU 10/2016 ps. 134 ayat (4)); the page says so instead of promising
        # an assessment.
        "fails_filing_deadline": report.fails_filing_deadline,
        "deadline": None if report.stage in ReportStage.closed_stages() else report.deadline,
        "days_left": report.days_left(),
        "received_at": report.received_at,
        "registration_number": report.registration_number,
        "office": report.office.name,
        "election": report.election.name,
        "steps": [(ReportStage(stage).label, at) for stage, at in steps],
        # The zone label only (WIB/WITA/WIT): dates read as on the case page.
        "timezone": report.region.timezone,
    }

"""Writes on a recorded case: more evidence, the logged view of the reporter, comments.

Nothing here logs personal data: log lines name the report's id and the
acting user's id, never a reporter's name, NIK, phone, email or address.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.audit import audit_record
from bawaslu_portal.models import AuditKind
from reports.models import Evidence, Report, ReportComment, ReporterIdentity
from reports.permissions.cases import (
    can_comment_report,
    can_handle_report,
    can_view_reporter_identity,
)
from reports.services.intake import evidence_add_file, evidence_add_link

logger = logging.getLogger(__name__)


@transaction.atomic
def evidence_add(
    *,
    user,
    report: Report,
    files: list | None = None,
    links: list[str] | None = None,
    description: str = "",
) -> list[Evidence]:
    """Add evidence to a recorded case (for example once the reporter has completed it).

    Only the handling office's case handlers may (``PermissionDenied``
    otherwise); each file is checked like at intake. A history note is not
    written: evidence does not change the stage, and the items carry who
    added them and when.
    """
    if not can_handle_report(user, report):
        raise PermissionDenied(_("Only the handling office can add evidence."))
    now = timezone.now()
    added = []
    for upload in files or []:
        added.append(
            evidence_add_file(
                report=report, upload=upload, user=user, now=now, description=description
            )
        )
    for url in links or []:
        added.append(
            evidence_add_link(report=report, url=url, user=user, now=now, description=description)
        )
    logger.info("evidence added: report=%s by_user=%s count=%s", report.pk, user.pk, len(added))
    return added


@transaction.atomic
def reporter_identity_access(
    *, user, report: Report, purpose: str = "", request=None
) -> ReporterIdentity:
    """The reporter's identity, after logging this view in the audit log (who, when, which
    report, why; the client address when ``request`` is given).

    Raises ``PermissionDenied`` for anyone but a case handler of the handling
    office or an office above it (``reports.permissions.cases.can_view_reporter_identity``),
    and ``ReporterIdentity.DoesNotExist`` when the report has no reporter (a temuan).
    """
    if not can_view_reporter_identity(user, report):
        raise PermissionDenied(_("Only case handlers may see the reporter's identity."))
    identity = ReporterIdentity.objects.get(report=report)
    audit_record(
        kind=AuditKind.IDENTITY_VIEW,
        user=user,
        request=request,
        obj=report,
        details={"purpose": purpose[:200]},
    )
    logger.info("reporter identity viewed: report=%s by_user=%s", report.pk, user.pk)
    return identity


@transaction.atomic
def report_comment_add(*, actor, report: Report, text: str) -> ReportComment:
    """Add a comment from the handling office or an office above it (e.g. on the kajian awal).

    Comments do not change the report's version: they never make an
    official's pending transition stale. Raises ``PermissionDenied`` when
    the actor may not comment, ``ValidationError`` (``required``) when empty.
    """
    if not can_comment_report(actor, report):
        raise PermissionDenied(_("You cannot comment on this report."))
    comment = ReportComment(
        report=report,
        author=actor,
        office=actor.agency,
        stage=report.stage,
        text=(text or "").strip(),
    )
    if not comment.text:
        raise ValidationError({"text": ValidationError(_("Enter your comment."), code="required")})
    comment.full_clean()
    comment.save()
    return comment

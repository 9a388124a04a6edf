"""Reads for personal-data requests: all the portal holds on one reporter, and the
identities past their retention period.

A reporter has one ``ReporterIdentity`` per report. "The same reporter" across
reports is the same NIK, or the same email address, when given: the export of a
data subject request collects them all, but only from reports the requesting
official may see the reporter of (the jurisdiction, then
``can_export_reporter_data`` on each, which runs no query once ``office`` is loaded).
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from bawaslu_portal.models import AuditEvent, AuditKind
from bawaslu_portal.scoping import scope_to_jurisdiction
from reports.models import Report, ReporterIdentity, ReportStage, Witness
from reports.permissions.privacy import can_export_reporter_data

#: What an anonymised identity's name reads; also how the anonymiser knows it is done.
ANONYMISED_NAME = "[anonim]"

#: The identity fields a data subject export and the correction form carry.
IDENTITY_FIELDS = (
    "name",
    "nik",
    "birth_place",
    "birth_date",
    "sex",
    "occupation",
    "address",
    "citizenship",
    "phone",
    "email",
    "withhold_from_reported",
)

#: How many reports one export may gather (a reporter with more is an outlier to check).
EXPORT_LIMIT = 200


def reporter_reports(*, user, identity: ReporterIdentity) -> list[Report]:
    """The reports filed by the reporter of ``identity`` that ``user`` may export, newest first.

    Always includes ``identity.report``'s own report when the user may export it.
    """
    same = Q(pk=identity.report_id)
    if identity.nik:
        same |= Q(reporter_identity__nik=identity.nik)
    if identity.email:
        same |= Q(reporter_identity__email__iexact=identity.email)
    reports = (
        scope_to_jurisdiction(Report.objects.all(), user)
        .filter(same)
        .select_related("office", "reporter_identity")
        .order_by("-received_at", "-pk")[:EXPORT_LIMIT]
    )
    return [report for report in reports if can_export_reporter_data(user, report)]


def reporter_data(*, user, report: Report) -> dict:
    """Everything held on the reporter of ``report``, as plain data (JSON-ready).

    The identity, every report they filed that ``user`` may see (with the witnesses
    they named) and who viewed their identity when. Raises
    ``ReporterIdentity.DoesNotExist`` when the report has no reporter.
    """
    identity = ReporterIdentity.objects.get(report=report)
    reports = reporter_reports(user=user, identity=identity)
    ids = [item.pk for item in reports]
    witnesses: dict[int, list] = {pk: [] for pk in ids}
    for witness in Witness.objects.filter(report_id__in=ids).order_by("report_id", "pk"):
        witnesses[witness.report_id].append({"name": witness.name, "contact": witness.contact})
    views = AuditEvent.objects.filter(
        kind=AuditKind.IDENTITY_VIEW,
        object_type=Report._meta.label_lower,
        object_id__in=[str(pk) for pk in ids],
    ).order_by("-at", "-pk")
    return {
        "generated_at": timezone.now().isoformat(),
        "reporter": {name: _plain(getattr(identity, name)) for name in IDENTITY_FIELDS},
        "reports": [
            {
                "tracking_code": item.tracking_code_display,
                "registration_number": item.registration_number,
                "stage": item.get_stage_display(),
                "received_at": item.received_at.isoformat(),
                "incident_date": item.incident_date.isoformat(),
                "incident_place": item.incident_place,
                "description": item.description,
                "identity_as_filed": {
                    name: _plain(getattr(item.reporter_identity, name)) for name in IDENTITY_FIELDS
                },
                "witnesses": witnesses[item.pk],
            }
            for item in reports
        ],
        "identity_views": [
            {
                "at": event.at.isoformat(),
                "report": event.object_id,
                "by": event.username,
                "purpose": event.details.get("purpose", ""),
            }
            for event in views[:1000]
        ],
    }


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def reporter_identities_to_anonymise(*, now=None):
    """Identities of cases closed more than ``REPORTER_RETENTION_DAYS`` ago, not yet anonymised.

    Served by the report's stage index; the closed cases are a bounded share of them.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.REPORTER_RETENTION_DAYS)
    return ReporterIdentity.objects.filter(
        report__stage__in=ReportStage.closed_stages(),
        report__closed_at__lt=cutoff,
    ).exclude(name=ANONYMISED_NAME)

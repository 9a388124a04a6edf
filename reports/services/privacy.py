"""Writes for personal data (UU 27/2022): a data subject's export and correction, and the
anonymisation of reporters after the retention period. Each is audited.

Statute: the subject's right to a copy (Pasal 7) and to correction (Pasal 6); the
retention limit follows the purpose limitation of processing. Log lines and audit
details name reports and fields, never the values.
"""

import io
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from bawaslu_portal.audit import audit_record
from bawaslu_portal.models import AuditEvent, AuditKind
from bawaslu_portal.spreadsheets import spreadsheet_safe
from reports.models import Report, ReporterIdentity, Witness
from reports.permissions.privacy import can_correct_reporter_data, can_export_reporter_data
from reports.selectors.privacy import (
    ANONYMISED_NAME,
    IDENTITY_FIELDS,
    reporter_data,
    reporter_identities_to_anonymise,
)

EXPORT_FORMATS = ("json", "xlsx")
BATCH = 1000

#: Sent once per anonymised batch, inside its transaction, with ``report_ids``: the bulk
#: update sends no save signals, and copies of the identity kept elsewhere (the search
#: index's ``restricted_body``) must follow it.
reporters_anonymised = Signal()


@transaction.atomic
def reporter_data_export(*, user, report: Report, file_format: str, request=None) -> bytes:
    """Everything held on the reporter of ``report`` as a JSON or XLSX file, audited.

    ``PermissionDenied`` for anyone who may not see the reporter;
    ``ReporterIdentity.DoesNotExist`` when the report has none; ``ValueError`` for
    another format.
    """
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {file_format!r}")
    if not can_export_reporter_data(user, report):
        raise PermissionDenied(_("Only case handlers may export a reporter's data."))
    data = reporter_data(user=user, report=report)
    audit_record(
        kind=AuditKind.SUBJECT_EXPORT,
        user=user,
        request=request,
        obj=report,
        details={
            "format": file_format,
            "reports": [item["tracking_code"] for item in data["reports"]],
        },
    )
    if file_format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return _workbook(data)


def _workbook(data: dict) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Reporter")[:31]
    for name, value in data["reporter"].items():
        sheet.append([name, spreadsheet_safe(value)])
    reports = workbook.create_sheet(_("Reports")[:31])
    columns = [
        "tracking_code",
        "registration_number",
        "stage",
        "received_at",
        "incident_date",
        "incident_place",
        "description",
    ]
    reports.append(columns + ["witnesses"])
    for item in data["reports"]:
        witnesses = "; ".join(f"{w['name']} ({w['contact']})" for w in item["witnesses"])
        reports.append([spreadsheet_safe(item[c]) for c in columns] + [spreadsheet_safe(witnesses)])
    views = workbook.create_sheet(_("Identity views")[:31])
    views.append(["at", "report", "by", "purpose"])
    for view in data["identity_views"]:
        views.append([spreadsheet_safe(view[c]) for c in ("at", "report", "by", "purpose")])
    handle = io.BytesIO()
    workbook.save(handle)
    return handle.getvalue()


@transaction.atomic
def reporter_identity_correct(
    *, actor, report: Report, changes: dict, request=None
) -> ReporterIdentity:
    """Correct the reporter's identity of ``report`` (the handling office), audited.

    ``changes`` maps identity fields to their corrected values; the identity is
    validated (``ValidationError`` per field) before it is saved. The audit row
    names the corrected fields, not their values.
    """
    if not can_correct_reporter_data(actor, report):
        raise PermissionDenied(_("Only the handling office may correct the reporter's data."))
    identity = ReporterIdentity.objects.select_for_update().get(report=report)
    changed = []
    for name, value in changes.items():
        if name not in IDENTITY_FIELDS:
            raise TypeError(f"not an identity field: {name}")
        if getattr(identity, name) != value:
            setattr(identity, name, value)
            changed.append(name)
    identity.full_clean()
    identity.save()
    audit_record(
        kind=AuditKind.SUBJECT_CORRECTION,
        user=actor,
        request=request,
        obj=report,
        details={"fields": changed},
    )
    return identity


def reporters_anonymise(*, now=None) -> int:
    """Anonymise the reporters (and witnesses' names and contacts) of cases closed more
    than ``REPORTER_RETENTION_DAYS`` ago; return how many identities.

    In batches, each one transaction: the identities are blanked but for the
    :data:`ANONYMISED_NAME` marker, the witnesses of those reports lose name and
    contact, and one ``anonymised`` audit row per report is written. Idempotent:
    anonymised identities are not selected again.
    """
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            ids = list(
                reporter_identities_to_anonymise(now=now)
                .order_by("report_id")
                .values_list("report_id", flat=True)[:BATCH]
            )
            if not ids:
                break
            ReporterIdentity.objects.filter(report_id__in=ids).update(
                name=ANONYMISED_NAME,
                nik="",
                birth_place="",
                birth_date=None,
                sex="",
                occupation="",
                address="",
                citizenship="",
                phone="",
                email="",
            )
            Witness.objects.filter(report_id__in=ids).update(name=ANONYMISED_NAME, contact="")
            reporters_anonymised.send(sender=ReporterIdentity, report_ids=ids)
            AuditEvent.objects.bulk_create(
                [
                    AuditEvent(
                        at=now,
                        kind=AuditKind.ANONYMISED,
                        object_type=Report._meta.label_lower,
                        object_id=str(pk),
                        details={"retention": "REPORTER_RETENTION_DAYS"},
                    )
                    for pk in ids
                ]
            )
            total += len(ids)
    return total

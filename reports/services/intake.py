"""Intake of reports, recorded by officials or filed by the public, with their evidence.

The workflow after intake (every stage change) belongs to
``reports.services.workflow.report_transition``; this module only creates the
case file in stage *diterima*, with its first history row and the kajian-awal
deadline, and checks and stores evidence (at intake, and for
``reports.services.cases.evidence_add`` later).

Nothing here logs personal data: log lines name the report's id and the
acting user's id, never a reporter's name, NIK, phone, email or address.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, AgencyKind, Region
from bawaslu_portal.uploads import validate_upload
from reports import deadlines
from reports.models import (
    DeadlineStep,
    Election,
    Evidence,
    Report,
    ReporterIdentity,
    ReportSource,
    ReportStage,
    ViolationCategory,
    Witness,
)
from reports.services.shared import report_history_add

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IntakeResult:
    report: Report
    filed_late: bool
    filing_deadline: datetime.date | None


def bawaslu_office_for_region(region: Region) -> Agency:
    """The Bawaslu Kab/Kota that handles incidents in ``region`` (its kab/kota).

    Raises ``ValidationError`` (``no_office``) when the portal has no such
    office, so the public is told to contact Bawaslu directly.
    """
    kabkota_code = ".".join(region.code.split(".")[:2])
    office = (
        Agency.objects.filter(
            kind=AgencyKind.BAWASLU_KABKOTA, region_id=kabkota_code, is_active=True
        )
        .order_by("pk")
        .first()
    )
    if office is None:
        raise ValidationError(
            _("No Bawaslu office in this portal covers that area yet."), code="no_office"
        )
    return office


def _intake_office(*, user, region: Region) -> Agency:
    """The office recording the report: the official's Bawaslu office, or the local one."""
    if user is not None and user.agency_id and user.agency.kind in AgencyKind.bawaslu_kinds():
        if not user.agency.region.contains(region.code):
            raise ValidationError(
                {
                    "incident_kelurahan": ValidationError(
                        _("This kelurahan lies outside your jurisdiction."),
                        code="outside_jurisdiction",
                    )
                }
            )
        return user.agency
    return bawaslu_office_for_region(region)


@transaction.atomic
def report_intake_create(
    *,
    user,
    source: str,
    election: Election,
    incident_kelurahan: Region,
    incident_date: datetime.date,
    known_date: datetime.date,
    incident_place: str,
    incident_time: datetime.time | None = None,
    description: str,
    reported_name: str,
    reported_nip: str = "",
    reported_position: str = "",
    reported_agency: Agency | None = None,
    reported_agency_name: str = "",
    reported_employment: str,
    reported_address: str = "",
    reported_phone: str = "",
    categories: list[ViolationCategory],
    reporter: dict | None = None,
    witnesses: list[dict] | None = None,
    evidence_files: list | None = None,
    evidence_links: list[str] | None = None,
    now: datetime.datetime | None = None,
) -> IntakeResult:
    """Record a report in stage *diterima*, with its first history row.

    ``user`` is the official recording it, or None for the public form (then
    the report is a laporan filed through the public form, handled by the
    Bawaslu Kab/Kota of the incident's kab/kota). The filing deadline counts
    from ``known_date`` (the discovery, for a temuan) under the election's
    rule (UU 7/2017 ps. 454 ayat (5)-(6); UU 10/2016 ps. 134 ayat (4)); a
    report made after it is still recorded but marked ``filed_late``, and it
    cannot be registered (the workflow's ``registrable`` guard). Informasi
    awal has no filing deadline. The kajian-awal deadline starts on the day
    of receipt, in the handling office's zone. ``now`` is the moment of
    receipt (an office recording a paper laporan gives its date and time).

    Raises ``ValidationError``: ``reporter_required`` (a laporan without a
    reporter), ``no_category``, ``outside_jurisdiction``, ``no_office``, a
    refused evidence file (``empty``, ``too_large``, ``unsupported_type``) or
    any model validation error.
    """
    now = now or timezone.now()
    if user is None:
        source = ReportSource.LAPORAN
    if source == ReportSource.LAPORAN and not (reporter and reporter.get("name")):
        raise ValidationError(
            _("A laporan needs the reporter's name and address."), code="reporter_required"
        )
    if not categories:
        raise ValidationError(
            {
                "categories": ValidationError(
                    _("Choose at least one violation category."), code="no_category"
                )
            }
        )
    office = _intake_office(user=user, region=incident_kelurahan)
    received_on = timezone.localdate(now, office.region.zoneinfo)
    if source == ReportSource.INFORMASI_AWAL:
        filing_deadline = None
    else:
        filing_deadline = deadlines.filing_deadline(
            election, known_date, temuan=source == ReportSource.TEMUAN
        )
    filed_late = filing_deadline is not None and received_on > filing_deadline
    kajian_deadline = deadlines.deadline_for(election, DeadlineStep.KAJIAN_AWAL, received_on)

    report = Report(
        office=office,
        region=incident_kelurahan,
        source=source,
        election=election,
        via_public_form=user is None,
        stage=ReportStage.DITERIMA,
        stage_changed_at=now,
        deadline=kajian_deadline,
        deadline_step=DeadlineStep.KAJIAN_AWAL,
        filing_deadline=filing_deadline,
        filed_late=filed_late,
        received_at=now,
        incident_date=incident_date,
        known_date=known_date,
        incident_place=incident_place,
        incident_time=incident_time,
        incident_kelurahan=incident_kelurahan,
        description=description,
        reported_name=reported_name,
        reported_nip=reported_nip or "",
        reported_position=reported_position or "",
        reported_agency=reported_agency,
        reported_agency_name="" if reported_agency else (reported_agency_name or ""),
        reported_employment=reported_employment,
        reported_address=reported_address or "",
        reported_phone=reported_phone or "",
        created_by=user,
    )
    report.full_clean()
    report.save()
    report.categories.set(categories)

    if reporter and reporter.get("name"):
        identity = ReporterIdentity(report=report, **reporter)
        identity.full_clean()
        identity.save()

    for row in witnesses or []:
        witness = Witness(
            report=report,
            name=row["name"],
            contact=row.get("contact", ""),
            statement_summary=row.get("statement_summary", ""),
        )
        witness.full_clean()
        witness.save()

    for upload in evidence_files or []:
        evidence_add_file(report=report, upload=upload, user=user, now=now)
    for url in evidence_links or []:
        evidence_add_link(report=report, url=url, user=user, now=now)

    note = _("Filed through the public form.") if user is None else _("Recorded at the office.")
    if filed_late:
        note = f"{note} " + _(
            "Made after its deadline of %(date)s: it cannot be registered, and may be kept as "
            "informasi awal."
        ) % {"date": filing_deadline.isoformat()}
    report_history_add(
        report,
        from_stage="",
        actor=user,
        at=now,
        note=note,
        data={
            "filed_late": filed_late,
            "filing_deadline": filing_deadline.isoformat() if filing_deadline else None,
        },
    )
    logger.info(
        "report intake: report=%s office=%s by_user=%s public=%s late=%s",
        report.pk,
        office.pk,
        getattr(user, "pk", None),
        user is None,
        filed_late,
    )
    return IntakeResult(report=report, filed_late=filed_late, filing_deadline=filing_deadline)


def evidence_add_file(
    *, report: Report, upload, user=None, now=None, description: str = ""
) -> Evidence:
    """Attach one uploaded file to ``report`` after checking its size and real content.

    The file is stored under a random name (``RandomUploadTo``); the client's
    name is kept only as a cleaned base name for the download. The row is
    validated before the file is written. Raises the ``ValidationError`` of
    ``validate_upload`` or of ``full_clean``.
    """
    checked = validate_upload(upload)
    evidence = Evidence(
        report=report,
        content_type=checked.content_type,
        size=checked.size,
        original_name=checked.original_name,
        description=description[:300],
        uploaded_by=user,
        uploaded_at=now or timezone.now(),
    )
    # Validated before the file is written, so a refused row leaves no stored file
    # (as ``uploaded_file_save``); the file-or-link constraint holds once it is stored.
    evidence.full_clean(exclude=["file"])
    # The stored name comes from the sniffed type, never from the client's name.
    evidence.file.save(f"evidence.{checked.extension}", upload, save=False)
    evidence.save()
    return evidence


def evidence_add_link(
    *, report: Report, url: str, user=None, now=None, description: str = ""
) -> Evidence:
    """Attach one link (e.g. the social media post) to ``report``.

    Raises the model's ``ValidationError`` for a link that is not a URL.
    """
    evidence = Evidence(
        report=report,
        url=url,
        description=description[:300],
        uploaded_by=user,
        uploaded_at=now or timezone.now(),
    )
    evidence.full_clean()
    evidence.save()
    return evidence

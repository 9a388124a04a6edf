"""Who may see and handle a case: the report, its reporter's identity, evidence, comments.

- Seeing a report: Bawaslu officials (staff, commissioners, viewers of a
  Bawaslu office, admins) whose jurisdiction contains the incident's region.
  Partner officials never see case files.
- Acting on it (evidence, editing; transitions in ``reports.permissions.workflow``):
  staff, commissioners and admins of the *handling* office; an office *above* it
  (a Bawaslu Provinsi over a Bawaslu Kota) may take the case over and comment on it.
- The reporter's identity: case handlers of the handling office and of the
  offices above it (informasi yang dikecualikan); every view is logged by
  ``reports.services.cases.reporter_identity_access``.

Admins without an agency act nationwide. Every function is pure (no
queries) once the user's agency and the report's office are loaded.
"""

from bawaslu_portal.models import UserRole
from bawaslu_portal.scoping import user_jurisdiction
from reports.workflow import HANDLERS


def _is_nationwide(user) -> bool:
    return user_jurisdiction(user).nationwide


def _bawaslu_agency(user):
    agency = getattr(user, "agency", None)
    return agency if agency is not None and agency.is_bawaslu else None


def in_jurisdiction(user, report) -> bool:
    """The report's incident lies in the user's jurisdiction."""
    return user_jurisdiction(user).contains(report.region_id)


def is_case_handler(user) -> bool:
    """Staff, commissioner or admin, of a Bawaslu office or nationwide."""
    if not user.is_authenticated or user.role not in HANDLERS:
        return False
    return _is_nationwide(user) or _bawaslu_agency(user) is not None


def acts_for_handling_office(user, report) -> bool:
    """The user belongs to the office handling the report (or is a nationwide admin)."""
    return _is_nationwide(user) or (
        _bawaslu_agency(user) is not None and user.agency_id == report.office_id
    )


def acts_for_office_above(user, report) -> bool:
    """The user's Bawaslu office lies above the handling office (or is a nationwide admin)."""
    if _is_nationwide(user):
        return True
    agency = _bawaslu_agency(user)
    if agency is None or agency.pk == report.office_id:
        return False
    office_code = report.office.region_id
    return office_code != agency.region_id and office_code.startswith(f"{agency.region_id}.")


def can_view_reports(user) -> bool:
    """Case files at all: Bawaslu handlers and viewers, or nationwide users; never partners."""
    if not user.is_authenticated:
        return False
    if _is_nationwide(user):
        return True
    if _bawaslu_agency(user) is None:
        return False
    return user.role in HANDLERS or user.role == UserRole.VIEWER


def can_view_report(user, report) -> bool:
    return can_view_reports(user) and in_jurisdiction(user, report)


def can_handle_report(user, report) -> bool:
    """Change the case file (evidence, witnesses, details): the handling office's handlers."""
    return (
        is_case_handler(user)
        and in_jurisdiction(user, report)
        and acts_for_handling_office(user, report)
    )


def can_view_reporter_identity(user, report) -> bool:
    return (
        is_case_handler(user)
        and in_jurisdiction(user, report)
        and (acts_for_handling_office(user, report) or acts_for_office_above(user, report))
    )


def can_comment_report(user, report) -> bool:
    """The handling office and the offices above it discuss an open case (kajian awal)."""
    return (
        not report.is_closed
        and is_case_handler(user)
        and in_jurisdiction(user, report)
        and (acts_for_handling_office(user, report) or acts_for_office_above(user, report))
    )

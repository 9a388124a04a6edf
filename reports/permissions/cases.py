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

Admins without an agency act nationwide (``reports.permissions.shared``). Every
function is pure (no queries) once the user's agency and the report's office
are loaded.
"""

from bawaslu_portal.models import UserRole
from reports.permissions.shared import (
    acts_for_handling_office,
    acts_for_office_above,
    bawaslu_agency,
    in_jurisdiction,
    is_case_handler,
    is_nationwide,
)
from reports.workflow import HANDLERS


def can_view_reports(user) -> bool:
    """Case files at all: Bawaslu handlers and viewers, or nationwide users; never partners."""
    if not user.is_authenticated:
        return False
    if is_nationwide(user):
        return True
    if bawaslu_agency(user) is None:
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

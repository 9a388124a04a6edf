"""Who may act on personal data as such (UU 27/2022): the record of processing, a data
subject's export and correction.

- The record of processing: administrators (superusers and the admin role).
- Exporting all data held on a reporter (Pasal 7: access and a copy): whoever may see
  the reporter's identity (case handlers of the handling office and the offices above).
- Correcting it (Pasal 6): the handling office's case handlers, who own the case file.
"""

from bawaslu_portal.models import UserRole
from reports.permissions.cases import can_handle_report, can_view_reporter_identity


def can_view_processing_record(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == UserRole.ADMIN)


def can_export_reporter_data(user, report) -> bool:
    return can_view_reporter_identity(user, report)


def can_correct_reporter_data(user, report) -> bool:
    return can_handle_report(user, report)

"""Who may link reports and take the joint steps of linked reports.

Linking and unlinking change how a case is handled: the handling office's
case handlers (staff, commissioners, admins) only, as for the case file
(``reports.permissions.cases.can_handle_report``). The joint kajian and pleno
are workflow steps, decided by ``reports.permissions.workflow`` for each
report of the group. Pure once the user's agency and the report's office are
loaded.
"""

from reports.models import LINKABLE_STAGES
from reports.permissions.cases import can_handle_report


def can_link_report(user, report) -> bool:
    """Link ``report`` to another, or unlink one from its group: before the kajian only."""
    if not can_handle_report(user, report) or report.stage not in LINKABLE_STAGES:
        return False
    group = report.group if report.group_id else None
    return group is None or not group.is_assessed

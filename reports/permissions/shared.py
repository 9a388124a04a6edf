"""What the reports permissions share: jurisdiction, case handlers, and the office acted for.

Not a feature of its own (as ``coordination.permissions.shared``): the
feature modules (``cases``, ``workflow``) decide with these. Pure once the
user's agency and the report's office are loaded.
"""

from bawaslu_portal.scoping import user_jurisdiction
from reports.workflow import HANDLERS


def is_nationwide(user) -> bool:
    """A superuser or an admin without an agency: every region, every office."""
    return user_jurisdiction(user).nationwide


def bawaslu_agency(user):
    """The user's agency when it is a Bawaslu office, else None (partners, no agency)."""
    agency = getattr(user, "agency", None)
    return agency if agency is not None and agency.is_bawaslu else None


def in_jurisdiction(user, report) -> bool:
    """The report's incident lies in the user's jurisdiction."""
    return user_jurisdiction(user).contains(report.region_id)


def is_case_handler(user) -> bool:
    """Staff, commissioner or admin, of a Bawaslu office or nationwide."""
    if not user.is_authenticated or user.role not in HANDLERS:
        return False
    return is_nationwide(user) or bawaslu_agency(user) is not None


def acts_for_handling_office(user, report) -> bool:
    """The user belongs to the office handling the report (or is a nationwide admin)."""
    return is_nationwide(user) or (
        bawaslu_agency(user) is not None and user.agency_id == report.office_id
    )


def acts_for_office_above(user, report) -> bool:
    """The user's Bawaslu office lies above the handling office (or is a nationwide admin)."""
    if is_nationwide(user):
        return True
    agency = bawaslu_agency(user)
    if agency is None or agency.pk == report.office_id:
        return False
    office_code = report.office.region_id
    return office_code != agency.region_id and office_code.startswith(f"{agency.region_id}.")

"""Who may do what with declarations, designations, programs and working groups.

Seeing is decided by ``coordination.selectors.campaigns`` (the jurisdiction
scope, and for partner officials only what concerns their agency): outside
it is a 404. These functions decide actions on what the user can already
see; a ``False`` is a 403.

- Bawaslu officials (admin, commissioner, staff) create, edit and delete in
  their jurisdiction.
- Partner officials and viewers read only.
"""

from coordination.permissions.shared import is_bawaslu_in, is_bawaslu_official

__all__ = [
    "can_create_campaign_records",
    "can_edit_campaign",
    "can_edit_declaration",
    "can_edit_designation",
    "can_edit_program",
    "can_edit_working_group",
]


def can_create_campaign_records(user) -> bool:
    """Bawaslu officials with a jurisdiction record declarations, designations, programs, pokja."""
    return is_bawaslu_official(user)


def can_edit_declaration(user, declaration) -> bool:
    """Editing, deleting and managing documents: Bawaslu officials of the declaration's region."""
    return is_bawaslu_in(user, declaration.region_id)


def can_edit_campaign(user, campaign) -> bool:
    return is_bawaslu_in(user, campaign.region_id)


def can_edit_designation(user, designation) -> bool:
    """Editing and revoking a designation: Bawaslu officials of the kelurahan's city."""
    return is_bawaslu_in(user, designation.kelurahan_id)


def can_edit_program(user, program) -> bool:
    """Editing targets and linking meetings: Bawaslu officials of the program's region."""
    return is_bawaslu_in(user, program.region_id)


def can_edit_working_group(user, group) -> bool:
    """Editing members and linking meetings: Bawaslu officials of the pokja's region."""
    return is_bawaslu_in(user, group.region_id)

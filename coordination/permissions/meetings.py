"""Who may do what with meetings and their attachments.

Seeing is decided by the selectors (jurisdiction scope, and for partner
officials only what concerns their agency): an object outside is a 404. These
functions decide the actions on an object the user can already see: a
``False`` is a 403.

- Bawaslu officials (admin, commissioner, staff) create and edit meetings and
  their attachments in their jurisdiction.
- Viewers and partner officials read only.
"""

from coordination.models import Meeting
from coordination.permissions.shared import is_bawaslu_in, is_bawaslu_official

__all__ = [
    "can_copy_meeting",
    "can_create_meeting",
    "can_edit_meeting",
    "can_manage_attachments",
]


def can_create_meeting(user) -> bool:
    """Bawaslu officials with a jurisdiction log meetings."""
    return is_bawaslu_official(user)


def can_edit_meeting(user, meeting: Meeting) -> bool:
    """Bawaslu officials edit the meetings of their jurisdiction."""
    return is_bawaslu_in(user, meeting.region_id)


def can_copy_meeting(user, meeting: Meeting) -> bool:
    """Copying creates a meeting in the same region: the same rule as editing."""
    return can_edit_meeting(user, meeting)


def can_manage_attachments(user, meeting: Meeting) -> bool:
    """Uploading and deleting attachments is editing the meeting."""
    return can_edit_meeting(user, meeting)

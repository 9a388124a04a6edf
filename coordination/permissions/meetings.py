"""Who may do what with meetings and follow-ups.

Seeing is decided by the selectors (jurisdiction scope, and for partner
officials only what concerns their agency): an object outside is a 404. These
functions decide the actions on an object the user can already see: a
``False`` is a 403.

- Bawaslu officials (admin, commissioner, staff) create and edit meetings,
  attachments and follow-ups in their jurisdiction.
- Viewers and partner officials read only.
- Partner officials (Pemkot, OPD, kecamatan, kelurahan) may add progress to
  the follow-ups assigned to their own agency and mark them done; nothing else.
"""

from bawaslu_portal.scoping import user_jurisdiction
from coordination.models import FollowUp, Meeting

__all__ = [
    "can_change_follow_up_status",
    "can_copy_meeting",
    "can_create_follow_up",
    "can_create_meeting",
    "can_edit_follow_up",
    "can_edit_meeting",
    "can_manage_attachments",
    "can_update_follow_up",
]


def _is_bawaslu_in(user, region_code: str) -> bool:
    return bool(
        user.is_authenticated and user.is_bawaslu and user_jurisdiction(user).contains(region_code)
    )


def can_create_meeting(user) -> bool:
    """Bawaslu officials with a jurisdiction log meetings."""
    return bool(user.is_authenticated and user.is_bawaslu and not user_jurisdiction(user).is_empty)


def can_edit_meeting(user, meeting: Meeting) -> bool:
    """Bawaslu officials edit the meetings of their jurisdiction."""
    return _is_bawaslu_in(user, meeting.region_id)


def can_copy_meeting(user, meeting: Meeting) -> bool:
    """Copying creates a meeting in the same region: the same rule as editing."""
    return can_edit_meeting(user, meeting)


def can_manage_attachments(user, meeting: Meeting) -> bool:
    """Uploading and deleting attachments is editing the meeting."""
    return can_edit_meeting(user, meeting)


def can_create_follow_up(user, meeting: Meeting | None = None) -> bool:
    """Bawaslu officials record follow-ups, standalone or from a meeting they may edit."""
    if meeting is not None and not can_edit_meeting(user, meeting):
        return False
    return can_create_meeting(user)


def can_edit_follow_up(user, follow_up: FollowUp) -> bool:
    """Correcting what, who and by when is for Bawaslu officials of the jurisdiction."""
    return _is_bawaslu_in(user, follow_up.region_id)


def can_change_follow_up_status(user, follow_up: FollowUp) -> bool:
    """Any status change (cancel, reopen, done with a reason) is for Bawaslu officials."""
    return _is_bawaslu_in(user, follow_up.region_id)


def can_update_follow_up(user, follow_up: FollowUp) -> bool:
    """Adding progress and marking done: Bawaslu officials, or the responsible agency's partner.

    A partner official may only update the follow-ups of their own agency.
    """
    if not user.is_authenticated:
        return False
    if user.is_partner:
        return user.agency_id is not None and follow_up.responsible_agency_id == user.agency_id
    return _is_bawaslu_in(user, follow_up.region_id)

"""Who may do what with follow-ups.

Seeing is decided by the selectors (jurisdiction scope; a partner official
sees only the follow-ups assigned to their agency): an object outside is a
404. These functions decide the actions on a follow-up the user can already
see: a ``False`` is a 403.

- Bawaslu officials (admin, commissioner, staff) record and correct
  follow-ups in their jurisdiction and change their status.
- Partner officials (Pemkot, OPD, kecamatan, kelurahan) may add progress to
  the follow-ups assigned to their own agency and mark them done; nothing else.
- Viewers read only.
"""

from coordination.models import FollowUp, Meeting
from coordination.permissions.meetings import can_edit_meeting
from coordination.permissions.shared import is_bawaslu_in, is_bawaslu_official

__all__ = [
    "can_change_follow_up_status",
    "can_create_follow_up",
    "can_edit_follow_up",
    "can_update_follow_up",
]


def can_create_follow_up(user, meeting: Meeting | None = None) -> bool:
    """Bawaslu officials record follow-ups, standalone or from a meeting they may edit."""
    if meeting is not None and not can_edit_meeting(user, meeting):
        return False
    return is_bawaslu_official(user)


def can_edit_follow_up(user, follow_up: FollowUp) -> bool:
    """Correcting what, who and by when is for Bawaslu officials of the jurisdiction."""
    return is_bawaslu_in(user, follow_up.region_id)


def can_change_follow_up_status(user, follow_up: FollowUp) -> bool:
    """Any status change (cancel, reopen, done with a reason) is for Bawaslu officials."""
    return is_bawaslu_in(user, follow_up.region_id)


def can_update_follow_up(user, follow_up: FollowUp) -> bool:
    """Adding progress and marking done: Bawaslu officials, or the responsible agency's partner.

    A partner official may only update the follow-ups of their own agency.
    """
    if not user.is_authenticated:
        return False
    if user.is_partner:
        return user.agency_id is not None and follow_up.responsible_agency_id == user.agency_id
    return is_bawaslu_in(user, follow_up.region_id)

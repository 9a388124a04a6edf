"""Who may take which workflow step on a report.

A step (a row of ``reports.workflow.TRANSITIONS``) names the roles that may
take it and whether the actor acts for the handling office or for an office
above it; the row's guard is a condition on the report, checked by
``reports.workflow.guard_allows``. Pure once the user's agency and the
report's office are loaded.
"""

from reports.permissions.shared import (
    acts_for_handling_office,
    acts_for_office_above,
    in_jurisdiction,
    is_case_handler,
)
from reports.workflow import (
    HANDLING_OFFICE,
    OFFICE_ABOVE,
    Transition,
    guard_allows,
    transitions_from,
)


def can_apply_transition(user, report, transition: Transition) -> bool:
    """Role, office and jurisdiction allow ``user`` to take ``transition`` on ``report``.

    The stage and the row's guard are checked separately (``guard_allows``).
    """
    if not is_case_handler(user) or user.role not in transition.roles:
        return False
    if not in_jurisdiction(user, report):
        return False
    if transition.acting_for == HANDLING_OFFICE:
        return acts_for_handling_office(user, report)
    if transition.acting_for == OFFICE_ABOVE:
        return acts_for_office_above(user, report)
    return False


def allowed_transitions(user, report) -> list[Transition]:
    """The transitions ``user`` may take on ``report`` now, in table order."""
    return [
        transition
        for transition in transitions_from(report.stage)
        if guard_allows(transition, report) and can_apply_transition(user, report, transition)
    ]

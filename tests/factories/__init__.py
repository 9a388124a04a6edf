"""Factories, one module per app; import them from here."""

from tests.factories.coordination import (
    AgendaItemFactory,
    FollowUpFactory,
    FollowUpNoteFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    TopicFactory,
)
from tests.factories.portal import (
    AgencyFactory,
    PersonFactory,
    PositionFactory,
    PositionRoleFactory,
    UserFactory,
)

__all__ = [
    "AgendaItemFactory",
    "FollowUpFactory",
    "FollowUpNoteFactory",
    "MeetingAttendeeFactory",
    "MeetingFactory",
    "TopicFactory",
    "AgencyFactory",
    "PersonFactory",
    "PositionFactory",
    "PositionRoleFactory",
    "UserFactory",
]

"""Factories, one module per app; import them from here."""

from tests.factories.portal import (
    AgencyFactory,
    PersonFactory,
    PositionFactory,
    PositionRoleFactory,
    UserFactory,
)

__all__ = [
    "AgencyFactory",
    "PersonFactory",
    "PositionFactory",
    "PositionRoleFactory",
    "UserFactory",
]

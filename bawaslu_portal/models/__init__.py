from .agencies import Agency, AgencyKind, Person, Position, PositionRole
from .regions import Region, RegionKind, TimeZoneLabel
from .users import User, UserRole

__all__ = [
    "Agency",
    "AgencyKind",
    "Person",
    "Position",
    "PositionRole",
    "Region",
    "RegionKind",
    "TimeZoneLabel",
    "User",
    "UserRole",
]

from .agencies import Agency, AgencyKind, Person, Position, PositionRole
from .audit import AuditEvent, AuditKind
from .files import UploadedFile
from .ratelimits import RateLimitCounter
from .regions import Region, RegionKind, TimeZoneLabel
from .tracking import TrackedModel
from .users import User, UserRole

__all__ = [
    "Agency",
    "AgencyKind",
    "AuditEvent",
    "AuditKind",
    "Person",
    "Position",
    "PositionRole",
    "RateLimitCounter",
    "Region",
    "RegionKind",
    "TimeZoneLabel",
    "TrackedModel",
    "UploadedFile",
    "User",
    "UserRole",
]

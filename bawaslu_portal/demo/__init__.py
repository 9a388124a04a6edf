"""The portal's demo data: agencies, people and logins (see ``agencies``)."""

from .agencies import LOGINS, PortalDemo, seed_portal_demo

__all__ = ["LOGINS", "PortalDemo", "seed_portal_demo"]

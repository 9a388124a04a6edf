"""The portal's demo data: agencies, people and logins (see ``agencies``)."""

from .agencies import LOGINS, SEED_REGION_CODES, PortalDemo, seed_portal_demo

__all__ = ["LOGINS", "SEED_REGION_CODES", "PortalDemo", "seed_portal_demo"]

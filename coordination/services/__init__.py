"""Writes of the coordination app, one module per feature.

- ``meetings``: meetings with their attendees and agenda, attachments; follow-ups
- ``campaigns``: declarations and campaigns, kelurahan designations, programs, pokja

Other apps import from here, e.g. ``from coordination.services import follow_up_create``.
"""

from .campaigns import *  # noqa: F403
from .meetings import *  # noqa: F403

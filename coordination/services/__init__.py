"""Writes of the coordination app, one module per feature.

- ``meetings``: meetings with their attendees and agenda, attachments
- ``followups``: follow-ups and their progress notes
- ``campaigns``: declarations and campaigns, kelurahan designations, programs, pokja
- ``shared``: what they share: the jurisdiction and version checks, people by name, a
  record's fields and rows, deleting a record with its files

Other apps import from here, e.g. ``from coordination.services import follow_up_create``.
"""

from .campaigns import *  # noqa: F403
from .followups import *  # noqa: F403
from .meetings import *  # noqa: F403
from .shared import *  # noqa: F403

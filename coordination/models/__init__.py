"""Coordination models, one module per area.

- ``meetings``: meetings (kegiatan koordinasi), attendees, agenda items, topics, attachments
- ``followups``: follow-ups (tindak lanjut) and their progress notes
- ``campaigns``: declarations, kelurahan designations, programs and targets, working groups
- ``shared``: the rows of a record kept in the order entered (signatories, attendees, …)
"""

from .campaigns import *  # noqa: F403
from .followups import *  # noqa: F403
from .meetings import *  # noqa: F403

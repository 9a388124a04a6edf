"""Forms of the coordination app, one module per feature.

- ``meetings``: a meeting with its attendees and agenda, attachments, the list filter
- ``followups``: follow-ups, their progress and status, the list filter
- ``campaigns``: declarations and campaigns, designations, programs, pokja
- ``public``: the public agenda's filter
- ``shared``: the fields several forms declare alike, the selects' rows per user, date and
  time inputs, row formsets and the one "Add more rows" helper
"""

from .campaigns import *  # noqa: F403
from .followups import *  # noqa: F403
from .meetings import *  # noqa: F403
from .public import *  # noqa: F403
from .shared import *  # noqa: F403

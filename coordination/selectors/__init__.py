"""Reads of the coordination app, one module per feature.

- ``meetings``: meetings and their attachments
- ``followups``: follow-ups, the jurisdiction's list and "Tugas saya"
- ``campaigns``: declarations and campaigns, designations and coverage, programs, pokja
- ``public``: the public agenda and its iCalendar feeds (no login, public rows only)
- ``shared``: the partner rule, the 404, and the regions and agencies the forms offer
"""

from .campaigns import *  # noqa: F403
from .followups import *  # noqa: F403
from .meetings import *  # noqa: F403
from .public import *  # noqa: F403
from .shared import *  # noqa: F403

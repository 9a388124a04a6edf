"""Reads of the coordination app, one module per feature.

- ``meetings``: meetings, attachments and follow-ups, and the choices the forms offer
- ``campaigns``: declarations and campaigns, designations and coverage, programs, pokja
- ``public``: the public agenda and its iCalendar feeds (no login, public rows only)
"""

from .campaigns import *  # noqa: F403
from .meetings import *  # noqa: F403
from .public import *  # noqa: F403

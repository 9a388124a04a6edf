"""Forms of the coordination app, one module per feature.

- ``meetings``: meetings, attendees and agenda, attachments, follow-ups; the shared inputs
- ``campaigns``: declarations and campaigns, designations, programs, pokja
- ``public``: the public agenda's filter
"""

from .campaigns import *  # noqa: F403
from .meetings import *  # noqa: F403
from .public import *  # noqa: F403

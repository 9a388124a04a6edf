"""Who may do what in the coordination app, one module per feature.

- ``meetings``: meetings, attachments and follow-ups
- ``campaigns``: declarations and campaigns, designations, programs, pokja
"""

from .campaigns import *  # noqa: F403
from .meetings import *  # noqa: F403

"""Who may do what in the coordination app, one module per feature.

- ``meetings``: meetings and their attachments
- ``followups``: follow-ups and their progress
- ``campaigns``: declarations and campaigns, designations, programs, pokja
- ``shared``: who counts as a Bawaslu official, and where

The public agenda needs no permission: it shows only what is public.
"""

from .campaigns import *  # noqa: F403
from .followups import *  # noqa: F403
from .meetings import *  # noqa: F403

"""The coordination demo data, one module per feature.

- ``meetings``: the five source events, their follow-ups and the upcoming meetings
- ``campaigns``: declarations, designations, programs and pokja
"""

from .meetings import *  # noqa: F403

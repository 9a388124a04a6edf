"""The coordination demo data, one module per feature, seeded in this order.

1. ``meetings``: the five source events with their follow-ups (kept with the
   meeting each came out of), and the upcoming meetings of the public agenda;
2. ``campaigns``: declarations, kelurahan designations, programs and pokja,
   then its programs and pokja are linked to the meetings of step 1.

It builds on the portal's demo (``bawaslu_portal.demo``: agencies, people,
logins) and is followed by the reports' demo; ``seed_demo`` runs the three.
Imports point one way: ``campaigns`` reads the meeting titles of ``meetings``,
never the reverse, and nothing here imports the reports' demo.
"""

from django.db import transaction

from bawaslu_portal.demo import PortalDemo
from coordination.models import Meeting

from .campaigns import link_campaign_demo_meetings, seed_campaigns_demo
from .meetings import *  # noqa: F403
from .meetings import seed_meetings_demo


@transaction.atomic
def seed_coordination_demo(*, portal: PortalDemo) -> dict[str, Meeting]:
    """Create (or update) the coordination demo data; returns the meetings by title. Idempotent.

    The Balikpapan rakor counts toward the "Sosialisasi Pilkada 2024" program,
    the Serang pokja was formed at the Serang rakor, and the Pangkalpinang CAT
    program came out of the kunjungan: the links are made once both exist.
    """
    meetings = seed_meetings_demo(portal=portal)
    seed_campaigns_demo(portal=portal)
    link_campaign_demo_meetings(portal=portal, meetings=meetings)
    return meetings

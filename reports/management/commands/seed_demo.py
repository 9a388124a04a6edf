"""``manage.py seed_demo``: the demo data of the five source events, and the demo logins.

Lives in ``reports``, the top of the dependency chain, so it can call the seed
of every app in order: portal (agencies, people, logins) → coordination →
reports. Idempotent.
"""

import logging
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bawaslu_portal.demo import LOGINS, seed_portal_demo
from coordination.demo import seed_coordination_demo
from reports.demo import seed_reports_demo, stale_demo_cases

DEFAULT_DEMO_PASSWORD = "bawaslu-demo"  # noqa: S105 - documented demo password, DEBUG only


class Command(BaseCommand):
    help = "Create the demo data of the five source events and the demo logins (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-logins",
            action="store_true",
            help="Create the demo logins even though DJANGO_DEBUG is off.",
        )

    def handle(self, *args, allow_demo_logins=False, **options):
        if not settings.DEBUG and not allow_demo_logins:
            raise CommandError(
                "Refusing to create demo logins with DJANGO_DEBUG off. "
                "Pass --allow-demo-logins if this really is a demo installation."
            )
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        # The services log every step at INFO; a seed of dozens of cases would bury
        # the demo logins printed below.
        logging.disable(logging.INFO)
        try:
            portal = seed_portal_demo(password=password)
            seed_coordination_demo(portal=portal)
            seed_reports_demo(portal=portal)
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        stale = stale_demo_cases()
        if stale:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept as an earlier seed made them: {', '.join(stale)}. "
                    "Recreate the database to replay the current demo cases."
                )
            )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {password}):")
        self.stdout.write(f"  {'admin':<20} superuser (/admin/)")
        for username, _first, _last, role, agency_key, _person, _staff in LOGINS:
            agency = portal.agencies[agency_key].name
            self.stdout.write(f"  {username:<20} {role:<13} {agency}")

"""The portal's demo data: the agencies, people, rosters and logins of the five source events.

The five source articles (``shared/seeds``) name the offices and officials
below. Where an article mentions an office holder without naming them (for
example "Kepala Bapenda Kota Semarang"), the person is recorded under the
office's title rather than under an invented name; where it names a person
without their post (Slamer Riyanto, "Kejari Balikpapan"), no post is
recorded. Kelurahan roster members are illustrative demo people.

Names: the region is the Kemendagri's "Kota Pangkal Pinang"; the offices and
the city government use their own name, "Pangkalpinang" (Bawaslu Kota
Pangkalpinang, Pemerintah Kota Pangkalpinang).

Everything is created with ``update_or_create``/``get_or_create`` on natural
keys, so running the seed twice changes nothing. Passwords are only set when
an account is created.

One module per part, seeded in this order: ``agencies`` (with a kantor
kecamatan/kelurahan where the demo needs one), ``people`` (posts and kelurahan
rosters), ``logins``. The coordination and reports demos build on what it
returns (:class:`PortalDemo`); it imports neither of them.
"""

from dataclasses import dataclass

from django.db import transaction

from bawaslu_portal.models import Agency, Person, Region, User
from bawaslu_portal.services import regions_import

from .agencies import SEED_REGION_CODES, seed_agencies
from .logins import LOGINS, seed_logins
from .people import seed_people

__all__ = ["LOGINS", "SEED_REGION_CODES", "PortalDemo", "seed_portal_demo"]


@dataclass
class PortalDemo:
    """What the seed made, by key, for the coordination and reports seeds to build on."""

    agencies: dict[str, Agency]
    people: dict[str, Person]
    users: dict[str, User]


@transaction.atomic
def seed_portal_demo(*, password: str, stdout=None) -> PortalDemo:
    """Create (or update) the foundation's demo data and logins. Idempotent."""
    missing = [code for code in SEED_REGION_CODES if not Region.objects.filter(code=code).exists()]
    if missing:
        regions_import(codes=missing)
    agencies = seed_agencies()
    people = seed_people(agencies=agencies)
    users = seed_logins(password=password, agencies=agencies, people=people)
    return PortalDemo(agencies=agencies, people=people, users=users)

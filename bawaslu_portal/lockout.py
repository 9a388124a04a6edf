"""Login lockout with two limits: per username+address, and per address across usernames.

django-axes compares one failure count with one limit. Its own
``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]`` would
lock an address after ``AXES_FAILURE_LIMIT`` failures in total, so a whole
office behind one NAT address would be locked out by five typos of five
people. This handler keeps the pair at ``AXES_FAILURE_LIMIT`` (5) and adds a
higher limit for the address alone, ``AXES_ADDRESS_FAILURE_LIMIT`` (20): one
address guessing passwords for many accounts is stopped there, within the same
cool-off window (``AXES_COOLOFF_TIME``).
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PairAndAddressLockoutHandler(AxesDatabaseHandler):
    """Locked when the username+address pair *or* the address alone reaches its limit."""

    def get_failures(self, request, credentials=None) -> int:
        """The pair's failures; the pair's limit once the address has reached its own.

        Axes locks when this value reaches ``AXES_FAILURE_LIMIT``, so reporting
        that limit for an address over ``AXES_ADDRESS_FAILURE_LIMIT`` locks every
        username from that address. One indexed query (``ip_address``) more.
        """
        pair_failures = super().get_failures(request, credentials)
        pair_limit = get_failure_limit(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if pair_failures >= pair_limit or not address:
            return pair_failures
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        address_failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        if address_failures >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return pair_limit
        return pair_failures

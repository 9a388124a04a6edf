"""Counters of the public rate limits, in the database so every process shares them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCounter(models.Model):
    """How many uses ``key`` (a scope and a client address) made in the current window.

    Written only by ``bawaslu_portal.ratelimits``, under a row lock, so parallel
    requests cannot both take the last allowed use.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("uses"), default=0)
    window_ends_at = models.DateTimeField(_("window ends at"))

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")

    def __str__(self):
        return f"{self.key}: {self.count}"

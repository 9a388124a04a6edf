"""What the reports models share: the dated entries on a case, in the order they were made."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportEntry(models.Model):
    """Abstract: an entry on a report (a history row, a comment), dated and listed per report
    in the order made. Subclasses add their ``report`` link under their own related name."""

    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["report", "at", "pk"]
        indexes = [models.Index(fields=["report", "at"], name="%(class)s_report_at_idx")]

"""What the coordination models share: the rows of a record, kept in the order entered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderedRow(models.Model):
    """Abstract: one row of a record (a signatory, a pokja member, an attendee, an agenda
    item, a program target), entered in a row formset and listed in the order given there."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

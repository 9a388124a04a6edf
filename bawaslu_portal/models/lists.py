"""The editable lists of names that admins keep in their own order.

Position roles, meeting topics, designation kinds: short lists edited in the admin
(``OrderedNamesAdmin`` edits the order in the changelist). Each sorts by its order,
then by name, and a row reads as its name.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NamedInOrder(models.Model):
    """Abstract: sorted by ``order``, then ``name``, and read as its name.

    Subclasses declare both fields (see :class:`NameList` for the usual pair).
    """

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class NameList(NamedInOrder):
    """Abstract: a list of short, unique names in the order admins set."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta(NamedInOrder.Meta):
        abstract = True

"""The fields every tracked record repeats: who made and changed it, when, and its version.

:class:`TrackedModel` is the one abstract model for them. A model that does
not keep one of them opts out by setting it to ``None`` in its body (Django
removes an inherited abstract field that way), so adopting the base changes
no column (a record that is never edited needs no lock):

.. code-block:: python

    class FollowUpNote(TrackedModel):
        created_by = None  # a note records its ``author``
        updated_by = None
        updated_at = None
        version = None  # notes are added, never edited

``version`` is the optimistic lock: services compare the version the user
saw with the stored one and refuse a stale save (see
``bawaslu_portal.services`` and the apps' services).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import link


class TrackedModel(models.Model):
    created_by = link(settings.AUTH_USER_MODEL, _("created by"), optional=True, related_name="+")
    updated_by = link(settings.AUTH_USER_MODEL, _("updated by"), optional=True, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        abstract = True

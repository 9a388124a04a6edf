"""What every stored upload records about itself, whatever it is attached to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import link


class UploadedFile(models.Model):
    """Abstract: the checked facts about an upload (see ``bawaslu_portal.uploads``).

    Subclasses add their own ``file`` field (each stores under its own
    ``RandomUploadTo`` folder), the object it belongs to and their ``Meta``
    (verbose names, ordering by their own ``kind``).
    """

    original_name = models.CharField(_("original file name"), max_length=150)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = link(settings.AUTH_USER_MODEL, _("uploaded by"), optional=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

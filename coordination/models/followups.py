"""Follow-ups (tindak lanjut): who will do what by when, and the progress notes on it."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import TrackedModel
from bawaslu_portal.models.fields import link

__all__ = ["FollowUp", "FollowUpNote", "FollowUpStatus"]


class FollowUpStatus(models.TextChoices):
    TERBUKA = "terbuka", _("Open")
    DALAM_PROSES = "dalam_proses", _("In progress")
    SELESAI = "selesai", _("Done")
    DIBATALKAN = "dibatalkan", _("Cancelled")

    @classmethod
    def open_statuses(cls) -> set[str]:
        """Statuses that still need work (and can be overdue)."""
        return {cls.TERBUKA, cls.DALAM_PROSES}


class FollowUp(TrackedModel):
    """A commitment: the responsible agency (and optionally person) does this by the due date.

    It comes from a meeting, from a report (created by the reports app through
    ``coordination.services.follow_up_create``) or stands alone. Its region
    scopes it; partner officials of the responsible agency see it in "Tugas
    saya" and may only add progress and mark it done.
    """

    JURISDICTION_FIELD = "region"

    title = models.CharField(_("what"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible_agency = link(
        "bawaslu_portal.Agency", _("responsible agency"), related_name="follow_ups"
    )
    responsible_person = link(
        "bawaslu_portal.Person", _("responsible person"), optional=True, related_name="follow_ups"
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.TERBUKA,
    )
    meeting = link("coordination.Meeting", _("meeting"), optional=True, related_name="follow_ups")
    region = link("bawaslu_portal.Region", _("region"), related_name="follow_ups")
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Who changed it last is the author of the latest progress note.
    updated_by = None

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["region", "due_date"], name="followup_region_due_idx"),
            models.Index(fields=["status", "due_date"], name="followup_status_due_idx"),
            models.Index(fields=["due_date"], name="followup_due_idx"),
            models.Index(
                fields=["responsible_agency", "status", "due_date"],
                name="followup_agency_status_idx",
            ),
            # The activity feed and the reminders read the newest changes nationwide; the
            # weekly recap counts follow-ups completed in a week.
            models.Index(fields=["updated_at"], name="followup_updated_idx"),
            models.Index(fields=["created_at"], name="followup_created_idx"),
            models.Index(fields=["completed_at"], name="followup_completed_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coordination:follow_up_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in FollowUpStatus.open_statuses()

    @property
    def is_overdue(self) -> bool:
        """Still open and the due date has passed (today in the server's zone)."""
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def is_due_this_week(self) -> bool:
        """Still open and due today or within the next six days (not overdue)."""
        today = timezone.localdate()
        return self.is_open and today <= self.due_date <= today + datetime.timedelta(days=6)


class FollowUpNote(TrackedModel):
    """A dated progress note on a follow-up, by its author."""

    follow_up = link(FollowUp, _("follow-up"), on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(_("date"))
    author = link(settings.AUTH_USER_MODEL, _("author"), optional=True, related_name="+")
    text = models.TextField(_("progress"))
    # A note keeps its ``author`` and when it was written, nothing more.
    created_by = None
    updated_by = None
    updated_at = None
    version = None

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["date", "created_at", "pk"]
        # The activity feed's newest notes, nationwide.
        indexes = [models.Index(fields=["created_at"], name="followup_note_created_idx")]

    def __str__(self):
        return f"{self.date}: {self.text[:50]}"

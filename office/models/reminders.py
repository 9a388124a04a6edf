"""Reminder mails already sent: the ledger that keeps a mail from going out twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    """What a reminder is about; ``object_id`` points at the model named in each comment."""

    FOLLOWUP_ASSIGNED = "followup_assigned", _("Follow-up assigned to your agency")  # FollowUp
    DEADLINE_SOON = "deadline_soon", _("Case deadline tomorrow")  # reports.Report
    DEADLINE_PASSED = "deadline_passed", _("Case deadline passed")  # reports.Report
    MEETING_TOMORROW = "meeting_tomorrow", _("Meeting tomorrow")  # coordination.Meeting


#: The User field that turns each kind on or off (the account page's reminder settings).
PREFERENCE_FIELD = {
    ReminderKind.FOLLOWUP_ASSIGNED: "remind_followups",
    ReminderKind.DEADLINE_SOON: "remind_deadline_soon",
    ReminderKind.DEADLINE_PASSED: "remind_deadline_passed",
    ReminderKind.MEETING_TOMORROW: "remind_meetings",
}


class ReminderSent(models.Model):
    """One reminder to one user about one object and one date.

    ``date`` is the date the reminder is about (the assignment day, the deadline, the
    meeting day), so the unique constraint stops a second mail for the same event
    whether the sender runs twice a day or on the next day; an extended deadline is a
    new date and gets its own reminder. The row is claimed before the mail is queued
    (``office.services.reminders.reminders_send``); ``mailed_at`` is set once sent.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    date = models.DateField(_("date"))
    run = models.UUIDField(_("run"), editable=False)
    created_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id", "date"], name="reminder_sent_once"
            ),
        ]
        indexes = [
            # The sender's look-up of what is already sent, per kind and date.
            models.Index(fields=["kind", "date"], name="reminder_kind_date_idx"),
            models.Index(fields=["run"], name="reminder_run_idx"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.date} → {self.user_id}"

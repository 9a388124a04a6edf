"""The audit log: who did what security- or privacy-relevant thing, when, from where.

One append-only table for every app (logins, denials, identity views, exports,
admin changes, data-subject requests): a breach investigation reads one place.
Rows are written only by ``bawaslu_portal.audit.audit_record`` and removed only
by ``manage.py purge_audit_log`` after ``AUDIT_RETENTION_DAYS``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOCKOUT = "lockout", _("Lockout after failed logins")
    PERMISSION_DENIED = "permission_denied", _("Permission denied")
    IDENTITY_VIEW = "identity_view", _("Reporter identity viewed")
    EXPORT = "export", _("Export")
    ADMIN_ADD = "admin_add", _("Admin: added")
    ADMIN_CHANGE = "admin_change", _("Admin: changed")
    ADMIN_DELETE = "admin_delete", _("Admin: deleted")
    ROSTER_IMPORT = "roster_import", _("Roster import")
    SUBJECT_EXPORT = "subject_export", _("Reporter data exported (data subject request)")
    SUBJECT_CORRECTION = "subject_correction", _("Reporter data corrected")
    ANONYMISED = "anonymised", _("Reporter identity anonymised")
    PURGE = "purge", _("Audit log purged")


class AuditEvent(models.Model):
    """One audited event. Never updated; ``details`` holds field names and filters, not values
    of personal data (a reporter's name never lands here)."""

    at = models.DateTimeField(_("at"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: The actor's username, or the name typed at a failed login: kept when the user is gone.
    username = models.CharField(_("username"), max_length=150, blank=True)
    kind = models.CharField(_("event"), max_length=24, choices=AuditKind.choices)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        # One index per admin filter and lookup: the date (and the purge), kind + date,
        # user + date, username + date (search), and an object's events (the case page's
        # list of identity views).
        indexes = [
            models.Index(fields=["-at"], name="audit_at_idx"),
            models.Index(fields=["kind", "-at"], name="audit_kind_at_idx"),
            models.Index(fields=["user", "-at"], name="audit_user_at_idx"),
            models.Index(fields=["username", "-at"], name="audit_username_at_idx"),
            models.Index(fields=["object_type", "object_id", "-at"], name="audit_object_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.username}"

    def save(self, *args, **kwargs):
        # Append-only: an audit row that can be rewritten proves nothing.
        if not self._state.adding:
            raise ValueError("Audit events are never changed.")
        super().save(*args, **kwargs)

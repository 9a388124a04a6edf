"""Portal users: officials who belong to an agency with a role."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .fields import link


class UserRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COMMISSIONER = "commissioner", _("Bawaslu commissioner")
    STAFF = "staff", _("Bawaslu staff")
    PARTNER = "partner", _("Partner official")
    VIEWER = "viewer", _("Viewer")


class User(AbstractUser):
    """An official. Their jurisdiction is their agency's region subtree."""

    email = models.EmailField(_("email address"), blank=True)
    agency = link("bawaslu_portal.Agency", _("agency"), null=True, blank=True, related_name="users")
    role = models.CharField(
        _("role"), max_length=16, choices=UserRole.choices, default=UserRole.VIEWER
    )
    person = models.OneToOneField(
        "bawaslu_portal.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )
    # Reminder mails the user receives (office.services.reminders); each can be turned off
    # on the account page. Fields, not a separate table, so the sender filters in one query.
    remind_followups = models.BooleanField(_("follow-ups assigned to my agency"), default=True)
    remind_deadline_soon = models.BooleanField(_("case deadlines one day away"), default=True)
    remind_deadline_passed = models.BooleanField(_("case deadlines passed"), default=True)
    remind_meetings = models.BooleanField(_("meetings tomorrow"), default=True)

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Emails are a login name too, so two accounts may not share one.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="user_unique_email_ci",
                violation_error_message=_("Another account already uses this email address."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_bawaslu(self) -> bool:
        return self.role in {UserRole.ADMIN, UserRole.COMMISSIONER, UserRole.STAFF}

    @property
    def is_partner(self) -> bool:
        return self.role == UserRole.PARTNER

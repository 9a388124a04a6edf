"""The account page's reminder settings: one checkbox per kind of reminder mail."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from office.models import PREFERENCE_FIELD


class ReminderPreferencesForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = list(PREFERENCE_FIELD.values())
        help_texts = {
            "remind_followups": _("When a follow-up is assigned to your agency."),
            "remind_deadline_soon": _(
                "The day before a deadline of a case your office handles (case handlers)."
            ),
            "remind_deadline_passed": _(
                "When a deadline of a case your office handles has passed (case handlers)."
            ),
            "remind_meetings": _("The day before a meeting your agency hosts or attends."),
        }

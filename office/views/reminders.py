"""The account page's reminder settings (issue 9 §4): each user turns each kind on or off."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from office.forms.reminders import ReminderPreferencesForm
from office.services.reminders import reminder_preferences_update


@require_http_methods(["GET", "POST"])
def reminder_preferences(request):
    """Every logged-in user edits their own settings (there is nobody else's to reach)."""
    form = ReminderPreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        reminder_preferences_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your reminder settings are saved."))
        return redirect("office:reminder_preferences")
    return render(request, "office/reminder_preferences.html", {"form": form})

from django.urls import path

from office.views import reminders

app_name = "office"

urlpatterns = [
    path("akun/pengingat/", reminders.reminder_preferences, name="reminder_preferences"),
]

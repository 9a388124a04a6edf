from django.urls import path

from office.views import dashboard, reminders

app_name = "office"

urlpatterns = [
    path("dasbor/", dashboard.dashboard, name="dashboard"),
    path("akun/pengingat/", reminders.reminder_preferences, name="reminder_preferences"),
]

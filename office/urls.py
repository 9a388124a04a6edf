from django.urls import path

from office.views import activity, dashboard, recap, reminders

app_name = "office"

urlpatterns = [
    path("dasbor/", dashboard.dashboard, name="dashboard"),
    path("rekap/", recap.recap, name="recap"),
    path("rekap/cetak/", recap.recap_print, name="recap_print"),
    path("rekap/pdf/", recap.recap_pdf, name="recap_pdf"),
    path("aktivitas/", activity.activity, name="activity"),
    path("akun/pengingat/", reminders.reminder_preferences, name="reminder_preferences"),
]

from django.urls import path  # noqa: F401 - patterns are added by the reports views

app_name = "reports"

urlpatterns = []

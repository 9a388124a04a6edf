from django.urls import path  # noqa: F401 - patterns are added by the coordination views

app_name = "coordination"

urlpatterns = []

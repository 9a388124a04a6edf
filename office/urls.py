from django.urls import path  # noqa: F401  (feature views add their patterns here)

app_name = "office"

urlpatterns: list = []

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "bawaslu_portal"
    verbose_name = _("Regions, agencies and officials")

    def ready(self):
        from bawaslu_portal import checks  # noqa: F401 - registers the system checks

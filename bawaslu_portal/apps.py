from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "bawaslu_portal"
    verbose_name = _("Regions, agencies and officials")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from bawaslu_portal import audit, checks  # noqa: F401 - checks registers the system checks

        # Logins, failures and lockouts happen inside Django and axes: their signals are
        # the only place to see them (dispatch_uid: registered once however often ready runs).
        user_logged_in.connect(audit.on_user_logged_in, dispatch_uid="audit_login")
        user_login_failed.connect(audit.on_user_login_failed, dispatch_uid="audit_login_failed")
        user_locked_out.connect(audit.on_user_locked_out, dispatch_uid="audit_lockout")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Signals, not calls from the services, keep the index current: the apps below
        # may not import this one (the arrow never points up), and the records are also
        # written by the admin, the roster import and the demo. The receivers only
        # schedule a refresh after the commit (``search.signals``).
        from search import signals

        signals.connect()

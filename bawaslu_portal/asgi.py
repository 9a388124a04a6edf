"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from bawaslu_portal.startup import refuse_insecure_production

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.settings")

refuse_insecure_production()
application = get_asgi_application()

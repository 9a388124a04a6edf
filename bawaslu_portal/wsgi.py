"""WSGI entry point: ``gunicorn bawaslu_portal.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

from bawaslu_portal.startup import refuse_insecure_production

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.settings")

refuse_insecure_production()
application = get_wsgi_application()

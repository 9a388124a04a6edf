"""WSGI entry point: ``gunicorn bawaslu_portal.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bawaslu_portal.settings")

application = get_wsgi_application()

"""Start-up guard: production refuses to start with a missing or weak secret key."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bawaslu_portal.settings import secret_key_problem


def configured_secret_key() -> str:
    """The secret key, or "" when unset (Django raises on reading an empty key)."""
    try:
        return settings.SECRET_KEY
    except ImproperlyConfigured:
        return ""


def refuse_insecure_production() -> None:
    """Raise ``ImproperlyConfigured`` when DEBUG is off and the secret key is unfit."""
    problem = secret_key_problem(configured_secret_key(), settings.DEBUG)
    if problem:
        raise ImproperlyConfigured(problem)

"""Start-up guard: production refuses to start with a missing or weak secret key."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bawaslu_portal.settings import secret_key_problem


def refuse_insecure_production() -> None:
    """Raise ``ImproperlyConfigured`` when DEBUG is off and the secret key is unfit."""
    problem = secret_key_problem(settings.SECRET_KEY, settings.DEBUG)
    if problem:
        raise ImproperlyConfigured(problem)

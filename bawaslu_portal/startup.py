"""Start-up guard: production refuses a weak secret key or a mail backend that delivers nothing."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bawaslu_portal.settings import mail_backend_problem, secret_key_problem


def configured_secret_key() -> str:
    """The secret key, or "" when unset (Django raises on reading an empty key)."""
    try:
        return settings.SECRET_KEY
    except ImproperlyConfigured:
        return ""


def configured_mail_backend() -> str:
    """The dotted path of the default mailer's backend."""
    return settings.MAILERS.get("default", {}).get("BACKEND", "")


def refuse_insecure_production() -> None:
    """Raise ``ImproperlyConfigured`` when DEBUG is off and the secret key or mail is unfit."""
    problem = secret_key_problem(configured_secret_key(), settings.DEBUG) or mail_backend_problem(
        configured_mail_backend(), settings.DEBUG
    )
    if problem:
        raise ImproperlyConfigured(problem)

"""System checks of the portal's own settings."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from bawaslu_portal.settings import mail_backend_problem, secret_key_problem
from bawaslu_portal.startup import configured_mail_backend, configured_secret_key


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    """``check --deploy`` fails when the secret key is missing or weak."""
    problem = secret_key_problem(configured_secret_key(), settings.DEBUG)
    return [Error(problem, id="bawaslu_portal.E001")] if problem else []


@register(Tags.security, deploy=True)
def check_mail_backend(app_configs, **kwargs):
    """``check --deploy`` fails when mail would go to the log (or nowhere) in production."""
    problem = mail_backend_problem(configured_mail_backend(), settings.DEBUG)
    return [Error(problem, id="bawaslu_portal.E002")] if problem else []

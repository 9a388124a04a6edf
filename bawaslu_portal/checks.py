"""System checks of the portal's own settings."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from bawaslu_portal.settings import secret_key_problem
from bawaslu_portal.startup import configured_secret_key


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    """``check --deploy`` fails when the secret key is missing or weak."""
    problem = secret_key_problem(configured_secret_key(), settings.DEBUG)
    return [Error(problem, id="bawaslu_portal.E001")] if problem else []

"""Language selection (Indonesian unless chosen otherwise) and the Permissions-Policy header."""

from django.conf import settings
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin


class PortalLanguageMiddleware(MiddlewareMixin):
    """Activate the language from the switch's cookie, else ``LANGUAGE_CODE`` (Indonesian).

    Unlike Django's ``LocaleMiddleware`` the browser's ``Accept-Language`` is
    ignored on purpose: many officials' phones are set to English, and the
    portal is Indonesian first. English is one click away on the language switch.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class PermissionsPolicyMiddleware:
    """Send ``settings.PERMISSIONS_POLICY`` with every response (Django has no setting for it).

    The portal uses no camera, microphone, location or payment API; saying so
    keeps an injected frame or script from asking the browser for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

"""Language selection: Indonesian unless the user chose English with the switch."""

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

from django.conf import settings


def portal(request):
    """Names every template may use."""
    return {"PORTAL_NAME": settings.PORTAL_NAME}

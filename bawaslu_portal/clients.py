"""The client's address, for rate limits and lockouts."""

from django.conf import settings


def client_ip(request) -> str:
    """The client address, trusting ``X-Forwarded-For`` only as far as our own proxies.

    With ``TRUSTED_PROXY_COUNT = n`` (env ``DJANGO_TRUSTED_PROXY_COUNT``) the
    n-th address from the right of ``X-Forwarded-For`` is the client: the
    entries further left were written by the client and cannot be trusted.
    Without trusted proxies only ``REMOTE_ADDR`` counts.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]

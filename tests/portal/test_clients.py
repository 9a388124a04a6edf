"""The client address used by lockouts and rate limits."""

from django.test import RequestFactory

from bawaslu_portal.clients import client_ip


def test_without_trusted_proxies_only_remote_addr_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "10.0.0.9"


def test_one_proxy_takes_the_rightmost_forwarded_address(settings):
    """A client cannot spoof its address by sending its own X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"


def test_missing_forwarded_header_falls_back(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9")
    assert client_ip(request) == "10.0.0.9"

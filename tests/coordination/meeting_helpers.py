"""Shared bits of the meeting and follow-up tests: a real PNG, a private media dir, English."""

import pytest
from django.conf import settings

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def tmp_media(settings, tmp_path):
    """Uploads go to a temporary directory, never the real MEDIA_ROOT."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


def in_english(client):
    """Ask for English pages, so assertions can name the source strings whatever the catalogue."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client

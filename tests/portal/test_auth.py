"""Login by username or email, lockout, logout, password reset and change, login-required pages."""

import pytest
from django.core import mail

from tests.factories import UserFactory


@pytest.fixture
def official(regions, bawaslu_semarang):
    return UserFactory(
        username="semarang.staf", email="staf@bawaslu-semarang.go.id", agency=bawaslu_semarang
    )


def test_login_with_username(client, official, password):
    response = client.post("/masuk/", {"username": "semarang.staf", "password": password})
    assert response.status_code == 302
    assert response.url == "/"


def test_login_with_email_any_case(client, official, password):
    response = client.post(
        "/masuk/", {"username": "STAF@bawaslu-semarang.go.id", "password": password}
    )
    assert response.status_code == 302


def test_wrong_password_shows_the_error_summary(client, official):
    response = client.post("/masuk/", {"username": "semarang.staf", "password": "salah"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "data-error-summary" in content
    assert response.context["form"].errors["__all__"]


def test_empty_login_gets_specific_errors(client, db):
    response = client.post("/masuk/", {"username": "", "password": ""})
    errors = response.context["form"].errors
    assert errors["username"][0] != errors["password"][0]


def test_lockout_after_five_failures(client, official, password, settings):
    """After 5 wrong passwords even the right one is refused (django-axes)."""
    for _ in range(5):
        client.post("/masuk/", {"username": "semarang.staf", "password": "salah"})
    response = client.post("/masuk/", {"username": "semarang.staf", "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_requires_post(client_for, official):
    client = client_for(official)
    assert client.get("/keluar/").status_code == 405
    response = client.post("/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_password_reset_sends_an_email(client, official):
    response = client.post("/akun/reset/", {"email": "staf@bawaslu-semarang.go.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/akun/reset/" in mail.outbox[0].body


def test_password_change(client_for, official, password):
    client = client_for(official)
    response = client.post(
        "/akun/kata-sandi/",
        {
            "old_password": password,
            "new_password1": "Pengawasan-Pemilu-2024",
            "new_password2": "Pengawasan-Pemilu-2024",
        },
    )
    assert response.status_code == 302
    official.refresh_from_db()
    assert official.check_password("Pengawasan-Pemilu-2024")


@pytest.mark.parametrize("url", ["/", "/wilayah/", "/lembaga/", "/akun/kata-sandi/"])
def test_pages_require_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/masuk/?next=")


@pytest.mark.parametrize("url", ["/masuk/", "/akun/reset/"])
def test_public_pages_are_opted_out(client, db, url):
    assert client.get(url).status_code == 200


def test_session_cookie_is_secure_in_production(settings):
    """Production (DEBUG off, as in these test settings' base) marks cookies secure."""
    from bawaslu_portal import settings as portal_settings

    assert portal_settings.DEBUG is False
    assert portal_settings.SESSION_COOKIE_SECURE is True
    assert portal_settings.CSRF_COOKIE_SECURE is True

"""Hardening of the login and password reset (issue 11 §4), tried as an attacker would."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bawaslu_portal.tasks import password_reset_send
from tests.factories import UserFactory

LOGIN = "/masuk/"
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


@pytest.fixture
def official(regions, bawaslu_semarang):
    return UserFactory(
        username="semarang.staf", email="staf@bawaslu-semarang.go.id", agency=bawaslu_semarang
    )


def _fail(client, username, address):
    return client.post(LOGIN, {"username": username, "password": "salah"}, REMOTE_ADDR=address)


def _log_in(client, password, address):
    return client.post(
        LOGIN, {"username": "semarang.staf", "password": password}, REMOTE_ADDR=address
    )


# --- Login lockout: one address across many usernames ----------------------------------


def test_an_address_guessing_many_usernames_is_locked_at_the_address_limit(
    client, official, password, settings
):
    """20 failures for 20 different usernames lock the address, even for a right password."""
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    for number in range(19):
        # One failure per username: far below the pair limit of 5.
        assert _fail(client, f"tebakan{number}", ATTACKER).status_code == 200
    # The 20th failure locks the address (like the 5th of a pair).
    assert _fail(client, "tebakan19", ATTACKER).status_code == 429
    response = _log_in(client, password, ATTACKER)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_below_the_address_limit_other_accounts_still_log_in(client, official, password):
    """19 failures of other usernames from a shared office address do not lock it."""
    for number in range(19):
        _fail(client, f"rekan{number}", OFFICE)
    assert _log_in(client, password, OFFICE).status_code == 302


def test_the_address_lock_does_not_reach_other_addresses(client, official, password):
    for number in range(20):
        _fail(client, f"tebakan{number}", ATTACKER)
    assert _log_in(client, password, OFFICE).status_code == 302


def test_the_pair_limit_still_locks_one_username_at_five(client, official, password):
    """The per username+address limit is unchanged: 5 wrong passwords lock that pair."""
    for _ in range(5):
        _fail(client, "semarang.staf", ATTACKER)
    assert _log_in(client, password, ATTACKER).status_code == 429


def test_the_address_limit_follows_its_setting(client, official, password, settings):
    """AXES_ADDRESS_FAILURE_LIMIT (env var of the same name) sets the address limit."""
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3
    for number in range(3):
        _fail(client, f"tebakan{number}", ATTACKER)
    response = _log_in(client, password, ATTACKER)
    assert response.status_code == 429
    assert "many accounts from the same network address" in response.content.decode()


# --- Password reset: the same work for known and unknown addresses ---------------------


@pytest.fixture
def queued_tasks(settings):
    """Tasks are kept, not run: the dummy backend, as a queue the worker has not reached."""
    from django.tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return default_task_backend.results


def _request_reset(client, email):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("password_reset"), {"email": email})
    return response, len(queries)


def test_password_reset_enqueues_the_mail_and_sends_nothing_in_the_request(
    client, official, queued_tasks
):
    response, _ = _request_reset(client, "staf@bawaslu-semarang.go.id")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []
    (result,) = queued_tasks
    assert result.task.func is password_reset_send.func
    assert result.kwargs["email"] == "staf@bawaslu-semarang.go.id"


def test_known_and_unknown_addresses_take_the_same_path(client, official, queued_tasks):
    """Same answer, same queries, one task each: the response says nothing about the address."""
    known, known_queries = _request_reset(client, "staf@bawaslu-semarang.go.id")
    unknown, unknown_queries = _request_reset(client, "tidak.ada@example.go.id")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert known_queries == unknown_queries
    assert [r.kwargs["email"] for r in queued_tasks] == [
        "staf@bawaslu-semarang.go.id",
        "tidak.ada@example.go.id",
    ]
    assert mail.outbox == []


def test_the_task_sends_the_link_to_a_known_address_only(client, official, queued_tasks):
    client.post(reverse("password_reset"), {"email": "staf@bawaslu-semarang.go.id"})
    client.post(reverse("password_reset"), {"email": "tidak.ada@example.go.id"})
    for result in queued_tasks:
        password_reset_send.call(*result.args, **result.kwargs)
    (message,) = mail.outbox
    assert message.to == ["staf@bawaslu-semarang.go.id"]
    assert "http://testserver/akun/reset/" in message.body


def test_with_the_immediate_backend_the_mail_still_goes_out(client, official):
    """Django's default backend runs the task inline: a laptop without a worker still works."""
    client.post(reverse("password_reset"), {"email": "staf@bawaslu-semarang.go.id"})
    assert len(mail.outbox) == 1

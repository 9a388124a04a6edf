"""The public rate limits count atomically: parallel requests get the allowance and no more."""

import datetime
import threading
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from bawaslu_portal.models import RateLimitCounter
from bawaslu_portal.ratelimits import rate_limit_exhausted, rate_limit_release, rate_limit_take

KEY = "reports:ratelimit:filing:203.0.113.7"


@pytest.mark.django_db
def test_takes_stop_at_the_limit_and_release_gives_one_back():
    """Five uses of five; the sixth is refused; a released use can be taken again."""
    assert [rate_limit_take(KEY, limit=5, window=3600) for _ in range(6)] == [True] * 5 + [False]
    assert rate_limit_exhausted(KEY, limit=5)
    rate_limit_release(KEY)
    rate_limit_release(KEY)
    assert rate_limit_take(KEY, limit=5, window=3600)


@pytest.mark.django_db
def test_the_window_starts_again_after_it_ends():
    """An hour after the first use, the client has its whole allowance again."""
    start = timezone.now()
    assert rate_limit_take(KEY, limit=1, window=3600)
    assert not rate_limit_take(KEY, limit=1, window=3600)
    later = start + datetime.timedelta(seconds=3601)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert not rate_limit_exhausted(KEY, limit=1)
        assert rate_limit_take(KEY, limit=1, window=3600)
        assert not rate_limit_take(KEY, limit=1, window=3600)


@pytest.mark.django_db
def test_clients_are_counted_apart():
    assert rate_limit_take(KEY, limit=1, window=60)
    assert rate_limit_take(KEY.replace("203.0.113.7", "203.0.113.8"), limit=1, window=60)
    assert RateLimitCounter.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers on the whole file",
)
def test_twenty_parallel_filings_get_exactly_the_allowance():
    """Issue 11 §4: 20 parallel filings from one address got 15 through a limit of 5."""
    barrier = threading.Barrier(20)
    results = []
    lock = threading.Lock()

    def worker():
        try:
            barrier.wait(timeout=10)
            taken = rate_limit_take(KEY, limit=5, window=3600)
            with lock:
                results.append(taken)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results.count(True) == 5
    assert results.count(False) == 15
    assert RateLimitCounter.objects.get(key=KEY).count == 20

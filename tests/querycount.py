"""Query-count assertions that print every SQL statement when they fail (Zulip style)."""

from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def assert_max_queries(limit: int):
    """Fail when the block runs more than ``limit`` queries, listing them all."""
    with CaptureQueriesContext(connection) as captured:
        yield captured
    count = len(captured.captured_queries)
    if count > limit:
        statements = "\n".join(
            f"{i}. {query['sql']}" for i, query in enumerate(captured.captured_queries, 1)
        )
        raise AssertionError(f"{count} queries run, at most {limit} expected:\n{statements}")


def count_queries(func) -> int:
    """Run ``func()`` and return how many queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured.captured_queries)

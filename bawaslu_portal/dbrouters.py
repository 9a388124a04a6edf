"""Reads of the heavy read-only pages from a PostgreSQL streaming replica.

When ``DATABASE_REPLICA_URL`` is set, ``settings.DATABASES["replica"]`` is a hot
standby and ``settings.DATABASE_REPLICA`` names it. Code that only reads and can
bear a second or two of replication lag (the exports, the dashboard) opts in:

- a view: ``@reads_from_replica`` (reads made while the view runs go to the replica);
- a block: ``with reading_from_replica(): ...``;
- a lazy queryset that is evaluated after the view returns (a streamed CSV):
  ``on_replica(queryset)``, which binds it to the replica.

Everything else reads from ``default``, and every write goes to ``default`` even
inside an opted-in block. Without a replica all three are no-ops. The flag is a
context variable, so it is local to one request (thread or task) and is reset
when the block ends, even on an exception.

Sessions and the logged-in user are read by the middleware before the view
runs, so a login that has not reached the replica yet still counts.
"""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models import QuerySet

__all__ = ["ReplicaRouter", "on_replica", "reading_from_replica", "reads_from_replica"]

_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def replica_alias() -> str | None:
    """The replica's database alias, or None when no replica is configured."""
    return getattr(settings, "DATABASE_REPLICA", None)


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """Send the reads made inside the block to the replica (when there is one)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(view: Callable) -> Callable:
    """Decorate a read-only view so that its queries read from the replica."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        with reading_from_replica():
            return view(*args, **kwargs)

    return wrapper


def on_replica(queryset: QuerySet) -> QuerySet:
    """``queryset`` bound to the replica (its prefetches follow), or unchanged without one."""
    alias = replica_alias()
    return queryset.using(alias) if alias else queryset


class ReplicaRouter:
    """Route reads inside :func:`reading_from_replica` to the replica; nothing else."""

    def db_for_read(self, model, **hints):
        alias = replica_alias()
        if alias and _reading_from_replica.get():
            return alias
        # None: Django's default (the related instance's database, else "default").
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary: objects read from either
        # may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A hot standby is read-only; it receives the schema through replication. Other
        # aliases are left to Django (None: allowed).
        return False if db == (replica_alias() or "replica") else None

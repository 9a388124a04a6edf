"""Writes of the search index: refresh some records' documents, or rebuild a kind.

The index is derived: every function here rereads the source records and
overwrites their documents, so running one twice changes nothing. On
PostgreSQL the vectors are computed in the database after the rows are
written (``to_tsvector('indonesian', …)``; the title weighs more than the body).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from search.documents import SOURCES, build_documents
from search.models import SEARCH_CONFIG, SearchDocument, SearchKind

#: Rows per batch of the rebuild: bounded memory, few round trips.
REBUILD_BATCH_SIZE = 2_000

_WRITTEN_FIELDS = [
    "kind",
    "object_id",
    "region",
    "office_id",
    "office_region_code",
    "title",
    "body",
    "restricted_body",
    "url",
    "date",
    "indexed_at",
]


def _update_vectors(queryset) -> None:
    if connection.vendor != "postgresql":
        return
    queryset.update(
        vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("body", weight="B", config=SEARCH_CONFIG),
        restricted_vector=SearchVector("restricted_body", config=SEARCH_CONFIG),
    )


def _write(documents: list[SearchDocument], keys: set[str]) -> None:
    """Upsert ``documents`` and delete the other ``keys`` (records gone or left out)."""
    if documents:
        # An upsert, not delete-then-insert: two transactions refreshing the same record
        # at once (two officials on one case) must not collide on the unique key.
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=_WRITTEN_FIELDS,
        )
        _update_vectors(SearchDocument.objects.filter(key__in=[doc.key for doc in documents]))
    stale = keys - {doc.key for doc in documents}
    if stale:
        SearchDocument.objects.filter(key__in=stale).delete()


@transaction.atomic
def search_documents_refresh(*, records: Iterable[tuple[str, object]]) -> None:
    """Reindex the records named by ``(kind, primary key)`` pairs, a few queries per kind.

    A record that no longer exists (or no longer belongs in the index) loses its document.
    """
    by_kind: dict[str, set] = defaultdict(set)
    for kind, pk in records:
        by_kind[kind].add(pk)
    for kind, ids in by_kind.items():
        documents, keys = build_documents(kind, ids)
        _write(documents, keys)


def search_index_rebuild(
    *, kinds: Iterable[str] | None = None, batch_size: int = REBUILD_BATCH_SIZE
) -> dict[str, int]:
    """Rebuild the documents of ``kinds`` (all by default) from the records, batch by batch.

    Each batch commits on its own (a national rebuild does not hold one long
    transaction); documents of records that are gone are deleted at the end.
    Returns the number of documents written per kind.
    """
    written: dict[str, int] = {}
    for kind in kinds or SearchKind.values:
        source = SOURCES[kind]
        field = source.key_field
        ids = source.queryset().model.objects.order_by(field).values_list(field, flat=True)
        count, last = 0, None
        while True:
            batch_ids = ids.filter(**{f"{field}__gt": last}) if last is not None else ids
            batch = list(batch_ids[:batch_size])
            if not batch:
                break
            with transaction.atomic():
                documents, keys = build_documents(kind, batch)
                _write(documents, keys)
            count += len(documents)
            last = batch[-1]
        _delete_orphans(kind, source)
        written[kind] = count
    return written


def _delete_orphans(kind: str, source) -> None:
    """Documents whose record is gone (deleted by a bulk write that sent no signal)."""
    model = source.queryset().model
    documents = SearchDocument.objects.filter(kind=kind)
    if source.key_field == "code":
        orphans = documents.exclude(region_id__in=model.objects.values("code"))
    else:
        orphans = documents.exclude(object_id__in=model.objects.values("pk"))
    orphans.delete()

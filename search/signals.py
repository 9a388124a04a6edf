"""Keep the index current: a saved or deleted record schedules its document's refresh.

Why signals (connected in ``SearchConfig.ready``) and not calls in the
services: ``coordination`` and ``reports`` sit below ``search`` and may not
import it, and their records are also written by the admin, the roster
import, the factories and the demo, none of which go through one service.
The receivers hold no domain logic: they note ``(kind, pk)`` and, once the
transaction commits, :func:`search.services.search_documents_refresh` rereads
the records, so a meeting saved with its attendees and agenda is indexed once,
whole, after its last row is written. A transaction that rolls back indexes
nothing. A failed refresh is logged, never raised: the write it follows has
committed, and ``manage.py rebuild_search_index`` repairs the index.

Bulk writes send no signals (``bulk_create``, ``QuerySet.update``, the region
import): run ``manage.py rebuild_search_index`` after them. The reporters'
anonymisation is the exception: it sends ``reporters_anonymised``, so a reporter's
name never outlives the retention period in the index.
"""

import logging

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from bawaslu_portal.models import Agency, Person, Position, Region
from coordination.models import (
    AgendaItem,
    Declaration,
    DeclarationSignatory,
    FollowUp,
    FollowUpNote,
    Meeting,
    MeetingAttendee,
    Program,
)
from reports.models import Report, ReporterIdentity
from reports.services.privacy import reporters_anonymised
from search.models import SearchKind

logger = logging.getLogger(__name__)

#: Not a kind: "every position of this person", resolved when the batch is flushed.
PERSON_POSITIONS = "person_positions"

#: model → how to find the (kind, pk) pairs whose documents it feeds.
_FEEDS = {
    Meeting: lambda obj: [(SearchKind.MEETING, obj.pk)],
    MeetingAttendee: lambda obj: [(SearchKind.MEETING, obj.meeting_id)],
    AgendaItem: lambda obj: [(SearchKind.MEETING, obj.meeting_id)],
    FollowUp: lambda obj: [(SearchKind.FOLLOW_UP, obj.pk)],
    FollowUpNote: lambda obj: [(SearchKind.FOLLOW_UP, obj.follow_up_id)],
    Declaration: lambda obj: [(SearchKind.DECLARATION, obj.pk)],
    DeclarationSignatory: lambda obj: [(SearchKind.DECLARATION, obj.declaration_id)],
    Program: lambda obj: [(SearchKind.PROGRAM, obj.pk)],
    Report: lambda obj: [(SearchKind.REPORT, obj.pk)],
    ReporterIdentity: lambda obj: [(SearchKind.REPORT, obj.report_id)],
    Position: lambda obj: [(SearchKind.PERSON, obj.pk)],
    # A renamed person renames each of their positions' documents (found at the flush).
    Person: lambda obj: [(PERSON_POSITIONS, obj.pk)],
    Agency: lambda obj: [(SearchKind.AGENCY, obj.pk)],
    Region: lambda obj: [(SearchKind.REGION, obj.code)],
}

_M2M_FEEDS = {
    Meeting.participating_agencies.through: SearchKind.MEETING,
    Meeting.topics.through: SearchKind.MEETING,
    Declaration.signatory_agencies.through: SearchKind.DECLARATION,
    Report.categories.through: SearchKind.REPORT,
}


class _Pending:
    """The records to reindex when the current transaction commits.

    One batch per atomic block (its savepoints): the meeting, its attendees and
    agenda saved by one service are refreshed once, together.
    """

    def __init__(self, savepoints: tuple):
        self.savepoints = savepoints
        self.records: set[tuple[str, object]] = set()
        self.done = False

    def flush(self) -> None:
        from search.services import search_documents_refresh

        self.done = True
        records, self.records = self.records, set()
        try:
            people = {pk for kind, pk in records if kind == PERSON_POSITIONS}
            if people:
                records -= {(PERSON_POSITIONS, pk) for pk in people}
                positions = Position.objects.filter(person_id__in=people)
                records |= {
                    (SearchKind.PERSON, pk) for pk in positions.values_list("pk", flat=True)
                }
            search_documents_refresh(records=records)
        except Exception:
            logger.exception("Search index refresh failed for %d records", len(records))

    def is_queued(self, connection) -> bool:
        """Still waiting for this block's commit (a rollback drops the callback)."""
        return (
            not self.done
            and self.savepoints == tuple(connection.savepoint_ids)
            and any(
                getattr(callback, "__self__", None) is self
                for _savepoints, callback, _robust in connection.run_on_commit
            )
        )


def _schedule(records) -> None:
    records = [(kind, pk) for kind, pk in records if pk is not None]
    if not records:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        pending = _Pending(())
        pending.records.update(records)
        pending.flush()
        return
    pending = getattr(connection, "_search_pending", None)
    if pending is None or not pending.is_queued(connection):
        pending = _Pending(tuple(connection.savepoint_ids))
        connection._search_pending = pending
        transaction.on_commit(pending.flush)
    pending.records.update(records)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata
        return
    _schedule(_FEEDS[sender](instance))


def _on_delete(sender, instance, **kwargs):
    if sender is Person:
        return  # its positions are deleted with it and send their own signals
    _schedule(_FEEDS[sender](instance))


def _on_m2m(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    kind = _M2M_FEEDS[sender]
    if reverse:
        # Changed from the other side (agency.meetings_participated.add(…)): pk_set holds
        # the records; a clear from that side is not worth a query, rebuild covers it.
        _schedule((kind, pk) for pk in pk_set or ())
    else:
        _schedule([(kind, instance.pk)])


def _on_anonymised(sender, report_ids, **kwargs):
    _schedule((SearchKind.REPORT, pk) for pk in report_ids)


def connect() -> None:
    reporters_anonymised.connect(_on_anonymised, dispatch_uid="search_reporters_anonymised")
    for model in _FEEDS:
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search_save_{model.__name__}")
        post_delete.connect(
            _on_delete, sender=model, dispatch_uid=f"search_delete_{model.__name__}"
        )
    for through in _M2M_FEEDS:
        m2m_changed.connect(_on_m2m, sender=through, dispatch_uid=f"search_m2m_{through.__name__}")

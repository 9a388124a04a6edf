"""What each kind of record puts in the search index, and where its rows come from.

One :class:`Source` per :class:`search.models.SearchKind`: the queryset of the
records that may appear (with what building their documents needs, so a batch
costs a fixed number of queries) and how a record becomes an unsaved
:class:`SearchDocument`. A record with a region and a detail page of its own
says only its :class:`Content` (title, words, date; ``None``: the record does
not belong in the index, for example an inactive agency); people and regions
build their documents themselves.

What stays out on purpose: contact data (phones, e-mail addresses, NIK, NIP)
and the witnesses of a report. The reporter's name goes only into
``restricted_body`` (see ``search.models``).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.models import Agency, Position, Region
from coordination.models import (
    Declaration,
    DeclarationSignatory,
    FollowUp,
    Meeting,
    MeetingAttendee,
    Program,
)
from reports.models import Report, ReporterIdentity
from search.models import SearchDocument, SearchKind

#: Longest body kept per document: summaries can be long, the index need not hold novels.
BODY_LIMIT = 20_000


def document_key(kind: str, object_id) -> str:
    return f"{kind}:{object_id}"


def _join(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)[:BODY_LIMIT]


#: Longest title the index holds (the model's column).
TITLE_LIMIT = SearchDocument._meta.get_field("title").max_length


def _document(kind: str, object_id, *, title: str, key_id=None, **fields) -> SearchDocument:
    """An unsaved document of ``kind``: its key, kind, object and title, cut to the column.

    ``key_id`` names the record in the key when the object id cannot (a region's code).
    """
    return SearchDocument(
        key=document_key(kind, object_id if key_id is None else key_id),
        kind=kind,
        object_id=object_id,
        title=title[:TITLE_LIMIT],
        **fields,
    )


@dataclass(frozen=True)
class Content:
    """What the document of a record with a region and a detail page says."""

    title: str
    #: The words of the body, in order (blank ones left out).
    words: tuple
    date: datetime.date | None = None
    #: Other fields of the document (a report's office, its reporter's name).
    fields: dict = field(default_factory=dict)


def _meeting(meeting: Meeting) -> Content:
    return Content(
        meeting.title,
        (
            meeting.get_kind_display(),
            meeting.theme,
            meeting.venue,
            meeting.host_agency.name,
            *(agency.name for agency in meeting.participating_agencies.all()),
            *(topic.name for topic in meeting.topics.all()),
            *(item.title for item in meeting.agenda_items.all()),
            *(attendee.person.name for attendee in meeting.attendees.all()),
            meeting.summary,
            meeting.decisions,
        ),
        timezone.localtime(meeting.starts_at, meeting.region.zoneinfo).date(),
    )


def _follow_up(follow_up: FollowUp) -> Content:
    return Content(
        follow_up.title,
        (
            follow_up.description,
            follow_up.responsible_agency.name,
            follow_up.responsible_person.name if follow_up.responsible_person else "",
            follow_up.meeting.title if follow_up.meeting else "",
            *(note.text for note in follow_up.notes.all()),
        ),
        follow_up.due_date,
    )


def _declaration(declaration: Declaration) -> Content:
    return Content(
        declaration.title,
        (
            declaration.get_kind_display(),
            declaration.place,
            declaration.organiser.name,
            declaration.campaign.name if declaration.campaign else "",
            *(agency.name for agency in declaration.signatory_agencies.all()),
            *(signatory.person.name for signatory in declaration.signatories.all()),
            declaration.description,
        ),
        declaration.date,
    )


def _program(program: Program) -> Content:
    words = (program.owner_agency.name, program.legal_basis, program.description)
    return Content(program.name, words, program.period_start)


def _report(report: Report) -> Content:
    try:
        identity = report.reporter_identity
    except ReporterIdentity.DoesNotExist:
        identity = None
    return Content(
        f"{report} · {report.reported_name}",
        (
            report.registration_number,
            report.tracking_code,
            report.reported_name,
            report.reported_position,
            report.reported_agency_label,
            report.incident_place,
            *(f"{category.code} {category.name}" for category in report.categories.all()),
            report.description,
        ),
        timezone.localdate(report.received_at),
        fields={
            "office_id": report.office_id,
            "office_region_code": report.office.region_id or "",
            # Only the name: what officials would type. Never shown in a result.
            "restricted_body": identity.name if identity else "",
        },
    )


def _agency(agency: Agency) -> Content | None:
    if not agency.is_active:
        return None
    return Content(agency.name, (agency.short_name, agency.get_kind_display(), agency.region.label))


def _person(position: Position) -> SearchDocument | None:
    if not position.is_active:
        return None
    person = position.person
    if position.region.is_kelurahan or position.agency is None:
        # The kelurahan roster lists the position; other regions list their agencies.
        region_id, url = position.region_id, reverse("region_detail", args=[position.region_id])
    else:
        region_id = position.agency.region_id
        url = reverse("agency_detail", args=[position.agency_id])
    return _document(
        SearchKind.PERSON,
        position.pk,
        region_id=region_id,
        title=person.name,
        body=_join(
            person.title,
            person.known_as,
            position.role.name,
            position.agency.name if position.agency else "",
            position.region.label,
        ),
        url=url,
        date=position.start_date,
    )


def _region(region: Region, ancestors: dict[str, str]) -> SearchDocument:
    return _document(
        SearchKind.REGION,
        None,
        key_id=region.code,
        region_id=region.code,
        title=region.label,
        body=_join(
            region.get_kind_display(),
            region.code,
            *(ancestors.get(code, "") for code in reversed(region.ancestor_codes())),
        ),
        url=reverse("region_detail", args=[region.code]),
    )


def _region_documents(regions: list[Region]) -> list[SearchDocument]:
    """Region documents name their ancestors ("Tugu, Kota Semarang, Jawa Tengah"): one query."""
    codes = {code for region in regions for code in region.ancestor_codes()}
    ancestors = {
        region.code: region.label
        for region in Region.objects.filter(code__in=codes).only("code", "name", "kind")
    }
    return [_region(region, ancestors) for region in regions]


def _meeting_records() -> QuerySet:
    return Meeting.objects.select_related("region", "host_agency").prefetch_related(
        "participating_agencies",
        "topics",
        "agenda_items",
        Prefetch("attendees", MeetingAttendee.objects.select_related("person")),
    )


def _declaration_records() -> QuerySet:
    return Declaration.objects.select_related("organiser", "campaign").prefetch_related(
        "signatory_agencies",
        Prefetch("signatories", DeclarationSignatory.objects.select_related("person")),
    )


def _follow_up_records() -> QuerySet:
    return FollowUp.objects.select_related(
        "responsible_agency", "responsible_person", "meeting"
    ).prefetch_related("notes")


def _report_records() -> QuerySet:
    return Report.objects.select_related(
        "office", "reported_agency", "reporter_identity"
    ).prefetch_related("categories")


def _each(function) -> Callable[[list[Model]], list[SearchDocument]]:
    return lambda records: [doc for doc in map(function, records) if doc is not None]


@dataclass(frozen=True)
class Source:
    kind: str
    #: The records, with what their documents read (a fixed number of queries per batch).
    queryset: Callable[[], QuerySet]
    #: A record's detail page (a URL name taking its pk) and what its document says (``None``:
    #: the record stays out), for the records with a region and a page of their own.
    url_name: str = ""
    content: Callable[[Model], Content | None] | None = None
    #: Or: the documents of a batch of records, built otherwise (people, regions).
    documents: Callable[[list[Model]], list[SearchDocument]] | None = None
    #: The primary key's field: ``code`` for regions.
    key_field: str = "pk"

    def build(self, records: list[Model]) -> list[SearchDocument]:
        """Unsaved documents for a batch of records (those that stay out left out)."""
        if self.documents is not None:
            return self.documents(records)
        built = []
        for record in records:
            content = self.content(record)
            if content is not None:
                built.append(
                    _document(
                        self.kind,
                        record.pk,
                        region_id=record.region_id,
                        title=content.title,
                        body=_join(*content.words),
                        url=reverse(self.url_name, args=[record.pk]),
                        date=content.date,
                        **content.fields,
                    )
                )
        return built


SOURCES: dict[str, Source] = {
    source.kind: source
    for source in (
        Source(SearchKind.MEETING, _meeting_records, "coordination:meeting_detail", _meeting),
        Source(
            SearchKind.FOLLOW_UP, _follow_up_records, "coordination:follow_up_detail", _follow_up
        ),
        Source(
            SearchKind.DECLARATION,
            _declaration_records,
            "coordination:declaration_detail",
            _declaration,
        ),
        Source(
            SearchKind.PROGRAM,
            lambda: Program.objects.select_related("owner_agency"),
            "coordination:program_detail",
            _program,
        ),
        Source(SearchKind.REPORT, _report_records, "reports:detail", _report),
        Source(
            SearchKind.PERSON,
            lambda: Position.objects.select_related("person", "role", "agency", "region"),
            documents=_each(_person),
        ),
        Source(
            SearchKind.AGENCY,
            lambda: Agency.objects.select_related("region"),
            "agency_detail",
            _agency,
        ),
        Source(
            SearchKind.REGION,
            lambda: Region.objects.all(),
            documents=_region_documents,
            key_field="code",
        ),
    )
}


def build_documents(kind: str, ids: Iterable) -> tuple[list[SearchDocument], set[str]]:
    """The documents of the records ``ids`` of ``kind``, and the keys of all of ``ids``.

    A key without a document is a record that is gone or no longer belongs in the index.
    """
    source = SOURCES[kind]
    ids = list(ids)
    records = list(source.queryset().filter(**{f"{source.key_field}__in": ids}))
    return source.build(records), {document_key(kind, pk) for pk in ids}

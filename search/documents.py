"""What each kind of record puts in the search index, and where its rows come from.

One :class:`Source` per :class:`search.models.SearchKind`: the queryset of the
records that may appear (with what building their documents needs, so a batch
costs a fixed number of queries) and the function that turns one record into
an unsaved :class:`SearchDocument` (``None``: the record does not belong in the
index, for example an inactive agency).

What stays out on purpose: contact data (phones, e-mail addresses, NIK, NIP)
and the witnesses of a report. The reporter's name goes only into
``restricted_body`` (see ``search.models``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

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


def _meeting(meeting: Meeting) -> SearchDocument:
    return _document(
        SearchKind.MEETING,
        meeting.pk,
        region_id=meeting.region_id,
        title=meeting.title,
        body=_join(
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
        url=reverse("coordination:meeting_detail", args=[meeting.pk]),
        date=timezone.localtime(meeting.starts_at, meeting.region.zoneinfo).date(),
    )


def _follow_up(follow_up: FollowUp) -> SearchDocument:
    return _document(
        SearchKind.FOLLOW_UP,
        follow_up.pk,
        region_id=follow_up.region_id,
        title=follow_up.title,
        body=_join(
            follow_up.description,
            follow_up.responsible_agency.name,
            follow_up.responsible_person.name if follow_up.responsible_person else "",
            follow_up.meeting.title if follow_up.meeting else "",
            *(note.text for note in follow_up.notes.all()),
        ),
        url=reverse("coordination:follow_up_detail", args=[follow_up.pk]),
        date=follow_up.due_date,
    )


def _declaration(declaration: Declaration) -> SearchDocument:
    return _document(
        SearchKind.DECLARATION,
        declaration.pk,
        region_id=declaration.region_id,
        title=declaration.title,
        body=_join(
            declaration.get_kind_display(),
            declaration.place,
            declaration.organiser.name,
            declaration.campaign.name if declaration.campaign else "",
            *(agency.name for agency in declaration.signatory_agencies.all()),
            *(signatory.person.name for signatory in declaration.signatories.all()),
            declaration.description,
        ),
        url=reverse("coordination:declaration_detail", args=[declaration.pk]),
        date=declaration.date,
    )


def _program(program: Program) -> SearchDocument:
    return _document(
        SearchKind.PROGRAM,
        program.pk,
        region_id=program.region_id,
        title=program.name,
        body=_join(program.owner_agency.name, program.legal_basis, program.description),
        url=reverse("coordination:program_detail", args=[program.pk]),
        date=program.period_start,
    )


def _report(report: Report) -> SearchDocument:
    try:
        identity = report.reporter_identity
    except ReporterIdentity.DoesNotExist:
        identity = None
    return _document(
        SearchKind.REPORT,
        report.pk,
        region_id=report.region_id,
        office_id=report.office_id,
        office_region_code=report.office.region_id or "",
        title=f"{report} · {report.reported_name}",
        body=_join(
            report.registration_number,
            report.tracking_code,
            report.reported_name,
            report.reported_position,
            report.reported_agency_label,
            report.incident_place,
            *(f"{category.code} {category.name}" for category in report.categories.all()),
            report.description,
        ),
        # Only the name: what officials would type. Never shown in a result.
        restricted_body=identity.name if identity else "",
        url=reverse("reports:detail", args=[report.pk]),
        date=timezone.localdate(report.received_at),
    )


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


def _agency(agency: Agency) -> SearchDocument | None:
    if not agency.is_active:
        return None
    return _document(
        SearchKind.AGENCY,
        agency.pk,
        region_id=agency.region_id,
        title=agency.name,
        body=_join(agency.short_name, agency.get_kind_display(), agency.region.label),
        url=reverse("agency_detail", args=[agency.pk]),
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


@dataclass(frozen=True)
class Source:
    kind: str
    #: The records, with what their documents read (a fixed number of queries per batch).
    queryset: Callable[[], QuerySet]
    #: Unsaved documents for a batch of records (``None`` dropped).
    build: Callable[[list[Model]], list[SearchDocument]]
    #: The primary key's field: ``code`` for regions.
    key_field: str = "pk"


def _each(function) -> Callable[[list[Model]], list[SearchDocument]]:
    return lambda records: [doc for doc in map(function, records) if doc is not None]


SOURCES: dict[str, Source] = {
    SearchKind.MEETING: Source(
        SearchKind.MEETING,
        lambda: Meeting.objects.select_related("region", "host_agency").prefetch_related(
            "participating_agencies",
            "topics",
            "agenda_items",
            Prefetch("attendees", MeetingAttendee.objects.select_related("person")),
        ),
        _each(_meeting),
    ),
    SearchKind.FOLLOW_UP: Source(
        SearchKind.FOLLOW_UP,
        lambda: FollowUp.objects.select_related(
            "responsible_agency", "responsible_person", "meeting"
        ).prefetch_related("notes"),
        _each(_follow_up),
    ),
    SearchKind.DECLARATION: Source(
        SearchKind.DECLARATION,
        lambda: Declaration.objects.select_related("organiser", "campaign").prefetch_related(
            "signatory_agencies",
            Prefetch("signatories", DeclarationSignatory.objects.select_related("person")),
        ),
        _each(_declaration),
    ),
    SearchKind.PROGRAM: Source(
        SearchKind.PROGRAM,
        lambda: Program.objects.select_related("owner_agency"),
        _each(_program),
    ),
    SearchKind.REPORT: Source(
        SearchKind.REPORT,
        lambda: Report.objects.select_related(
            "office", "reported_agency", "reporter_identity"
        ).prefetch_related("categories"),
        _each(_report),
    ),
    SearchKind.PERSON: Source(
        SearchKind.PERSON,
        lambda: Position.objects.select_related("person", "role", "agency", "region"),
        _each(_person),
    ),
    SearchKind.AGENCY: Source(
        SearchKind.AGENCY,
        lambda: Agency.objects.select_related("region"),
        _each(_agency),
    ),
    SearchKind.REGION: Source(
        SearchKind.REGION,
        lambda: Region.objects.all(),
        _region_documents,
        key_field="code",
    ),
}


def build_documents(kind: str, ids: Iterable) -> tuple[list[SearchDocument], set[str]]:
    """The documents of the records ``ids`` of ``kind``, and the keys of all of ``ids``.

    A key without a document is a record that is gone or no longer belongs in the index.
    """
    source = SOURCES[kind]
    ids = list(ids)
    records = list(source.queryset().filter(**{f"{source.key_field}__in": ids}))
    return source.build(records), {document_key(kind, pk) for pk in ids}

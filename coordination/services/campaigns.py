"""Writes for declarations, campaigns, kelurahan designations, programs and working groups.

Every service is keyword-only and transactional, validates with
``full_clean()`` before saving, and raises ``ValidationError`` with a code for
anything the user must fix. Permission checks are the caller's
(``coordination.permissions.campaigns``); the services enforce the domain
rules: regions inside the actor's jurisdiction (``actor=None`` is a trusted
system job such as the demo seed), nobody listed twice, targets and linked
meetings inside the program's region. Declarations, campaigns, designations,
programs and pokja carry an optimistic lock like meetings: an ``*_update``
given the ``expected_version`` the user's form was loaded at refuses to save
over a newer version (``stale_version``), and every change of one of them
(an update, a revocation) bumps its ``version`` and records who made it.
"""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.uploads import uploaded_file_save
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationDocument,
    DeclarationDocumentKind,
    DesignationKind,
    DesignationStatus,
    KelurahanDesignation,
    Meeting,
    Program,
    ProgramTarget,
    WorkingGroup,
    WorkingGroupRole,
)
from coordination.services.shared import (
    check_region,
    delete_with_files,
    record_for_update,
    replace_person_rows,
    replace_rows,
    set_fields,
)

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "campaign_create",
    "campaign_update",
    "declaration_create",
    "declaration_delete",
    "declaration_document_add",
    "declaration_document_delete",
    "declaration_update",
    "designation_create",
    "designation_revoke",
    "designation_update",
    "program_create",
    "program_set_meetings",
    "program_update",
    "working_group_create",
    "working_group_set_meetings",
    "working_group_update",
]

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


# Declarations ---------------------------------------------------------------------------------


def _check_declaration(declaration: Declaration, *, actor) -> None:
    check_region(actor=actor, region=declaration.region)
    if declaration.is_culmination and declaration.campaign_id is None:
        message = _("Only a declaration of a campaign can be its culminating declaration.")
        raise ValidationError(
            {"is_culmination": ValidationError(message, code="culmination_without_campaign")}
        )
    if declaration.meeting_id and actor is not None:
        meeting_region = declaration.meeting.region_id
        if not user_jurisdiction(actor).contains(meeting_region):
            message = _("Choose a meeting in your jurisdiction.")
            raise ValidationError(
                {"meeting": ValidationError(message, code="outside_jurisdiction")}
            )


def _save_declaration(
    declaration: Declaration,
    *,
    actor,
    fields: Mapping,
    signatory_agencies: Iterable[Agency],
    signatories: Sequence[Mapping],
    document,
    document_kind: str,
) -> Declaration:
    """Set ``declaration``'s own ``fields`` (field name to value), check and save it with its
    signatory agencies, its signatories (replaced) and ``document`` (added)."""
    set_fields(declaration, fields)
    _check_declaration(declaration, actor=actor)
    declaration.full_clean()
    declaration.save()
    declaration.signatory_agencies.set(signatory_agencies)
    replace_person_rows(
        declaration.signatories,
        signatories,
        fields=lambda data, order: {"position_title": data.get("position_title", "") or ""},
        duplicate_message=_("%(person)s is listed twice among the signatories."),
        duplicate_code="duplicate_signatory",
    )
    if document:
        declaration_document_add(
            actor=actor, declaration=declaration, upload=document, kind=document_kind
        )
    return declaration


@transaction.atomic
def declaration_create(
    *,
    actor,
    kind: str,
    title: str,
    date: datetime.date,
    region: Region,
    organiser: Agency,
    place: str = "",
    signatory_agencies: Iterable[Agency] = (),
    signatories: Sequence[Mapping] = (),
    participant_count: int | None = None,
    campaign: DeclarationCampaign | None = None,
    is_culmination: bool = False,
    meeting: Meeting | None = None,
    description: str = "",
    is_public: bool = False,
    document=None,
    document_kind: str = DeclarationDocumentKind.LAINNYA,
) -> Declaration:
    """Record a declaration with its signatory agencies and people (in order).

    ``signatories``: mappings with ``person`` or ``name``, and optionally
    ``agency`` (signed for) and ``position_title``. ``document``, an uploaded
    file, is attached in the same transaction (see ``declaration_document_add``).
    Raises ``ValidationError``: ``outside_jurisdiction``, ``wrong_level`` (a
    province), ``outside_campaign``, ``culmination_without_campaign``,
    ``duplicate_signatory``, an upload error or a field error.
    """
    return _save_declaration(
        Declaration(created_by=actor),
        actor=actor,
        fields={
            "kind": kind,
            "title": title,
            "date": date,
            "region": region,
            "organiser": organiser,
            "place": place,
            "participant_count": participant_count,
            "campaign": campaign,
            "is_culmination": is_culmination,
            "meeting": meeting,
            "description": description,
            "is_public": is_public,
        },
        signatory_agencies=signatory_agencies,
        signatories=signatories,
        document=document,
        document_kind=document_kind,
    )


@transaction.atomic
def declaration_update(
    *,
    actor,
    declaration: Declaration,
    kind: str,
    title: str,
    date: datetime.date,
    region: Region,
    organiser: Agency,
    place: str = "",
    signatory_agencies: Iterable[Agency] = (),
    signatories: Sequence[Mapping] = (),
    participant_count: int | None = None,
    campaign: DeclarationCampaign | None = None,
    is_culmination: bool = False,
    meeting: Meeting | None = None,
    description: str = "",
    is_public: bool = False,
    document=None,
    document_kind: str = DeclarationDocumentKind.LAINNYA,
    expected_version: int | None = None,
) -> Declaration:
    """Replace a declaration's fields, signatory agencies and signatories; ``document`` is
    added; bump its ``version``.

    Locked and checked by :func:`record_for_update` (``stale_version``). Other errors as
    :func:`declaration_create`.
    """
    current = record_for_update(
        Declaration, declaration.pk, actor=actor, expected_version=expected_version
    )
    return _save_declaration(
        current,
        actor=actor,
        fields={
            "kind": kind,
            "title": title,
            "date": date,
            "region": region,
            "organiser": organiser,
            "place": place,
            "participant_count": participant_count,
            "campaign": campaign,
            "is_culmination": is_culmination,
            "meeting": meeting,
            "description": description,
            "is_public": is_public,
        },
        signatory_agencies=signatory_agencies,
        signatories=signatories,
        document=document,
        document_kind=document_kind,
    )


@transaction.atomic
def declaration_delete(*, actor, declaration: Declaration) -> None:
    """Delete a declaration with its signatories and documents (files removed on commit)."""
    delete_with_files(declaration, [document.file for document in declaration.documents.all()])


@transaction.atomic
def declaration_document_add(
    *, actor, declaration: Declaration, upload, kind: str = DeclarationDocumentKind.LAINNYA
) -> DeclarationDocument:
    """Attach a document or photo after checking its real content and size (10 MB).

    Raises ``ValidationError`` with ``empty``, ``too_large`` or
    ``unsupported_type`` (an HTML page renamed ``.jpg`` is refused).
    """
    return uploaded_file_save(
        DeclarationDocument(declaration=declaration, kind=kind),
        upload=upload,
        actor=actor,
        max_bytes=MAX_DOCUMENT_BYTES,
    )


@transaction.atomic
def declaration_document_delete(*, actor, document: DeclarationDocument) -> None:
    """Delete a document; the stored file is removed once the transaction commits."""
    delete_with_files(document, [document.file])


# Campaigns ------------------------------------------------------------------------------------


@transaction.atomic
def campaign_create(
    *, actor, name: str, kind: str, region: Region, description: str = ""
) -> DeclarationCampaign:
    """Create a city-wide campaign. Raises ``outside_jurisdiction`` or ``wrong_level``."""
    check_region(actor=actor, region=region)
    campaign = DeclarationCampaign(
        name=name, kind=kind, region=region, description=description, created_by=actor
    )
    campaign.full_clean()
    campaign.save()
    return campaign


@transaction.atomic
def campaign_update(
    *,
    actor,
    campaign: DeclarationCampaign,
    name: str,
    kind: str,
    region: Region,
    description: str = "",
    expected_version: int | None = None,
) -> DeclarationCampaign:
    """Change a campaign; bump its ``version``. Its city cannot change while it has
    declarations elsewhere.

    The row is locked while checked. Raises ``ValidationError``: ``stale_version`` (when
    ``expected_version`` is given and the stored version is newer; nothing is saved),
    ``outside_jurisdiction``, ``wrong_level``, ``outside_campaign`` or a field error.
    """
    check_region(actor=actor, region=region)
    current = record_for_update(
        DeclarationCampaign, campaign.pk, actor=actor, expected_version=expected_version
    )
    current.name, current.kind, current.region = name, kind, region
    current.description = description
    current.full_clean()
    outside = current.declarations.exclude(region_id=region.code).exclude(
        region__code__startswith=f"{region.code}."
    )
    if outside.exists():
        message = _("Some declarations of this campaign lie outside %(region)s.") % {
            "region": region.label
        }
        raise ValidationError({"region": ValidationError(message, code="outside_campaign")})
    current.save()
    return current


# Kelurahan designations -----------------------------------------------------------------------


def _save_designation(designation: KelurahanDesignation, fields: Mapping) -> KelurahanDesignation:
    """Set ``designation``'s ``fields`` (field name to value), and its revocation date when
    the status becomes (today) or stops being *dicabut*; validate and save."""
    if fields["status"] != DesignationStatus.DICABUT:
        designation.revoked_on = None
    elif designation.status != DesignationStatus.DICABUT:
        designation.revoked_on = timezone.localdate()
    set_fields(designation, fields)
    designation.full_clean()
    designation.save()
    return designation


@transaction.atomic
def designation_create(
    *,
    actor,
    kind: DesignationKind,
    kelurahan: Region,
    date: datetime.date,
    decree_number: str = "",
    status: str = DesignationStatus.AKTIF,
    notes: str = "",
) -> KelurahanDesignation:
    """Designate a kelurahan/desa (depth 4 only), once per kind.

    Raises ``ValidationError``: ``outside_jurisdiction``, ``wrong_level`` (a
    kecamatan or city), a non-field error when the kelurahan already has this
    designation, or a field error.
    """
    check_region(actor=actor, region=kelurahan, field="kelurahan")
    return _save_designation(
        KelurahanDesignation(created_by=actor),
        {
            "kind": kind,
            "kelurahan": kelurahan,
            "date": date,
            "decree_number": decree_number,
            "status": status,
            "notes": notes,
        },
    )


@transaction.atomic
def designation_update(
    *,
    actor,
    designation: KelurahanDesignation,
    kind: DesignationKind,
    kelurahan: Region,
    date: datetime.date,
    decree_number: str = "",
    status: str = DesignationStatus.AKTIF,
    notes: str = "",
    expected_version: int | None = None,
) -> KelurahanDesignation:
    """Change a designation; bump its ``version``.

    The row is locked while checked: when ``expected_version`` is given and the stored
    version is newer (changed or revoked since), nothing is saved and ``ValidationError``
    ``stale_version`` names who changed it and when. Other errors as
    :func:`designation_create`.
    """
    check_region(actor=actor, region=kelurahan, field="kelurahan")
    current = record_for_update(
        KelurahanDesignation,
        designation.pk,
        actor=actor,
        expected_version=expected_version,
        region_field="kelurahan",
    )
    return _save_designation(
        current,
        {
            "kind": kind,
            "kelurahan": kelurahan,
            "date": date,
            "decree_number": decree_number,
            "status": status,
            "notes": notes,
        },
    )


@transaction.atomic
def designation_revoke(
    *,
    actor,
    designation: KelurahanDesignation,
    date: datetime.date | None = None,
    reason: str = "",
) -> KelurahanDesignation:
    """Revoke a designation (status *dicabut*); it no longer counts towards coverage.

    The reason is appended to the notes. Bumps its ``version``, so an edit form opened
    before the revocation is refused (``stale_version``) instead of undoing it. Raises
    ``ValidationError`` ``already_revoked`` or ``future_date``.
    """
    current = record_for_update(
        KelurahanDesignation,
        designation.pk,
        actor=actor,
        expected_version=None,
        region_field="kelurahan",
    )
    if current.is_revoked:
        raise ValidationError(_("This designation is already revoked."), code="already_revoked")
    today = timezone.localdate()
    date = date or today
    if date > today:
        message = _("The revocation date cannot be in the future.")
        raise ValidationError({"date": ValidationError(message, code="future_date")})
    current.status = DesignationStatus.DICABUT
    current.revoked_on = date
    if reason:
        current.notes = f"{current.notes}\n{reason}".strip()
    current.full_clean()
    current.save()
    return current


# Programs -------------------------------------------------------------------------------------


def _targets(program: Program, targets: Iterable[Mapping]) -> Iterator[ProgramTarget]:
    """The program's target rows, unsaved; refuses one outside its region or given twice."""
    seen = set()
    for order, data in enumerate(targets, start=1):
        region: Region = data["region"]
        if not program.region.contains(region.code):
            raise ValidationError(
                _("The target region %(region)s lies outside the program's region.")
                % {"region": region.label},
                code="target_outside_program",
            )
        key = (data["level"], region.code, data.get("meeting_kind") or "")
        if key in seen:
            raise ValidationError(
                _("There are two targets for %(region)s at the same level.")
                % {"region": region.label},
                code="duplicate_target",
            )
        seen.add(key)
        yield ProgramTarget(
            program=program,
            level=data["level"],
            region=region,
            target_count=data["target_count"],
            meeting_kind=data.get("meeting_kind") or "",
            order=order,
        )


def _save_program(
    program: Program, *, actor, fields: Mapping, targets: Sequence[Mapping]
) -> Program:
    """Set ``program``'s own ``fields`` (field name to value), check and save it with its
    targets (replaced)."""
    set_fields(program, fields)
    check_region(actor=actor, region=program.region)
    program.full_clean()
    if program.pk:
        outside = program.meetings.exclude(region_id=program.region_id).exclude(
            region__code__startswith=f"{program.region_id}."
        )
        if outside.exists():
            message = _("Some linked meetings lie outside %(region)s; unlink them first.") % {
                "region": program.region.label
            }
            raise ValidationError({"region": ValidationError(message, code="outside_program")})
    program.save()
    replace_rows(program.targets, _targets(program, targets), validate_unique=False)
    return program


@transaction.atomic
def program_create(
    *,
    actor,
    name: str,
    owner_agency: Agency,
    region: Region,
    period_start: datetime.date,
    period_end: datetime.date | None = None,
    description: str = "",
    legal_basis: str = "",
    targets: Sequence[Mapping] = (),
) -> Program:
    """Create a program with its targets.

    ``targets``: mappings with ``level``, ``region``, ``target_count`` and
    optionally ``meeting_kind``. Raises ``ValidationError``:
    ``outside_jurisdiction``, ``end_before_start``, ``target_outside_program``,
    ``duplicate_target``, ``wrong_level`` (a kecamatan-level target for a
    kelurahan), ``not_positive`` or a field error.
    """
    return _save_program(
        Program(created_by=actor),
        actor=actor,
        fields={
            "name": name,
            "owner_agency": owner_agency,
            "region": region,
            "period_start": period_start,
            "period_end": period_end,
            "description": description,
            "legal_basis": legal_basis,
        },
        targets=targets,
    )


@transaction.atomic
def program_update(
    *,
    actor,
    program: Program,
    name: str,
    owner_agency: Agency,
    region: Region,
    period_start: datetime.date,
    period_end: datetime.date | None = None,
    description: str = "",
    legal_basis: str = "",
    targets: Sequence[Mapping] = (),
    expected_version: int | None = None,
) -> Program:
    """Replace a program's fields and targets; bump its ``version``.

    Locked and checked by :func:`record_for_update` (``stale_version``). Other errors as
    :func:`program_create`, plus ``outside_program`` when linked meetings would fall outside
    a new region.
    """
    current = record_for_update(Program, program.pk, actor=actor, expected_version=expected_version)
    return _save_program(
        current,
        actor=actor,
        fields={
            "name": name,
            "owner_agency": owner_agency,
            "region": region,
            "period_start": period_start,
            "period_end": period_end,
            "description": description,
            "legal_basis": legal_basis,
        },
        targets=targets,
    )


def _check_meetings(*, actor, region: Region, meetings: Iterable[Meeting], code: str) -> list:
    meetings = list(meetings)
    jurisdiction = user_jurisdiction(actor) if actor is not None else None
    for meeting in meetings:
        if not region.contains(meeting.region_id) or (
            jurisdiction is not None and not jurisdiction.contains(meeting.region_id)
        ):
            raise ValidationError(
                _("“%(meeting)s” is held outside %(region)s.")
                % {"meeting": meeting.title, "region": region.label},
                code=code,
            )
    return meetings


@transaction.atomic
def program_set_meetings(
    *,
    actor,
    program: Program,
    meetings: Iterable[Meeting],
    expected_version: int | None = None,
) -> Program:
    """Link exactly ``meetings`` to the program; they count towards its targets once held.

    The links are part of the program: its ``version`` is bumped, so two people choosing
    its meetings at once do not overwrite each other. Raises ``ValidationError``
    ``meeting_outside_program`` for a meeting outside the program's region or the
    actor's jurisdiction, ``stale_version`` as :func:`program_update`.
    """
    current = record_for_update(Program, program.pk, actor=actor, expected_version=expected_version)
    meetings = _check_meetings(
        actor=actor, region=current.region, meetings=meetings, code="meeting_outside_program"
    )
    current.save(update_fields=["version", "updated_by", "updated_at"])
    current.meetings.set(meetings)
    return current


# Working groups -------------------------------------------------------------------------------


def _save_working_group(
    group: WorkingGroup, *, actor, fields: Mapping, members: Sequence[Mapping]
) -> WorkingGroup:
    """Set ``group``'s own ``fields`` (field name to value), check and save it with its
    members (replaced)."""
    set_fields(group, fields)
    check_region(actor=actor, region=group.region)
    group.full_clean()
    group.save()
    replace_person_rows(
        group.members,
        members,
        fields=lambda data, order: {"role": data.get("role") or WorkingGroupRole.ANGGOTA},
        duplicate_message=_("%(person)s is listed twice among the members."),
        duplicate_code="duplicate_member",
    )
    return group


@transaction.atomic
def working_group_create(
    *,
    actor,
    name: str,
    agency: Agency,
    region: Region,
    purpose: str = "",
    decree_number: str = "",
    decree_date: datetime.date | None = None,
    members: Sequence[Mapping] = (),
) -> WorkingGroup:
    """Create a pokja with its members (``person`` or ``name``, ``agency``, ``role``).

    Raises ``ValidationError``: ``outside_jurisdiction``, ``duplicate_member``
    or a field error.
    """
    return _save_working_group(
        WorkingGroup(created_by=actor),
        actor=actor,
        fields={
            "name": name,
            "agency": agency,
            "region": region,
            "purpose": purpose,
            "decree_number": decree_number,
            "decree_date": decree_date,
        },
        members=members,
    )


@transaction.atomic
def working_group_update(
    *,
    actor,
    group: WorkingGroup,
    name: str,
    agency: Agency,
    region: Region,
    purpose: str = "",
    decree_number: str = "",
    decree_date: datetime.date | None = None,
    members: Sequence[Mapping] = (),
    expected_version: int | None = None,
) -> WorkingGroup:
    """Replace a pokja's fields and members; bump its ``version``.

    Locked and checked by :func:`record_for_update` (``stale_version``). Other errors as
    :func:`working_group_create`.
    """
    current = record_for_update(
        WorkingGroup, group.pk, actor=actor, expected_version=expected_version
    )
    return _save_working_group(
        current,
        actor=actor,
        fields={
            "name": name,
            "agency": agency,
            "region": region,
            "purpose": purpose,
            "decree_number": decree_number,
            "decree_date": decree_date,
        },
        members=members,
    )


@transaction.atomic
def working_group_set_meetings(
    *,
    actor,
    group: WorkingGroup,
    meetings: Iterable[Meeting],
    expected_version: int | None = None,
) -> WorkingGroup:
    """Link exactly ``meetings`` to the pokja, bumping its ``version`` (as
    :func:`program_set_meetings`). Raises ``meeting_outside_group`` or ``stale_version``."""
    current = record_for_update(
        WorkingGroup, group.pk, actor=actor, expected_version=expected_version
    )
    meetings = _check_meetings(
        actor=actor, region=current.region, meetings=meetings, code="meeting_outside_group"
    )
    current.save(update_fields=["version", "updated_by", "updated_at"])
    current.meetings.set(meetings)
    return current

"""Reads of declarations, designations, programs and working groups.

Everything goes through the jurisdiction scope. On top of it, a partner
official sees only the declarations their agency organised or signed, and
the pokja their agency owns or sits in; designations, coverage, campaigns
and programs concern the regions themselves, so partners see those of their
agency's region (their jurisdiction) read-only.

Aggregates (coverage, campaign status, program progress) are computed with
a fixed number of grouped queries, whatever the number of rows.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from bawaslu_portal.models import Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationSignatory,
    DesignationKind,
    DesignationStatus,
    KelurahanDesignation,
    Meeting,
    MeetingStatus,
    Program,
    ProgramLevel,
    ProgramTarget,
    WorkingGroup,
    WorkingGroupMember,
)
from coordination.selectors.meetings import meeting_list
from coordination.selectors.shared import (
    agency_involved,
    filter_where_set,
    get_or_404,
    visible_to,
)

__all__ = [
    "CITY_CODE_LENGTH",
    "CampaignOverview",
    "Coverage",
    "CoverageRow",
    "DeclarationFilters",
    "DesignationFilters",
    "KECAMATAN_CODE_LENGTH",
    "KecamatanDeclarationRow",
    "ProgramProgress",
    "TargetProgress",
    "campaign_choices",
    "campaign_get",
    "campaign_list",
    "campaign_overview",
    "coverage_city_choices",
    "declaration_document_get",
    "declaration_get",
    "declaration_list",
    "designation_coverage",
    "designation_get",
    "designation_kind_list",
    "designation_list",
    "meeting_link_choices",
    "program_get",
    "program_list",
    "program_progress",
    "working_group_get",
    "working_group_list",
]

#: Kemendagri codes have fixed widths: "33.74" is a kab/kota, "33.74.01" a kecamatan.
CITY_CODE_LENGTH = 5
KECAMATAN_CODE_LENGTH = 8


def _depth(code: str) -> int:
    return code.count(".") + 1


# Declarations ---------------------------------------------------------------------------------


def _visible_declarations(user) -> QuerySet[Declaration]:
    partner_q = agency_involved(
        "organiser_id", Declaration.signatory_agencies, DeclarationSignatory, record="declaration"
    )
    return visible_to(user, Declaration.objects.all(), partner_q=partner_q)


@dataclass(frozen=True)
class DeclarationFilters:
    kind: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    region: Region | None = None
    campaign: DeclarationCampaign | None = None


def declaration_list(*, user, filters: DeclarationFilters | None = None) -> QuerySet[Declaration]:
    """The declarations the user may see, latest first; ``region`` takes its subtree."""
    filters = filters or DeclarationFilters()
    queryset = filter_where_set(
        _visible_declarations(user),
        kind=filters.kind,
        date__gte=filters.date_from,
        date__lte=filters.date_to,
        region=filters.region,
        campaign=filters.campaign,
    )
    return queryset.select_related("region", "organiser", "campaign").order_by("-date", "-pk")


def declaration_get(*, user, pk: int) -> Declaration:
    """One declaration with its signatories, agencies, documents and meeting (404 if unseen)."""
    queryset = _visible_declarations(user).select_related(
        "region", "organiser", "campaign", "meeting__region", "created_by"
    )
    queryset = queryset.prefetch_related(
        Prefetch(
            "signatories",
            queryset=DeclarationSignatory.objects.select_related("person", "agency"),
        ),
        "signatory_agencies",
        "documents",
    )
    return get_or_404(queryset, pk=pk)


def declaration_document_get(*, declaration: Declaration, pk: int):
    """A document of a declaration the caller has already fetched through the scope."""
    return get_or_404(declaration.documents.all(), pk=pk)


# Campaigns ------------------------------------------------------------------------------------


def campaign_list(*, user) -> QuerySet[DeclarationCampaign]:
    """Campaigns in the jurisdiction, with how many declarations each has."""
    queryset = scope_to_jurisdiction(DeclarationCampaign.objects.all(), user)
    return (
        queryset.select_related("region")
        .annotate(declaration_count=Count("declarations"))
        .order_by("-created_at", "-pk")
    )


def campaign_get(*, user, pk: int) -> DeclarationCampaign:
    queryset = scope_to_jurisdiction(DeclarationCampaign.objects.select_related("region"), user)
    return get_or_404(queryset, pk=pk)


def campaign_choices(*, user) -> QuerySet[DeclarationCampaign]:
    return scope_to_jurisdiction(DeclarationCampaign.objects.select_related("region"), user)


@dataclass
class KecamatanDeclarationRow:
    """One kecamatan of a campaign's city: its declarations, held or not yet."""

    kecamatan: Region
    declarations: list[Declaration] = field(default_factory=list)
    today: datetime.date | None = None

    @property
    def held(self) -> bool:
        return any(d.date <= self.today for d in self.declarations)

    @property
    def planned(self) -> bool:
        return bool(self.declarations) and not self.held


@dataclass
class CampaignOverview:
    rows: list[KecamatanDeclarationRow]
    culminations: list[Declaration]
    other: list[Declaration]

    @property
    def held_count(self) -> int:
        return sum(1 for row in self.rows if row.held)

    @property
    def not_held(self) -> list[KecamatanDeclarationRow]:
        return [row for row in self.rows if not row.held]


def campaign_overview(
    *, user, campaign: DeclarationCampaign, today: datetime.date | None = None
) -> CampaignOverview:
    """Every kecamatan of the campaign's city, with its declarations (two queries).

    A kecamatan has *held* its declaration when one of the campaign's
    declarations in it (at kecamatan or kelurahan level) is dated today or
    earlier; a later date is *planned*. Culminating declarations are listed
    apart; city-level ones that are not culminating are in ``other``.

    The coverage concerns the city, so it counts every declaration; each has
    ``can_open``, whether the user may open it (a partner official only those
    their agency organised or signed), so the page links no declaration that
    would answer 404.
    """
    today = today or timezone.localdate()
    kecamatan = Region.objects.filter(parent_id=campaign.region_id, depth=3).order_by("code")
    rows = {
        region.code: KecamatanDeclarationRow(kecamatan=region, today=today) for region in kecamatan
    }
    culminations, other = [], []
    declarations = (
        campaign.declarations.select_related("region", "organiser")
        .annotate(can_open=Exists(_visible_declarations(user).filter(pk=OuterRef("pk"))))
        .order_by("date", "pk")
    )
    for declaration in declarations:
        if declaration.is_culmination:
            culminations.append(declaration)
            continue
        row = rows.get(declaration.region_id[:KECAMATAN_CODE_LENGTH])
        if row is not None and declaration.region.depth >= 3:
            row.declarations.append(declaration)
        else:
            other.append(declaration)
    return CampaignOverview(rows=list(rows.values()), culminations=culminations, other=other)


# Kelurahan designations -----------------------------------------------------------------------


@dataclass(frozen=True)
class DesignationFilters:
    kind: DesignationKind | None = None
    status: str = ""
    region: Region | None = None


def designation_list(
    *, user, filters: DesignationFilters | None = None
) -> QuerySet[KelurahanDesignation]:
    """Designations in the jurisdiction, by kelurahan code; ``region`` takes its subtree."""
    filters = filters or DesignationFilters()
    queryset = filter_where_set(
        scope_to_jurisdiction(KelurahanDesignation.objects.all(), user),
        kind=filters.kind,
        status=filters.status,
        region_field="kelurahan",
        region=filters.region,
    )
    return queryset.select_related("kind", "kelurahan__parent").order_by(
        "kelurahan_id", "kind__order"
    )


def designation_get(*, user, pk: int) -> KelurahanDesignation:
    queryset = scope_to_jurisdiction(
        KelurahanDesignation.objects.select_related("kind", "kelurahan__parent"), user
    )
    return get_or_404(queryset, pk=pk)


def designation_kind_list() -> QuerySet[DesignationKind]:
    return DesignationKind.objects.order_by("order", "name")


@dataclass(frozen=True)
class CoverageRow:
    """Designated kelurahan out of all kelurahan/desa of a region."""

    region: Region
    designated: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.designated / self.total, 1) if self.total else 0.0


@dataclass(frozen=True)
class Coverage:
    cities: list[CoverageRow]
    kecamatan: list[CoverageRow]
    city: Region | None


def _grouped_counts(queryset: QuerySet, column: str, length: int, *, distinct: bool) -> dict:
    rows = (
        queryset.annotate(prefix=Substr(column, 1, length))
        .values("prefix")
        .annotate(n=Count(column, distinct=distinct))
        .order_by()
    )
    return {row["prefix"]: row["n"] for row in rows}


def designation_coverage(
    *, user, kind: DesignationKind | None = None, city: Region | None = None
) -> Coverage:
    """Coverage per kab/kota and per kecamatan of one kab/kota (six queries).

    A kelurahan counts as designated when it has at least one *active*
    designation (of ``kind``, when given). The kecamatan table is for
    ``city``, or for the only kab/kota of the jurisdiction; a user whose
    jurisdiction is one kecamatan gets that kecamatan alone.
    """
    jurisdiction = user_jurisdiction(user)
    kelurahan = scope_to_jurisdiction(Region.objects.filter(depth=4), user)
    designations = scope_to_jurisdiction(
        KelurahanDesignation.objects.filter(status=DesignationStatus.AKTIF), user
    )
    if kind is not None:
        designations = designations.filter(kind=kind)

    cities = list(scope_to_jurisdiction(Region.objects.filter(depth=2), user).order_by("code"))
    city_rows = []
    if cities:
        totals = _grouped_counts(kelurahan, "code", CITY_CODE_LENGTH, distinct=False)
        designated = _grouped_counts(designations, "kelurahan_id", CITY_CODE_LENGTH, distinct=True)
        city_rows = [
            CoverageRow(region, designated.get(region.code, 0), totals.get(region.code, 0))
            for region in cities
        ]

    if city is None and len(cities) == 1:
        city = cities[0]
    if city is not None:
        kecamatan = Region.objects.filter(parent_id=city.code, depth=3)
    elif jurisdiction.region is not None and jurisdiction.region.depth == 3:
        kecamatan = Region.objects.filter(code=jurisdiction.region.code)
    else:
        kecamatan = Region.objects.none()
    kecamatan = list(scope_to_jurisdiction(kecamatan, user).order_by("code"))
    kecamatan_rows = []
    if kecamatan:
        prefix = kecamatan[0].code[:CITY_CODE_LENGTH]
        in_city = Q(code__startswith=f"{prefix}.")
        totals = _grouped_counts(
            kelurahan.filter(in_city), "code", KECAMATAN_CODE_LENGTH, distinct=False
        )
        designated = _grouped_counts(
            designations.filter(kelurahan__code__startswith=f"{prefix}."),
            "kelurahan_id",
            KECAMATAN_CODE_LENGTH,
            distinct=True,
        )
        kecamatan_rows = [
            CoverageRow(region, designated.get(region.code, 0), totals.get(region.code, 0))
            for region in kecamatan
        ]
    return Coverage(cities=city_rows, kecamatan=kecamatan_rows, city=city)


def coverage_city_choices(*, user) -> QuerySet[Region]:
    return scope_to_jurisdiction(Region.objects.filter(depth=2), user).order_by("code")


# Programs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetProgress:
    target: ProgramTarget
    done: int

    @property
    def counted(self) -> int:
        """Held meetings counted toward the target (never more than the target)."""
        return min(self.done, self.target.target_count)

    @property
    def percent(self) -> int:
        count = self.target.target_count
        return min(100, round(100 * self.done / count)) if count else 0


@dataclass(frozen=True)
class ProgramProgress:
    targets: list[TargetProgress]

    @property
    def target_total(self) -> int:
        return sum(item.target.target_count for item in self.targets)

    @property
    def done_total(self) -> int:
        return sum(item.counted for item in self.targets)

    @property
    def percent(self) -> int:
        total = self.target_total
        return min(100, round(100 * self.done_total / total)) if total else 0


def _target_done(target: ProgramTarget, counts: list[tuple[str, str, int]]) -> int:
    """Held meetings at the target's level, in its region's subtree, of its kind if set."""
    depth = ProgramLevel(target.level).depth
    code = target.region_id
    return sum(
        n
        for region_code, kind, n in counts
        if _depth(region_code) == depth
        and (region_code == code or region_code.startswith(f"{code}."))
        and (not target.meeting_kind or kind == target.meeting_kind)
    )


def _held_meeting_counts(program_ids: list[int]) -> dict[int, list[tuple[str, str, int]]]:
    """Per program: (meeting region, meeting kind, number held), in one grouped query."""
    through = Program.meetings.through
    rows = (
        through.objects.filter(program_id__in=program_ids, meeting__status=MeetingStatus.TERLAKSANA)
        .values("program_id", "meeting__region_id", "meeting__kind")
        .annotate(n=Count("meeting_id"))
        .order_by()
    )
    counts: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for row in rows:
        counts[row["program_id"]].append(
            (row["meeting__region_id"], row["meeting__kind"], row["n"])
        )
    return counts


def program_progress(*, programs: list[Program]) -> dict[int, ProgramProgress]:
    """Progress of each program against its targets (two queries for any number of programs).

    A target's progress is the number of the program's linked meetings with
    status *terlaksana* whose region lies at the target's level (city,
    kecamatan or kelurahan) inside the target's region, and of the target's
    meeting kind when it has one.
    """
    ids = [program.pk for program in programs]
    if not ids:
        return {}
    targets: dict[int, list[ProgramTarget]] = defaultdict(list)
    for target in (
        ProgramTarget.objects.filter(program_id__in=ids)
        .select_related("region")
        .order_by("order", "pk")
    ):
        targets[target.program_id].append(target)
    counts = _held_meeting_counts(ids)
    return {
        pk: ProgramProgress(
            [TargetProgress(target, _target_done(target, counts[pk])) for target in targets[pk]]
        )
        for pk in ids
    }


def program_list(*, user, region: Region | None = None) -> QuerySet[Program]:
    queryset = scope_to_jurisdiction(Program.objects.all(), user)
    if region:
        queryset = queryset.filter(subtree_q("region", region.code))
    return queryset.select_related("region", "owner_agency").order_by("-period_start", "name")


def _linked_meetings(user) -> QuerySet[Meeting]:
    """Linked meetings as listed on a page: a partner sees only those that concern their agency.

    Progress still counts every linked meeting; only the list of titles is narrowed.
    """
    queryset = Meeting.objects.select_related("region").order_by("starts_at", "pk")
    if user.is_partner:
        visible = meeting_list(user=user).values("pk")
        queryset = queryset.filter(pk__in=visible)
    return queryset


def program_get(*, user, pk: int) -> Program:
    """One program with its linked meetings (404 outside the jurisdiction)."""
    queryset = scope_to_jurisdiction(
        Program.objects.select_related("region", "owner_agency"), user
    ).prefetch_related(Prefetch("meetings", queryset=_linked_meetings(user)))
    return get_or_404(queryset, pk=pk)


def meeting_link_choices(
    *,
    user,
    region: Region,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    include: list[int] | tuple[int, ...] = (),
) -> QuerySet[Meeting]:
    """Meetings that can be linked: in ``region``'s subtree and the scope, within the period.

    Meetings already linked (``include``) are always offered, so saving never
    drops them silently. Without a period (a pokja has none) every meeting of the
    region is offered.
    """
    queryset = scope_to_jurisdiction(Meeting.objects.all(), user).filter(
        subtree_q("region", region.code)
    )
    if start or end:
        period = Q()
        if start:
            period &= Q(starts_at__date__gte=start)
        if end:
            period &= Q(starts_at__date__lte=end)
        # ``Q() | linked`` would be ``linked`` alone: only with a period is it widened.
        queryset = queryset.filter(period | Q(pk__in=include) if include else period)
    return queryset.select_related("region").order_by("-starts_at", "-pk")


# Working groups -------------------------------------------------------------------------------


def _partner_working_group_q(agency_id: int) -> Q:
    member = WorkingGroupMember.objects.filter(group_id=OuterRef("pk"), agency_id=agency_id)
    return Q(agency_id=agency_id) | Exists(member)


def _visible_working_groups(user) -> QuerySet[WorkingGroup]:
    return visible_to(user, WorkingGroup.objects.all(), partner_q=_partner_working_group_q)


def working_group_list(*, user) -> QuerySet[WorkingGroup]:
    """The pokja the user may see, with member and meeting counts."""
    return (
        _visible_working_groups(user)
        .select_related("region", "agency")
        .annotate(
            member_count=Count("members", distinct=True),
            meeting_count=Count("meetings", distinct=True),
        )
        .order_by("name", "pk")
    )


def working_group_get(*, user, pk: int) -> WorkingGroup:
    """One pokja with its members and linked meetings (404 if the user may not see it)."""
    queryset = (
        _visible_working_groups(user)
        .select_related("region", "agency")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=WorkingGroupMember.objects.select_related("person", "agency"),
            ),
            Prefetch("meetings", queryset=_linked_meetings(user)),
        )
    )
    return get_or_404(queryset, pk=pk)

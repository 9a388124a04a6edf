"""Reads of regions and agencies, always through the jurisdiction scope."""

from django.db.models import Count, QuerySet

from bawaslu_portal.models import Agency, Position, Region
from bawaslu_portal.scoping import (
    get_in_jurisdiction_or_404,
    scope_to_jurisdiction,
    user_jurisdiction,
)


def region_get(*, user, code: str) -> Region:
    """A region in the user's jurisdiction (404 otherwise), with its parent chain loaded."""
    return get_in_jurisdiction_or_404(Region.objects.select_related("parent"), user, code=code)


def region_ancestors(*, user, region: Region) -> list[Region]:
    """Ancestors of ``region``, province first, in one query.

    Each has ``in_jurisdiction``: whether the user may open its page (a city's official
    sees the province above as a name in the breadcrumb, not as a link to a 404).
    """
    codes = region.ancestor_codes()
    if not codes:
        return []
    jurisdiction = user_jurisdiction(user)
    ancestors = list(Region.objects.filter(code__in=codes).order_by("depth"))
    for ancestor in ancestors:
        ancestor.in_jurisdiction = jurisdiction.contains(ancestor.code)
    return ancestors


def region_children_list(*, user, region: Region | None) -> QuerySet[Region]:
    """The children of ``region`` (or the top of the user's jurisdiction), with child counts."""
    if region is None:
        jurisdiction = user_jurisdiction(user)
        queryset = (
            Region.objects.filter(depth=1)
            if jurisdiction.nationwide
            else Region.objects.filter(code=getattr(jurisdiction.region, "code", None))
        )
    else:
        queryset = Region.objects.filter(parent=region)
    queryset = scope_to_jurisdiction(queryset, user)
    return queryset.annotate(child_count=Count("children")).order_by("code")


def region_roster(*, region: Region) -> QuerySet[Position]:
    """The active positions held for ``region`` (a kelurahan roster)."""
    return Position.objects.roster(region=region).select_related("agency")


def agency_list(*, user, kind: str = "", query: str = "") -> QuerySet[Agency]:
    queryset = scope_to_jurisdiction(Agency.objects.filter(is_active=True), user)
    if kind:
        queryset = queryset.filter(kind=kind)
    if query:
        queryset = queryset.filter(name__icontains=query)
    return queryset.select_related("region", "parent").order_by("region_id", "name")


def agency_get(*, user, pk: int) -> Agency:
    return get_in_jurisdiction_or_404(
        Agency.objects.select_related("region", "parent"), user, pk=pk
    )


def agency_positions(*, agency: Agency) -> QuerySet[Position]:
    return Position.objects.roster(agency=agency).select_related("region")

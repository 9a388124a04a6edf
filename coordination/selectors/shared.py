"""What the coordination selectors share: the partner rule, the 404, and the form choices.

Every read goes through the jurisdiction scope. On top of it, a partner
official (role ``partner``) sees only what concerns their own agency; each
feature says what that is (see :func:`visible_to`).
"""

from collections.abc import Callable

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction

__all__ = ["agency_choices", "get_or_404", "region_choices", "region_filter_choices"]


def filter_where_set(queryset: QuerySet, *, region_field: str = "region", region=None, **lookups):
    """``queryset`` narrowed by the list filters that are set, the rest skipped.

    ``lookups`` maps a field lookup to the filter's value; a blank one (``""``,
    ``None``, ``False``) selects everything, so it is left out rather than
    matched. ``region``, when chosen, takes its whole subtree through
    ``region_field`` (the code-prefix match the region indexes serve).
    """
    queryset = queryset.filter(**{lookup: value for lookup, value in lookups.items() if value})
    if region:
        queryset = queryset.filter(subtree_q(region_field, region.code))
    return queryset


def visible_to(user, queryset: QuerySet, *, partner_q: Callable[[int], Q]) -> QuerySet:
    """``queryset`` in the user's jurisdiction; a partner official's narrowed further.

    For a partner, ``partner_q(agency_id)`` selects what concerns their agency;
    a partner without an agency sees nothing.
    """
    queryset = scope_to_jurisdiction(queryset, user)
    if user.is_partner:
        if user.agency_id is None:
            return queryset.none()
        queryset = queryset.filter(partner_q(user.agency_id))
    return queryset


def agency_involved(lead: str, agencies, people: type[Model], *, record: str) -> Callable[[int], Q]:
    """The partner rule (see :func:`visible_to`) of records an agency takes part in: it leads
    the record (the field ``lead``), is among its agencies (``agencies``, the record's
    many-to-many descriptor) or sends one of its people (``people``, rows with an ``agency``).
    The many-to-many's rows and the people's rows point at the record by the field ``record``.
    """

    def partner_q(agency_id: int) -> Q:
        involved = {f"{record}_id": OuterRef("pk"), "agency_id": agency_id}
        return (
            Q(**{lead: agency_id})
            | Exists(agencies.through.objects.filter(**involved))
            | Exists(people.objects.filter(**involved))
        )

    return partner_q


def get_or_404(queryset: QuerySet, **lookup):
    """The one object of ``queryset`` matching ``lookup``, or a 404 (unseen and missing alike)."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404(_("Not found.")) from exc


def agency_choices(*, user) -> QuerySet[Agency]:
    """Agencies a user may pick: those in the jurisdiction and those above it.

    A city's meetings often involve the province (Bawaslu Provinsi, KPU
    Provinsi), so the agencies of the ancestor regions are offered too.
    """
    jurisdiction = user_jurisdiction(user)
    queryset = Agency.objects.filter(is_active=True)
    if jurisdiction.nationwide:
        return queryset.select_related("region").order_by("name")
    if jurisdiction.region is None:
        return queryset.none()
    ancestors = jurisdiction.region.ancestor_codes()
    queryset = queryset.filter(
        subtree_q("region", jurisdiction.region.code) | Q(region_id__in=ancestors)
    )
    return queryset.order_by("name")


def region_choices(*, user, include_kelurahan: bool = True) -> QuerySet[Region]:
    """Regions a meeting or follow-up can be placed in: kab/kota, kecamatan and kelurahan.

    Only the user's jurisdiction; a provincial or national user gets the
    kab/kota and kecamatan (kelurahan lists would run to thousands), a
    nationwide admin the kab/kota only.
    """
    jurisdiction = user_jurisdiction(user)
    if jurisdiction.nationwide:
        return Region.objects.filter(depth=2).order_by("code")
    if jurisdiction.region is None:
        return Region.objects.none()
    depths = [2, 3]
    if include_kelurahan and jurisdiction.region.depth >= 2:
        depths.append(4)
    return (
        Region.objects.subtree(jurisdiction.region.code).filter(depth__in=depths).order_by("code")
    )


def region_filter_choices(*, user) -> QuerySet[Region]:
    """The regions offered by the list filters: kab/kota and kecamatan of the jurisdiction."""
    return region_choices(user=user, include_kelurahan=False)

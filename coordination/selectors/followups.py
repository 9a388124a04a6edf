"""Reads of follow-ups, always through the jurisdiction scope.

A partner official (role ``partner``) sees only the follow-ups assigned to
their own agency.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from bawaslu_portal.models import Agency, Region
from coordination.models import FollowUp, FollowUpNote, FollowUpStatus
from coordination.selectors.shared import filter_where_set, get_or_404, visible_to

__all__ = [
    "FollowUpFilters",
    "follow_up_assigned_list",
    "follow_up_get",
    "follow_up_list",
    "overdue_q",
]


def _visible_follow_ups(user) -> QuerySet[FollowUp]:
    return visible_to(
        user,
        FollowUp.objects.all(),
        partner_q=lambda agency_id: Q(responsible_agency_id=agency_id),
    )


@dataclass(frozen=True)
class FollowUpFilters:
    agency: Agency | None = None
    status: str = ""
    due_from: datetime.date | None = None
    due_to: datetime.date | None = None
    overdue_only: bool = False
    open_only: bool = False
    region: Region | None = None


def overdue_q(today: datetime.date) -> Q:
    """Still open and past its due date (rides on the (status, due_date) index)."""
    return Q(status__in=FollowUpStatus.open_statuses(), due_date__lt=today)


def follow_up_list(*, user, filters: FollowUpFilters | None = None) -> QuerySet[FollowUp]:
    """The follow-ups the user may see, soonest due first."""
    filters = filters or FollowUpFilters()
    queryset = filter_where_set(
        _visible_follow_ups(user),
        responsible_agency=filters.agency,
        status=filters.status,
        due_date__gte=filters.due_from,
        due_date__lte=filters.due_to,
        region=filters.region,
    )
    if filters.overdue_only:
        queryset = queryset.filter(overdue_q(timezone.localdate()))
    if filters.open_only:
        queryset = queryset.filter(status__in=FollowUpStatus.open_statuses())
    return queryset.select_related(
        "responsible_agency", "responsible_person", "meeting", "region"
    ).order_by("due_date", "pk")


def follow_up_assigned_list(*, user) -> QuerySet[FollowUp]:
    """ "Tugas saya": the follow-ups assigned to the user's agency, open ones first."""
    if user.agency_id is None:
        return FollowUp.objects.none()
    closed_last = Case(
        When(status__in=FollowUpStatus.open_statuses(), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        _visible_follow_ups(user)
        .filter(responsible_agency_id=user.agency_id)
        .select_related("responsible_agency", "responsible_person", "meeting", "region")
        .order_by(closed_last, "due_date", "pk")
    )


def follow_up_get(*, user, pk: int) -> FollowUp:
    """One follow-up the user may see, with its notes and meeting (404 otherwise)."""
    queryset = _visible_follow_ups(user).select_related(
        "responsible_agency", "responsible_person", "meeting", "region", "created_by"
    )
    queryset = queryset.prefetch_related(
        Prefetch(
            "notes",
            queryset=FollowUpNote.objects.select_related("author").order_by("date", "created_at"),
        )
    )
    return get_or_404(queryset, pk=pk)

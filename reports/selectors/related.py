"""Reads of related reports: the reports linked to a case, and finding one to link.

Always through the jurisdiction scope. The case list counts each report's
linked reports in its own query (``reports.selectors.cases.report_list``
annotates ``linked_count``).
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from bawaslu_portal.scoping import scope_to_jurisdiction
from reports.models import Report, normalize_tracking_code


def linked_count_annotation():
    """How many reports share the row's group (0 when it has none): one subquery per row.

    Rides on the index of ``Report.group``; evaluated for the rows of the page only.
    """
    members = (
        Report.objects.filter(group=OuterRef("group"))
        .order_by()
        .values("group")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(members, output_field=IntegerField()), Value(0))


def linked_report_list(*, user, report: Report) -> list[Report]:
    """The other reports of ``report``'s group that ``user`` may see, oldest first (one query)."""
    if report.group_id is None:
        return []
    return list(
        scope_to_jurisdiction(Report.objects.filter(group_id=report.group_id), user)
        .exclude(pk=report.pk)
        .only(
            "pk",
            "tracking_code",
            "registration_number",
            "stage",
            "recommendation_recipient",
            "received_at",
            "reported_name",
            "group",
            "region",
        )
        .order_by("received_at", "pk")
    )


def report_find_for_link(*, user, text: str) -> Report | None:
    """The report in ``user``'s jurisdiction with this tracking code or registration number."""
    text = (text or "").strip()
    if not text:
        return None
    return (
        scope_to_jurisdiction(Report.objects.all(), user)
        .filter(Q(tracking_code=normalize_tracking_code(text)) | Q(registration_number=text))
        .first()
    )


def report_find_member(*, user, report: Report, pk: int) -> Report | None:
    """The report ``pk`` of ``report``'s group (``report`` itself included), in the scope."""
    if report.group_id is None:
        return None
    return (
        scope_to_jurisdiction(Report.objects.filter(group_id=report.group_id), user)
        .filter(pk=pk)
        .first()
    )

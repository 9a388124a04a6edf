"""Writes of related reports: link, unlink, and the joint steps of a group.

Several laporan about the same incident and the same reported ASN are linked
into one :class:`~reports.models.ReportGroup` by the handling office and
assessed together: :func:`report_group_transition` records the kajian and the
pleno's decision once and applies it to every report of the group in one
transaction, each with its own history row naming the joint decision
(``data["joint_decision"]``). ``report_transition`` refuses those steps on a
single linked report. Each report keeps its own tracking code, reporter,
registration and public status.

Log lines carry ids only, never names.
"""

import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.scoping import user_jurisdiction
from bawaslu_portal.timefmt import format_date
from reports.models import (
    LINKABLE_STAGES,
    Report,
    ReportGroup,
    ReportStage,
    is_joint_move,
)
from reports.permissions.cases import can_handle_report
from reports.permissions.workflow import can_apply_transition
from reports.services.workflow import report_transition
from reports.workflow import get_transition, guard_allows

logger = logging.getLogger(__name__)


def normalized_name(name: str) -> str:
    """A name compared loosely: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def same_reported_asn(first: Report, second: Report) -> bool:
    """Both reports are about the same ASN: the same NIP when both give one, else the same name."""
    if first.reported_nip and second.reported_nip:
        return first.reported_nip == second.reported_nip
    return normalized_name(first.reported_name) == normalized_name(second.reported_name)


def _asn_label(report: Report) -> str:
    if report.reported_nip:
        return f"{report.reported_name} (NIP {report.reported_nip})"
    return report.reported_name


def report_stale_error(report: Report) -> ValidationError:
    """The page was stale: a step was taken, or reports were linked or unlinked, meanwhile.

    Links write no history row (the public status lists history rows), so
    unlike a workflow step's stale message this one names nobody.
    """
    return ValidationError(
        _(
            "Someone changed this report while you were looking at it (a step, or a link "
            "to other reports); it is now in stage “%(stage)s”. Nothing was saved: check "
            "the report again and repeat your action if it still applies."
        )
        % {"stage": report.stage_label},
        code="stale_version",
    )


def _other_error(message: str, code: str) -> ValidationError:
    return ValidationError({"other": ValidationError(message, code=code)})


def _lock(pks) -> dict[int, Report]:
    """Lock the groups of the reports, then the reports, each in id order.

    Groups first, as ``report_group_transition`` locks them, so a link, an
    unlink and a joint step on the same group wait for one another (a report
    never joins a group whose kajian is being recorded) and never deadlock.
    A report that changed group in between makes the page stale.
    """
    pks = sorted(set(pks))
    seen = dict(Report.objects.filter(pk__in=pks).values_list("pk", "group_id"))
    group_ids = sorted({group_id for group_id in seen.values() if group_id is not None})
    list(ReportGroup.objects.select_for_update().filter(pk__in=group_ids).order_by("pk"))
    rows = {
        row.pk: row
        for row in Report.objects.select_for_update(of=("self",))
        .select_related("office", "group")
        .filter(pk__in=pks)
        .order_by("pk")
    }
    for row in rows.values():
        if row.group_id != seen.get(row.pk):
            raise report_stale_error(row)
    return rows


def _bump_versions(pks) -> None:
    """A changed group makes every open page of its reports stale (their joint steps changed)."""
    Report.objects.filter(pk__in=list(pks)).update(version=F("version") + 1)


def _members(group: ReportGroup | None, report: Report) -> list[Report]:
    if group is None:
        return [report]
    return list(Report.objects.filter(group=group).order_by("pk"))


@transaction.atomic
def report_link(*, actor, report: Report, other: Report, expected_version: int) -> ReportGroup:
    """Link ``other`` to ``report``: both about the same incident and the same reported ASN.

    ``expected_version`` is the version of ``report`` the official saw. Both
    reports must be handled by the same office, be of the same election, not
    be at their kajian yet, and name the same ASN (the same NIP when both give
    one, else the same name). A report already linked brings its group; two
    different groups are not merged (unlink first). Returns the group.

    Raises ``PermissionDenied`` when the actor may not link ``report`` (not
    the handling office, or outside the jurisdiction), and ``ValidationError``
    keyed ``other`` with code ``same_report``, ``other_office``,
    ``other_election``, ``too_late``, ``already_linked``, ``other_group`` or
    ``different_asn``, or ``stale_version``.
    """
    if other.pk == report.pk:
        raise _other_error(_("A report cannot be linked to itself."), "same_report")
    locked = _lock([report.pk, other.pk])
    report, other = locked[report.pk], locked[other.pk]
    scope = user_jurisdiction(actor)
    if not scope.contains(report.region_id) or not scope.contains(other.region_id):
        raise PermissionDenied(_("This report is outside your jurisdiction."))
    if report.version != expected_version:
        raise report_stale_error(report)
    if not can_handle_report(actor, report):
        raise PermissionDenied(_("Only the handling office can link its reports."))
    if other.office_id != report.office_id:
        raise _other_error(
            _(
                "Report %(other)s is handled by %(office)s. Only reports handled by the same "
                "office can be linked."
            )
            % {"other": other, "office": other.office.name},
            "other_office",
        )
    if other.election_id != report.election_id:
        raise _other_error(
            _("Report %(other)s concerns another election: it cannot be about the same incident.")
            % {"other": other},
            "other_election",
        )
    for case in (report, other):
        if case.stage not in LINKABLE_STAGES or (case.group_id and case.group.is_assessed):
            raise _other_error(
                _(
                    "Report %(report)s is in stage “%(stage)s”. Only reports still before "
                    "their kajian can be linked: the kajian is then recorded once for all."
                )
                % {"report": case, "stage": case.stage_label},
                "too_late",
            )
    if report.group_id and report.group_id == other.group_id:
        raise _other_error(
            _("Report %(other)s is already linked to this one.") % {"other": other},
            "already_linked",
        )
    if report.group_id and other.group_id:
        raise _other_error(
            _(
                "Report %(other)s is already linked to other reports, and so is this one. "
                "Groups are not merged: unlink one of the two reports from its group first."
            )
            % {"other": other},
            "other_group",
        )
    if report.group_id:
        group, current, joining = report.group, _members(report.group, report), [other]
    elif other.group_id:
        group, current, joining = other.group, _members(other.group, other), [report]
    else:
        group, current, joining = None, [report], [other]
    for newcomer in joining:
        for member in current:
            if not same_reported_asn(newcomer, member):
                raise _other_error(
                    _(
                        "Report %(other)s is about %(other_asn)s and report %(report)s about "
                        "%(report_asn)s. Only reports about the same reported ASN can be linked."
                    )
                    % {
                        "other": newcomer,
                        "other_asn": _asn_label(newcomer),
                        "report": member,
                        "report_asn": _asn_label(member),
                    },
                    "different_asn",
                )
    if group is None:
        group = ReportGroup(office=report.office, created_by=actor, created_at=timezone.now())
        group.full_clean()
        group.save()
    everyone = [case.pk for case in current + joining]
    Report.objects.filter(pk__in=everyone).update(group=group, version=F("version") + 1)
    logger.info("report group %s: reports %s linked by user %s", group.pk, everyone, actor.pk)
    return group


@transaction.atomic
def report_unlink(*, actor, report: Report, member: Report, expected_version: int) -> None:
    """Take ``member`` out of the group of ``report`` (``member`` may be ``report`` itself).

    Allowed before the joint kajian is recorded. A group left with one
    report is dissolved. Raises ``PermissionDenied`` (not the handling office,
    outside the jurisdiction) and ``ValidationError`` with code
    ``stale_version``, ``not_linked`` or ``assessed``.
    """
    locked = _lock([report.pk, member.pk])
    report, member = locked[report.pk], locked[member.pk]
    if not user_jurisdiction(actor).contains(report.region_id):
        raise PermissionDenied(_("This report is outside your jurisdiction."))
    if not can_handle_report(actor, report):
        raise PermissionDenied(_("Only the handling office can unlink its reports."))
    if report.version != expected_version:
        raise report_stale_error(report)
    if report.group_id is None or member.group_id != report.group_id:
        raise ValidationError(
            _("Report %(member)s is not linked to this report.") % {"member": member},
            code="not_linked",
        )
    group = report.group
    if group.is_assessed:
        raise ValidationError(
            _(
                "The joint kajian of these reports was recorded on %(date)s: they are "
                "assessed together and stay linked."
            )
            % {"date": format_date(group.assessed_at, report.region)},
            code="assessed",
        )
    members = _members(group, report)
    leaving = [member.pk]
    if len(members) <= 2:
        leaving = [case.pk for case in members]
    Report.objects.filter(pk__in=leaving).update(group=None)
    _bump_versions([case.pk for case in members])
    if len(leaving) == len(members):
        group.delete()
    logger.info("report group %s: report %s unlinked by user %s", group.pk, member.pk, actor.pk)


def _not_ready_message(step_label, not_ready: list[Report], *, can_unlink: bool) -> str:
    reports = "; ".join(
        _("%(report)s (stage “%(stage)s”)") % {"report": case, "stage": case.stage_label}
        for case in not_ready
    )
    if can_unlink:
        # Before the joint kajian a report that went another way (withdrawn, not
        # registered) can leave the group, from the page of any report still in it.
        message = _(
            "Linked reports are assessed together, and these are not ready for “%(step)s”: "
            "%(reports)s. Bring them to the same step first, or unlink them."
        )
    else:
        message = _(
            "Linked reports are assessed together, and these are not ready for “%(step)s”: "
            "%(reports)s. Bring them to the same step first."
        )
    return message % {"step": step_label, "reports": reports}


@transaction.atomic
def report_group_transition(
    *, actor, report: Report, to_stage: str, expected_version: int, note: str = "", **fields
) -> list[Report]:
    """Take a workflow step on ``report`` and, when it is a joint step, on its whole group.

    For a report that is not linked, or a step that is not joint
    (``reports.models.is_joint_move``: starting the kajian, the pleno's
    decision), this is ``report_transition``. Otherwise every report of the
    group must be ready for the step (its own row of the transition table
    allows it, its guard holds, the actor may take it); the step is then
    applied to each, in one transaction, with the same note and fields, and
    each history row carries ``joint_decision`` (the group, its reports, the
    report it was recorded on). Starting the kajian fixes the group
    (``assessed_at``). Returns the reports updated, ``report`` first.

    Raises what ``report_transition`` raises, and ``ValidationError`` with
    code ``group_not_ready`` naming the reports that are not ready.
    """
    if report.group_id is None:
        return [
            report_transition(
                actor=actor,
                report=report,
                to_stage=to_stage,
                expected_version=expected_version,
                note=note,
                **fields,
            )
        ]
    group = ReportGroup.objects.select_for_update().filter(pk=report.group_id).first()
    if group is None:  # unlinked since the page was read
        raise report_stale_error(Report.objects.get(pk=report.pk))
    members = list(
        Report.objects.select_for_update(of=("self",))
        .select_related("office__region", "election", "region")
        .filter(group=group)
        .order_by("pk")
    )
    acted = next((case for case in members if case.pk == report.pk), None)
    if acted is None or acted.version != expected_version:
        raise report_stale_error(Report.objects.select_related("office__region").get(pk=report.pk))
    if not is_joint_move(acted.stage, to_stage):
        return [
            report_transition(
                actor=actor,
                report=acted,
                to_stage=to_stage,
                expected_version=expected_version,
                note=note,
                **fields,
            )
        ]
    step = get_transition(acted.stage, to_stage)
    not_ready = []
    for case in members:
        if case.pk == acted.pk:
            continue
        row = get_transition(case.stage, to_stage)
        if (
            row is None
            or not is_joint_move(row.source, row.target)
            or not guard_allows(row, case)
            or not can_apply_transition(actor, case, row)
        ):
            not_ready.append(case)
    if not_ready:
        label = step.label if step is not None else ReportStage(to_stage).label
        raise ValidationError(
            _not_ready_message(label, not_ready, can_unlink=not group.is_assessed),
            code="group_not_ready",
        )

    now = timezone.now()
    joint = {
        "group": group.pk,
        "reports": [str(case) for case in members],
        "recorded_on": str(acted),
    }
    ordered = [acted, *(case for case in members if case.pk != acted.pk)]
    updated = []
    for case in ordered:
        try:
            updated.append(
                report_transition(
                    actor=actor,
                    report=case,
                    to_stage=to_stage,
                    expected_version=case.version,
                    note=note,
                    joint=joint,
                    **fields,
                )
            )
        except ValidationError as error:
            if case.pk == acted.pk:
                raise
            # A linked report refuses what this one accepted (a date before its receipt):
            # nothing is saved, and the message says which report and why.
            raise ValidationError(
                _("Linked report %(report)s cannot take this step: %(reason)s")
                % {"report": case, "reason": " ".join(error.messages)},
                code="group_member_refused",
            ) from error
    if to_stage == ReportStage.KAJIAN and not group.is_assessed:
        group.assessed_at = now
        group.save(update_fields=["assessed_at"])
    logger.info(
        "report group %s: %s -> %s for reports %s by user %s",
        group.pk,
        acted.stage,
        to_stage,
        [case.pk for case in ordered],
        actor.pk,
    )
    return updated


__all__ = [
    "normalized_name",
    "report_group_transition",
    "report_link",
    "report_stale_error",
    "report_unlink",
    "same_reported_asn",
]

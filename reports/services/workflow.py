"""Writes of the case workflow: the one transition service, registration numbers, follow-ups.

:func:`report_transition` is the only code that changes a report's stage. It
applies a row of ``reports.workflow.TRANSITIONS``: it checks the actor's role,
office and jurisdiction, refuses an illegal or stale move, locks the report
row, writes the history row, starts the next deadline, numbers a
registration, opens or closes the follow-ups of the follow-through and bumps
the version. Intake lives in ``reports.services.intake``, comments on a case
in ``reports.services.cases``.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.models import Agency, AgencyKind
from bawaslu_portal.scoping import user_jurisdiction
from coordination.models import FollowUpStatus
from coordination.services import follow_up_create, follow_up_set_status
from reports import deadlines
from reports.models import (
    FollowUpKind,
    RegistrationCounter,
    Report,
    ReportFollowUp,
    ReportSource,
    ReportStage,
    Sanction,
    is_joint_move,
    recommendation_recipient_for,
)
from reports.permissions.workflow import can_apply_transition
from reports.services.shared import report_history_add
from reports.workflow import (
    CHANGE_OFFICE,
    CLOSE_BKN_FOLLOW_UP,
    CLOSE_BLOCK_FOLLOW_UP,
    CLOSE_PPK_FOLLOW_UP,
    FILED_LATE,
    NOT_BLOCKED,
    NOT_EXTENDED,
    NOT_REGISTERED,
    OPEN_BKN_FOLLOW_UP,
    OPEN_BLOCK_FOLLOW_UP,
    OPEN_PPK_FOLLOW_UP,
    PPK_OVERDUE,
    REGISTER,
    REGISTERED,
    REGISTRABLE,
    SET_RECIPIENT,
    TO_INFORMASI_AWAL,
    WITHDRAW,
    Transition,
    get_transition,
    guard_allows,
)

logger = logging.getLogger(__name__)

DEFAULT_REPORT_NUMBER_FORMAT = "{seq:03d}/Reg/{kind}/{election}/{region}/{month_roman}/{year}"
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

#: Every field a transition may carry besides ``note``, with the message when it is missing.
FIELD_REQUIRED_MESSAGES = {
    "note": lambda: _("Enter a note explaining this step."),
    "reason": lambda: _("Enter the reason."),
    "target_office": lambda: _("Choose the Bawaslu office."),
    "recommendation_number": lambda: _("Enter the number of the recommendation letter."),
    "recommendation_date": lambda: _("Enter the date of the recommendation letter."),
    "bkn_recommendation_number": lambda: _("Enter the number of KASN/BKN's recommendation."),
    "bkn_recommendation_date": lambda: _("Enter the date KASN/BKN's recommendation was received."),
    "ppk_agency": lambda: _("Choose the government whose PPK decides the sanction."),
    "ppk_sanction": lambda: _("Choose the sanction the PPK imposed."),
    "ppk_decision_number": lambda: _("Enter the number of the PPK's decision."),
    "ppk_decision_date": lambda: _("Enter the date of the PPK's decision."),
    "block_request_number": lambda: _("Enter the number of the letter asking BKN to block."),
    "block_request_date": lambda: _("Enter the date of the letter asking BKN to block."),
    "blocked_on": lambda: _("Enter the date BKN blocked the record."),
}
TRANSITION_FIELDS = frozenset(FIELD_REQUIRED_MESSAGES) - {"note"}


def _late_filing_message(report: Report) -> str:
    return _(
        "This %(source)s was made after its deadline (%(deadline)s): it fails the formal "
        "requirement and cannot be registered (%(basis)s). Close it as not registered, "
        "or keep it as informasi awal."
    ) % {
        # "laporan" or "temuan": the Indonesian terms stay as they are in both languages.
        "source": report.source,
        "deadline": report.filing_deadline.isoformat() if report.filing_deadline else "?",
        "basis": deadlines.filing_legal_basis(report),
    }


#: Why a row's guard refuses the step, for the report at hand.
GUARD_MESSAGES = {
    REGISTERED: lambda report: _("This step needs a registered report."),
    NOT_REGISTERED: lambda report: _("This report is already registered."),
    NOT_EXTENDED: lambda report: _("The handling period has already been extended once."),
    REGISTRABLE: lambda report: (
        _("This report is already registered.")
        if report.is_registered
        else _late_filing_message(report)
    ),
    FILED_LATE: lambda report: _(
        "Only a report made after its deadline is kept as informasi awal this way."
    ),
    PPK_OVERDUE: lambda report: _(
        "Blocking can be requested only after the PPK's deadline has passed."
    ),
    NOT_BLOCKED: lambda report: _("The block is already recorded."),
}


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def registration_number_format(
    *, seq: int, source: str, election_code: str, region_code: str, on: datetime.date
) -> str:
    """The registration number in the ``REPORT_NUMBER_FORMAT`` setting.

    Placeholders: ``seq``, ``kind`` (LP for a laporan, TM for a temuan or
    informasi awal), ``election``, ``region``, ``month`` (number),
    ``month_roman``, ``year``. The default gives ``001/Reg/LP/PW/19.71/X/2024``.
    """
    pattern = getattr(settings, "REPORT_NUMBER_FORMAT", "") or DEFAULT_REPORT_NUMBER_FORMAT
    return pattern.format(
        seq=seq,
        kind="LP" if source == ReportSource.LAPORAN else "TM",
        election=election_code,
        region=region_code,
        month=on.month,
        month_roman=roman_month(on.month),
        year=on.year,
    )


def _office_today(report: Report) -> datetime.date:
    """Today in the handling office's zone (a WITA office's day starts an hour earlier)."""
    return timezone.localdate(timezone=report.office.region.zoneinfo)


def _stale_error(report: Report) -> ValidationError:
    last = report.history.select_related("actor").order_by("-at", "-pk").first()
    who = str(last.actor) if last and last.actor else _("another user")
    return ValidationError(
        _(
            "%(who)s changed this report while you were looking at it; it is now in stage "
            "“%(stage)s”. Nothing was saved: check the report again and repeat your action "
            "if it still applies."
        )
        % {"who": who, "stage": report.get_stage_display()},
        code="stale_version",
    )


def _check_date(name: str, value, *, not_before=None, not_before_label="", today) -> None:
    if not isinstance(value, datetime.date):
        raise ValidationError({name: ValidationError(_("Enter a valid date."), code="invalid")})
    if value > today:
        raise ValidationError(
            {name: ValidationError(_("The date cannot be in the future."), code="future_date")}
        )
    if not_before is not None and value < not_before:
        raise ValidationError(
            {
                name: ValidationError(
                    _("The date cannot be before %(what)s (%(date)s).")
                    % {"what": not_before_label, "date": not_before.isoformat()},
                    code="date_too_early",
                )
            }
        )


def _check_target_office(*, actor, report: Report, transition: Transition, office: Agency) -> None:
    """The office receiving the case: another Bawaslu Kab/Kota or Provinsi covering the incident.

    A take-over is always by an office above the current one, and an
    official takes a case over for their own office only.
    """
    error = None
    if not isinstance(office, Agency) or office.kind not in {
        AgencyKind.BAWASLU_PROVINSI,
        AgencyKind.BAWASLU_KABKOTA,
        AgencyKind.BAWASLU_RI,
    }:
        error = ValidationError(_("Choose a Bawaslu office."), code="not_bawaslu")
    elif office.pk == report.office_id:
        error = ValidationError(
            _("The case is already handled by this office."), code="same_office"
        )
    elif not office.region.contains(report.region_id):
        error = ValidationError(
            _("%(office)s does not cover the place of the incident.") % {"office": office.name},
            code="office_outside_region",
        )
    elif transition.target == ReportStage.DIAMBIL_ALIH:
        current = report.office.region_id
        if current == office.region_id or not current.startswith(f"{office.region_id}."):
            error = ValidationError(
                _("Only an office above the handling office can take the case over."),
                code="not_above",
            )
        elif not user_jurisdiction(actor).nationwide and office.pk != actor.agency_id:
            error = ValidationError(
                _("You can take a case over for your own office only."), code="not_own_office"
            )
    if error is not None:
        raise ValidationError({"target_office": error})


def _clean_fields(
    *, actor, report: Report, transition: Transition, note: str, fields: dict
) -> dict:
    """Check the fields a transition carries; return them (strings stripped).

    Raises ``ValidationError`` keyed by field, with code ``required`` for a
    missing one.
    """
    unexpected = set(fields) - set(transition.fields)
    if unexpected:
        raise TypeError(f"fields not taken by {transition.key}: {sorted(unexpected)}")
    values = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    errors = {}
    for name in transition.required:
        value = note.strip() if name == "note" else values.get(name)
        if value in (None, ""):
            errors[name] = ValidationError(FIELD_REQUIRED_MESSAGES[name](), code="required")
    if errors:
        raise ValidationError(errors)

    today = _office_today(report)
    if "target_office" in values:
        _check_target_office(
            actor=actor, report=report, transition=transition, office=values["target_office"]
        )
    # Each date: not in the future, and not before the step it answers.
    date_order = {
        "recommendation_date": (
            timezone.localdate(report.received_at, report.office.region.zoneinfo),
            _("the day the report was received"),
        ),
        "bkn_recommendation_date": (report.recommendation_date, _("the recommendation letter")),
        "ppk_decision_date": (report.bkn_recommendation_date, _("KASN/BKN's recommendation")),
        "block_request_date": (report.bkn_recommendation_date, _("KASN/BKN's recommendation")),
        "blocked_on": (report.block_request_date, _("the request to block")),
    }
    for name, (not_before, label) in date_order.items():
        if values.get(name) is not None:
            _check_date(
                name, values[name], not_before=not_before, not_before_label=label, today=today
            )
    if values.get("ppk_sanction") not in (None, "") and values["ppk_sanction"] not in set(
        Sanction.values
    ):
        raise ValidationError(
            {"ppk_sanction": ValidationError(_("Choose a valid sanction."), code="invalid")}
        )
    ppk_agency = values.get("ppk_agency")
    if ppk_agency is not None and (not isinstance(ppk_agency, Agency) or ppk_agency.is_bawaslu):
        raise ValidationError(
            {
                "ppk_agency": ValidationError(
                    _("Choose the regional government or agency of the reported ASN."),
                    code="invalid",
                )
            }
        )
    return values


def _history_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Model):
        return {"id": value.pk, "name": str(value)}
    return value


def _next_deadline(
    *, report: Report, transition: Transition, values: dict, today: datetime.date
) -> tuple[datetime.date | None, str]:
    """(deadline, step) after the transition; the running deadline when the row starts none.

    The day a deadline counts from is its rule's ``counted_from``
    (``deadlines.report_deadline``): a Pemilu extension counts 14 working days
    from the registration (UU 7/2017 ps. 454 ayat (8)), a Pemilihan one 2 days
    from the end of the 3 (UU 10/2016 ps. 134 ayat (6)).
    """
    if transition.closes or transition.stops_deadline or WITHDRAW in transition.effects:
        return None, ""
    if not transition.deadline:
        return report.deadline, report.deadline_step
    letter_date = values.get(transition.deadline_from) if transition.deadline_from else None
    deadline = deadlines.report_deadline(
        report, transition.deadline, today=today, letter_date=letter_date
    )
    return deadline, transition.deadline


def _register(report: Report, today: datetime.date) -> None:
    """Give the next number of the office's year; the counter row is locked until commit.

    The counter and the report are written in the same transaction, so a
    failed registration rolls the counter back: the numbers have no gaps.
    """
    counter, _created = RegistrationCounter.objects.get_or_create(
        office=report.office, year=today.year
    )
    counter = RegistrationCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    report.registration_year = today.year
    report.registration_sequence = counter.last
    report.registered_at = timezone.now()
    report.registration_number = registration_number_format(
        seq=counter.last,
        source=report.source,
        election_code=report.election.code,
        region_code=report.office.region_id,
        on=today,
    )


def _linked_follow_up(report: Report, kind: str):
    link = (
        ReportFollowUp.objects.select_related("follow_up").filter(report=report, kind=kind).first()
    )
    return link.follow_up if link else None


def _open_follow_up(*, actor, report: Report, kind: str) -> None:
    follow_up = follow_up_create(
        actor=actor, due_date=report.deadline, region=report.region, **_opening(report, kind)
    )
    ReportFollowUp.objects.update_or_create(
        report=report, kind=kind, defaults={"follow_up": follow_up}
    )


def _close_follow_up(*, actor, report: Report, kind: str, note: str) -> None:
    follow_up = _linked_follow_up(report, kind)
    if follow_up is not None and follow_up.is_open:
        follow_up_set_status(
            actor=actor, follow_up=follow_up, status=FollowUpStatus.SELESAI, note=note
        )


def _closing_note(report: Report, transition: Transition, kind: str) -> str:
    """The note that closes the follow-up of ``kind``: what the step recorded."""
    if kind == FollowUpKind.BKN_RECOMMENDATION:
        return _("%(recipient)s's recommendation %(number)s received on %(date)s.") % {
            "recipient": report.recipient_label,
            "number": report.bkn_recommendation_number,
            "date": report.bkn_recommendation_date.isoformat(),
        }
    if kind == FollowUpKind.PPK_DECISION:
        return _("PPK decision of %(date)s: %(sanction)s.") % {
            "date": report.ppk_decision_date.isoformat(),
            "sanction": report.get_ppk_sanction_display(),
        }
    if report.blocked_on and transition.target != ReportStage.SELESAI:
        return _("BKN blocked the ASN's record on %(date)s.") % {
            "date": report.blocked_on.isoformat()
        }
    return _("The PPK decided; the block is no longer needed.")


def _opening(report: Report, kind: str) -> dict:
    """The title, responsible agency and description of the follow-up of ``kind`` a step opens."""
    label = str(report)
    if kind == FollowUpKind.BKN_RECOMMENDATION:
        # KASN and BKN are not portal agencies: the handling office chases the reply.
        title = _("Obtain %(recipient)s's recommendation on report %(report)s") % {
            "recipient": report.recipient_label,
            "report": label,
        }
        text = _("Recommendation letter %(number)s of %(date)s was forwarded to %(recipient)s.") % {
            "number": report.recommendation_number,
            "date": report.recommendation_date.isoformat(),
            "recipient": report.recipient_label,
        }
        return {"title": title, "responsible_agency": report.office, "description": text}
    if kind == FollowUpKind.BLOCK_REQUEST:
        title = _("Obtain BKN's block of the ASN's record (report %(report)s)") % {"report": label}
        text = _(
            "The PPK did not decide in time; letter %(number)s of %(date)s asks BKN to "
            "block the ASN's record in its personnel system until the PPK decides."
        ) % {
            "number": report.block_request_number,
            "date": report.block_request_date.isoformat(),
        }
        return {"title": title, "responsible_agency": report.office, "description": text}
    title = _(
        "Decide the sanction on %(recipient)s recommendation %(number)s (report %(report)s)"
    ) % {
        "recipient": report.recipient_label,
        "number": report.bkn_recommendation_number,
        "report": label,
    }
    text = _(
        "The PPK imposes the sanction recommended by %(recipient)s and informs Bawaslu "
        "of the decision."
    ) % {"recipient": report.recipient_label}
    return {"title": title, "responsible_agency": report.ppk_agency, "description": text}


#: The follow-ups of the follow-through a step closes, then opens, by effect, in this order.
CLOSED_FOLLOW_UPS = (
    (CLOSE_BKN_FOLLOW_UP, FollowUpKind.BKN_RECOMMENDATION),
    (CLOSE_PPK_FOLLOW_UP, FollowUpKind.PPK_DECISION),
    (CLOSE_BLOCK_FOLLOW_UP, FollowUpKind.BLOCK_REQUEST),
)
OPENED_FOLLOW_UPS = (
    (OPEN_BKN_FOLLOW_UP, FollowUpKind.BKN_RECOMMENDATION),
    (OPEN_BLOCK_FOLLOW_UP, FollowUpKind.BLOCK_REQUEST),
    (OPEN_PPK_FOLLOW_UP, FollowUpKind.PPK_DECISION),
)


def _apply_follow_through(*, actor, report: Report, transition: Transition) -> None:
    """Open and close the coordination follow-ups of the follow-through.

    The titles carry numbers, never names: partner officials of the PPK's
    government see these follow-ups in their task list.
    """
    for effect, kind in CLOSED_FOLLOW_UPS:
        if effect in transition.effects:
            note = _closing_note(report, transition, kind)
            _close_follow_up(actor=actor, report=report, kind=kind, note=note)
    for effect, kind in OPENED_FOLLOW_UPS:
        if effect in transition.effects:
            _open_follow_up(actor=actor, report=report, kind=kind)


def _check_not_linked(report: Report, transition: Transition) -> None:
    """A linked report takes the kajian and the pleno with its group, and moves with it.

    ``reports.services.related.report_group_transition`` applies those steps to
    every report of the group; taken on one report alone they would let the
    group diverge. Forwarding or taking over one report would split the
    group across offices: it must be unlinked first (before the kajian).
    """
    if is_joint_move(transition.source, transition.target):
        raise ValidationError(
            _(
                "This report is linked to other reports about the same incident: “%(step)s” "
                "is recorded once for all of them, from the case page of any of them."
            )
            % {"step": transition.label},
            code="joint_step",
        )
    if CHANGE_OFFICE in transition.effects:
        raise ValidationError(
            _(
                "Linked reports are handled by one office: unlink this report from the others "
                "before forwarding it or taking it over."
            ),
            code="linked_office_change",
        )


@transaction.atomic
def report_transition(
    *,
    actor,
    report: Report,
    to_stage: str,
    expected_version: int,
    note: str = "",
    joint: dict | None = None,
    **fields,
) -> Report:
    """Move ``report`` to ``to_stage`` by the row of the transition table; return it updated.

    ``expected_version`` is the version the actor saw: if the report changed
    since, nothing is saved. ``fields`` are the row's fields (``reason``,
    ``target_office``, ``recommendation_number``, …).

    ``joint`` is given only by ``reports.services.related.report_group_transition``
    (the step recorded once for linked reports): it is stored in the history
    row's ``data["joint_decision"]``. Without it, a linked report refuses the
    joint steps (``joint_step``) and a change of office (``linked_office_change``).

    Raises ``PermissionDenied`` when the actor's role, office or jurisdiction
    does not allow the step, and ``ValidationError`` with code
    ``stale_version``, ``illegal_transition``, ``guard``, ``joint_step``,
    ``linked_office_change`` or a field error (``required`` and others).
    Passing a field the row does not take is a programming error (``TypeError``).
    """
    locked = (
        Report.objects.select_for_update(of=("self",))
        .select_related("office__region", "election", "region")
        .get(pk=report.pk)
    )
    if not user_jurisdiction(actor).contains(locked.region_id):
        raise PermissionDenied(_("This report is outside your jurisdiction."))
    if locked.version != expected_version:
        raise _stale_error(locked)
    transition = get_transition(locked.stage, to_stage)
    if transition is None:
        raise ValidationError(
            _("A report in stage “%(from)s” cannot move to “%(to)s”.")
            % {
                "from": locked.get_stage_display(),
                "to": ReportStage(to_stage).label if to_stage in ReportStage.values else to_stage,
            },
            code="illegal_transition",
        )
    if not can_apply_transition(actor, locked, transition):
        raise PermissionDenied(_("Your role or office does not allow this step on this report."))
    if not guard_allows(transition, locked):
        raise ValidationError(GUARD_MESSAGES[transition.guard](locked), code="guard")
    if locked.group_id is not None and joint is None:
        _check_not_linked(locked, transition)
    values = _clean_fields(
        actor=actor, report=locked, transition=transition, note=note, fields=fields
    )

    today = _office_today(locked)
    now = timezone.now()
    from_stage = locked.stage
    for name, value in values.items():
        if name == "reason":
            locked.end_reason = value
        elif name != "target_office":
            setattr(locked, name, value)
    if CHANGE_OFFICE in transition.effects:
        locked.office = values["target_office"]
    if TO_INFORMASI_AWAL in transition.effects:
        locked.source = ReportSource.INFORMASI_AWAL
    if SET_RECIPIENT in transition.effects:
        locked.recommendation_recipient = recommendation_recipient_for(
            values["recommendation_date"]
        )
    if transition.extends:
        locked.handling_extended = True
    locked.deadline, locked.deadline_step = _next_deadline(
        report=locked, transition=transition, values=values, today=today
    )
    if REGISTER in transition.effects:
        _register(locked, today)
    if transition.target != from_stage:
        locked.stage = transition.target
        locked.stage_changed_at = now
    locked.closed_at = now if transition.closes else None
    locked.version += 1
    locked.full_clean()
    locked.save()
    _apply_follow_through(actor=actor, report=locked, transition=transition)

    data = {name: _history_value(value) for name, value in values.items()}
    if locked.deadline_step:
        data["deadline_step"] = locked.deadline_step
    if REGISTER in transition.effects:
        data["registration_number"] = locked.registration_number
    if joint is not None:
        data["joint_decision"] = joint
    report_history_add(
        locked, from_stage=from_stage, actor=actor, at=now, note=note.strip(), data=data
    )
    # Structured event only: no names or report contents reach the logs.
    logger.info("report %s: %s -> %s by user %s", locked.pk, from_stage, locked.stage, actor.pk)
    return locked


__all__ = [
    "DEFAULT_REPORT_NUMBER_FORMAT",
    "TRANSITION_FIELDS",
    "registration_number_format",
    "report_transition",
    "roman_month",
]

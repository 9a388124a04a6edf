"""How the demo cases are replayed: through the real services, each step at its own moment.

The cases are replayed through the real services (``report_intake_create``,
``report_group_transition``, ``report_link``, ``report_comment_add``,
``reporter_identity_access``, ``evidence_add``), so their history, deadlines, identity views,
registration numbers and follow-ups are exactly what the portal would have
produced. Each step runs *at its own date*, under a clock set to the moment
it happened (:func:`clock`), and the steps of all cases run in the order of
those moments (:func:`replay_events`), so registration numbers follow the
dates as they would have.
"""

import datetime
import zoneinfo

from django.utils import timezone

from bawaslu_portal.demo.files import demo_upload
from bawaslu_portal.demo.logins import demo_account
from bawaslu_portal.models import Agency, AuditEvent, AuditKind, Region, User, UserRole
from reports.demo.cases import DECIDERS, EVIDENCE, IDENTITY, LINK, Case, Step
from reports.models import Election, EmploymentType, Report, ViolationCategory
from reports.services.cases import evidence_add, report_comment_add, reporter_identity_access
from reports.services.intake import report_intake_create
from reports.services.related import report_group_transition, report_link


def decider_accounts(portal) -> dict[str, User]:
    """The portal's demo logins and the pleno deciders (:data:`DECIDERS`), by username.

    A decider's account is created without a usable password.
    """
    users = dict(portal.users)
    for username, first, last, agency_key, person_key in DECIDERS:
        users[username] = demo_account(
            username,
            password=None,
            first_name=first,
            last_name=last,
            role=UserRole.STAFF if username.endswith(".staf") else UserRole.COMMISSIONER,
            agency=portal.agencies[agency_key],
            person=portal.people.get(person_key) if person_key else None,
        )
    return users


def _kelurahan(city: str, index: int) -> Region:
    codes = list(
        Region.objects.kelurahan()
        .filter(code__startswith=f"{city}.")
        .order_by("code")
        .values_list("code", flat=True)
    )
    return Region.objects.get(code=codes[index % len(codes)])


def _field_value(name: str, value, agencies: dict[str, Agency]):
    if name in {"target_office", "ppk_agency"}:
        return agencies[value]
    return value


def replay_intake(
    case: Case, moment: datetime.datetime, *, agencies: dict[str, Agency], users: dict[str, User]
) -> Report:
    """Record the case as it came in: at the office, or through the public form."""
    reported_agency = agencies[case.reported_agency] if case.reported_agency else None
    common = {
        "election": Election.objects.get(name=case.election),
        "incident_kelurahan": _kelurahan(case.city, case.kelurahan_index),
        "incident_date": case.incident,
        "incident_time": case.incident_time,
        "known_date": case.known,
        "incident_place": case.place,
        "description": case.description,
        "reported_name": case.reported_name,
        "reported_nip": "",
        "reported_position": case.reported_position,
        "reported_agency": reported_agency,
        "reported_agency_name": case.reported_agency_name,
        "reported_employment": EmploymentType.PNS,
        "reported_address": "",
        "reported_phone": "",
        "categories": list(ViolationCategory.objects.filter(code__in=case.categories)),
        "reporter": case.reporter,
        "witnesses": case.witnesses,
        "evidence_links": case.links,
        # The files as the form's upload hands them over (one file object each).
        "evidence_files": [demo_upload(demo_file) for demo_file in case.files],
    }
    if case.public:
        # What reports.views.public passes: no user, no source (the public form files a
        # laporan), no moment of receipt (it is now: the clock).
        report = report_intake_create(user=None, source="", **common).report
    else:
        report = report_intake_create(
            user=users[case.actor], source=case.source, now=moment, **common
        ).report
    # A fixed, readable tracking code makes the seed idempotent and the demo checkable.
    Report.objects.filter(pk=report.pk).update(tracking_code=case.code)
    report.tracking_code = case.code
    return report


def replay_step(
    report: Report, step: Step, *, agencies: dict[str, Agency], users: dict[str, User]
) -> Report:
    """Take ``step`` through the workflow service (and add its comment); return the report.

    The report is read afresh: a joint step recorded on a linked case moved it too.
    """
    report = Report.objects.get(pk=report.pk)
    if step.to == IDENTITY:
        reporter_identity_access(
            user=users[step.actor], report=report, purpose=step.fields["purpose"]
        )
        # The audit row's default time is the real clock's (a field default the demo
        # clock does not reach): it is the step's moment, like the case's history.
        views = AuditEvent.objects.filter(
            kind=AuditKind.IDENTITY_VIEW,
            object_type=Report._meta.label_lower,
            object_id=str(report.pk),
        )
        views.filter(pk=views.latest("pk").pk).update(at=timezone.now())
        return report
    if step.to == EVIDENCE:
        evidence_add(
            user=users[step.actor],
            report=report,
            files=[demo_upload(step.file)],
            description=step.file.description,
        )
        return report
    if step.to == LINK:
        report_link(
            actor=users[step.actor],
            report=report,
            other=Report.objects.get(tracking_code=step.fields["other"]),
            expected_version=report.version,
        )
        return Report.objects.get(pk=report.pk)
    report = report_group_transition(
        actor=users[step.actor],
        report=report,
        to_stage=step.to,
        expected_version=report.version,
        note=step.note,
        **{name: _field_value(name, value, agencies) for name, value in step.fields.items()},
    )[0]
    if step.comment:
        report_comment_add(actor=users[step.comment_by], report=report, text=step.comment)
    return report


Event = tuple[datetime.datetime, int, int, Case, Step | None]


def replay_events(cases: list[Case], zones: dict[str, zoneinfo.ZoneInfo]) -> list[Event]:
    """Every intake and step of ``cases`` with its moment (in the office's zone), in order.

    Raises ``ValueError`` when a case's own steps are not in time order (its
    history would read wrongly).
    """
    events = []
    for order, case in enumerate(cases):
        previous = None
        for index, step in enumerate([None, *case.steps]):
            day, hour = (
                (case.received, case.received_hour) if step is None else (step.on, step.hour)
            )
            moment = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zones[case.office])
            if previous is not None and moment <= previous:
                raise ValueError(f"{case.code}: step {index} is not after the one before it")
            previous = moment
            events.append((moment, order, index, case, step))
    events.sort(key=lambda event: event[:3])
    return events

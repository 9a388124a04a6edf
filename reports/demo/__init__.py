"""Demo data of the reports app: the demo cases, replayed through the real services.

``manage.py seed_demo`` calls :func:`seed_reports_demo` after the portal's and
coordination's seeds (it builds on their agencies, people and logins; nothing
there imports from here). The cases are data (``reports/demo/cases.toml``, read
by ``reports.demo.cases``); the replay through the services, each step at its
own moment, is ``reports.demo.replay``.

Idempotent: each case has a fixed tracking code (``DEM0…``); a case whose
code exists is left alone. A demo database seeded by an earlier version
keeps that version's cases; :func:`stale_demo_cases` names those that
differ (``seed_demo`` says so): recreate the database to replay them.

The seed ends as a deployment's day does: ``reporters_anonymise`` (the daily
timer's ``anonymise_reporters``) anonymises the reporters of cases closed more
than ``REPORTER_RETENTION_DAYS`` ago. With the default five years no demo case
qualifies before 2029 (the first closed in 2024), so the demo shows the reporter
identity flow with names; a deployment with a shorter retention seeds
anonymised reporters, as its timer would leave them.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from bawaslu_portal.demo.clock import clock
from reports.demo.cases import CASES, EVIDENCE
from reports.demo.replay import (
    decider_accounts,
    replay_events,
    replay_intake,
    replay_step,
)
from reports.models import Report
from reports.services.privacy import reporters_anonymise


def stale_demo_cases() -> list[str]:
    """Codes of the demo cases in the database that differ from the cases as seeded now.

    The seed never touches a case whose code exists, so a database seeded by an
    earlier version keeps that version's case: this finds those received on
    another day or through another channel (office or public form), or with
    another number of evidence files (seeded before the demo had them).
    """
    specs = {case.code: case for case in CASES}
    stale = []
    reports = (
        Report.objects.filter(tracking_code__in=specs)
        .select_related("office__region")
        .annotate(files=Count("evidence", filter=~Q(evidence__file="")))
    )
    for report in reports:
        case = specs[report.tracking_code]
        received = timezone.localdate(report.received_at, report.office.region.zoneinfo)
        files = len(case.files) + sum(step.to == EVIDENCE for step in case.steps)
        if (
            received != case.received
            or report.via_public_form != case.public
            or report.files != files
        ):
            stale.append(report.tracking_code)
    return sorted(stale)


@transaction.atomic
def seed_reports_demo(*, portal) -> list[Report]:
    """Create the demo cases (idempotent); return every demo report."""
    users = decider_accounts(portal)
    codes = [case.code for case in CASES]
    existing = set(
        Report.objects.filter(tracking_code__in=codes).values_list("tracking_code", flat=True)
    )
    # The forwarded and taken-over cases stay in their office's zone (same province).
    zones = {case.office: portal.agencies[case.office].region.zoneinfo for case in CASES}
    missing = [case for case in CASES if case.code not in existing]
    reports: dict[str, Report] = {}
    for moment, _order, _index, case, step in replay_events(missing, zones):
        with clock(moment):
            if step is None:
                reports[case.code] = replay_intake(
                    case, moment, agencies=portal.agencies, users=users
                )
            else:
                reports[case.code] = replay_step(
                    reports[case.code], step, agencies=portal.agencies, users=users
                )
    # At the real time, not the demo clock's: what the daily timer would do today.
    reporters_anonymise()
    return list(Report.objects.filter(tracking_code__in=codes))

"""Reads of the public pages: what the status check shows for a tracking code."""

from reports.models import Report, ReportHistory, ReportStage


def report_public_status(*, tracking_code: str) -> dict | None:
    """What ``/cek-laporan/`` may show for a tracking code: no name, no personal data.

    Returns the stage, the stage dates (from the history: stage and date
    only, never the notes, which may name people), the current deadline and
    the handling office's name, and the zone label of the incident's region
    (for the dates); None for an unknown code. Always runs the same
    queries whether or not the code exists, so a wrong code looks no different
    in timing.
    """
    report = (
        Report.objects.filter(tracking_code=tracking_code)
        .select_related("office", "election", "region")
        .only(
            "pk",
            "stage",
            "deadline",
            "deadline_step",
            "received_at",
            "registration_number",
            "filed_late",
            "source",
            "office__name",
            "election__name",
            "region__timezone",
        )
        .first()
    )
    steps = list(
        ReportHistory.objects.filter(report__tracking_code=tracking_code)
        .order_by("at", "pk")
        .values_list("to_stage", "at")
    )
    if report is None:
        return None
    return {
        "stage": ReportStage(report.stage).label,
        "is_closed": report.stage in ReportStage.closed_stages(),
        # Made after its filing deadline: it will not be registered (UU 7/2017 ps. 454
        # ayat (6); UU 10/2016 ps. 134 ayat (4)); the page says so instead of promising
        # an assessment.
        "fails_filing_deadline": report.fails_filing_deadline,
        "deadline": None if report.stage in ReportStage.closed_stages() else report.deadline,
        "days_left": report.days_left(),
        "received_at": report.received_at,
        "registration_number": report.registration_number,
        "office": report.office.name,
        "election": report.election.name,
        "steps": [(ReportStage(stage).label, at) for stage, at in steps],
        # The zone label only (WIB/WITA/WIT): dates read as on the case page.
        "timezone": report.region.timezone,
    }

"""What the reports services share: the history row a step writes."""

import datetime

from reports.models import Report, ReportHistory


def report_history_add(
    report: Report, *, from_stage: str, actor, at: datetime.datetime, note: str, data: dict
) -> ReportHistory:
    """Write the history row of a step (intake or a transition) that has just been saved.

    The row records the report as the step left it: its stage, its handling
    office (``office`` is the office *after* the step) and its running deadline.
    """
    return ReportHistory.objects.create(
        report=report,
        from_stage=from_stage,
        to_stage=report.stage,
        actor=actor,
        office=report.office,
        at=at,
        note=note,
        deadline=report.deadline,
        data=data,
    )

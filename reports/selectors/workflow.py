"""Reads of the workflow for the case page: the timeline and the rules behind the deadlines.

The caller has the report from ``reports.selectors.cases.report_get`` (in the
user's jurisdiction).
"""

from django.utils.translation import gettext as _

from reports.models import DeadlineRule, DeadlineStep, Report, ReportHistory, ReportSource


def history_actor_label(entry: ReportHistory) -> str:
    """Who took a step of the timeline, as the case page names them.

    A history row has no actor in two cases: the first row of a report filed
    through the public form (nobody was logged in: the reporter filed it), and
    a row whose official's account was deleted since (``SET_NULL``).
    """
    if entry.actor is not None:
        return str(entry.actor)
    if not entry.from_stage and entry.report.via_public_form:
        return _("the reporter (public form)")
    return _("a deleted account")


def report_history_list(*, report: Report) -> list[ReportHistory]:
    """The timeline, oldest first, each row with its ``actor_label`` (history_actor_label)."""
    entries = list(report.history.select_related("actor", "office").order_by("at", "pk"))
    for entry in entries:
        entry.actor_label = history_actor_label(entry)
    return entries


def report_deadline_rules(*, report: Report) -> dict[str, DeadlineRule | None]:
    """The rules behind the case's current deadline (``"deadline"``) and its filing deadline.

    One query (none when neither runs). The case page shows each rule's days,
    unit, starting day and legal basis, and says when the regulation leaves
    the unit to be verified.
    """
    filing_step = (
        DeadlineStep.TEMUAN if report.source == ReportSource.TEMUAN else DeadlineStep.FILING
    )
    steps = set()
    if report.deadline and report.deadline_step:
        steps.add(report.deadline_step)
    if report.filing_deadline:
        steps.add(filing_step)
    by_step = (
        {
            rule.step: rule
            for rule in DeadlineRule.objects.filter(
                election_type=report.election.type, step__in=steps
            )
        }
        if steps
        else {}
    )
    return {
        "deadline": by_step.get(report.deadline_step) if report.deadline else None,
        "filing": by_step.get(filing_step) if report.filing_deadline else None,
    }

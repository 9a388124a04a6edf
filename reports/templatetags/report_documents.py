"""``{% case_documents %}``: the printable documents a case page offers (decided in Python).

The case page's view is not this module's to change, so the list is built
here from what the page already holds (the report with its witnesses, the
timeline, and the reporter flags), with no query: see
``reports.selectors.documents.case_documents``.
"""

from django import template

from reports.selectors.documents import case_documents as build_case_documents

register = template.Library()


@register.simple_tag
def case_documents(report, history, can_view_identity, has_reporter):
    """``{% case_documents report history can_view_identity has_reporter as documents %}``."""
    return build_case_documents(
        report=report,
        history=history,
        can_view_identity=bool(can_view_identity),
        has_reporter=bool(has_reporter),
    )

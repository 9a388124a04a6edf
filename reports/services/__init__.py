"""Writes of the reports app, one module per feature.

- ``intake``: recording a report (officials and the public) and its evidence
- ``cases``: more evidence, the logged view of the reporter's identity, comments
- ``workflow``: the one transition service, registration numbers, follow-ups
- ``public``: the mail with a public filing's tracking code
- ``shared``: what they share: the history row a step writes

Import from the feature module: ``from reports.services.workflow import report_transition``.
"""

"""Writes of the reports app, one module per feature (``intake``, ``workflow``, …).

Import from the feature module: ``from reports.services.workflow import report_transition``.
"""

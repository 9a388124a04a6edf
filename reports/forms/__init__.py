"""Forms of the reports app, one module per feature (``intake``, ``workflow``, …).

Import from the feature module: ``from reports.forms.intake import ReportForm``.
"""

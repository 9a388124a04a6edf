"""Who may see and do what in the reports app, one module per feature.

Import from the feature module: ``from reports.permissions.cases import can_view_report``.
"""

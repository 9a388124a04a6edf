"""Who may see and do what in the reports app, one module per feature.

- ``cases``: seeing case files, handling a case, the reporter's identity, comments
- ``workflow``: which transition a user may take on a report
- ``shared``: jurisdiction, case handlers and the office a user acts for

Import from the feature module: ``from reports.permissions.cases import can_view_report``.
"""

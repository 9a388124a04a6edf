"""Forms of the reports app, one module per feature.

- ``intake``: the report form (official and public), witnesses, evidence fields
- ``cases``: the list filters, more evidence, a comment
- ``workflow``: one form per transition row
- ``public``: the public form's steps and first step, the status check
- ``documents``: the register book's period
- ``shared``: the field types they share (text, digits, selects, phone, email, files)

Import from the feature module: ``from reports.forms.intake import ReportForm``.
"""

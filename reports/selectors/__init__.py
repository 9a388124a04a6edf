"""Reads of the reports app, one module per feature.

- ``cases``: the list, the case, its evidence, comments and identity views
- ``workflow``: the timeline and the rules behind the deadlines
- ``public``: what the status check shows for a tracking code
- ``documents``: which documents a case has, what each prints, the register book
- ``exports``: the filtered list as CSV and XLSX rows

Every read an official sees goes through the jurisdiction scope. Import from
the feature module: ``from reports.selectors.cases import report_list``.
"""
